//! Building the application: database, state, router and middleware. Used by `main`
//! and by the integration tests (which serve it on port 0).
use crate::config::Config;
use app::ssr::{AppState, Settings};
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use db::DatabaseConnection;
use http::header::{
    CACHE_CONTROL, HeaderName, REFERRER_POLICY, VARY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use http::{HeaderValue, StatusCode};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, StaticRouteGenerator,
    generate_route_list_with_exclusions_and_ssg_and_context,
};
use std::sync::{Arc, Mutex, OnceLock};
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// Connects, migrates (or, with `migrate_on_start` off, refuses a database with pending
/// migrations), and (when asked) seeds the demo data. Returns whether it seeded.
pub async fn prepare_database(
    config: &Config,
) -> Result<(DatabaseConnection, bool), Box<dyn std::error::Error + Send + Sync>> {
    let conn = db::connect(&config.database_url, config.db_max_connections).await?;
    if config.migrate_on_start {
        db::migrate(&conn).await?;
    } else {
        let pending = db::pending_migrations(&conn).await?;
        if !pending.is_empty() {
            return Err(format!(
                "the database lacks {} migration(s) of this version ({}); run `server migrate` \
                 once, then start the servers (migrate_on_start is off)",
                pending.len(),
                pending.join(", ")
            )
            .into());
        }
    }
    let seeded = config.seed_demo && seed(&conn).await?;
    Ok((conn, seeded))
}

/// Seeds the demo data set into an empty database (see `demo`). Returns whether it seeded.
pub async fn seed(
    conn: &DatabaseConnection,
) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    crate::demo::seed(conn).await
}

/// The Leptos options: from cargo-leptos' environment when it runs us, else from the
/// workspace `Cargo.toml`, else the built-in defaults (site in `target/site`).
pub fn leptos_options() -> LeptosOptions {
    let from_file = std::path::Path::new("Cargo.toml")
        .exists()
        .then(|| leptos::config::get_configuration(Some("Cargo.toml")).ok())
        .flatten();
    let conf = from_file.or_else(|| leptos::config::get_configuration(None).ok());
    let mut options = match conf {
        Some(c) => c.leptos_options,
        None => LeptosOptions::builder()
            .output_name("datacoach")
            .site_root("target/site")
            .site_pkg_dir("pkg")
            .build(),
    };
    // cargo-leptos writes the hashed file names next to the binary it built. A binary built
    // by plain cargo (the integration tests) has none: it then asks for the plain names
    // instead of failing on every page.
    options.hash_files = options.hash_files && hash_file_present(&options);
    options
}

fn hash_file_present(options: &LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
        .is_some_and(|path| path.is_file())
}

/// The wasm, JavaScript and CSS bundles under `/pkg`: the `.br` or `.gz` file cargo-leptos
/// compressed at build time, chosen by the browser's `Accept-Encoding`. Hashed names never
/// change content, so browsers keep them for a year; unhashed ones (debug builds) are
/// revalidated on every load.
fn pkg_service(options: &LeptosOptions) -> Router<AppState> {
    let dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let cache = if options.hash_files {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    Router::new().nest_service(
        "/pkg",
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                CACHE_CONTROL,
                HeaderValue::from_static(cache),
            ))
            // The same URL answers brotli, gzip or plain bytes: caches must keep them apart.
            .layer(SetResponseHeaderLayer::if_not_present(
                VARY,
                HeaderValue::from_static("accept-encoding"),
            ))
            .service(ServeDir::new(dir).precompressed_br().precompressed_gzip()),
    )
}

pub fn app_state(
    config: &Config,
    db: DatabaseConnection,
    leptos_options: LeptosOptions,
) -> AppState {
    AppState {
        db,
        settings: Arc::new(Settings {
            base_url: config.base_url(),
            secure_cookies: config.secure_cookies(),
            smtp_enabled: config.smtp.is_some(),
            trust_forwarded_for: config.trust_forwarded_for,
            audit_retention_days: config.audit_retention_days,
        }),
        leptos_options,
    }
}

