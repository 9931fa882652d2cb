//! Server functions of the second factor: thin endpoints over `service`. Those that make
//! recovery codes also hand them to the account page through a short-lived cookie, so the
//! page shows them once with or without JavaScript (the JSON answer carries them too).
use super::FactorOverview;
use crate::domain::UserId;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{cookies, service};
#[cfg(feature = "ssr")]
use crate::ssr::{self, call};

/// The login's second step: a code from the app or a recovery code, then the session.
#[server(prefix = "/api", endpoint = "login_code")]
pub async fn login_code(code: String, next: Option<String>) -> Result<(), AppError> {
    call!(|st| async {
        let challenge = ssr::request_cookie(cookies::name(
            cookies::LOGIN_CHALLENGE_COOKIE,
            st.settings.secure_cookies,
        ));
        let old = ssr::session_secret();
        let session = service::login_code(&st, challenge.as_deref(), &code, old.as_deref()).await?;
        ssr::set_cookie(cookies::login_challenge_removal(st.settings.secure_cookies));
        crate::auth::api::set_session_cookies(&st, session);
        leptos_axum::redirect(&crate::auth::safe_next(next.as_deref()));
        Ok(())
    })
}

#[server(prefix = "/api", endpoint = "two_factor_overview")]
pub async fn two_factor_overview() -> Result<FactorOverview, AppError> {
    call!(|st, u| service::overview(&st, &u))
}

/// Confirms the factor being set up with its first code; returns the recovery codes.
#[server(prefix = "/api", endpoint = "two_factor_confirm")]
pub async fn confirm_two_factor(code: String) -> Result<Vec<String>, AppError> {
    call!(|st, u| async {
        let codes = service::confirm(&st, &u, &code).await?;
        service::show_once(&st, &codes);
        Ok(codes)
    })
}

/// New recovery codes after a current code; the old ones stop working.
#[server(prefix = "/api", endpoint = "two_factor_new_codes")]
pub async fn new_recovery_codes(code: String) -> Result<Vec<String>, AppError> {
    call!(|st, u| async {
        let codes = service::new_codes(&st, &u, &code).await?;
        service::show_once(&st, &codes);
        leptos_axum::redirect(super::ACCOUNT_PATH);
        Ok(codes)
    })
}

#[server(prefix = "/api", endpoint = "two_factor_disable")]
pub async fn disable_two_factor(code: String) -> Result<(), AppError> {
    call!(|st, u| async {
        service::disable(&st, &u, &code).await?;
        leptos_axum::redirect(&format!("{}?off=1", super::ACCOUNT_PATH));
        Ok(())
    })
}

/// An admin resets another person's lost second factor.
#[server(prefix = "/api", endpoint = "admin_reset_two_factor")]
pub async fn reset_two_factor(user_id: UserId) -> Result<(), AppError> {
    call!(|st, u| service::reset(&st, &u, user_id))
}
