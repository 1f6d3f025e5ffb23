use crate::helpers::{body_for, spawn_demo, spawn_with_calendar, TestApp};
use serde_json::{json, Value};

async fn service_code(app: &TestApp) -> (String, Value) {
    let c = app
        .get_json("/api/v1/municipalities/radomir/services")
        .await;
    let code = c["services"][0]["code"].as_str().unwrap().to_string();
    let s = app
        .get_json(&format!("/api/v1/municipalities/radomir/services/{code}"))
        .await;
    (code, s)
}

async fn post(app: &TestApp, key: Option<&str>, body: &str) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url("/api/v1/municipalities/radomir/requests"))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await.unwrap()
}

async fn stored(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM requests")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

fn key(n: usize) -> String {
    format!("test-key-{n:08}-0123456789")
}

#[tokio::test]
async fn a_valid_application_gets_a_registry_number_an_access_code_and_an_expected_date() {
    let app = spawn_demo().await;
    let (_, s) = service_code(&app).await;
    let res = post(&app, Some(&key(1)), &body_for(&s).to_string()).await;
    assert_eq!(res.status(), 201);
    let r: Value = res.json().await.unwrap();
    let number = r["registry_number"].as_str().unwrap();
    assert!(
        number.starts_with("RDM-20") && number.ends_with("-000001"),
        "{number}"
    );
    let code = r["access_code"].as_str().unwrap();
    assert_eq!(code.len(), 11);
    assert_eq!(&code[5..6], "-");
    assert!(r["expected"]["date"].as_str().unwrap().len() == 10);
    assert_eq!(r["fee"], s["tiers"][0]["fee"]);
    // The access code is stored only as an HMAC under the server's key, bound to the number.
    let (hash, body): (String, String) =
        sqlx::query_as("SELECT access_code_hash, body FROM requests")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(hash.starts_with("hmac-sha256$"), "{hash}");
    assert!(!hash.contains(&code.replace('-', "")) && !body.contains(&code.replace('-', "")));
    let code = gishe_api::AccessCode::parse(code).unwrap();
    assert_eq!(
        app.codes.check(number, &code, Some(&hash)).await,
        gishe_server::access_code::Verdict::Valid
    );
    let events: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM request_events WHERE kind = 'registered'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(events, 1);
}

#[tokio::test]
async fn the_same_key_and_body_replay_the_first_answer_and_create_nothing_new() {
    let app = spawn_demo().await;
    let (_, s) = service_code(&app).await;
    let body = body_for(&s).to_string();
    let first: Value = post(&app, Some(&key(2)), &body).await.json().await.unwrap();
    let res = post(&app, Some(&key(2)), &body).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["idempotent-replayed"], "true");
    let second: Value = res.json().await.unwrap();
    assert_eq!(first, second, "the replay holds the same access code");
    assert_eq!(stored(&app).await, 1);
    // The idempotency key itself is not stored, and the stored answer is not readable.
    let (key_hash, response): (Vec<u8>, Vec<u8>) =
        sqlx::query_as("SELECT key_hash, response FROM idempotency_keys")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(!key_hash.windows(8).any(|w| w == b"test-key"));
    let code = first["access_code"].as_str().unwrap();
    assert!(!response.windows(code.len()).any(|w| w == code.as_bytes()));
}

#[tokio::test]
async fn the_same_key_with_another_body_is_a_422_and_creates_nothing() {
    let app = spawn_demo().await;
    let (_, s) = service_code(&app).await;
    let mut body = body_for(&s);
    post(&app, Some(&key(3)), &body.to_string()).await;
    body["contact"]["email"] = json!("other@example.bg");
    let res = post(&app, Some(&key(3)), &body.to_string()).await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "idempotency-key-reused"
    );
    assert_eq!(stored(&app).await, 1);
}

#[tokio::test]
async fn concurrent_duplicates_create_one_request() {
    let app = spawn_demo().await;
    let (_, s) = service_code(&app).await;
    let body = body_for(&s).to_string();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, url, body) = (
            app.client.clone(),
            app.url("/api/v1/municipalities/radomir/requests"),
            body.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let res = client
                .post(url)
                .header("content-type", "application/json")
                .header("Idempotency-Key", key(4))
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()["registry_number"]
                .as_str()
                .unwrap()
                .to_string()
        }));
    }
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.push(t.await.unwrap());
    }
    numbers.dedup();
    assert_eq!(numbers.len(), 1, "{numbers:?}");
    assert_eq!(stored(&app).await, 1);
}

