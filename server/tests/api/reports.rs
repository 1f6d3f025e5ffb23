use crate::helpers::{check_status, spawn_demo, TestApp};
use serde_json::{json, Value};

async fn report(app: &TestApp, key: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/municipalities/kostinbrod/reports"))
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_anonymous_complaint_is_filed_tracked_and_answered_within_two_months() {
    let app = spawn_demo().await;
    let res = report(
        &app,
        "report-key-00000001",
        json!({ "kind": "complaint", "text": "Дълго чакане на гише 2.", "consent": false }),
    )
    .await;
    assert_eq!(res.status(), 201);
    let r: Value = res.json().await.unwrap();
    assert_eq!(r["anonymous"], true);
    assert_eq!(r["kind"], "complaint");
    assert!(r["registry_number"].as_str().unwrap().starts_with("KBD-"));
    // Two months from submission, moved off a day off if need be.
    let submitted = gishe_api::calendar::to_sofia(gishe_api::calendar::UtcSeconds(
        r["submitted_at"].as_i64().unwrap(),
    ))
    .date();
    let answer_by =
        gishe_api::calendar::Date::parse_iso(r["answer_by"]["date"].as_str().unwrap()).unwrap();
    assert!(
        answer_by >= submitted.add_months(2) && answer_by <= submitted.add_months(2).add_days(4)
    );
    // Trackable through the same status check.
    let s: Value = check_status(
        &app,
        r["registry_number"].as_str().unwrap(),
        r["access_code"].as_str().unwrap(),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(s["kind"], "complaint");
    assert_eq!(s["status"], "registered");
}

#[tokio::test]
async fn signals_and_proposals_are_never_anonymous_and_nothing_is_stored() {
    let app = spawn_demo().await;
    for (i, kind) in ["signal", "proposal"].into_iter().enumerate() {
        let res = report(
            &app,
            &format!("report-key-1000000{i}"),
            json!({ "kind": kind, "text": "Нередност.", "consent": true }),
        )
        .await;
        assert_eq!(res.status(), 422, "{kind}");
        let p: Value = res.json().await.unwrap();
        assert_eq!(
            p["errors"],
            json!([{ "field": "name", "code": "name-required-for-kind" }, { "field": "email", "code": "reply-channel-required" }])
        );
    }
    assert_eq!(count(&app, "requests").await, 0);
    let ok = report(
        &app,
        "report-key-20000000",
        json!({ "kind": "signal", "text": "Нередност.", "name": "Мария Петрова", "phone": "0888 123 456", "consent": true }),
    )
    .await;
    assert_eq!(ok.status(), 201);
    assert_eq!(ok.json::<Value>().await.unwrap()["anonymous"], false);
}

#[tokio::test]
async fn bad_reports_are_specific_4xx_and_store_nothing() {
    let app = spawn_demo().await;
    let res = report(
        &app,
        "report-key-30000000",
        json!({ "kind": "rant", "text": "x", "consent": true }),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        res.json::<Value>().await.unwrap()["errors"][0]["field"],
        "kind"
    );
    let res = report(
        &app,
        "report-key-30000001",
        json!({ "kind": "praise", "text": "я".repeat(5001), "consent": false }),
    )
    .await;
    assert_eq!(
        res.json::<Value>().await.unwrap()["errors"],
        json!([{ "field": "text", "code": "too-long" }])
    );
    let res = app
        .client
        .post(app.url("/api/v1/municipalities/kostinbrod/reports"))
        .json(&json!({ "kind": "praise", "text": "Благодаря" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400, "the Idempotency-Key is required");
    assert_eq!(count(&app, "requests").await, 0);
}

#[tokio::test]
async fn feedback_is_recorded_and_tied_to_a_request_only_once() {
    let app = spawn_demo().await;
    let post = |body: Value| {
        app.client
            .post(app.url("/api/v1/municipalities/kostinbrod/feedback"))
            .json(&body)
            .send()
    };
    let ratings = json!({ "courtesy": 5, "clarity": 4, "deadlines": 3, "accessibility": 4, "overall": 4, "comment": "Бързо и любезно." });
    assert_eq!(post(ratings.clone()).await.unwrap().status(), 201);

    let r: Value = report(
        &app,
        "report-key-40000000",
        json!({ "kind": "praise", "text": "Благодаря.", "consent": false }),
    )
    .await
    .json()
    .await
    .unwrap();
    let mut tied = ratings.clone();
    tied["registry_number"] = r["registry_number"].clone();
    tied["access_code"] = r["access_code"].clone();
    assert_eq!(post(tied.clone()).await.unwrap().status(), 201);
    let again = post(tied.clone()).await.unwrap();
    assert_eq!(again.status(), 409);
    assert_eq!(
        again.json::<Value>().await.unwrap()["code"],
        "feedback-already-given"
    );

    tied["access_code"] = json!("00000-00000");
    let wrong = post(tied).await.unwrap();
    assert_eq!(wrong.status(), 404);
    assert_eq!(
        wrong.json::<Value>().await.unwrap()["code"],
        "request-not-found"
    );
    let mut bad = ratings.clone();
    bad["overall"] = json!(7);
    let res = post(bad).await.unwrap();
    assert_eq!(
        res.json::<Value>().await.unwrap()["errors"],
        json!([{ "field": "overall", "code": "rating-required" }])
    );
    assert_eq!(count(&app, "feedback").await, 2);
}
