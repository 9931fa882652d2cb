//! Server functions of leads.
use super::types::*;
use crate::domain::CompanyId;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::call;

#[server(prefix = "/api", endpoint = "get_my_leads")]
pub async fn get_my_leads() -> Result<MyLeads, AppError> {
    call!(|st, u| service::my_leads(&st, &u))
}

#[server(prefix = "/api", endpoint = "propose_lead")]
pub async fn propose_lead(form: ProposeForm) -> Result<i64, AppError> {
    call!(|st, u| service::propose(&st, &u, &form))
}

#[server(prefix = "/api", endpoint = "get_lead_inbox")]
pub async fn get_lead_inbox(page: u64) -> Result<LeadInbox, AppError> {
    call!(|st, u| service::inbox(&st, &u, page))
}

#[server(prefix = "/api", endpoint = "accept_lead")]
pub async fn accept_lead(id: i64, form: AcceptForm) -> Result<CompanyId, AppError> {
    call!(|st, u| service::accept(&st, &u, id, &form))
}

#[server(prefix = "/api", endpoint = "decline_lead")]
pub async fn decline_lead(id: i64, reason: String) -> Result<(), AppError> {
    call!(|st, u| service::decline(&st, &u, id, &reason))
}
