//! Bounds on what one request may cost: its body size and its time. A body over the limit is
//! answered 413 before anything reads it (the form or JSON never reaches a server function);
//! a request that takes longer than [`REQUEST_TIMEOUT`] is answered 408.
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use std::time::Duration;

/// Any form or API call: the largest real one (a scan step, a visit report) is a few KiB.
pub const BODY_LIMIT: usize = 256 * 1024;
/// A scan file imported in the exchange format.
pub const IMPORT_BODY_LIMIT: usize = 2 * 1024 * 1024;
/// A body over its limit but not over this is read (and dropped) before the 413 is sent.
pub const DRAIN_LIMIT: usize = 8 * 1024 * 1024;
/// Longest a request may take, body upload included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The body limit for a path.
pub fn body_limit(path: &str) -> usize {
    if path == "/api/scan_import" {
        IMPORT_BODY_LIMIT
    } else {
        BODY_LIMIT
    }
}

/// Answers 413 for a declared length over the limit, and caps the body of every other request
/// at the limit, so a body without a length (chunked) cannot grow past it either.
pub async fn limit_body(req: Request, next: Next) -> Response {
    let limit = body_limit(req.uri().path());
    let declared = req
        .headers()
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(n) = declared.filter(|n| *n > limit as u64) {
        tracing::warn!(
            path = req.uri().path(),
            length = n,
            "request body too large"
        );
        // A client (a browser too) that is still sending when the answer comes and the
        // connection closes sees "connection reset", not our message. A body of a few MiB is
        // read and dropped first, so it gets the 413; a larger one is cut off at once.
        if n <= DRAIN_LIMIT as u64 {
            drain(req.into_body()).await;
        }
        return too_large(limit);
    }
    let req = req.map(|body| Body::new(http_body_util::Limited::new(body, limit)));
    next.run(req).await
}

/// Reads a body to its end (or [`DRAIN_LIMIT`]) without keeping it.
async fn drain(body: Body) {
    use http_body_util::BodyExt;
    let mut body = http_body_util::Limited::new(body, DRAIN_LIMIT);
    while let Some(Ok(_)) = body.frame().await {}
}

fn too_large(limit: usize) -> Response {
    let kib = limit / 1024;
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "Dit verzoek is te groot (meer dan {kib} KiB) en is niet verwerkt.\n\
             This request is too large (over {kib} KiB) and was not processed.\n"
        ),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_scan_import_takes_a_large_body() {
        assert_eq!(body_limit("/api/scan_import"), IMPORT_BODY_LIMIT);
        assert_eq!(body_limit("/api/login"), BODY_LIMIT);
        assert_eq!(body_limit("/api/scan_save"), BODY_LIMIT);
        assert_eq!(body_limit("/api/scan_import/../login"), BODY_LIMIT);
    }
}
