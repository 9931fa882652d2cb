//! Server-only glue for the server functions: the shared state, the asking user, cookies,
//! and turning persistence errors into the app's error (logged with their cause).
use crate::auth::CurrentUser;
use crate::domain::{Field, Lang, Msg, OrganisationId, Role, UserId};
use crate::error::{AppError, LinkProblem};
use axum::extract::FromRef;
use cookie::{Cookie, SameSite};
use db::{DatabaseConnection, DbError};
use http::header::{ACCEPT, COOKIE, SET_COOKIE};
use http::request::Parts;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use std::sync::Arc;

pub const SESSION_COOKIE: &str = "dc_session";
/// The session cookie's name over https: the `__Host-` prefix makes the browser refuse it
/// unless it is `Secure`, for this exact host (no `Domain`) and path `/`, so a sibling
/// subdomain cannot plant or shadow it.
pub const SECURE_SESSION_COOKIE: &str = "__Host-dc_session";

/// The session cookie's name for this deployment.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}
pub const LANG_COOKIE: &str = "dc_lang";

/// What the server functions need, provided as context on every request.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(s: &AppState) -> Self {
        s.leptos_options.clone()
    }
}

/// The slice of configuration the app itself needs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Public base URL, used in e-mailed links (no trailing slash).
    pub base_url: String,
    /// Mark cookies `Secure` (the base URL is https).
    pub secure_cookies: bool,
    /// SMTP configured: queued mail is sent; otherwise it is kept in the outbox.
    pub smtp_enabled: bool,
    /// Take the client's address from the last `X-Forwarded-For` entry (behind a proxy).
    pub trust_forwarded_for: bool,
    /// How long the audit trail keeps a line, in days.
    pub audit_retention_days: u32,
}

/// The user behind the request, put into the request extensions by the session middleware.
#[derive(Debug, Clone)]
pub struct SessionUser(pub CurrentUser);

/// The client's IP address as the server sees it (the proxy's word for it only when the
/// configuration trusts a proxy), put into the request by the server's middleware.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

/// The raw session secret of the request's cookie (to end it at logout).
#[derive(Debug, Clone)]
pub struct SessionSecret(pub String);

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The signed-in user, if any.
pub fn current_user() -> Option<CurrentUser> {
    parts().and_then(|p| p.extensions.get::<SessionUser>().map(|s| s.0.clone()))
}

/// The signed-in user, or `Unauthenticated`.
pub fn require_user() -> Result<CurrentUser, AppError> {
    current_user().ok_or(AppError::Unauthenticated)
}

pub fn session_secret() -> Option<String> {
    parts().and_then(|p| p.extensions.get::<SessionSecret>().map(|s| s.0.clone()))
}

/// Reads a cookie of the current request.
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = parts()?;
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|header| {
            Cookie::split_parse(header)
                .filter_map(Result::ok)
                .find(|c| c.name() == name)
                .map(|c| c.value().to_owned())
        })
}

/// The language of this request: the chosen language cookie, else Dutch. The browser's
/// Accept-Language is deliberately ignored: Datacoach is Dutch first.
pub fn request_lang() -> Lang {
    request_cookie(LANG_COOKIE)
        .map(|v| Lang::parse(&v))
        .unwrap_or_default()
}

/// The asking client's address, for throttling; "unknown" when the server did not say.
pub fn client_address() -> String {
    parts()
        .and_then(|p| p.extensions.get::<ClientAddress>().map(|a| a.0.clone()))
        .unwrap_or_else(|| "unknown".to_owned())
}

fn response() -> Option<ResponseOptions> {
    use_context::<ResponseOptions>()
}

/// The Content-Security-Policy of a page: scripts only from this site or inline with this
/// response's nonce (Leptos puts it on its hydration and resource scripts), WebAssembly
/// compiled, nothing framed, forms posted only here.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Sends the page's Content-Security-Policy with the nonce of this response. Called by the
/// shell, before the first byte is streamed.
pub fn send_content_security_policy() {
    let Some(nonce) = leptos::nonce::use_nonce() else {
        return;
    };
    if let (Some(res), Ok(v)) = (
        response(),
        http::HeaderValue::from_str(&content_security_policy(&nonce.to_string())),
    ) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, v);
    }
}

