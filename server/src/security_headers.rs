//! The headers every answer carries: a strict Content-Security-Policy (on the app's HTML with
//! the hashes of Trunk's inline loader, read from the built `index.html` at start), framing,
//! opener, referrer and permission policies, and HSTS when the administrator turns it on.
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// `geolocation=(self)` stays allowed for a later "use my location" button on signals.
pub const PERMISSIONS_POLICY: &str = "geolocation=(self), camera=(), microphone=(), payment=(), \
     usb=(), serial=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), \
     browsing-topics=()";

/// The API's answers (JSON) may load and frame nothing.
pub const CSP_OTHER: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The policy for the app's HTML, allowing the given inline scripts by their SHA-256 hashes.
/// `'wasm-unsafe-eval'` lets the page compile its WebAssembly and nothing else.
pub fn csp_for_html(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push_str(&format!(" 'sha256-{hash}'"));
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

/// Base64 SHA-256 of the body of every inline `<script>` (one without `src`) in an HTML page,
/// as CSP's `'sha256-…'` sources want them.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let Some(close) = body_and_more.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") && !tag.contains("\tsrc=") && !tag.contains("\nsrc=") {
            let body = &body_and_more[..close];
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        rest = &body_and_more[close + "</script>".len()..];
    }
    hashes
}

/// The header values, computed once at start.
#[derive(Clone)]
pub struct SecurityHeaders {
    csp_html: HeaderValue,
    hsts: Option<HeaderValue>,
}

impl SecurityHeaders {
    /// `index_html` is the built app's shell (its inline loader changes with every build);
    /// `hsts_max_age` in seconds turns on `Strict-Transport-Security` (only behind HTTPS).
    pub fn new(index_html: Option<&str>, hsts_max_age: Option<u64>) -> SecurityHeaders {
        let hashes = index_html.map(inline_script_hashes).unwrap_or_default();
        let csp_html = HeaderValue::from_str(&csp_for_html(&hashes))
            .unwrap_or_else(|_| HeaderValue::from_static(CSP_OTHER));
        let hsts = hsts_max_age
            .filter(|&age| age > 0)
            .and_then(|age| HeaderValue::from_str(&format!("max-age={age}")).ok());
        SecurityHeaders { csp_html, hsts }
    }
}

pub async fn add(
    State(headers): State<Arc<SecurityHeaders>>,
    req: Request,
    next: Next,
) -> Response {
    // Chosen by path, not by the answer's Content-Type: a 304 for the app's shell has none,
    // and the browser applies the 304's policy to the page it kept.
    let is_api = crate::static_files::is_api(req.uri().path());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let csp = if is_api {
        HeaderValue::from_static(CSP_OTHER)
    } else {
        headers.csp_html.clone()
    };
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    if let Some(hsts) = &headers.hsts {
        h.insert(header::STRICT_TRANSPORT_SECURITY, hsts.clone());
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let html = "<html><head><script type=\"module\">import init from '/a.js';\nawait init();\n</script>\
                    <script src=\"/x.js\"></script><script>alert(1)</script></head></html>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(hashes[1], "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
        assert!(hashes[0].ends_with('=') && hashes[0].len() == 44);
    }

    #[test]
    fn the_html_policy_names_the_hashes_and_closes_everything_else() {
        let csp = csp_for_html(&["abc=".into()]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        for part in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "default-src 'self'",
        ] {
            assert!(csp.contains(part), "{part}");
        }
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn hsts_only_when_asked() {
        assert!(SecurityHeaders::new(None, None).hsts.is_none());
        assert!(SecurityHeaders::new(None, Some(0)).hsts.is_none());
        assert_eq!(
            SecurityHeaders::new(None, Some(31_536_000)).hsts,
            Some(HeaderValue::from_static("max-age=31536000"))
        );
    }
}
