//! The one place on the server that holds a signed-in admin or programme manager without a
//! second factor to setting one up: the session middleware marks such a user
//! (`with_enrolment`), and `enrolment_gate` lets them reach only the enrolment page and what
//! it needs (`app::auth::two_factor::reachable_while_enrolling`). Pages, server functions and
//! the plain form endpoints are all behind it, so no endpoint can forget the check.
use app::AppError;
use app::auth::CurrentUser;
use app::auth::two_factor::{ACCOUNT_PATH, reachable_while_enrolling};
use app::ssr::{AppState, SessionUser};
use axum::Json;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::header::ACCEPT;

/// Marks a user whose role needs a second factor that is not set up yet. Only those roles
/// cost a query; a failed lookup keeps the gate closed.
pub async fn with_enrolment(state: &AppState, mut user: CurrentUser) -> CurrentUser {
    if user.role.requires_second_factor() {
        user.must_enrol = match db::two_factor::is_enrolled(&state.db, user.id.0).await {
            Ok(enrolled) => !enrolled,
            Err(e) => {
                tracing::error!(error = ?e, "second factor lookup failed");
                true
            }
        };
    }
    user
}

/// Sends a user who must enrol to the enrolment page: pages and plain form posts by a
/// redirect, API callers with 403.
pub async fn enrolment_gate(req: Request, next: Next) -> Response {
    let must_enrol = req
        .extensions()
        .get::<SessionUser>()
        .is_some_and(|u| u.0.must_enrol);
    let path = req.uri().path();
    if !must_enrol || reachable_while_enrolling(path) {
        return next.run(req).await;
    }
    let wants_html = req
        .headers()
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if path.starts_with("/api/") && !wants_html {
        return (http::StatusCode::FORBIDDEN, Json(AppError::Forbidden)).into_response();
    }
    Redirect::to(ACCOUNT_PATH).into_response()
}
