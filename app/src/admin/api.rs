//! Admin server functions: thin endpoints over `service`, which refuses anyone but an admin.
use super::{
    OrganisationRow, OutboxMessage, OutboxRow, StaffFormOptions, StaffInviteForm, UserRow,
};
use crate::domain::{OutboxId, Paged, UserId};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::call;

#[server(prefix = "/api", endpoint = "admin_list_users")]
pub async fn list_users(
    q: Option<String>,
    role: Option<String>,
    page: Option<u64>,
) -> Result<Paged<UserRow>, AppError> {
    call!(|st, u| service::users(&st, &u, q, role, page))
}

/// Deactivating ends the person's sessions at once. Admins cannot deactivate themselves.
#[server(prefix = "/api", endpoint = "admin_set_user_active")]
pub async fn set_user_active(user_id: UserId, active: bool) -> Result<(), AppError> {
    call!(|st, u| service::set_user_active(&st, &u, user_id, active))
}

#[server(prefix = "/api", endpoint = "admin_staff_form_options")]
pub async fn load_staff_form_options() -> Result<StaffFormOptions, AppError> {
    call!(|st, u| service::staff_form_options(&st, &u))
}

/// Invites a coach, programme manager, expert or admin by e-mail.
#[server(prefix = "/api", endpoint = "admin_invite_staff")]
pub async fn invite_staff(form: StaffInviteForm) -> Result<(), AppError> {
    call!(|st, u| async {
        service::invite_staff(&st, &u, &form).await?;
        leptos_axum::redirect("/admin/users?invited=1");
        Ok(())
    })
}

#[server(prefix = "/api", endpoint = "admin_list_organisations")]
pub async fn list_organisations() -> Result<Vec<OrganisationRow>, AppError> {
    call!(|st, u| service::organisations(&st, &u))
}

#[server(prefix = "/api", endpoint = "admin_list_outbox")]
pub async fn list_outbox(page: Option<u64>) -> Result<Paged<OutboxRow>, AppError> {
    call!(|st, u| service::outbox(&st, &u, page))
}

#[server(prefix = "/api", endpoint = "admin_get_outbox_message")]
pub async fn get_outbox_message(id: OutboxId) -> Result<OutboxMessage, AppError> {
    call!(|st, u| service::outbox_message(&st, &u, id))
}
