//! The audit trail's one endpoint; `service` checks who may read which part.
use super::AuditList;
use crate::domain::{CompanyId, UserId};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::ssr::call;

/// The trail of one company or of one person, newest first, one page.
#[server(prefix = "/api", endpoint = "get_audit")]
pub async fn get_audit(
    company: Option<CompanyId>,
    user: Option<UserId>,
    page: Option<u64>,
) -> Result<AuditList, AppError> {
    call!(|st, u| super::service::list(&st, &u, company, user, page))
}
