//! Server functions of contributions.
use super::types::*;
use crate::domain::CompanyId;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::call;

#[server(prefix = "/api", endpoint = "get_contributions")]
pub async fn get_contributions(company_id: CompanyId) -> Result<ContributionsPanel, AppError> {
    call!(|st, u| async {
        let (c, _) = crate::companies::load_coached(&st, &u, company_id).await?;
        service::panel(&st, &c).await
    })
}

#[server(prefix = "/api", endpoint = "apply_contribution")]
pub async fn apply_contribution(company_id: CompanyId, form: ApplyForm) -> Result<i64, AppError> {
    call!(|st, u| service::apply(&st, &u, company_id, &form))
}

/// The funder decided: an amount granted, or (empty) rejected.
#[server(prefix = "/api", endpoint = "decide_contribution")]
pub async fn decide_contribution(id: i64, granted: String) -> Result<(), AppError> {
    call!(|st, u| service::decide(&st, &u, id, &granted))
}
