//! Server functions for companies: thin endpoints over `service`, which checks who asks and
//! what they may touch.
use super::{CompanyDetail, CompanyForm, CompanyFormOptions, CompanySummary, InviteForm};
use crate::domain::{CompanyId, Paged, UserId};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::call;

/// The companies the user may see, filtered and paginated on the server.
#[server(prefix = "/api", endpoint = "list_companies")]
pub async fn list_companies(
    q: Option<String>,
    page: Option<u64>,
) -> Result<Paged<CompanySummary>, AppError> {
    call!(|st, u| service::list(&st, &u, q.as_deref(), page))
}

#[server(prefix = "/api", endpoint = "get_company")]
pub async fn get_company(id: CompanyId) -> Result<CompanyDetail, AppError> {
    call!(|st, u| service::detail(&st, &u, id))
}

#[server(prefix = "/api", endpoint = "company_form_options")]
pub async fn load_company_form_options() -> Result<CompanyFormOptions, AppError> {
    call!(|st, u| service::form_options(&st, &u))
}

/// Creates a company record, before or without an entrepreneur account.
#[server(prefix = "/api", endpoint = "create_company")]
pub async fn create_company(form: CompanyForm) -> Result<CompanyId, AppError> {
    call!(|st, u| async {
        let id = service::create(&st, &u, &form).await?;
        leptos_axum::redirect(&format!("/companies/{id}?created=1"));
        Ok(id)
    })
}

/// Removes an entrepreneur from a company (its coaches, programme managers).
#[server(prefix = "/api", endpoint = "remove_member")]
pub async fn remove_member(company_id: CompanyId, user_id: UserId) -> Result<(), AppError> {
    call!(|st, u| service::remove_member(&st, &u, company_id, user_id))
}

/// Invites an entrepreneur to a company by e-mail (creating the account when needed).
#[server(prefix = "/api", endpoint = "invite_entrepreneur")]
pub async fn invite_entrepreneur(
    company_id: CompanyId,
    invite: InviteForm,
) -> Result<(), AppError> {
    call!(|st, u| async {
        service::invite_entrepreneur(&st, &u, company_id, &invite).await?;
        leptos_axum::redirect(&format!("/companies/{company_id}?invited=1"));
        Ok(())
    })
}
