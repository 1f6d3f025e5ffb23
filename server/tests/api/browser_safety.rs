//! What browsers get: no state changes for other sites' pages or non-JSON bodies, and the
//! security headers on every answer.
use crate::helpers::{file_request, spawn_demo, spawn_with_dist, TestApp};
use serde_json::json;

/// Every state-changing endpoint, with a body it would otherwise accept in shape.
fn endpoints(number: &str) -> Vec<(String, serde_json::Value)> {
    vec![
        (
            "/api/v1/municipalities/radomir/requests".into(),
            json!({ "service": "2016" }),
        ),
        (
            "/api/v1/municipalities/radomir/reports".into(),
            json!({ "kind": "praise", "text": "Благодаря" }),
        ),
        (
            "/api/v1/status".into(),
            json!({ "registry_number": number, "access_code": "ABCDE-12345" }),
        ),
        (
            "/api/v1/municipalities/radomir/feedback".into(),
            json!({ "courtesy": 1, "clarity": 1, "deadlines": 1, "accessibility": 1, "overall": 1 }),
        ),
        (
            format!("/api/v1/staff/requests/{number}/events"),
            json!({ "kind": "note", "note": "x" }),
        ),
    ]
}

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.db)
        .await
        .unwrap()
}

/// Requests and reports, their histories, and survey answers.
async fn snapshot(app: &TestApp) -> [i64; 3] {
    [
        count(app, "requests").await,
        count(app, "request_events").await,
        count(app, "feedback").await,
    ]
}

#[tokio::test]
async fn bodies_that_are_not_json_are_refused_with_415_on_every_state_changing_endpoint() {
    let app = spawn_demo().await;
    let (number, _) = file_request(&app, "radomir", "browser-safety-0001").await;
    // A live staff token, so that the staff endpoint gets as far as its body.
    let (_, token) = gishe_server::staff::create_token(&app.db, "Деловодство", 0)
        .await
        .unwrap();
    let before = snapshot(&app).await;
    for (path, body) in endpoints(&number) {
        for content_type in ["text/plain", "application/x-www-form-urlencoded", ""] {
            let mut req = app
                .client
                .post(app.url(&path))
                .header("Idempotency-Key", "browser-safety-0002")
                .bearer_auth(&token)
                .body(body.to_string());
            if !content_type.is_empty() {
                req = req.header("content-type", content_type);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), 415, "{path} as {content_type:?}");
            assert_eq!(
                res.headers()["content-type"],
                "application/problem+json",
                "{path}"
            );
            let problem: serde_json::Value = res.json().await.unwrap();
            assert_eq!(problem["code"], "unsupported-media-type", "{path}");
        }
    }
    assert_eq!(snapshot(&app).await, before, "nothing changed");
}

#[tokio::test]
async fn other_sites_pages_are_refused_with_403_on_every_state_changing_endpoint() {
    let app = spawn_demo().await;
    let (number, _) = file_request(&app, "radomir", "browser-safety-0003").await;
    let (_, token) = gishe_server::staff::create_token(&app.db, "Деловодство", 0)
        .await
        .unwrap();
    let before = snapshot(&app).await;
    let foreign: [&[(&str, &str)]; 4] = [
        &[("Origin", "https://evil.example")],
        &[("Origin", "null")],
        &[("Sec-Fetch-Site", "cross-site")],
        &[
            ("Sec-Fetch-Site", "same-site"),
            ("Origin", "https://sub.example.bg"),
        ],
    ];
    for (path, body) in endpoints(&number) {
        for headers in foreign {
            let mut req = app
                .client
                .post(app.url(&path))
                .header("Idempotency-Key", "browser-safety-0004")
                .bearer_auth(&token)
                .json(&body);
            for (k, v) in headers {
                req = req.header(*k, *v);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), 403, "{path} with {headers:?}");
            let problem: serde_json::Value = res.json().await.unwrap();
            assert_eq!(problem["code"], "cross-site-request", "{path}");
        }
    }
    assert_eq!(snapshot(&app).await, before, "nothing changed");
}

