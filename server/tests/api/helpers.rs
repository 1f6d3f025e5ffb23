//! Spawns the real app on a random port with a fresh SQLite database file.
use gishe_server::clock::Clock;
use gishe_server::{admin, store, AppState};
use serde_json::{json, Value};
use std::path::PathBuf;

pub struct TestApp {
    pub base: String,
    pub db: store::Db,
    pub client: reqwest::Client,
    /// The app's clock: the system's (a test may pass `Clock::fixed` to what it calls itself).
    pub clock: Clock,
    /// The keys the app seals access codes with.
    pub codes: std::sync::Arc<gishe_server::access_code::AccessCodeKeys>,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.json().await.expect("JSON body")
    }
}

/// The app with the demonstration municipalities loaded.
pub async fn spawn_demo() -> TestApp {
    spawn(true, None).await
}

/// The app with an empty database (a real installation before its administrator imports).
pub async fn spawn_empty() -> TestApp {
    spawn(false, None).await
}

pub async fn spawn_with_dist(dist: PathBuf) -> TestApp {
    spawn(true, Some(dist)).await
}

/// The demo app with the given calendar adjustments instead of the built-in ones.
pub async fn spawn_with_calendar(adjustments: gishe_api::calendar::Adjustments) -> TestApp {
    spawn_inner(true, None, Some(adjustments)).await
}

async fn spawn(demo: bool, dist: Option<PathBuf>) -> TestApp {
    spawn_inner(demo, dist, None).await
}

/// The demo app with the status check's limits set by the test.
pub async fn spawn_with_limits(limits: gishe_server::StatusLimits) -> TestApp {
    spawn_full(true, None, None, Some(limits)).await
}

async fn spawn_inner(
    demo: bool,
    dist: Option<PathBuf>,
    calendar: Option<gishe_api::calendar::Adjustments>,
) -> TestApp {
    spawn_full(demo, dist, calendar, None).await
}

async fn spawn_full(
    demo: bool,
    dist: Option<PathBuf>,
    calendar: Option<gishe_api::calendar::Adjustments>,
    limits: Option<gishe_server::StatusLimits>,
) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let db = store::connect(&url).await.expect("database");
    if demo {
        admin::load_demo_if_empty(&db)
            .await
            .expect("demo data loads");
    }
    let mut state = AppState::new(db.clone());
    if let Some(c) = calendar {
        state.calendar = std::sync::Arc::new(c);
    }
    if let Some(l) = limits {
        state.limits = std::sync::Arc::new(l);
    }
    let clock = state.clock.clone();
    let codes = state.codes.clone();
    let app = gishe_server::app(state, dist);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .expect("serve")
    });
    TestApp {
        base: format!("http://{addr}"),
        db,
        client: reqwest::Client::new(),
        clock,
        codes,
        _dir: dir,
    }
}

/// A valid body for the service, answering every required question.
pub fn body_for(service: &Value) -> Value {
    let mut answers = serde_json::Map::new();
    for f in service["fields"].as_array().unwrap() {
        let value = match f["type"].as_str().unwrap() {
            "text" | "long-text" => json!("Иван Петров"),
            "number" => json!(f["min"].as_i64().unwrap_or(1).max(1)),
            "date" => json!("2025-03-01"),
            "single-choice" => f["options"][0]["value"].clone(),
            "multiple-choice" => json!([f["options"][0]["value"].clone()]),
            _ => json!(true),
        };
        answers.insert(f["id"].as_str().unwrap().to_string(), value);
    }
    json!({
        "service": service["code"],
        "applicant": { "kind": "person", "name": "Мария Иванова", "personal_number": "8032056031" },
        "contact": { "email": "maria@example.bg", "phone": "" },
        "answers": answers,
        "tier": service["tiers"][0]["tier"],
        "delivery": { "method": "counter" },
        "consent": true
    })
}

/// A complete application for the heirs certificate (service 2016 of the demo catalogue),
/// shared with the served-binary tests and the load bench.
pub fn application() -> Value {
    serde_json::from_str(include_str!("../fixtures/application-2016.json"))
        .expect("the fixture is JSON")
}

/// Files an application for the certificate of heirs (service 2016) in `slug` through the API;
/// returns (registry number, access code as shown).
pub async fn file_request(app: &TestApp, slug: &str, key: &str) -> (String, String) {
    let res = app
        .client
        .post(app.url(&format!("/api/v1/municipalities/{slug}/requests")))
        .header("Idempotency-Key", key)
        .json(&application())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let r: Value = res.json().await.unwrap();
    (
        r["registry_number"].as_str().unwrap().into(),
        r["access_code"].as_str().unwrap().into(),
    )
}

/// `POST /status` for a registry number and an access code.
pub async fn check_status(app: &TestApp, number: &str, code: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/status"))
        .json(&json!({ "registry_number": number, "access_code": code }))
        .send()
        .await
        .unwrap()
}
