//! Recording reads and listing the trail, with the access rules of `crate::access`.
use super::{AuditEntry, AuditList};
use crate::access::{self, AuditView};
use crate::auth::CurrentUser;
use crate::domain::{CompanyId, OrganisationId, PER_PAGE, Paged, Role, UserId, offset_of};
use crate::error::AppError;
use crate::ssr::AppState;

/// What can be read (the `object` of a read).
pub const DOSSIER: &str = "dossier";
pub const SCAN_RESULT: &str = "scan_result";
pub const SCAN_EXPORT: &str = "scan_export";
pub const SCAN_REVIEW: &str = "scan_review";
pub const VISIT_REPORT: &str = "visit_report";
pub const VISIT_BRIEF: &str = "visit_brief";

/// Records that `u` read `object` of a company. The company's own entrepreneurs reading
/// their own data are not recorded: the trail is about who else looked.
pub async fn read(
    st: &AppState,
    u: &CurrentUser,
    object: &'static str,
    object_id: Option<i64>,
    company_id: i64,
) -> Result<(), AppError> {
    if u.role == Role::Entrepreneur {
        return Ok(());
    }
    db::audit::record(
        &st.db,
        db::audit::NewAudit {
            actor_id: Some(u.id.0),
            actor_role: u.role.as_str(),
            action: db::audit::READ,
            object,
            object_id,
            company_id: Some(company_id),
        },
    )
    .await?;
    Ok(())
}

/// Records a change by `u` that its timeline does not tell (a saved visit report, a scan
/// review, the company's details), in the caller's transaction where it has one.
pub async fn change<C: db::ConnectionTrait>(
    db: &C,
    u: &CurrentUser,
    object: &'static str,
    object_id: Option<i64>,
    company_id: i64,
) -> Result<(), AppError> {
    db::audit::record(
        db,
        db::audit::NewAudit {
            actor_id: Some(u.id.0),
            actor_role: u.role.as_str(),
            action: db::audit::CHANGE,
            object,
            object_id,
            company_id: Some(company_id),
        },
    )
    .await?;
    Ok(())
}

/// One page of the trail of a company or of a person (or, for programme staff without a
/// choice yet, only the people to choose from).
pub async fn list(
    st: &AppState,
    u: &CurrentUser,
    company: Option<CompanyId>,
    user: Option<UserId>,
    page: Option<u64>,
) -> Result<AuditList, AppError> {
    let page = page.unwrap_or(1).max(1);
    let mut filter = db::audit::Filter::default();
    let mut about_company = None;
    let mut about_user = None;
    if let Some(id) = company {
        let (c, facts) = crate::companies::load_visible(st, u, id).await?;
        match access::company_audit(u, &facts) {
            Some(AuditView::Everything) => {}
            Some(AuditView::StaffReads) => filter.staff_reads_only = true,
            None => return Err(AppError::Forbidden),
        }
        filter.company_id = Some(c.id);
        about_company = Some((id, c.name));
    }
    if let Some(id) = user {
        let person = db::accounts::find_by_id(&st.db, id.0)
            .await?
            .ok_or(AppError::NotFound)?;
        if !access::can_audit_user(u, person.organisation_id.map(OrganisationId)) {
            return Err(AppError::Forbidden);
        }
        filter.actor_id = Some(person.id);
        about_user = Some((id, person.name));
    }
    let people = match (u.role, u.organisation_id) {
        (Role::ProgrammeManager, Some(org)) => db::accounts::staff_of(&st.db, org.0)
            .await?
            .into_iter()
            .map(|p| (UserId(p.id), p.name))
            .collect(),
        _ => vec![],
    };
    if company.is_none() && user.is_none() {
        // Nothing chosen: programme staff get the picker, nobody else has a trail to see.
        if people.is_empty() && u.role != Role::Admin {
            return Err(AppError::Forbidden);
        }
        return Ok(AuditList {
            entries: Paged {
                items: vec![],
                total: 0,
                page: 1,
                per_page: PER_PAGE,
            },
            company: None,
            user: None,
            reads_only: false,
            people,
            kept_days: st.settings.audit_retention_days,
        });
    }
    let found = db::audit::list(&st.db, filter, offset_of(page), PER_PAGE).await?;
    let companies = db::companies::names_of(
        &st.db,
        found.items.iter().filter_map(|r| r.event.company_id),
    )
    .await?;
    Ok(AuditList {
        entries: Paged {
            items: found
                .items
                .into_iter()
                .map(|r| AuditEntry {
                    at: r.event.occurred_at,
                    actor: r.actor_name,
                    role: r.event.actor_role,
                    action: r.event.action,
                    object: r.event.object,
                    company: r
                        .event
                        .company_id
                        .and_then(|c| companies.get(&c).map(|n| (CompanyId(c), n.clone()))),
                })
                .collect(),
            total: found.total,
            page,
            per_page: PER_PAGE,
        },
        company: about_company,
        user: about_user,
        reads_only: filter.staff_reads_only,
        people,
        kept_days: st.settings.audit_retention_days,
    })
}
