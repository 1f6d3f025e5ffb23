//! Gishe's backend: the JSON API, the charter importer and the static file server.
#![forbid(unsafe_code)]

pub mod access_code;
pub mod admin;
pub mod calendar_file;
pub mod catalogue;
pub mod charter_import;
pub mod clock;
pub mod config;
pub mod cross_site;
pub mod demo;
pub mod error;
pub mod extract;
pub mod idempotency;
pub mod listen;
pub mod profile;
pub mod rate_limit;
pub mod request_limits;
pub mod routes;
pub mod search;
pub mod security_headers;
pub mod staff;
pub mod static_files;
pub mod store;
pub mod transliteration;

use axum::http::{header, HeaderValue};
use axum::response::IntoResponse;
use axum::Router;
use std::path::PathBuf;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

#[derive(Clone)]
pub struct AppState {
    pub db: store::Db,
    /// Days the government moved (extra days off, working Saturdays), for expected dates.
    pub calendar: std::sync::Arc<gishe_api::calendar::Adjustments>,
    pub limits: std::sync::Arc<StatusLimits>,
    /// "Now" for everything a request files or records.
    pub clock: clock::Clock,
    /// How browsers are met: which other sites' pages may write, and HSTS.
    pub browser: std::sync::Arc<BrowserPolicy>,
    /// The keys access codes are sealed with (see `access_code`).
    pub codes: std::sync::Arc<access_code::AccessCodeKeys>,
    /// The longest a request may take, reading its body included (then 408).
    pub request_timeout: Duration,
    /// Files applications and reports, as many per transaction as are waiting.
    pub filer: store::filer::Filer,
}

/// The administrator's choices about browsers (both closed by default).
#[derive(Debug, Clone, Default)]
pub struct BrowserPolicy {
    /// Origins whose pages may send state-changing requests besides the server's own.
    pub allowed_origins: cross_site::AllowedOrigins,
    /// `Strict-Transport-Security: max-age=…`, for installations served over HTTPS only.
    pub hsts_max_age: Option<u64>,
}

pub use rate_limit::{
    StatusLimits, DEFAULT_STATUS_LIMIT_PER_IP, DEFAULT_STATUS_LIMIT_PER_NUMBER,
    DEFAULT_STATUS_LIMIT_WINDOW,
};

impl AppState {
    /// State with the calendar adjustments built into the binary, and access-code keys that
    /// last as long as the process (`serve` loads the installation's own). Starts the
    /// submission writer, so it must be called on a Tokio runtime.
    pub fn new(db: store::Db) -> AppState {
        AppState {
            filer: store::filer::Filer::start(db.clone()),
            db,
            calendar: std::sync::Arc::new(gishe_api::calendar::Adjustments::builtin()),
            limits: std::sync::Arc::new(StatusLimits::new(
                DEFAULT_STATUS_LIMIT_PER_IP,
                DEFAULT_STATUS_LIMIT_PER_NUMBER,
                DEFAULT_STATUS_LIMIT_WINDOW,
                Vec::new(),
            )),
            clock: clock::Clock::system(),
            browser: std::sync::Arc::new(BrowserPolicy::default()),
            codes: std::sync::Arc::new(access_code::AccessCodeKeys::ephemeral()),
            request_timeout: request_limits::DEFAULT_REQUEST_TIMEOUT,
        }
    }
}

/// The whole application: `/api/v1` and, when `dist` is given, the built web app.
pub fn app(state: AppState, dist: Option<PathBuf>) -> Router {
    // Trunk's inline loader changes with every build: its hash is read from the built shell.
    let index_html = dist
        .as_ref()
        .and_then(|d| std::fs::read_to_string(d.join("index.html")).ok());
    let headers = std::sync::Arc::new(security_headers::SecurityHeaders::new(
        index_html.as_deref(),
        state.browser.hsts_max_age,
    ));
    let allowed_origins = std::sync::Arc::new(state.browser.allowed_origins.clone());
    let request_timeout = state.request_timeout;
    let (api, _doc) = routes::api();
    let api = api
        .layer(axum::middleware::from_fn_with_state(
            allowed_origins,
            cross_site::refuse,
        ))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let router = Router::new().nest("/api/v1", api);
    let router = match dist {
        Some(dist) => router.merge(static_files::router(dist)),
        None => router
            .fallback(|uri: axum::http::Uri| async move { static_files::not_found(uri.path()) }),
    };
    router
        .with_state(state)
        // Bodies over 64 KiB are refused by the handlers as a 413 problem.
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
        .layer(axum::middleware::from_fn_with_state(
            request_timeout,
            request_limits::enforce,
        ))
        .layer(TraceLayer::new_for_http())
        // A bug must still answer with a problem document, and never echo the request.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                error::ApiError::Internal(anyhow::anyhow!("a handler panicked")).into_response()
            },
        ))
        // Outermost, so that every answer carries them, a panic's problem document included.
        .layer(axum::middleware::from_fn_with_state(
            headers,
            security_headers::add,
        ))
}

/// The OpenAPI document, as served at `/api/v1/openapi.json`.
pub fn openapi() -> serde_json::Value {
    routes::api().1
}