#[tokio::test]
async fn concurrent_submissions_get_registry_numbers_without_gaps_or_duplicates() {
    let app = spawn_demo().await;
    let (_, s) = service_code(&app).await;
    let body = body_for(&s).to_string();
    let n = 16;
    let mut tasks = Vec::new();
    for i in 0..n {
        let (client, url, body) = (
            app.client.clone(),
            app.url("/api/v1/municipalities/radomir/requests"),
            body.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let res = client
                .post(url)
                .header("content-type", "application/json")
                .header("Idempotency-Key", key(100 + i))
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()["registry_number"]
                .as_str()
                .unwrap()
                .to_string()
        }));
    }
    let mut seqs: Vec<u32> = Vec::new();
    for t in tasks {
        let number = t.await.unwrap();
        seqs.push(number.rsplit('-').next().unwrap().parse().unwrap());
    }
    seqs.sort();
    assert_eq!(seqs, (1..=n as u32).collect::<Vec<_>>());
}

async fn expect_problem(res: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status(), status);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["code"], code, "{p}");
    p
}

/// Posts `good` changed by `edit` under key `n`; expects a 422 validation problem and returns it.
async fn refused(app: &TestApp, good: &Value, n: usize, edit: impl FnOnce(&mut Value)) -> Value {
    let mut b = good.clone();
    edit(&mut b);
    expect_problem(
        post(app, Some(&key(n)), &b.to_string()).await,
        422,
        "validation",
    )
    .await
}

#[tokio::test]
async fn bad_input_gets_a_specific_4xx_problem_and_stores_nothing() {
    let app = spawn_demo().await;
    let (_, s) = service_code(&app).await;
    let good = body_for(&s);

    expect_problem(
        post(&app, None, &good.to_string()).await,
        400,
        "idempotency-key-missing",
    )
    .await;
    expect_problem(
        post(&app, Some("short"), &good.to_string()).await,
        400,
        "idempotency-key-invalid",
    )
    .await;
    expect_problem(
        post(&app, Some(&key(5)), "{\"service\": ").await,
        400,
        "malformed-json",
    )
    .await;

    let mut unknown = good.clone();
    unknown["service"] = json!("9999999");
    expect_problem(
        post(&app, Some(&key(6)), &unknown.to_string()).await,
        404,
        "service-not-found",
    )
    .await;

    let p = refused(&app, &good, 7, |b| b["tier"] = json!("superfast")).await;
    assert_eq!(p["errors"][0]["field"], "tier");

    let p = refused(&app, &good, 8, |b| b["consent"] = json!("yes")).await;
    assert_eq!(p["errors"][0]["field"], "consent");

    let p = refused(&app, &good, 9, |b| {
        b["applicant"]["personal_number"] = json!("8032056032")
    })
    .await;
    assert_eq!(
        p["errors"],
        json!([{ "field": "applicant.personal_number", "code": "personal-number-checksum" }])
    );

    let p = refused(&app, &good, 10, |b| {
        b["applicant"]["name"] = json!("я".repeat(151))
    })
    .await;
    assert_eq!(
        p["errors"],
        json!([{ "field": "applicant.name", "code": "too-long" }])
    );

    refused(&app, &good, 11, |b| b["extra"] = json!(1)).await;

    let huge = json!({ "service": "x".repeat(70 * 1024) }).to_string();
    expect_problem(
        post(&app, Some(&key(12)), &huge).await,
        413,
        "payload-too-large",
    )
    .await;

    assert_eq!(stored(&app).await, 0);
    let keys: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM idempotency_keys")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(keys, 0);
}

