use crate::helpers::spawn_with_dist;

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>Гише</title>",
    )
    .unwrap();
    std::fs::write(dir.path().join("index.html.br"), b"brotli-index").unwrap();
    std::fs::write(
        dir.path().join("gishe-0123456789abcdef.js"),
        "console.log(1)",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("gishe-0123456789abcdef.js.br"),
        b"brotli-js",
    )
    .unwrap();
    std::fs::write(dir.path().join("gishe-0123456789abcdef.js.gz"), b"gzip-js").unwrap();
    dir
}

#[tokio::test]
async fn hashed_assets_are_served_precompressed_and_immutable() {
    let d = dist();
    let app = spawn_with_dist(d.path().to_path_buf()).await;
    let res = app
        .client
        .get(app.url("/gishe-0123456789abcdef.js"))
        .header("Accept-Encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "br");
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(res.bytes().await.unwrap().as_ref(), b"brotli-js");

    let res = app
        .client
        .get(app.url("/gishe-0123456789abcdef.js"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");

    let res = app
        .client
        .get(app.url("/gishe-0123456789abcdef.js"))
        .header("Accept-Encoding", "identity")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("content-encoding").is_none());
    assert_eq!(res.text().await.unwrap(), "console.log(1)");
}

#[tokio::test]
async fn app_routes_get_index_html_uncached_and_missing_files_404() {
    let d = dist();
    let app = spawn_with_dist(d.path().to_path_buf()).await;
    for path in ["/", "/radomir/charter", "/accessibility"] {
        let res = app
            .client
            .get(app.url(path))
            .header("Accept-Encoding", "identity")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-cache", "{path}");
        assert!(
            res.text().await.unwrap().contains("<title>Гише</title>"),
            "{path}"
        );
    }
    let res = app.get("/missing-0123456789abcdef.js").await;
    assert_eq!(res.status(), 404);
    let res = app.get("/api/v2/anything").await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}
