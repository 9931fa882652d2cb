//! Server functions for accounts: thin endpoints over `service`. Signing in and out also set
//! the cookies and redirect, which only the request can do.
use super::{CurrentUser, LinkInfo};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::{self, call};

/// The signed-in user, or `None`.
///
/// Not through `call!`: it needs no app state and must answer even where none is provided
/// (the fallback page for an unknown address renders the header without it), and it cannot fail.
#[server(prefix = "/api", endpoint = "me")]
pub async fn me() -> Result<Option<CurrentUser>, AppError> {
    Ok(ssr::current_user())
}

#[server(prefix = "/api", endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    call!(|st| async {
        let old = ssr::session_secret();
        let next = super::safe_next(next.as_deref());
        let from = ssr::client_address();
        let outcome = service::login(&st, &email, &password, old.as_deref(), &from).await?;
        signed_in_or_code_step(&st, outcome, &next);
        Ok(())
    })
}

#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    call!(|st| async {
        service::logout(&st, ssr::session_secret().as_deref()).await?;
        ssr::set_cookie(ssr::expired_session_cookie(st.settings.secure_cookies));
        leptos_axum::redirect("/login?logged_out=1");
        Ok(())
    })
}

/// Remembers the chosen language in a cookie and, when signed in, on the account (e-mails
/// follow it).
#[server(prefix = "/api", endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    call!(|st| async {
        let lang = service::chosen_language(&lang)?;
        // The cookie first: the choice holds in this browser even if the account is not updated.
        ssr::set_cookie(ssr::lang_cookie(lang, st.settings.secure_cookies));
        service::remember_language(&st, ssr::current_user().as_ref(), lang).await
    })
}

/// Sends a reset link when the address belongs to an active account. The answer is the same
/// either way, so it does not reveal who has an account.
#[server(prefix = "/api", endpoint = "forgot_password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    call!(|st| async {
        service::send_reset_link(&st, &email, &ssr::client_address()).await?;
        leptos_axum::redirect("/forgot-password?sent=1");
        Ok(())
    })
}

/// Who a link is for, so the page can greet them; or why it cannot be used.
#[server(prefix = "/api", endpoint = "link_info")]
pub async fn get_link_info(token: String, purpose: String) -> Result<LinkInfo, AppError> {
    call!(|st| service::link_info(&st, &token, &purpose, &ssr::client_address()))
}

/// Sets a password through an invitation or reset link, then signs the person in.
#[server(prefix = "/api", endpoint = "set_password")]
pub async fn set_password(
    token: String,
    purpose: String,
    name: Option<String>,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    call!(|st| async {
        let form = service::PasswordForm {
            name,
            password,
            password_confirm,
        };
        let from = ssr::client_address();
        let outcome = service::set_password(&st, &token, &purpose, form, &from).await?;
        signed_in_or_code_step(&st, outcome, "/?welcome=1");
        Ok(())
    })
}

/// After a correct password: into the app (to `next`), or on to the second factor's code
/// with the challenge's cookie.
#[cfg(feature = "ssr")]
fn signed_in_or_code_step(st: &ssr::AppState, outcome: service::LoginOutcome, next: &str) {
    match outcome {
        service::LoginOutcome::Session(session) => {
            set_session_cookies(st, session);
            leptos_axum::redirect(next);
        }
        service::LoginOutcome::Code { challenge } => {
            let secure = st.settings.secure_cookies;
            ssr::set_cookie(super::two_factor::cookies::login_challenge(
                challenge, secure,
            ));
            leptos_axum::redirect(&super::two_factor::login_code_path(next));
        }
    }
}

/// The cookies of a session just started: its secret, and the account's language.
#[cfg(feature = "ssr")]
pub(crate) fn set_session_cookies(st: &ssr::AppState, session: service::NewSession) {
    let secure = st.settings.secure_cookies;
    ssr::set_cookie(ssr::session_cookie(session.secret, secure));
    ssr::set_cookie(ssr::lang_cookie(session.language, secure));
}
