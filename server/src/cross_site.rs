//! Refuses state-changing API requests that a browser sends on behalf of another site's page.
//!
//! Browsers mark who asked: `Sec-Fetch-Site` (same-origin, same-site, cross-site, none) and
//! `Origin`. A request with neither comes from a program (the CLI, a staff token, an Open311
//! client), not from a page a citizen happens to visit, so it passes. Otherwise the request must
//! come from this server's own origin, or from one the administrator allowed (closed by
//! default). Safe methods (GET, HEAD, OPTIONS) change nothing and always pass.
use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// Origins (`https://example.org`, scheme + host + port as browsers send them) whose pages may
/// write to this API besides the server's own.
#[derive(Debug, Clone, Default)]
pub struct AllowedOrigins(Vec<String>);

impl AllowedOrigins {
    pub fn new(origins: impl IntoIterator<Item = String>) -> AllowedOrigins {
        AllowedOrigins(
            origins
                .into_iter()
                .map(|o| o.trim().trim_end_matches('/').to_ascii_lowercase())
                .filter(|o| !o.is_empty())
                .collect(),
        )
    }

    fn contains(&self, origin: &str) -> bool {
        self.0.iter().any(|o| o == origin)
    }
}

/// Whether a request with these headers is a browser's cross-site request that this server
/// must refuse.
pub fn is_refused(method: &Method, headers: &HeaderMap, allowed: &AllowedOrigins) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let origin = headers
        .get(header::ORIGIN)
        .map(|v| v.to_str().unwrap_or("null").trim().to_ascii_lowercase());
    let fetch_site = text("sec-fetch-site").map(|s| s.trim().to_ascii_lowercase());
    if let Some(origin) = &origin {
        if allowed.contains(origin) {
            return false;
        }
        if !is_own_origin(origin, text("host")) {
            return true;
        }
    }
    // An Origin that names this server, or none: the browser's own account decides.
    match fetch_site.as_deref() {
        None | Some("same-origin") | Some("none") => false,
        Some(_) => origin.as_deref().is_none_or(|o| !allowed.contains(o)),
    }
}

/// `Origin: http://host:port` names the host this request was sent to (`Host`, which a
/// reverse proxy passes on), default ports included. `null` (a sandboxed or privacy-sensitive
/// context) never does.
fn is_own_origin(origin: &str, host: Option<&str>) -> bool {
    let Some(host) = host.map(|h| h.trim().to_ascii_lowercase()) else {
        return false;
    };
    let (authority, default_port) = if let Some(a) = origin.strip_prefix("https://") {
        (a, "443")
    } else if let Some(a) = origin.strip_prefix("http://") {
        (a, "80")
    } else {
        return false;
    };
    let with_port = |s: &str| {
        let has_port = s
            .rsplit_once(':')
            .is_some_and(|(_, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if has_port {
            s.to_string()
        } else {
            format!("{s}:{default_port}")
        }
    };
    with_port(authority) == with_port(&host)
}

pub async fn refuse(
    State(allowed): State<Arc<AllowedOrigins>>,
    req: Request,
    next: Next,
) -> Response {
    if is_refused(req.method(), req.headers(), &allowed) {
        return ApiError::CrossSite.into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    fn refused(pairs: &[(&'static str, &'static str)]) -> bool {
        is_refused(&Method::POST, &headers(pairs), &AllowedOrigins::default())
    }

    #[test]
    fn programs_without_browser_headers_pass() {
        assert!(!refused(&[("host", "127.0.0.1:8080")]));
        assert!(!refused(&[]));
    }

    #[test]
    fn the_servers_own_pages_pass() {
        assert!(!refused(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
            ("sec-fetch-site", "same-origin"),
        ]));
        assert!(!refused(&[
            ("host", "gishe.example.bg"),
            ("origin", "https://gishe.example.bg"),
        ]));
        assert!(!refused(&[
            ("host", "gishe.example.bg:443"),
            ("origin", "https://gishe.example.bg"),
        ]));
        assert!(!refused(&[("sec-fetch-site", "none")]));
    }

    #[test]
    fn other_sites_are_refused_by_origin_or_by_fetch_metadata() {
        assert!(refused(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "https://evil.example"),
        ]));
        assert!(refused(&[("host", "127.0.0.1:8080"), ("origin", "null")]));
        assert!(refused(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8081"),
        ]));
        assert!(refused(&[("sec-fetch-site", "cross-site")]));
        assert!(refused(&[("sec-fetch-site", "same-site")]));
        // A page on another site cannot borrow this host's name for its Origin, but a
        // mismatch between the two headers is refused all the same.
        assert!(refused(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
            ("sec-fetch-site", "cross-site"),
        ]));
    }

    #[test]
    fn allowed_origins_pass_and_safe_methods_always_pass() {
        let allowed = AllowedOrigins::new(["https://Portal.example.bg/".to_string()]);
        let h = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "https://portal.example.bg"),
            ("sec-fetch-site", "cross-site"),
        ]);
        assert!(!is_refused(&Method::POST, &h, &allowed));
        let evil = headers(&[
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ]);
        assert!(!is_refused(&Method::GET, &evil, &AllowedOrigins::default()));
        assert!(is_refused(&Method::DELETE, &evil, &allowed));
    }
}
