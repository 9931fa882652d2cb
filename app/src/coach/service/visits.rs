//! Visits: planning, the report (saved as it is typed, with optimistic concurrency), agreed
//! actions and the printable brief.
use super::{action_view, coached_company};
use crate::access;
use crate::auth::CurrentUser;
use crate::coach::report::{VisitForm, VisitReport, parse_date};
use crate::coach::types::*;
use crate::domain::{ActionId, CompanyId, Field, Msg, VisitId, required_text};
use crate::error::{AppError, FormErrors};
use crate::ssr::AppState;
use db::TransactionTrait;
use db::entities::{company, visit};
use db::workspace::{actions, caseload, timeline, visits};

pub async fn plan_visit(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
    date: &str,
) -> Result<VisitId, AppError> {
    let (c, _) = coached_company(st, u, id).await?;
    let mut errors = FormErrors::new();
    errors.keep(Field::VisitDate, date);
    let on = parse_date(date)
        .map_err(|m| errors.add(Field::VisitDate, m))
        .ok();
    let on = errors.finish(on)?.ok_or(AppError::Internal)?;
    let txn = st.db.begin().await?;
    let v = visits::create(&txn, c.id, u.id.0, on, visits::PLANNED).await?;
    timeline::add(
        &txn,
        timeline::NewEvent {
            company_id: c.id,
            kind: timeline::VISIT,
            actor_id: Some(u.id.0),
            shared: true,
            body: format!("planned {}", on.format("%Y-%m-%d")),
            ref_id: Some(v.id),
        },
    )
    .await?;
    caseload::refresh(&txn, c.id).await?;
    txn.commit().await?;
    Ok(VisitId(v.id))
}

/// A visit of a company the user coaches.
async fn coached_visit(
    st: &AppState,
    u: &CurrentUser,
    id: VisitId,
) -> Result<(visit::Model, company::Model), AppError> {
    let v = visits::find(&st.db, id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, _) = coached_company(st, u, CompanyId(v.company_id))
        .await
        .map_err(|_| AppError::NotFound)?;
    Ok((v, c))
}

fn content(v: &visit::Model, approaches: Vec<ApproachEntry>) -> ReportContent {
    ReportContent {
        visit_on: crate::domain::date_input(v.visit_on),
        status: v.status.clone(),
        attendees: v.attendees.clone(),
        topics: v.topics.clone(),
        report: v.report.clone(),
        approaches,
    }
}

pub async fn visit_view(
    st: &AppState,
    u: &CurrentUser,
    id: VisitId,
) -> Result<VisitView, AppError> {
    let (v, c) = coached_visit(st, u, id).await?;
    crate::audit::service::read(st, u, crate::audit::service::VISIT_REPORT, Some(v.id), c.id)
        .await?;
    let approaches = visits::approaches(&st.db, &[v.id])
        .await?
        .into_iter()
        .map(|a| ApproachEntry {
            approach: a.approach,
            response: a.response,
            note: a.note,
        })
        .collect();
    let refused = visits::refused_revisions(&st.db, v.id).await?;
    let company_actions = actions::of_company(&st.db, c.id).await?;
    let names = timeline::user_names(
        &st.db,
        [v.coach_id]
            .into_iter()
            .chain(v.updated_by_id)
            .chain(refused.iter().map(|r| r.author_id))
            .chain(company_actions.iter().filter_map(|a| a.owner_user_id)),
    )
    .await?;
    Ok(VisitView {
        id,
        company_id: CompanyId(c.id),
        company_name: c.name.clone(),
        coach: names.get(&v.coach_id).cloned().unwrap_or_default(),
        content: content(&v, approaches),
        version: v.version,
        updated_by: v.updated_by_id.and_then(|x| names.get(&x).cloned()),
        updated_at: v.updated_at,
        actions: company_actions
            .into_iter()
            .filter(|a| a.visit_id == Some(v.id))
            .map(|a| action_view(a, &c.name, &names, true))
            .collect(),
        refused: refused
            .into_iter()
            .take(5)
            .filter_map(|r| {
                Some(RefusedVersion {
                    author: names.get(&r.author_id).cloned().unwrap_or_default(),
                    at: r.created_at,
                    content: serde_json::from_str(&r.content).ok()?,
                })
            })
            .collect(),
    })
}