pub fn set_cookie(c: Cookie<'static>) {
    if let (Some(res), Ok(v)) = (response(), http::HeaderValue::from_str(&c.to_string())) {
        res.append_header(SET_COOKIE, v);
    }
}

pub fn session_cookie(secret: String, secure: bool) -> Cookie<'static> {
    Cookie::build((session_cookie_name(secure), secret))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::hours(8))
        .build()
}

pub fn expired_session_cookie(secure: bool) -> Cookie<'static> {
    let mut c = session_cookie(String::new(), secure);
    c.make_removal();
    c
}

pub fn lang_cookie(lang: Lang, secure: bool) -> Cookie<'static> {
    Cookie::build((LANG_COOKIE, lang.as_str()))
        .path("/")
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::days(365))
        .build()
}

/// Whether the request came from a plain HTML form (no JavaScript): such requests are
/// answered with a redirect, not a status code.
fn is_form_post() -> bool {
    parts()
        .and_then(|p| {
            p.headers
                .get(ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Finishes a server function: an error gets its HTTP status for API callers.
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result
        && !is_form_post()
        && let (Some(res), Ok(code)) = (response(), http::StatusCode::from_u16(e.status()))
    {
        res.set_status(code);
    }
    result
}

/// The one adapter between a server function and its service: gets the app state and, with
/// `|st, u|`, the signed-in user (or `Unauthenticated`); awaits the service call; and gives an
/// error its HTTP status through [`respond`]. `|st|` is for the endpoints that serve people who
/// are not signed in yet (login, password links).
///
/// ```text
/// call!(|st, u| service::caseload(&st, &u, &params))
/// call!(|st| service::link_info(&st, &token, &purpose))
/// ```
macro_rules! call {
    (|$st:ident, $u:ident| $body:expr) => {
        $crate::ssr::respond(
            async {
                let $u = $crate::ssr::require_user()?;
                let $st = $crate::ssr::state()?;
                $body.await
            }
            .await,
        )
    };
    (|$st:ident| $body:expr) => {
        $crate::ssr::respond(
            async {
                let $st = $crate::ssr::state()?;
                $body.await
            }
            .await,
        )
    };
}
pub(crate) use call;

/// Maps a persistence error. Conflicts name their field; the rest is logged and hidden.
pub fn db_error(e: DbError) -> AppError {
    match e {
        DbError::NotFound => AppError::NotFound,
        DbError::Conflict("email") => AppError::invalid(Field::Email, Msg::EmailTaken),
        DbError::Conflict("kvk_number") => AppError::invalid(Field::KvkNumber, Msg::KvkTaken),
        DbError::Token(p) => AppError::Link(match p {
            db::error::TokenProblem::Unknown => LinkProblem::Unknown,
            db::error::TokenProblem::Expired => LinkProblem::Expired,
            db::error::TokenProblem::Used => LinkProblem::Used,
        }),
        other => {
            tracing::error!(error = ?other, "request failed");
            AppError::Internal
        }
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        db_error(e)
    }
}

impl From<db::DbErr> for AppError {
    fn from(e: db::DbErr) -> Self {
        db_error(DbError::Database(e))
    }
}

/// The shared view of a user row; `None` for a row with an unknown role.
pub fn to_current_user(u: &db::entities::user::Model) -> Option<CurrentUser> {
    Some(CurrentUser {
        id: UserId(u.id),
        name: u.name.clone(),
        email: u.email.clone(),
        role: Role::parse(&u.role)?,
        language: Lang::parse(&u.language),
        organisation_id: u.organisation_id.map(OrganisationId),
        // Known only to the session middleware, which looks the factor up.
        must_enrol: false,
    })
}

/// Keeps a page's stream from ending before the tasks spawned while it rendered had their
/// first turn on the runtime.
///
/// leptos_i18n's context spawns an effect as a task; on a quick answer (a redirect, a short
/// page) the request could end and leptos clean up its reactive owner before that task first
/// ran, which then read a disposed signal and panicked. Yielding to the scheduler at the end
/// of the stream lets the tasks queued before it run first (tokio runs a yielded task after
/// the worker's queued ones).
pub fn settle_spawned_tasks() {
    if let Some(shared) = Owner::current_shared_context() {
        shared.defer_stream(Box::pin(async {
            tokio::task::yield_now().await;
            tokio::task::yield_now().await;
        }));
    }
}
