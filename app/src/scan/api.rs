//! Server functions of the scan: thin endpoints over `service`, which checks who asks.
use super::types::{Progress, ScanDraft, ScanHome, ScanResult};
use crate::domain::{CompanyId, ScanId};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::call;

#[server(prefix = "/api", endpoint = "scan_home")]
pub async fn get_scan_home(company_id: CompanyId) -> Result<ScanHome, AppError> {
    call!(|st, u| service::home(&st, &u, company_id))
}

/// The consent choice: two checkboxes, absent when not ticked.
#[server(prefix = "/api", endpoint = "scan_consent")]
pub async fn set_scan_consent(
    company_id: CompanyId,
    share: Option<String>,
    benchmark: Option<String>,
) -> Result<(), AppError> {
    call!(|st, u| async {
        service::set_consent(&st, &u, company_id, share.is_some(), benchmark.is_some()).await?;
        leptos_axum::redirect(&format!("/companies/{company_id}?consent=1#scan"));
        Ok(())
    })
}

#[server(prefix = "/api", endpoint = "scan_start")]
pub async fn start_scan(company_id: CompanyId) -> Result<ScanId, AppError> {
    call!(|st, u| async {
        let id = service::start(&st, &u, company_id).await?;
        leptos_axum::redirect(&format!("/scans/{id}/step/1"));
        Ok(id)
    })
}

#[server(prefix = "/api", endpoint = "scan_draft")]
pub async fn get_scan_draft(scan_id: ScanId) -> Result<ScanDraft, AppError> {
    call!(|st, u| service::draft(&st, &u, scan_id))
}

/// Saves one answer as it is given (`answer` is exchange-format JSON; absent withdraws it).
#[server(prefix = "/api", endpoint = "scan_save")]
pub async fn save_answer(
    scan_id: ScanId,
    question: String,
    answer: Option<String>,
) -> Result<Progress, AppError> {
    call!(|st, u| async {
        let value = match answer {
            Some(text) => Some(serde_json::from_str(&text).map_err(|_| {
                AppError::invalid(
                    crate::domain::Field::Form,
                    crate::domain::Msg::AnswerInvalid(question.clone()),
                )
            })?),
            None => None,
        };
        service::save(&st, &u, scan_id, vec![(question, value)]).await
    })
}

#[server(prefix = "/api", endpoint = "scan_submit")]
pub async fn submit_scan(scan_id: ScanId) -> Result<(), AppError> {
    call!(|st, u| async {
        service::submit(&st, &u, scan_id).await?;
        leptos_axum::redirect(&format!("/scans/{scan_id}?submitted=1"));
        Ok(())
    })
}

#[server(prefix = "/api", endpoint = "scan_result")]
pub async fn get_scan_result(scan_id: ScanId) -> Result<ScanResult, AppError> {
    call!(|st, u| service::result(&st, &u, scan_id))
}

#[server(prefix = "/api", endpoint = "scan_history")]
pub async fn get_scan_history(
    company_id: CompanyId,
) -> Result<super::types::ScanHistory, AppError> {
    call!(|st, u| service::history(&st, &u, company_id))
}

/// Programme staff move a scan in from another tool (exchange-format JSON).
#[server(prefix = "/api", endpoint = "scan_import")]
pub async fn import_scan(
    company_id: CompanyId,
    respondent_id: i64,
    round: Option<String>,
    document: String,
) -> Result<ScanId, AppError> {
    call!(|st, u| async {
        let round = match round.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => Some(
                crate::domain::parse_round(r)
                    .map_err(|m| AppError::invalid(crate::domain::Field::Round, m))?,
            ),
            None => None,
        };
        let id = service::import(&st, &u, company_id, respondent_id, round, &document).await?;
        leptos_axum::redirect(&format!("/scans/{id}"));
        Ok(id)
    })
}
