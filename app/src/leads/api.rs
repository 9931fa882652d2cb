//! Server functions of leads.
use super::types::*;
use crate::domain::CompanyId;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::ssr::{self, respond};

#[server(prefix = "/api", endpoint = "get_my_leads")]
pub async fn get_my_leads() -> Result<MyLeads, AppError> {
    respond(
        async {
            let (st, u) = (ssr::state()?, ssr::require_user()?);
            super::service::my_leads(&st, &u).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "propose_lead")]
pub async fn propose_lead(form: ProposeForm) -> Result<i64, AppError> {
    respond(
        async {
            let (st, u) = (ssr::state()?, ssr::require_user()?);
            super::service::propose(&st, &u, &form).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "get_lead_inbox")]
pub async fn get_lead_inbox(page: u64) -> Result<LeadInbox, AppError> {
    respond(
        async {
            let (st, u) = (ssr::state()?, ssr::require_user()?);
            super::service::inbox(&st, &u, page).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "accept_lead")]
pub async fn accept_lead(id: i64, form: AcceptForm) -> Result<CompanyId, AppError> {
    respond(
        async {
            let (st, u) = (ssr::state()?, ssr::require_user()?);
            super::service::accept(&st, &u, id, &form).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "decline_lead")]
pub async fn decline_lead(id: i64, reason: String) -> Result<(), AppError> {
    respond(
        async {
            let (st, u) = (ssr::state()?, ssr::require_user()?);
            super::service::decline(&st, &u, id, &reason).await
        }
        .await,
    )
}
