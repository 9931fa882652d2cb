//! Plain HTTP endpoint of the workspace that is not a server function: the review of one scan
//! question, posted as a form whose answer controls repeat their names (which does not fit a
//! server function's arguments). It uses the same service and checks as the server functions.
use app::AppError;
use app::domain::ScanId;
use app::ssr::{AppState, SessionUser};
use axum::Extension;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

/// Saves the review of one question and returns to it.
pub async fn save_review(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Some(Extension(SessionUser(user))) = user else {
        return Redirect::to(&format!("/login?next=/scans/{id}/coach")).into_response();
    };
    match app::coach::service::save_review_form(&state, &user, ScanId(id), &pairs).await {
        Ok(q) => Redirect::to(&format!("/scans/{id}/coach?saved={q}#review-{q}")).into_response(),
        Err(AppError::Invalid(_)) => {
            let q = pairs
                .iter()
                .find(|(k, _)| k == "question")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let q: String = q.chars().filter(char::is_ascii_alphanumeric).collect();
            Redirect::to(&format!("/scans/{id}/coach?invalid=1#review-{q}")).into_response()
        }
        Err(e) => {
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, format!("{e}")).into_response()
        }
    }
}
