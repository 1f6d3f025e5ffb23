//! The built web app: hashed assets precompressed and cached for a year, `index.html`
//! for every other path (client-side routing) and never cached stale. A file whose `.br`/`.gz`
//! twin is missing is compressed on the fly; every answer varies by `Accept-Encoding`.
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

pub fn router<S: Clone + Send + Sync + 'static>(dist: PathBuf) -> Router<S> {
    let index = dist.join("index.html");
    let spa_fallback = move |req: Request| {
        let index = index.clone();
        async move {
            // A missing file (it has an extension) or API path is a 404; any other path is a page of the app.
            let path = req.uri().path();
            if looks_like_file(path) || is_api(path) {
                return not_found(path);
            }
            match ServeFile::new(&index)
                .precompressed_br()
                .precompressed_gzip()
                .oneshot(req)
                .await
            {
                Ok(res) => res.map(Body::new),
                Err(e) => match e {},
            }
        }
    };
    let serve = ServeDir::new(&dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(tower::service_fn(move |req: Request| {
            let f = spa_fallback.clone();
            async move { Ok::<_, std::convert::Infallible>(f(req).await) }
        }));
    Router::new()
        .fallback_service(serve)
        // Skips answers that are already encoded (the precompressed files).
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(cache_headers))
}

/// `/api` and everything under it: answered by the API, never by the app.
pub fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// The 404 for a path no route serves: problem+json under `/api`, plain text elsewhere.
pub fn not_found(path: &str) -> Response {
    if is_api(path) {
        crate::error::ApiError::NotFound.into_response()
    } else {
        (StatusCode::NOT_FOUND, "not found").into_response()
    }
}

fn looks_like_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// Trunk names built assets `name-<16 hex digits>.ext`: their content never changes.
pub fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, h)| {
        (10..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

async fn cache_headers(req: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(req.uri().path());
    let mut res = next.run(req).await;
    let value = if hashed && res.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let headers = res.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    // Brotli, gzip or plain bytes are chosen by Accept-Encoding: a shared cache must keep
    // them apart, or it hands brotli to a client that did not ask for it.
    let varies = headers.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    });
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

pub fn dist_is_built(dist: &Path) -> bool {
    dist.join("index.html").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed_asset("/gishe-5f3c2a1b9d8e7f60.js"));
        assert!(is_hashed_asset("/gishe-5f3c2a1b9d8e7f60_bg.wasm"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/favicon.svg"));
        assert!(!is_hashed_asset("/nova-zagora/charter"));
    }
}