/// Errors raised before a server function's body runs (a form that does not decode, for
/// example) leave the framework as a 500. Give every error the status of its `AppError`,
/// so API callers see 422 for bad input, never a server error.
async fn with_error_status(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    let status = res.status();
    if !is_api
        || !(status == StatusCode::INTERNAL_SERVER_ERROR || status == StatusCode::TOO_MANY_REQUESTS)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if let Ok(err) = serde_json::from_slice::<app::AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let app::AppError::TooManyAttempts(secs) = err {
            parts.headers.insert(http::header::RETRY_AFTER, secs.into());
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The app's routes, listed once per process. Listing renders the app under a reactive owner
/// of its own, and two things follow from that:
/// - effects that rendering spawned (leptos_i18n's language effect) run a moment later on the
///   runtime; had the owner been dropped by then, they would read a disposed signal and panic
///   (the panic after start-up). The owner is kept here, with the list.
/// - while listing, leptos suppresses resource loading process-wide; a second listing while
///   another app in the process serves pages (integration tests run several) would leave
///   those pages waiting forever.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<(Vec<AxumRouteListing>, Mutex<StaticRouteGenerator>)> = OnceLock::new();
    let (routes, _owner) = ROUTES.get_or_init(|| {
        let (routes, owner) =
            generate_route_list_with_exclusions_and_ssg_and_context(App, None, || ());
        (routes, Mutex::new(owner))
    });
    routes.clone()
}

pub fn build_app(state: AppState) -> Router {
    use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
    use tower_http::trace::{DefaultOnRequest, DefaultOnResponse, TraceLayer};
    let probes = crate::probes::routes(state.db.clone());
    let routes = route_list();
    let options = state.leptos_options.clone();
    let ctx = state.clone();
    Router::new()
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(ctx.clone()),
            move || shell(options.clone()),
        )
        .route(
            "/scans/{id}/step/{step}/save",
            axum::routing::post(crate::scan_forms::save_step),
        )
        .route(
            "/scans/{id}/coach/save",
            axum::routing::post(crate::coach_forms::save_review),
        )
        .route(
            "/scans/{id}/export.json",
            axum::routing::get(crate::scan_forms::export),
        )
        .route(
            "/account/data.json",
            axum::routing::get(crate::privacy::download),
        )
        .merge(pkg_service(&state.leptos_options))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(with_error_status))
        .layer(axum::middleware::from_fn(crate::session::cache_policy))
        // Inside the session middleware: it reads the user that middleware found.
        .layer(axum::middleware::from_fn(
            crate::second_factor::enrolment_gate,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::session::resolve_session,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::session::client_address,
        ))
        // Refused before the session is looked up: another site's request costs no query.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::origin::same_origin_only,
        ))
        .layer(axum::middleware::from_fn(crate::limits::limit_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            crate::limits::REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::headers::security_headers,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ))
        // Pages and API answers are compressed as they are sent (a fast level: they are
        // dynamic); the bundles arrive already compressed and pass through untouched.
        .layer(
            CompressionLayer::new()
                .br(true)
                .gzip(true)
                .quality(CompressionLevel::Precise(4)),
        )
        // Outermost: every request gets an id (made here unless our own proxy sent one), its
        // log lines carry it, and so does the answer (`x-request-id`).
        .layer(PropagateRequestIdLayer::new(
            crate::observe::REQUEST_ID.clone(),
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(crate::observe::request_span)
                .on_request(DefaultOnRequest::new().level(tracing::Level::DEBUG))
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(SetRequestIdLayer::new(
            crate::observe::REQUEST_ID.clone(),
            MakeRequestUuid,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::observe::untrusted_request_id,
        ))
        .with_state(state)
        // Health checks: no session, no origin check, no log line per probe.
        .merge(probes)
}

/// Serves the app on an accepted listener until `shutdown` resolves. Every accepted socket
/// gets `TCP_NODELAY`: without it a kept-alive connection waits for the peer's delayed ACK
/// (about 40 ms) before each small answer is sent.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "could not set TCP_NODELAY");
        }
    });
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
