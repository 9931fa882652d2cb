//! Server functions of contributions.
use super::types::*;
use crate::domain::CompanyId;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::ssr::{self, respond};

#[server(prefix = "/api", endpoint = "get_contributions")]
pub async fn get_contributions(company_id: CompanyId) -> Result<ContributionsPanel, AppError> {
    respond(
        async {
            let (st, u) = (ssr::state()?, ssr::require_user()?);
            let (c, _) = crate::coach::service::coached_company(&st, &u, company_id).await?;
            super::service::panel(&st, &c).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "apply_contribution")]
pub async fn apply_contribution(company_id: CompanyId, form: ApplyForm) -> Result<i64, AppError> {
    respond(
        async {
            let (st, u) = (ssr::state()?, ssr::require_user()?);
            super::service::apply(&st, &u, company_id, &form).await
        }
        .await,
    )
}

/// The funder decided: an amount granted, or (empty) rejected.
#[server(prefix = "/api", endpoint = "decide_contribution")]
pub async fn decide_contribution(id: i64, granted: String) -> Result<(), AppError> {
    respond(
        async {
            let (st, u) = (ssr::state()?, ssr::require_user()?);
            super::service::decide(&st, &u, id, &granted).await
        }
        .await,
    )
}
