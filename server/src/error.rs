//! The API's one error type, turned into `application/problem+json` (RFC 9457) in one place.
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use gishe_api::{Problem, PROBLEM_BASE};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("no municipality with this slug")]
    MunicipalityNotFound,
    #[error("this municipality has not published a Client Charter")]
    CharterNotFound,
    #[error("no service with this code")]
    ServiceNotFound,
    #[error("no service category with this id")]
    CategoryNotFound,
    #[error("the search text is too long")]
    QueryTooLong,
    #[error("the body is not valid JSON")]
    MalformedJson(String),
    #[error("some fields are not valid")]
    Validation(Vec<gishe_api::FieldError>),
    #[error("the Idempotency-Key header is required")]
    IdempotencyKeyMissing,
    #[error("the Idempotency-Key header must be 16-200 printable ASCII characters")]
    IdempotencyKeyInvalid,
    #[error("this Idempotency-Key was used with another body")]
    IdempotencyKeyReused,
    #[error("the body is too large")]
    PayloadTooLarge,
    #[error("the body must be JSON (Content-Type: application/json)")]
    UnsupportedMediaType,
    #[error("requests from other sites are refused")]
    CrossSite,
    #[error("the address is too long")]
    UriTooLong,
    #[error("the request headers are too large")]
    HeadersTooLarge,
    #[error("the request took too long")]
    RequestTimeout,
    #[error("no request with this registry number and access code")]
    RequestNotFound,
    #[error("too many attempts; try again later")]
    RateLimited(u64),
    #[error("a valid staff bearer token is required")]
    Unauthorized,
    #[error("the request cannot change that way")]
    Conflict(&'static str),
    #[error("no such API resource")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("unsupported language")]
    UnsupportedLanguage,
    #[error("malformed query string")]
    BadQuery(String),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::MunicipalityNotFound
            | ApiError::CharterNotFound
            | ApiError::ServiceNotFound
            | ApiError::CategoryNotFound
            | ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::MalformedJson(_)
            | ApiError::IdempotencyKeyMissing
            | ApiError::IdempotencyKeyInvalid => StatusCode::BAD_REQUEST,
            ApiError::Validation(_) | ApiError::IdempotencyKeyReused => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::CrossSite => StatusCode::FORBIDDEN,
            ApiError::UriTooLong => StatusCode::URI_TOO_LONG,
            ApiError::HeadersTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::RequestNotFound => StatusCode::NOT_FOUND,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::UnsupportedLanguage | ApiError::BadQuery(_) | ApiError::QueryTooLong => {
                StatusCode::BAD_REQUEST
            }
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::MunicipalityNotFound => "municipality-not-found",
            ApiError::CharterNotFound => "charter-not-found",
            ApiError::ServiceNotFound => "service-not-found",
            ApiError::CategoryNotFound => "category-not-found",
            ApiError::QueryTooLong => "query-too-long",
            ApiError::MalformedJson(_) => "malformed-json",
            ApiError::Validation(_) => "validation",
            ApiError::IdempotencyKeyMissing => "idempotency-key-missing",
            ApiError::IdempotencyKeyInvalid => "idempotency-key-invalid",
            ApiError::IdempotencyKeyReused => "idempotency-key-reused",
            ApiError::PayloadTooLarge => "payload-too-large",
            ApiError::UnsupportedMediaType => "unsupported-media-type",
            ApiError::CrossSite => "cross-site-request",
            ApiError::UriTooLong => "uri-too-long",
            ApiError::HeadersTooLarge => "headers-too-large",
            ApiError::RequestTimeout => "request-timeout",
            ApiError::RequestNotFound => "request-not-found",
            ApiError::RateLimited(_) => "rate-limited",
            ApiError::Unauthorized => "staff-token-invalid",
            ApiError::Conflict(code) => code,
            ApiError::NotFound => "not-found",
            ApiError::MethodNotAllowed => "method-not-allowed",
            ApiError::UnsupportedLanguage => "unsupported-language",
            ApiError::BadQuery(_) => "bad-query",
            ApiError::Internal(_) => "internal",
        }
    }

    pub fn problem(&self) -> Problem {
        Problem {
            type_: format!("{PROBLEM_BASE}{}", self.code()),
            code: self.code().to_string(),
            title: self.to_string(),
            status: self.status().as_u16(),
            detail: match self {
                ApiError::BadQuery(d) | ApiError::MalformedJson(d) => Some(d.clone()),
                ApiError::RateLimited(secs) => Some(format!("retry after {secs} seconds")),
                _ => None,
            },
            errors: match self {
                ApiError::Validation(errors) => errors.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(e) = &self {
            tracing::error!(error = %e, "internal error");
        }
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut res = (
            self.status(),
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response();
        match &self {
            ApiError::RateLimited(secs) => {
                if let Ok(v) = axum::http::HeaderValue::from_str(&secs.to_string()) {
                    res.headers_mut().insert(header::RETRY_AFTER, v);
                }
            }
            ApiError::Unauthorized => {
                res.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    axum::http::HeaderValue::from_static("Bearer"),
                );
            }
            _ => {}
        }
        res
    }
}
