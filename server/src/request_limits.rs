//! Limits on one request, each answered with a problem document: the length of its address,
//! the size of its headers, and the time to answer it (reading a slow body included).
use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// Well under hyper's own buffer (64 KiB), so that these answer, not hyper's bare 414/431.
pub const MAX_URI_BYTES: usize = 4 * 1024;
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub async fn enforce(State(timeout): State<Duration>, req: Request, next: Next) -> Response {
    let uri_len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return ApiError::UriTooLong.into_response();
    }
    // As on the wire: "name: value\r\n".
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return ApiError::HeadersTooLarge.into_response();
    }
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(res) => res,
        Err(_) => ApiError::RequestTimeout.into_response(),
    }
}
