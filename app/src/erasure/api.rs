//! The erasure endpoints; `service` checks who may erase what.
#[cfg(feature = "ssr")]
use super::ErasureTarget;
use super::{ErasureFacts, ErasureKind};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::ssr::call;

/// What erasing the target would remove, for its confirmation page.
#[server(prefix = "/api", endpoint = "erasure_preview")]
pub async fn erasure_preview(kind: ErasureKind, id: Option<i64>) -> Result<ErasureFacts, AppError> {
    let target = ErasureTarget::of(kind, id).ok_or(AppError::NotFound)?;
    call!(|st, u| super::service::preview(&st, &u, target))
}

/// Erases the target once `confirm` repeats its e-mail address (a person) or name (a
/// company), then leaves the page: one's own erasure signs out.
#[server(prefix = "/api", endpoint = "erase")]
pub async fn erase(kind: ErasureKind, id: Option<i64>, confirm: String) -> Result<(), AppError> {
    let target = ErasureTarget::of(kind, id).ok_or(AppError::NotFound)?;
    call!(|st, u| async {
        super::service::erase(&st, &u, target, &confirm).await?;
        match target {
            // One's own account, however it was named: sign out.
            ErasureTarget::Myself => own_erasure(&st),
            ErasureTarget::Person(id) if id == u.id => own_erasure(&st),
            ErasureTarget::Person(_) => leptos_axum::redirect("/admin/users?erased=1"),
            ErasureTarget::Company(_) => leptos_axum::redirect("/companies?erased=1"),
        }
        Ok(())
    })
}

/// After erasing one's own account: the session cookie goes and the login page says why.
#[cfg(feature = "ssr")]
fn own_erasure(st: &crate::ssr::AppState) {
    crate::ssr::set_cookie(crate::ssr::expired_session_cookie(
        st.settings.secure_cookies,
    ));
    leptos_axum::redirect("/login?erased=1");
}
