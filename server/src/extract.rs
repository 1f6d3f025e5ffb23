//! What handlers take from a request besides its path: a JSON body, the client's address and
//! the authenticated staff member, each refused as the API's own problem document.
use crate::error::ApiError;
use crate::{rate_limit, AppState};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use gishe_api::FieldError;
use serde::de::DeserializeOwned;
use std::net::{IpAddr, SocketAddr};

/// A JSON body. It insists on `Content-Type: application/json` (or `application/…+json`): a
/// form or `text/plain` body is what another site's page can post without asking, so it is
/// refused with 415 before the body is read. Unlike `axum::Json` it names the field when a value
/// has the wrong type or is missing, and it never echoes the input: a parse error says where,
/// not what (the text could be a personal number).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        // Reading fails only past the body limit set in `app` (64 KiB), or when the client
        // goes away; either way the body is not taken.
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|_| ApiError::PayloadTooLarge)?;
        parse_json(&body).map(ApiJson)
    }
}

/// `application/json` or a `+json` type such as `application/merge-patch+json`, any parameters.
fn is_json(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data if path != "." => {
                ApiError::Validation(vec![FieldError {
                    field: path,
                    code: if inner.to_string().starts_with("missing field") {
                        "required"
                    } else {
                        "invalid-value"
                    }
                    .into(),
                }])
            }
            // Say where, never what: the message would echo the input (a personal number, say).
            _ => {
                ApiError::MalformedJson(format!("line {} column {}", inner.line(), inner.column()))
            }
        }
    })?;
    de.end().map_err(|e| {
        ApiError::MalformedJson(format!(
            "unexpected data at line {} column {}",
            e.line(),
            e.column()
        ))
    })?;
    Ok(value)
}

/// The client's address: the peer, or what a trusted proxy says in `X-Forwarded-For`.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// What rate limits count it under (IPv6 clients per /64).
    pub fn key(self) -> String {
        rate_limit::client_key(self.0)
    }
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ConnectInfo(peer) = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
            .ok_or_else(|| {
                ApiError::Internal(anyhow::anyhow!(
                    "served without the peer address (into_make_service_with_connect_info)"
                ))
            })?;
        Ok(ClientIp(rate_limit::client_ip(
            peer,
            &parts.headers,
            &state.limits.trusted_proxies,
        )))
    }
}

/// The staff member whose live bearer token came with the request.
pub struct Staff {
    /// The token's name, kept in the history as who recorded an event.
    pub name: String,
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(ApiError::Unauthorized)?;
        let name = crate::staff::authenticate(&state.db, token)
            .await?
            .ok_or(ApiError::Unauthorized)?;
        Ok(Staff { name })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        count: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        inner: Body,
    }

    #[test]
    fn only_json_content_types_are_json() {
        let with = |v: &'static str| {
            let mut h = axum::http::HeaderMap::new();
            h.insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static(v),
            );
            h
        };
        assert!(is_json(&with("application/json")));
        assert!(is_json(&with("Application/JSON; charset=utf-8")));
        assert!(is_json(&with("application/merge-patch+json")));
        for other in [
            "text/plain",
            "text/plain; charset=application/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonp",
        ] {
            assert!(!is_json(&with(other)), "{other}");
        }
        assert!(!is_json(&axum::http::HeaderMap::new()));
    }

    #[test]
    fn a_wrong_or_missing_value_names_its_field() {
        let err = parse_json::<Body>(br#"{"name": "x", "count": "3"}"#).unwrap_err();
        assert_eq!(err.problem().errors[0].field, "count");
        assert_eq!(err.problem().errors[0].code, "invalid-value");
        let err = parse_json::<Outer>(br#"{"inner": {"name": "x"}}"#).unwrap_err();
        assert_eq!(err.problem().errors[0].field, "inner");
        assert_eq!(err.problem().errors[0].code, "required");
    }

    #[test]
    fn broken_json_and_trailing_data_say_where_but_not_what() {
        let err = parse_json::<Body>(br#"{"name": "8001010000"#).unwrap_err();
        assert_eq!(err.code(), "malformed-json");
        assert!(!format!("{:?}", err.problem()).contains("8001010000"));
        let err = parse_json::<Body>(br#"{"name": "x", "count": 3} 8001010000"#).unwrap_err();
        assert_eq!(err.code(), "malformed-json");
        assert!(!format!("{:?}", err.problem()).contains("8001010000"));
    }
}
