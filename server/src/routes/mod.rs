//! The HTTP API under `/api/v1`: one module per resource, and the OpenAPI document.
pub mod accountability;
pub mod charter;
pub mod feedback;
pub mod municipalities;
mod openapi;
pub mod reports;
pub mod requests;
pub mod services;
pub mod staff;
pub mod status;
pub mod submission;

use crate::error::ApiError;
use crate::AppState;
use axum::extract::{FromRequestParts, Query};
use axum::http::header;
use axum::http::request::Parts;
use axum::routing::get;
use axum::{Json, Router};
use gishe_api::Lang;
use serde::Deserialize;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(title = "Gishe API", version = "1", description = "Citizen self-service for municipal administrations. Errors are application/problem+json with a stable `code`."),
    tags((name = "municipalities"), (name = "charter"), (name = "services"), (name = "requests"), (name = "staff"), (name = "reports"), (name = "feedback"), (name = "accountability"))
)]
struct ApiDoc;

/// The `/api/v1` router and its OpenAPI document, both generated from the handlers.
pub fn api() -> (Router<AppState>, serde_json::Value) {
    let (router, doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(municipalities::list))
        .routes(routes!(municipalities::show))
        .routes(routes!(accountability::show))
        .routes(routes!(charter::show))
        .routes(routes!(services::list))
        .routes(routes!(services::show))
        .routes(routes!(requests::create))
        .routes(routes!(reports::create))
        .routes(routes!(feedback::create))
        .routes(routes!(status::check))
        .routes(routes!(staff::add_event))
        .split_for_parts();
    let mut doc = doc;
    openapi::complete(&mut doc);
    let doc = openapi::with_field_rules(&doc);
    let doc_json = doc.clone();
    let router = router
        .route("/health", get(|| async { "ok" }))
        .route("/openapi.json", get(move || async move { Json(doc_json) }))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed });
    (router, doc)
}

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// The language content is asked for: `?lang=`, else `Accept-Language`, else Bulgarian.
pub struct ContentLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ContentLang {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = Query::<LangQuery>::try_from_uri(&parts.uri)
            .map_err(|e| ApiError::BadQuery(e.body_text()))?;
        if let Some(code) = query.0.lang {
            return match code.as_str() {
                "bg" => Ok(ContentLang(Lang::Bg)),
                "en" => Ok(ContentLang(Lang::En)),
                _ => Err(ApiError::UnsupportedLanguage),
            };
        }
        let lang = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
            .unwrap_or_default();
        Ok(ContentLang(lang))
    }
}
