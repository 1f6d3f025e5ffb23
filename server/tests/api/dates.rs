//! Dates in answers: the server refuses what the browser's day / month / year fields refuse,
//! with the same specific code, naming the field (a 422 the app can put beside the question).
use crate::helpers::{application, spawn_demo, TestApp};
use serde_json::{json, Value};

async fn post(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/municipalities/radomir/requests"))
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_date_that_does_not_exist_is_in_the_future_or_misses_a_part_is_a_422_naming_the_field() {
    let app = spawn_demo().await;
    let cases = [
        ("2025-02-31", "date-not-real"),
        ("2025-13-01", "date-not-real"),
        ("2025--01", "date-missing-month"),
        ("2025-03-", "date-missing-day"),
        ("-03-01", "date-missing-year"),
        ("25-03-01", "date-year-digits"),
        ("01.03.2025", "date-invalid"),
        ("2999-01-01", "date-future"),
    ];
    for (n, (date, code)) in cases.into_iter().enumerate() {
        let mut body = application();
        body["answers"]["date-of-death"] = json!(date);
        let res = post(&app, &format!("test-date-{n:04}-0123456789abcdef"), &body).await;
        assert_eq!(res.status(), 422, "{date}");
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["code"], "validation", "{date}: {p}");
        assert_eq!(
            p["errors"],
            json!([{ "field": "answers.date-of-death", "code": code }]),
            "{date}"
        );
    }
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 0);

    // A real past date in the canonical form is accepted.
    let mut body = application();
    body["answers"]["date-of-death"] = json!("2024-02-29");
    let res = post(&app, "test-date-good-0123456789abcdef", &body).await;
    assert_eq!(res.status(), 201);
}