#[tokio::test]
async fn the_administrators_calendar_adjustments_move_the_expected_date() {
    // A working-days service: the expected date depends on which days are working days.
    let app = spawn_demo().await;
    let c = app
        .get_json("/api/v1/municipalities/radomir/services?q=2396")
        .await;
    let code = c["services"][0]["code"].as_str().unwrap().to_string();
    let s = app
        .get_json(&format!("/api/v1/municipalities/radomir/services/{code}"))
        .await;
    assert_eq!(s["tiers"][0]["deadline"]["unit"], "working-days");
    let mut body = body_for(&s);
    body["tier"] = s["tiers"][0]["tier"].clone();
    let first: Value = post(&app, Some(&key(500)), &body.to_string())
        .await
        .json()
        .await
        .unwrap();
    let expected = first["expected"]["date"].as_str().unwrap().to_string();

    // The government declares that day a day off: the same request now ends a working day later.
    let file = format!("[[day]]\ndate = \"{expected}\"\nkind = \"day-off\"\nnote = \"test\"\n");
    let adjustments = gishe_server::calendar_file::parse(&file).unwrap();
    let moved = spawn_with_calendar(adjustments).await;
    let second: Value = post(&moved, Some(&key(501)), &body.to_string())
        .await
        .json()
        .await
        .unwrap();
    let later = second["expected"]["date"].as_str().unwrap().to_string();
    assert!(later > expected, "{later} should be after {expected}");
}

/// Submissions filed in one transaction (group commit): one that fails is refused alone — its
/// registry number is not used up, the others commit with numbers without a gap.
#[tokio::test(flavor = "current_thread")]
async fn a_failed_submission_in_a_batch_leaves_no_gap_and_the_others_commit() {
    use gishe_server::store::filer::Filer;
    use gishe_server::store::requests::{Creation, Outcome, Subject};
    let app = spawn_demo().await;
    let municipality_id: i64 =
        sqlx::query_scalar("SELECT id FROM municipalities WHERE slug = 'radomir'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let now = gishe_api::calendar::UtcSeconds(1_780_000_000);
    let expected = gishe_api::calendar::expected_completion(
        now,
        gishe_api::calendar::Deadline::WorkingDays(7),
        &gishe_api::calendar::Adjustments::builtin(),
    );
    let creation = |key: &str| Creation {
        municipality_id,
        registry_prefix: "RDM".into(),
        year: 2026,
        subject: Subject::report("complaint"),
        body: "{}".into(),
        submitted_at: now,
        expected,
        seal_access_code: Box::new(|number| format!("sealed {number}")),
        scope: "radomir/reports".into(),
        key: key.into(),
        body_hash: [7; 32],
    };
    // Started before the writer task first runs (one thread): all three reach one batch.
    let filer = Filer::start(app.db.clone());
    let (a, b, c) = tokio::join!(
        filer.file(
            creation("batch-key-aaaaaaaaaaaa"),
            Box::new(|n| Ok(n.as_bytes().to_vec()))
        ),
        filer.file(
            creation("batch-key-bbbbbbbbbbbb"),
            Box::new(|_| Err(anyhow::anyhow!("the answer cannot be made")))
        ),
        filer.file(
            creation("batch-key-cccccccccccc"),
            Box::new(|n| Ok(n.as_bytes().to_vec()))
        ),
    );
    let number = |o: anyhow::Result<Outcome>| match o {
        Ok(Outcome::Created(body)) => String::from_utf8(body).unwrap(),
        _ => panic!("expected a created request"),
    };
    assert_eq!(number(a), "RDM-2026-000001");
    assert!(
        b.is_err(),
        "the failing submission is answered with its error"
    );
    assert_eq!(number(c), "RDM-2026-000002");
    let stored: Vec<String> = sqlx::query_scalar(
        "SELECT registry_number FROM requests WHERE synthetic = 0 ORDER BY registry_number",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(stored, ["RDM-2026-000001", "RDM-2026-000002"]);
    let keys: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM idempotency_keys")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(keys, 2, "the failed submission left no idempotency record");
    // The same key again is a replay, answered from the record, and takes no number.
    let again = filer
        .file(
            creation("batch-key-aaaaaaaaaaaa"),
            Box::new(|_| Err(anyhow::anyhow!("a replay makes no new answer"))),
        )
        .await;
    assert!(matches!(again, Ok(Outcome::Replayed(body)) if body == b"RDM-2026-000001"));
}