#[tokio::test]
async fn the_servers_own_pages_and_programs_without_browser_headers_get_through() {
    let app = spawn_demo().await;
    let host = app.base.trim_start_matches("http://").to_string();
    // Same origin, as the app sends it: the request reaches the handler (404: wrong code).
    let res = app
        .client
        .post(app.url("/api/v1/status"))
        .header("Origin", format!("http://{host}"))
        .header("Sec-Fetch-Site", "same-origin")
        .json(&json!({ "registry_number": "RDM-2026-000001", "access_code": "ABCDE-12345" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    // Reading is never refused, whoever asks.
    let res = app
        .client
        .get(app.url("/api/v1/municipalities"))
        .header("Origin", "https://evil.example")
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // A program (no Origin, no Sec-Fetch-Site) files as before.
    file_request(&app, "radomir", "browser-safety-0005").await;
}

fn dist_with_loader() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let loader = "\nimport init from '/gishe-0123456789abcdef.js';\nawait init();\n";
    std::fs::write(
        dir.path().join("index.html"),
        format!("<!doctype html><title>Гише</title><script type=\"module\">{loader}</script>"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("gishe-0123456789abcdef.js"),
        "export default async function init() {}\n".repeat(20),
    )
    .unwrap();
    use sha2::Digest;
    let hash = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        sha2::Sha256::digest(loader.as_bytes()),
    );
    (dir, hash)
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_the_html_a_strict_csp() {
    let (dist, loader_hash) = dist_with_loader();
    let app = spawn_with_dist(dist.path().to_path_buf()).await;
    for path in [
        "/",
        "/radomir/charter",
        "/gishe-0123456789abcdef.js",
        "/api/v1/municipalities",
        "/api/v1/nope",
    ] {
        let res = app.get(path).await;
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["cross-origin-opener-policy"], "same-origin", "{path}");
        let permissions = h["permissions-policy"].to_str().unwrap();
        assert!(permissions.contains("geolocation=(self)"), "{path}");
        assert!(permissions.contains("camera=()"), "{path}");
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("base-uri 'none'"), "{path}: {csp}");
        assert!(h.get("strict-transport-security").is_none(), "{path}");
    }
    let res = app.get("/radomir").await;
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{loader_hash}'"
        )),
        "{csp}"
    );
    for part in [
        "default-src 'self'",
        "object-src 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(part), "{part} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    // A revalidated shell (304, no Content-Type) keeps the page's policy: the browser applies
    // the 304's headers to the page it kept.
    let etag = res.headers().get("etag").cloned();
    let modified = res.headers().get("last-modified").cloned();
    let mut again = app.client.get(app.url("/radomir"));
    if let Some(e) = etag {
        again = again.header("if-none-match", e);
    }
    if let Some(m) = modified {
        again = again.header("if-modified-since", m);
    }
    let res = again.send().await.unwrap();
    assert_eq!(res.status(), 304);
    assert_eq!(
        res.headers()["content-security-policy"].to_str().unwrap(),
        csp
    );
}

#[tokio::test]
async fn static_files_vary_by_encoding_and_are_compressed_when_no_twin_was_built() {
    let (dist, _) = dist_with_loader();
    let app = spawn_with_dist(dist.path().to_path_buf()).await;
    let res = app
        .client
        .get(app.url("/gishe-0123456789abcdef.js"))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "br");
    let vary = res.headers()["vary"].to_str().unwrap().to_ascii_lowercase();
    assert!(vary.contains("accept-encoding"), "{vary}");
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let res = app
        .client
        .get(app.url("/radomir"))
        .header("Accept-Encoding", "identity")
        .send()
        .await
        .unwrap();
    let vary = res.headers()["vary"].to_str().unwrap().to_ascii_lowercase();
    assert!(vary.contains("accept-encoding"), "{vary}");
    assert_eq!(res.headers()["cache-control"], "no-cache");
}
