//! The caseload and the action lists.
use super::action_view;
use crate::auth::CurrentUser;
use crate::coach::types::{ActionView, CaseRow, Caseload, CaseloadParams};
use crate::domain::{CompanyId, PER_PAGE, Paged, Role, SECTORS, offset_of};
use crate::error::AppError;
use crate::scan::Band;
use crate::ssr::AppState;
use db::workspace::caseload::{CaseScope, Filter, Sort};
use db::workspace::{actions, timeline, today};

/// Whose companies a user's caseload holds: a coach their own, a programme manager the whole
/// organisation. Nobody else has a caseload.
pub fn case_scope(u: &CurrentUser) -> Result<CaseScope, AppError> {
    match (u.role, u.organisation_id) {
        (Role::Coach, Some(org)) => Ok(CaseScope::Coach {
            user_id: u.id.0,
            organisation_id: org.0,
        }),
        (Role::ProgrammeManager, Some(org)) => Ok(CaseScope::Organisation(org.0)),
        _ => Err(AppError::Forbidden),
    }
}

fn sort_of(s: &str) -> (Sort, bool) {
    let (desc, key) = match s.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, s),
    };
    let sort = match key {
        "score" => Sort::Score,
        "contact" => Sort::LastContact,
        "visit" => Sort::NextVisit,
        "due" => Sort::Due,
        _ => Sort::Name,
    };
    (sort, desc)
}

fn non_empty(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

pub async fn caseload(
    st: &AppState,
    u: &CurrentUser,
    p: &CaseloadParams,
) -> Result<Caseload, AppError> {
    let scope = case_scope(u)?;
    let (sort, descending) = sort_of(&p.sort);
    // Unknown filter values are ignored rather than refused: they come from an edited URL.
    let sector = non_empty(&p.sector).filter(|s| SECTORS.iter().any(|c| c.to_string() == *s));
    let band = non_empty(&p.band).filter(|b| {
        [
            Band::Basic,
            Band::Average,
            Band::ModeratelyAdvanced,
            Band::Advanced,
        ]
        .iter()
        .any(|x| x.as_str() == b)
    });
    let filter = Filter {
        scope,
        search: non_empty(&p.q),
        sector,
        band,
        municipality: non_empty(&p.municipality),
        overdue: p.overdue,
        sort,
        descending,
    };
    let page = p.page.max(1);
    let found = db::workspace::caseload::list(&st.db, &filter, offset_of(page), PER_PAGE).await?;
    let names = timeline::user_names(
        &st.db,
        found.items.iter().filter_map(|c| c.primary_coach_id),
    )
    .await?;
    let municipalities = db::workspace::caseload::municipalities(&st.db, scope).await?;
    let rows = found
        .items
        .into_iter()
        .map(|c| CaseRow {
            id: CompanyId(c.id),
            overdue: c.first_due_on.is_some_and(|d| d < today()),
            co_coach: u.role == Role::Coach && c.primary_coach_id != Some(u.id.0),
            primary_coach: c.primary_coach_id.and_then(|id| names.get(&id).cloned()),
            name: c.name,
            municipality: c.municipality,
            sector: c.primary_sector,
            latest_scan_at: c.latest_scan_at,
            overall: c.latest_overall,
            band: c.latest_band,
            last_contact: c.last_contact_on,
            next_visit: c.next_visit_on,
            open_actions: c.open_actions,
        })
        .collect();
    Ok(Caseload {
        rows: Paged {
            items: rows,
            total: found.total,
            page,
            per_page: PER_PAGE,
        },
        municipalities,
        whole_organisation: matches!(scope, CaseScope::Organisation(_)),
    })
}

/// "My actions" (coach actions the asker owns) or the overdue actions of the asker's caseload.
pub async fn action_list(
    st: &AppState,
    u: &CurrentUser,
    overdue: bool,
    page: u64,
) -> Result<Paged<ActionView>, AppError> {
    let scope = case_scope(u)?;
    let page = page.max(1);
    let (scope, overdue_before) = if overdue {
        (actions::ActionScope::Caseload(scope), Some(today()))
    } else {
        (actions::ActionScope::OwnedBy(u.id.0), None)
    };
    let found =
        actions::open_list(&st.db, scope, overdue_before, offset_of(page), PER_PAGE).await?;
    let names = timeline::user_names(
        &st.db,
        found.items.iter().filter_map(|r| r.action.owner_user_id),
    )
    .await?;
    Ok(Paged {
        items: found
            .items
            .into_iter()
            .map(|r| action_view(r.action, &r.company_name, &names, true))
            .collect(),
        total: found.total,
        page,
        per_page: PER_PAGE,
    })
}
