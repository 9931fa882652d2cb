//! Plain HTTP endpoints of the scan that are not server functions: the step form posted
//! without JavaScript (repeated field names do not fit a server function's arguments), and
//! the JSON export download. Both use the same service and checks as the server functions.
use app::AppError;
use app::domain::ScanId;
use app::ssr::{AppState, SessionUser};
use axum::Extension;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

pub(crate) fn refusal(e: AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, format!("{e}")).into_response()
}

/// Saves a step and moves on: `nav=back|next|review`.
pub async fn save_step(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path((id, step)): Path<(i64, usize)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Some(Extension(SessionUser(user))) = user else {
        return Redirect::to(&format!("/login?next=/scans/{id}/step/{step}")).into_response();
    };
    let nav = pairs
        .iter()
        .find(|(k, _)| k == "nav")
        .map(|(_, v)| v.as_str())
        .unwrap_or("next");
    match app::scan::service::save_step_form(&state, &user, ScanId(id), &pairs).await {
        Ok(_) => {
            let to = match nav {
                "back" => format!("/scans/{id}/step/{}", step.saturating_sub(1).max(1)),
                "review" => format!("/scans/{id}/review"),
                _ => format!("/scans/{id}/step/{}", step.saturating_add(1)),
            };
            Redirect::to(&to).into_response()
        }
        Err(AppError::Invalid(_)) => Redirect::to(&format!("/scans/{id}/review")).into_response(),
        Err(e) => refusal(e),
    }
}

/// One scan in the exchange format, with scores, profile, questionnaire version, stage and dates.
pub async fn export(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path(id): Path<i64>,
) -> Response {
    let Some(Extension(SessionUser(user))) = user else {
        return refusal(AppError::Unauthenticated);
    };
    match app::scan::service::export(&state, &user, ScanId(id)).await {
        Ok(json) => json_attachment(json, &format!("datacoach-scan-{id}.json")),
        Err(e) => refusal(e),
    }
}

/// A JSON document as a download named `filename`.
pub(crate) fn json_attachment(json: String, filename: &str) -> Response {
    let mut res = (StatusCode::OK, json).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    res
}
