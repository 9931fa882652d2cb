//! What an operator sees: the log (readable text, or one JSON object per line) and a request
//! id on every line logged while a request is answered, returned to the client as
//! `x-request-id` so a complaint can be matched with its log lines.
use crate::config::LogFormat;
use app::ssr::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderName;
use tracing_subscriber::EnvFilter;

/// The default filter when `RUST_LOG` is not set.
pub const DEFAULT_FILTER: &str = "info,sqlx=warn,sea_orm=warn";

pub static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Installs the global log subscriber in the chosen format.
pub fn init_logging(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.init(),
        // The request's span (its id, method and path) on every line logged within it.
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
}

/// A request id is taken from the client only from our own reverse proxy (when
/// `trust_forwarded_for` says there is one) and only when it is short and plain; otherwise a
/// new one is made (`SetRequestIdLayer`), so nobody writes into the log what they like.
pub async fn untrusted_request_id(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let keep = state.settings.trust_forwarded_for
        && req
            .headers()
            .get(&REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .is_some_and(plain_id);
    if !keep {
        req.headers_mut().remove(&REQUEST_ID);
    }
    next.run(req).await
}

/// 1 to 64 letters, digits, `-`, `_` or `.`.
fn plain_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The span every request's log lines are in.
pub fn request_span(req: &http::Request<axum::body::Body>) -> tracing::Span {
    let id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        request_id = %id,
        method = %req.method(),
        path = %req.uri().path(),
    )
}

#[cfg(test)]
mod tests {
    use super::plain_id;

    #[test]
    fn only_short_plain_ids_are_kept() {
        assert!(plain_id("3f1c9a8e-7d2b-4c55-9e0f-1a2b3c4d5e6f"));
        assert!(plain_id("nginx.0123abcd_x"));
        assert!(!plain_id(""));
        assert!(!plain_id(&"a".repeat(65)));
        assert!(!plain_id("id with spaces"));
        assert!(!plain_id("id\nforged line"));
        assert!(!plain_id("\"quoted\""));
    }
}
