//! Server functions of the workspace: thin endpoints that take the asker from the session and
//! call `service`, which checks access.
use super::types::*;
use crate::domain::{ActionId, CompanyId, Paged, ScanId, UserId, VisitId};
use crate::error::AppError;
use leptos::prelude::*;
use serde_json::Value;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::call;

#[server(prefix = "/api", endpoint = "get_caseload")]
pub async fn get_caseload(params: CaseloadParams) -> Result<Caseload, AppError> {
    call!(|st, u| service::caseload(&st, &u, &params))
}

#[server(prefix = "/api", endpoint = "get_workspace")]
pub async fn get_workspace(id: CompanyId) -> Result<Workspace, AppError> {
    call!(|st, u| service::workspace(&st, &u, id))
}

/// A whole company page in one request: the company and its coaching part (timeline filter
/// `kind`, timeline page `page`).
#[server(prefix = "/api", endpoint = "get_company_page")]
pub async fn get_company_page(
    id: CompanyId,
    kind: String,
    page: u64,
) -> Result<(crate::companies::CompanyDetail, Dossier), AppError> {
    call!(|st, u| service::company_page(&st, &u, id, &kind, page))
}

#[server(prefix = "/api", endpoint = "get_timeline")]
pub async fn get_timeline(id: CompanyId, kind: String, page: u64) -> Result<Timeline, AppError> {
    call!(|st, u| service::timeline_page(&st, &u, id, &kind, page))
}

#[server(prefix = "/api", endpoint = "add_note")]
pub async fn add_note(
    company_id: CompanyId,
    note_text: String,
    shared: Option<String>,
) -> Result<(), AppError> {
    call!(|st, u| service::add_note(&st, &u, company_id, &note_text, shared.is_some()))
}

#[server(prefix = "/api", endpoint = "add_co_coach")]
pub async fn add_co_coach(company_id: CompanyId, coach_id: String) -> Result<(), AppError> {
    call!(|st, u| async {
        let coach = coach_id.parse::<UserId>().map_err(|_| {
            AppError::invalid(crate::domain::Field::CoCoach, crate::domain::Msg::Required)
        })?;
        service::add_co_coach(&st, &u, company_id, coach).await
    })
}

#[server(prefix = "/api", endpoint = "remove_co_coach")]
pub async fn remove_co_coach(company_id: CompanyId, coach_id: UserId) -> Result<(), AppError> {
    call!(|st, u| service::remove_co_coach(&st, &u, company_id, coach_id))
}

/// A coach asks to co-coach a company of their organisation.
#[server(prefix = "/api", endpoint = "request_co_coaching")]
pub async fn request_co_coaching(company_id: CompanyId) -> Result<(), AppError> {
    call!(|st, u| service::request_co_coaching(&st, &u, company_id))
}

/// The primary coach or a programme manager answers a request to co-coach.
#[server(prefix = "/api", endpoint = "answer_co_coaching")]
pub async fn answer_co_coaching(
    company_id: CompanyId,
    coach_id: UserId,
    accept: bool,
) -> Result<(), AppError> {
    call!(|st, u| service::answer_co_coaching(&st, &u, company_id, coach_id, accept))
}

#[server(prefix = "/api", endpoint = "hand_over")]
pub async fn hand_over(
    company_id: CompanyId,
    coach_id: String,
    handover_note: String,
) -> Result<(), AppError> {
    call!(|st, u| async {
        // An empty choice is reported together with the note, as one list of field errors.
        let to = coach_id.parse::<UserId>().unwrap_or(UserId(0));
        service::hand_over(&st, &u, company_id, to, &handover_note).await
    })
}

#[server(prefix = "/api", endpoint = "bulk_hand_over")]
pub async fn bulk_hand_over(
    from_coach_id: String,
    coach_id: String,
    handover_note: String,
) -> Result<usize, AppError> {
    call!(|st, u| async {
        let from = from_coach_id.parse::<UserId>().unwrap_or(UserId(0));
        let to = coach_id.parse::<UserId>().unwrap_or(UserId(0));
        service::bulk_hand_over(&st, &u, from, to, &handover_note).await
    })
}

#[server(prefix = "/api", endpoint = "get_staff_loads")]
pub async fn get_staff_loads() -> Result<Vec<StaffLoad>, AppError> {
    call!(|st, u| service::staff_loads(&st, &u))
}

#[server(prefix = "/api", endpoint = "plan_visit")]
pub async fn plan_visit(company_id: CompanyId, visit_on: String) -> Result<VisitId, AppError> {
    call!(|st, u| async {
        let id = service::plan_visit(&st, &u, company_id, &visit_on).await?;
        leptos_axum::redirect(&format!("/visits/{id}"));
        Ok(id)
    })
}

#[server(prefix = "/api", endpoint = "get_visit")]
pub async fn get_visit(id: VisitId) -> Result<VisitView, AppError> {
    call!(|st, u| service::visit_view(&st, &u, id))
}

/// Saves a visit report: the plain form (without JavaScript) and autosave alike.
#[server(prefix = "/api", endpoint = "save_visit")]
pub async fn save_visit(
    id: VisitId,
    version: i32,
    report: super::VisitForm,
) -> Result<Saved, AppError> {
    call!(|st, u| service::save_visit(&st, &u, id, version, &report))
}

#[server(prefix = "/api", endpoint = "get_visit_brief")]
pub async fn get_visit_brief(id: VisitId) -> Result<VisitBrief, AppError> {
    call!(|st, u| service::brief(&st, &u, id))
}

#[server(prefix = "/api", endpoint = "add_action")]
pub async fn add_action(
    company_id: CompanyId,
    visit_id: Option<VisitId>,
    description: String,
    owner: String,
    due_on: String,
) -> Result<ActionId, AppError> {
    call!(|st, u| service::add_action(&st, &u, company_id, visit_id, &description, &owner, &due_on))
}

#[server(prefix = "/api", endpoint = "set_action_done")]
pub async fn set_action_done(id: ActionId, done: bool) -> Result<(), AppError> {
    call!(|st, u| service::set_action_done(&st, &u, id, done))
}

#[server(prefix = "/api", endpoint = "get_actions")]
pub async fn get_actions(overdue: bool, page: u64) -> Result<Paged<ActionView>, AppError> {
    call!(|st, u| service::action_list(&st, &u, overdue, page))
}

#[server(prefix = "/api", endpoint = "get_coach_review")]
pub async fn get_coach_review(id: ScanId) -> Result<CoachReview, AppError> {
    call!(|st, u| service::review(&st, &u, id))
}

/// Saves the review of one question (JSON: the coach answer is exchange-format JSON).
#[server(prefix = "/api", endpoint = "save_review", input = server_fn::codec::Json)]
pub async fn save_review(
    scan_id: ScanId,
    question: String,
    coach_answer: Option<Value>,
    note: String,
    flagged: bool,
) -> Result<(), AppError> {
    call!(|st, u| service::save_review(&st, &u, scan_id, &question, coach_answer, &note, flagged))
}

#[server(prefix = "/api", endpoint = "get_t_profile")]
pub async fn get_t_profile() -> Result<TProfile, AppError> {
    call!(|st, u| service::t_profile(&st, &u))
}

#[server(prefix = "/api", endpoint = "save_t_profile")]
pub async fn save_t_profile(profile: TProfileForm) -> Result<(), AppError> {
    call!(|st, u| service::save_t_profile(&st, &u, &profile))
}
