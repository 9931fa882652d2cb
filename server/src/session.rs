//! The session middleware: resolves the session cookie to a user once per request (one indexed
//! query) and puts the user into the request for the server functions. Static files skip it.
use app::ssr::{
    AppState, ClientAddress, SessionSecret, SessionUser, expired_session_cookie,
    session_cookie_name, to_current_user,
};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use cookie::Cookie;
use http::header::{COOKIE, SET_COOKIE};

fn cookie_value(req: &Request, name: &str) -> Option<String> {
    req.headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| {
            Cookie::split_parse(h)
                .filter_map(Result::ok)
                .find(|c| c.name() == name)
                .map(|c| c.value().to_owned())
        })
}

fn is_static(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path == "/favicon.svg"
        || path == "/favicon.ico"
        || path == "/robots.txt"
}

/// Whether this response sets a session cookie (a sign-in).
fn starts_session(res: &Response) -> bool {
    res.headers().get_all(SET_COOKIE).iter().any(|v| {
        v.to_str().is_ok_and(|s| {
            [session_cookie_name(false), session_cookie_name(true)]
                .iter()
                .any(|name| s.strip_prefix(name).is_some_and(|r| r.starts_with('=')))
        })
    })
}

pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    if is_static(req.uri().path()) {
        return next.run(req).await;
    }
    let mut stale = false;
    let name = session_cookie_name(state.settings.secure_cookies);
    if let Some(secret) = cookie_value(&req, name).filter(|s| !s.is_empty()) {
        match db::sessions::resolve(&state.db, &secret).await {
            Ok(Some(user)) => match to_current_user(&user) {
                Some(current) => {
                    let current = crate::second_factor::with_enrolment(&state, current).await;
                    req.extensions_mut().insert(SessionUser(current));
                    req.extensions_mut().insert(SessionSecret(secret));
                }
                None => stale = true,
            },
            Ok(None) => stale = true,
            Err(e) => tracing::error!(error = ?e, "session lookup failed"),
        }
    }
    let mut res = next.run(req).await;
    // Tell the browser to forget a dead session, unless this very response starts a new one.
    if stale
        && !starts_session(&res)
        && let Ok(v) = http::HeaderValue::from_str(
            &expired_session_cookie(state.settings.secure_cookies).to_string(),
        )
    {
        res.headers_mut().append(SET_COOKIE, v);
    }
    res
}

/// Pages and API answers must never be kept by a browser or proxy once they may hold personal
/// data: `no-store` for a signed-in user (and for the answer that signs someone in), `no-cache`
/// for anonymous pages so they are always revalidated. Static files set their own policy.
pub async fn cache_policy(req: Request, next: Next) -> Response {
    if is_static(req.uri().path()) {
        return next.run(req).await;
    }
    let signed_in = req.extensions().get::<app::ssr::SessionUser>().is_some();
    let mut res = next.run(req).await;
    if !res.headers().contains_key(http::header::CACHE_CONTROL) {
        let policy = if signed_in || starts_session(&res) {
            "no-store"
        } else {
            "no-cache"
        };
        res.headers_mut().insert(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static(policy),
        );
    }
    res
}

/// Puts the client's address into the request for throttling: the socket's peer, or behind a
/// trusted proxy the last `X-Forwarded-For` entry (the one the proxy itself added).
pub async fn client_address(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let forwarded = state
        .settings
        .trust_forwarded_for
        .then(|| {
            req.headers()
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
                .last()
        })
        .flatten();
    let peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(ip) = forwarded.or(peer) {
        req.extensions_mut().insert(ClientAddress(ip.to_string()));
    }
    next.run(req).await
}
