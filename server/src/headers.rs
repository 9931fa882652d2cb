//! Security headers on every answer. Pages set their own Content-Security-Policy with the
//! per-response nonce of their inline scripts (see `app::ssr::content_security_policy`);
//! everything else (JSON, redirects, files) gets one that allows nothing to run. HSTS is sent
//! when the site is served over https.
use app::ssr::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use http::header::{CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY};

/// For answers that are not pages: nothing may run, load or frame them.
pub const NON_PAGE_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Two years, subdomains included: the browser never tries plain http again.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if !h.contains_key(CONTENT_SECURITY_POLICY) {
        h.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(NON_PAGE_POLICY),
        );
    }
    if state.settings.base_url.starts_with("https://") {
        h.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    res
}
