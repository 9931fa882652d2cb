//! Health checks for a load balancer or an orchestrator. `/healthz`: the process answers (no
//! database query, so a slow database never gets a server killed). `/readyz`: the database
//! answers and its schema is this version's (no migration pending), else 503 with the reason.
//! Both answer outside the session, origin and logging middleware and are never cached.
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use db::DatabaseConnection;
use http::header::CACHE_CONTROL;
use http::{HeaderValue, StatusCode};
use serde_json::json;

pub fn routes(db: DatabaseConnection) -> Router {
    Router::new()
        .route("/healthz", axum::routing::get(healthz))
        .route("/readyz", axum::routing::get(readyz))
        .with_state(db)
}

async fn healthz() -> Response {
    no_store((StatusCode::OK, axum::Json(json!({"status": "ok"}))).into_response())
}

async fn readyz(State(db): State<DatabaseConnection>) -> Response {
    let (status, body) = match db::pending_migrations(&db).await {
        Ok(pending) if pending.is_empty() => (
            StatusCode::OK,
            json!({"status": "ready", "database": "ok", "migrations": "current"}),
        ),
        Ok(pending) => (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({
                "status": "not ready",
                "database": "ok",
                "migrations": "pending",
                "pending": pending,
            }),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check: the database does not answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"status": "not ready", "database": "unreachable"}),
            )
        }
    };
    no_store((status, axum::Json(body)).into_response())
}

fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
