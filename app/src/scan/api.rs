//! Server functions of the scan: thin endpoints over `service`, which checks who asks.
use super::types::{Progress, ScanDraft, ScanHome, ScanResult};
use crate::domain::{CompanyId, ScanId};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::{self, respond};

#[server(prefix = "/api", endpoint = "scan_home")]
pub async fn get_scan_home(company_id: CompanyId) -> Result<ScanHome, AppError> {
    respond(async { service::home(&ssr::state()?, &ssr::require_user()?, company_id).await }.await)
}

/// The consent choice: two checkboxes, absent when not ticked.
#[server(prefix = "/api", endpoint = "scan_consent")]
pub async fn set_scan_consent(
    company_id: CompanyId,
    share: Option<String>,
    benchmark: Option<String>,
) -> Result<(), AppError> {
    respond(
        async {
            service::set_consent(
                &ssr::state()?,
                &ssr::require_user()?,
                company_id,
                share.is_some(),
                benchmark.is_some(),
            )
            .await?;
            leptos_axum::redirect(&format!("/companies/{company_id}?consent=1#scan"));
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "scan_start")]
pub async fn start_scan(company_id: CompanyId) -> Result<ScanId, AppError> {
    respond(
        async {
            let id = service::start(&ssr::state()?, &ssr::require_user()?, company_id).await?;
            leptos_axum::redirect(&format!("/scans/{id}/step/1"));
            Ok(id)
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "scan_draft")]
pub async fn get_scan_draft(scan_id: ScanId) -> Result<ScanDraft, AppError> {
    respond(async { service::draft(&ssr::state()?, &ssr::require_user()?, scan_id).await }.await)
}

/// Saves one answer as it is given (`answer` is exchange-format JSON; absent withdraws it).
#[server(prefix = "/api", endpoint = "scan_save")]
pub async fn save_answer(
    scan_id: ScanId,
    question: String,
    answer: Option<String>,
) -> Result<Progress, AppError> {
    respond(
        async {
            let value = match answer {
                Some(text) => Some(serde_json::from_str(&text).map_err(|_| {
                    AppError::invalid(
                        crate::domain::Field::Form,
                        crate::domain::Msg::AnswerInvalid(question.clone()),
                    )
                })?),
                None => None,
            };
            service::save(
                &ssr::state()?,
                &ssr::require_user()?,
                scan_id,
                vec![(question, value)],
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "scan_submit")]
pub async fn submit_scan(scan_id: ScanId) -> Result<(), AppError> {
    respond(
        async {
            service::submit(&ssr::state()?, &ssr::require_user()?, scan_id).await?;
            leptos_axum::redirect(&format!("/scans/{scan_id}?submitted=1"));
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "scan_result")]
pub async fn get_scan_result(scan_id: ScanId) -> Result<ScanResult, AppError> {
    respond(async { service::result(&ssr::state()?, &ssr::require_user()?, scan_id).await }.await)
}

#[server(prefix = "/api", endpoint = "scan_history")]
pub async fn get_scan_history(
    company_id: CompanyId,
) -> Result<super::types::ScanHistory, AppError> {
    respond(
        async { service::history(&ssr::state()?, &ssr::require_user()?, company_id).await }.await,
    )
}

/// Programme staff move a scan in from another tool (exchange-format JSON).
#[server(prefix = "/api", endpoint = "scan_import")]
pub async fn import_scan(
    company_id: CompanyId,
    respondent_id: i64,
    round: Option<String>,
    document: String,
) -> Result<ScanId, AppError> {
    respond(
        async {
            let round =
                match round.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                    Some(r) => Some(r.trim_start_matches(['T', 't']).parse::<i32>().map_err(
                        |_| {
                            AppError::invalid(
                                crate::domain::Field::Round,
                                crate::domain::Msg::ChoiceInvalid,
                            )
                        },
                    )?),
                    None => None,
                };
            let id = service::import(
                &ssr::state()?,
                &ssr::require_user()?,
                company_id,
                respondent_id,
                round,
                &document,
            )
            .await?;
            leptos_axum::redirect(&format!("/scans/{id}"));
            Ok(id)
        }
        .await,
    )
}
