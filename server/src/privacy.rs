//! The right of access: `GET /account/data.json` downloads everything Datacoach holds about
//! the signed-in person and, for an entrepreneur, their companies (`app::privacy`).
use crate::scan_forms::{json_attachment, refusal};
use app::AppError;
use app::ssr::{AppState, SessionUser};
use axum::Extension;
use axum::extract::State;
use axum::response::Response;

pub async fn download(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
) -> Response {
    let Some(Extension(SessionUser(user))) = user else {
        return refusal(AppError::Unauthenticated);
    };
    match app::privacy::export(&state, &user).await {
        Ok(json) => json_attachment(json, "datacoach-mijn-gegevens.json"),
        Err(e) => refusal(e),
    }
}
