//! Same-origin requests only: every state-changing request (anything but GET, HEAD and
//! OPTIONS) must show that a page of this site sent it. Browsers say so in `Origin` (compared
//! by scheme, host and port with the configured base URL) or, where they send no usable
//! `Origin`, in `Sec-Fetch-Site: same-origin`. A missing or `null` Origin without that (a
//! sandboxed frame, another site's form, a script outside a browser) is refused: that closes
//! login CSRF, which `SameSite` cookies cannot, since a login request has no cookie yet.
use app::ssr::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode};
use url::{Host, Origin, Url};

/// Whether a request with these headers may change something on a site served at `base`.
pub fn is_same_origin(headers: &HeaderMap, base: &Url) -> bool {
    let header = |name: http::header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    match header(http::header::ORIGIN).filter(|o| !o.eq_ignore_ascii_case("null")) {
        Some(origin) => Url::parse(origin).is_ok_and(|o| same_site(&o.origin(), base)),
        None => header(http::header::HeaderName::from_static("sec-fetch-site"))
            .is_some_and(|s| s.eq_ignore_ascii_case("same-origin")),
    }
}

fn same_site(origin: &Origin, base: &Url) -> bool {
    let base_origin = base.origin();
    if *origin == base_origin {
        return true;
    }
    // On a developer's machine the same server answers as 127.0.0.1, localhost and [::1]:
    // when the base URL is a loopback address, any loopback name on its scheme and port is
    // this site too. Never for a public base URL.
    match (origin, &base_origin) {
        (Origin::Tuple(scheme, host, port), Origin::Tuple(bs, bh, bp)) => {
            scheme == bs && port == bp && is_loopback(host) && is_loopback(bh)
        }
        _ => false,
    }
}

fn is_loopback(host: &Host<String>) -> bool {
    match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
    }
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Refuses a state-changing request from anywhere but this site with 403 and a short
/// explanation in both languages (there is no page to render it in: nothing was done).
pub async fn same_origin_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if changes_state(req.method()) {
        let allowed = Url::parse(&state.settings.base_url)
            .is_ok_and(|base| is_same_origin(req.headers(), &base));
        if !allowed {
            tracing::warn!(
                path = req.uri().path(),
                origin = ?req.headers().get(http::header::ORIGIN),
                "request from another site refused"
            );
            return (
                StatusCode::FORBIDDEN,
                "Dit verzoek kwam niet van een pagina van Datacoach en is geweigerd; er is niets \
                 gewijzigd. Open de pagina opnieuw en probeer het nog eens.\n\
                 This request did not come from a Datacoach page and was refused; nothing was \
                 changed. Open the page again and retry.\n",
            )
                .into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().expect("header value"));
        }
        h
    }

    fn base(s: &str) -> Url {
        Url::parse(s).expect("base url")
    }

    #[test]
    fn a_page_of_this_site_may_post() {
        let b = base("https://coach.example.nl");
        assert!(is_same_origin(
            &headers(&[("origin", "https://coach.example.nl")]),
            &b
        ));
        assert!(is_same_origin(
            &headers(&[("origin", "https://COACH.example.nl:443")]),
            &b
        ));
        assert!(is_same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            &b
        ));
    }

    #[test]
    fn another_scheme_host_or_port_is_another_site() {
        let b = base("https://coach.example.nl");
        for o in [
            "http://coach.example.nl",
            "https://coach.example.nl:8443",
            "https://evil.example",
            "https://coach.example.nl.evil.example",
            "not a url",
        ] {
            assert!(!is_same_origin(&headers(&[("origin", o)]), &b), "{o}");
        }
    }

    #[test]
    fn a_missing_or_null_origin_needs_the_browsers_same_origin_word() {
        let b = base("https://coach.example.nl");
        assert!(!is_same_origin(&headers(&[]), &b));
        assert!(!is_same_origin(&headers(&[("origin", "null")]), &b));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            &b
        ));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            &b
        ));
        assert!(is_same_origin(
            &headers(&[("origin", "null"), ("sec-fetch-site", "same-origin")]),
            &b
        ));
        // A real other site wins over a same-origin claim it cannot make in a browser anyway.
        assert!(!is_same_origin(
            &headers(&[
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "same-origin")
            ]),
            &b
        ));
    }

    #[test]
    fn loopback_names_are_one_site_only_for_a_loopback_base_url() {
        let local = base("http://127.0.0.1:3000");
        assert!(is_same_origin(
            &headers(&[("origin", "http://localhost:3000")]),
            &local
        ));
        assert!(is_same_origin(
            &headers(&[("origin", "http://[::1]:3000")]),
            &local
        ));
        assert!(!is_same_origin(
            &headers(&[("origin", "http://localhost:3001")]),
            &local
        ));
        assert!(!is_same_origin(
            &headers(&[("origin", "https://localhost:3000")]),
            &local
        ));
        let public = base("https://coach.example.nl");
        assert!(!is_same_origin(
            &headers(&[("origin", "https://localhost")]),
            &public
        ));
    }

    #[test]
    fn reading_is_never_refused() {
        assert!(!changes_state(&Method::GET));
        assert!(!changes_state(&Method::HEAD));
        assert!(changes_state(&Method::POST));
        assert!(changes_state(&Method::DELETE));
    }
}
