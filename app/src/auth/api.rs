//! Server functions for accounts. Each is a thin public endpoint: it checks who asks, calls
//! persistence, and converts the error.
#[cfg(feature = "ssr")]
use super::LinkPurpose;
use super::{CurrentUser, LinkInfo};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    domain::{Field, Lang, MAX_NAME, Msg, parse_email, parse_new_password, required_text},
    error::FormErrors,
    ssr::{self, respond},
};

/// The signed-in user, or `None`.
#[server(prefix = "/api", endpoint = "me")]
pub async fn me() -> Result<Option<CurrentUser>, AppError> {
    Ok(ssr::current_user())
}

#[server(prefix = "/api", endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    respond(login_inner(email, password, next).await)
}

#[cfg(feature = "ssr")]
async fn login_inner(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    let st = ssr::state()?;
    let mut errors = FormErrors::new();
    errors.keep(Field::Email, &email);
    if email.trim().is_empty() {
        errors.add(Field::Email, Msg::Required);
    }
    if password.is_empty() {
        errors.add(Field::Password, Msg::Required);
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let Some(user) = db::accounts::authenticate(&st.db, &email, &password).await? else {
        // One message for an unknown e-mail and a wrong password.
        errors.add(Field::Email, Msg::BadCredentials);
        return Err(AppError::Invalid(errors));
    };
    let current = ssr::to_current_user(&user).ok_or(AppError::Internal)?;
    // A new session id at every login; the old session (if any) ends.
    if let Some(old) = ssr::session_secret() {
        db::sessions::delete(&st.db, &old).await?;
    }
    let idle = chrono::Duration::minutes(current.role.idle_timeout_minutes());
    let secret = db::sessions::create(&st.db, user.id, idle).await?;
    ssr::set_cookie(ssr::session_cookie(secret, st.settings.secure_cookies));
    ssr::set_cookie(ssr::lang_cookie(
        current.language,
        st.settings.secure_cookies,
    ));
    leptos_axum::redirect(&super::safe_next(next.as_deref()));
    Ok(())
}

#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    respond(
        async {
            let st = ssr::state()?;
            if let Some(secret) = ssr::session_secret() {
                db::sessions::delete(&st.db, &secret).await?;
            }
            ssr::set_cookie(ssr::expired_session_cookie(st.settings.secure_cookies));
            leptos_axum::redirect("/login?logged_out=1");
            Ok(())
        }
        .await,
    )
}

/// Remembers the chosen language in a cookie and, when signed in, on the account (e-mails
/// follow it).
#[server(prefix = "/api", endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    respond(
        async {
            let st = ssr::state()?;
            let lang = Lang::parse_strict(&lang)
                .ok_or_else(|| AppError::invalid(Field::Language, Msg::ChoiceInvalid))?;
            ssr::set_cookie(ssr::lang_cookie(lang, st.settings.secure_cookies));
            if let Some(u) = ssr::current_user() {
                db::accounts::set_language(&st.db, u.id.0, lang.as_str()).await?;
            }
            Ok(())
        }
        .await,
    )
}

/// Sends a reset link when the address belongs to an active account. The answer is the same
/// either way, so it does not reveal who has an account.
#[server(prefix = "/api", endpoint = "forgot_password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    respond(
        async {
            let st = ssr::state()?;
            let email = parse_email(&email).map_err(|m| {
                let mut e = FormErrors::new();
                e.keep(Field::Email, &email);
                e.add(Field::Email, m);
                AppError::Invalid(e)
            })?;
            if let Some(user) = db::accounts::find_by_email(&st.db, &email)
                .await?
                .filter(|u| u.active)
            {
                use db::TransactionTrait;
                let txn = st.db.begin().await?;
                let token = db::accounts::issue_token(
                    &txn,
                    user.id,
                    db::accounts::PURPOSE_RESET,
                    None,
                    None,
                )
                .await?;
                let mail = super::mail::reset(&st.settings, &user, &token);
                db::outbox::enqueue(&txn, mail, st.settings.smtp_enabled).await?;
                txn.commit().await?;
            }
            leptos_axum::redirect("/forgot-password?sent=1");
            Ok(())
        }
        .await,
    )
}

/// Who a link is for, so the page can greet them; or why it cannot be used.
#[server(prefix = "/api", endpoint = "link_info")]
pub async fn get_link_info(token: String, purpose: String) -> Result<LinkInfo, AppError> {
    respond(
        async {
            let st = ssr::state()?;
            let purpose = LinkPurpose::parse(&purpose).ok_or(AppError::NotFound)?;
            let (_, user) = db::accounts::check_token(&st.db, &token, purpose.as_str()).await?;
            Ok(LinkInfo {
                purpose,
                name: user.name,
                email: user.email,
            })
        }
        .await,
    )
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
    respond(set_password_inner(token, purpose, name, password, password_confirm).await)
}

#[cfg(feature = "ssr")]
async fn set_password_inner(
    token: String,
    purpose: String,
    name: Option<String>,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    use db::TransactionTrait;
    let st = ssr::state()?;
    let purpose = LinkPurpose::parse(&purpose).ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::new();
    let name = match (purpose, name) {
        (LinkPurpose::Invite, Some(n)) => {
            errors.keep(Field::Name, &n);
            match required_text(&n, MAX_NAME) {
                Ok(n) => Some(n),
                Err(m) => {
                    errors.add(Field::Name, m);
                    None
                }
            }
        }
        _ => None,
    };
    let password = match parse_new_password(&password) {
        Ok(p) => Some(p),
        Err(m) => {
            errors.add(Field::Password, m);
            None
        }
    };
    if password.is_some() && password_confirm != password.clone().unwrap_or_default() {
        errors.add(Field::PasswordConfirm, Msg::PasswordMismatch);
    }
    let password = errors.finish(password)?.unwrap_or_default();
    // Check the link before the (slow) hashing, so a dead link answers at once.
    db::accounts::check_token(&st.db, &token, purpose.as_str()).await?;
    let hash = db::password::hash_password_async(password).await?;
    let txn = st.db.begin().await?;
    let user = db::accounts::redeem_token(&txn, &token, purpose.as_str(), name, hash).await?;
    let idle = chrono::Duration::minutes(
        ssr::to_current_user(&user)
            .map(|u| u.role.idle_timeout_minutes())
            .unwrap_or(30),
    );
    let secret = db::sessions::create(&txn, user.id, idle).await?;
    txn.commit().await?;
    ssr::set_cookie(ssr::session_cookie(secret, st.settings.secure_cookies));
    ssr::set_cookie(ssr::lang_cookie(
        Lang::parse(&user.language),
        st.settings.secure_cookies,
    ));
    leptos_axum::redirect("/?welcome=1");
    Ok(())
}