/// Saves a report based on `version`. A save based on an older version is refused with
/// `Conflict`, and its text is kept as a refused version so that nothing typed is lost.
pub async fn save_visit(
    st: &AppState,
    u: &CurrentUser,
    id: VisitId,
    version: i32,
    form: &VisitForm,
) -> Result<Saved, AppError> {
    let (v, c) = coached_visit(st, u, id).await?;
    let report = VisitReport::parse(form)?;
    let raw = serde_json::to_string(&report.content()).map_err(|_| AppError::Internal)?;
    let rows = visits::Report {
        visit_on: report.visit_on,
        status: report.status.to_owned(),
        attendees: report.attendees.clone(),
        topics: report.topics.clone(),
        report: report.report.clone(),
        approaches: report
            .approaches
            .iter()
            .map(|(a, r, n)| visits::ApproachRow {
                approach: a.as_str().to_owned(),
                response: r.as_str().to_owned(),
                note: n.clone(),
            })
            .collect(),
    };
    let txn = st.db.begin().await?;
    let saved = match visits::save(&txn, v.id, version, u.id.0, &rows, raw).await? {
        visits::SaveOutcome::Conflict(_) => {
            // The refused text is committed as a revision, then the caller hears "conflict".
            txn.commit().await?;
            return Err(AppError::Conflict);
        }
        visits::SaveOutcome::Saved(s) => s,
    };
    crate::audit::service::change(
        &txn,
        u,
        crate::audit::service::VISIT_REPORT,
        Some(v.id),
        c.id,
    )
    .await?;
    if v.status != saved.status && saved.status == visits::DONE {
        timeline::add(
            &txn,
            timeline::NewEvent {
                company_id: c.id,
                kind: timeline::VISIT,
                actor_id: Some(u.id.0),
                shared: true,
                body: format!("done {}", saved.visit_on.format("%Y-%m-%d")),
                ref_id: Some(v.id),
            },
        )
        .await?;
    }
    caseload::refresh(&txn, c.id).await?;
    txn.commit().await?;
    Ok(Saved {
        version: saved.version,
    })
}

/// An agreed action, for the coach themself or for the entrepreneur.
pub async fn add_action(
    st: &AppState,
    u: &CurrentUser,
    company: CompanyId,
    visit: Option<VisitId>,
    description: &str,
    owner: &str,
    due_on: &str,
) -> Result<ActionId, AppError> {
    let (c, _) = coached_company(st, u, company).await?;
    if let Some(vid) = visit {
        let v = visits::find(&st.db, vid.0).await?;
        if v.is_none_or(|v| v.company_id != c.id) {
            return Err(AppError::NotFound);
        }
    }
    let mut errors = FormErrors::new();
    errors.keep(Field::ActionText, description);
    errors.keep(Field::DueDate, due_on);
    let text = required_text(description, 500)
        .map_err(|m| errors.add(Field::ActionText, m))
        .ok();
    let owner = match owner {
        actions::OWNER_COACH => Some(actions::OWNER_COACH),
        actions::OWNER_ENTREPRENEUR => Some(actions::OWNER_ENTREPRENEUR),
        _ => {
            errors.add(Field::ActionOwner, Msg::ChoiceInvalid);
            None
        }
    };
    let due = parse_date(due_on)
        .map_err(|m| errors.add(Field::DueDate, m))
        .ok();
    let (text, owner, due) = errors.finish((text, owner, due))?;
    let (Some(text), Some(owner), Some(due)) = (text, owner, due) else {
        return Err(AppError::Internal);
    };
    let txn = st.db.begin().await?;
    let a = actions::create(
        &txn,
        actions::NewAction {
            company_id: c.id,
            visit_id: visit.map(|v| v.0),
            description: text.clone(),
            owner,
            owner_user_id: (owner == actions::OWNER_COACH).then_some(u.id.0),
            due_on: due,
            created_by_id: u.id.0,
        },
    )
    .await?;
    timeline::add(
        &txn,
        timeline::NewEvent {
            company_id: c.id,
            kind: timeline::ACTION,
            actor_id: Some(u.id.0),
            shared: owner == actions::OWNER_ENTREPRENEUR,
            body: format!("agreed {}", text),
            ref_id: Some(a.id),
        },
    )
    .await?;
    caseload::refresh(&txn, c.id).await?;
    txn.commit().await?;
    Ok(ActionId(a.id))
}

/// Ticks an action off (or opens it again): the coaching staff any action of their company,
/// the entrepreneur the company's actions that are theirs.
pub async fn set_action_done(
    st: &AppState,
    u: &CurrentUser,
    id: ActionId,
    done: bool,
) -> Result<(), AppError> {
    let a = actions::find(&st.db, id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, facts) = crate::companies::load_visible(st, u, CompanyId(a.company_id)).await?;
    if !access::can_complete_action(u, &facts, a.owner == actions::OWNER_ENTREPRENEUR) {
        return Err(AppError::NotFound);
    }
    if a.done_at.is_some() == done {
        return Ok(());
    }
    let txn = st.db.begin().await?;
    actions::set_done(&txn, a.id, done, u.id.0).await?;
    timeline::add(
        &txn,
        timeline::NewEvent {
            company_id: c.id,
            kind: timeline::ACTION,
            actor_id: Some(u.id.0),
            shared: a.owner == actions::OWNER_ENTREPRENEUR,
            body: format!(
                "{} {}",
                if done { "done" } else { "reopened" },
                a.description
            ),
            ref_id: Some(a.id),
        },
    )
    .await?;
    caseload::refresh(&txn, c.id).await?;
    txn.commit().await?;
    Ok(())
}
