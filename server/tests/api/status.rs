use crate::helpers::{check_status, file_request, spawn_demo, spawn_with_limits, TestApp};
use serde_json::{json, Value};
use std::time::Duration;

async fn event(app: &TestApp, token: Option<&str>, number: &str, body: Value) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url(&format!("/api/v1/staff/requests/{number}/events")))
        .json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

async fn token(app: &TestApp, name: &str) -> String {
    gishe_server::staff::create_token(&app.db, name, 0)
        .await
        .unwrap()
        .1
}

async fn events_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM request_events")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_status_shows_the_request_and_reads_number_and_code_tolerantly() {
    let app = spawn_demo().await;
    let (number, code) = file_request(&app, "radomir", "status-key-0000000001").await;
    let sloppy_number = number.to_lowercase().replace('-', " ");
    let sloppy_code = code.to_lowercase().replace('-', "");
    let res = check_status(&app, &sloppy_number, &sloppy_code).await;
    assert_eq!(res.status(), 200);
    let s: Value = res.json().await.unwrap();
    assert_eq!(s["registry_number"], number.as_str());
    assert_eq!(s["status"], "registered");
    assert_eq!(s["municipality"], "radomir");
    assert_eq!(s["delivery"], "counter");
    assert_eq!(s["timeline"].as_array().unwrap().len(), 1);
    assert_eq!(s["timeline"][0]["kind"], "registered");
}

#[tokio::test]
async fn an_unknown_number_and_a_wrong_code_get_the_same_answer() {
    let app = spawn_demo().await;
    let (number, _) = file_request(&app, "radomir", "status-key-0000000002").await;
    let wrong_code = check_status(&app, &number, "00000-00000").await;
    let unknown = check_status(&app, "RDM-2026-999999", "00000-00000").await;
    assert_eq!(wrong_code.status(), 404);
    assert_eq!(unknown.status(), 404);
    assert_eq!(
        wrong_code.headers()["content-type"],
        "application/problem+json"
    );
    let (a, b): (Value, Value) = (
        wrong_code.json().await.unwrap(),
        unknown.json().await.unwrap(),
    );
    assert_eq!(a, b);
    assert_eq!(a["code"], "request-not-found");
}

#[tokio::test]
async fn malformed_numbers_and_codes_are_named() {
    let app = spawn_demo().await;
    let res = check_status(&app, "RDM-26", "ABC").await;
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    assert_eq!(
        p["errors"],
        json!([{ "field": "registry_number", "code": "registry-number-invalid" }, { "field": "access_code", "code": "access-code-invalid" }])
    );
}

#[tokio::test]
async fn too_many_checks_from_one_address_get_a_429_with_retry_after() {
    let limits = gishe_server::StatusLimits::new(3, 100, Duration::from_secs(600), Vec::new());
    let app = spawn_with_limits(limits).await;
    for _ in 0..3 {
        assert_eq!(
            check_status(&app, "RDM-2026-000001", "00000-00000")
                .await
                .status(),
            404
        );
    }
    let res = check_status(&app, "RDM-2026-000002", "00000-00000").await;
    assert_eq!(res.status(), 429);
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&wait));
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "rate-limited");
}

#[tokio::test]
async fn wrong_guesses_on_one_number_are_slowed_but_never_lock_out_the_right_code() {
    let proxy: std::net::IpAddr = "127.0.0.1".parse().unwrap();
    let limits = gishe_server::StatusLimits::new(100, 2, Duration::from_secs(600), vec![proxy]);
    let app = spawn_with_limits(limits).await;
    let (number, code) = file_request(&app, "radomir", "slowed-guesses-0001").await;
    let guess = |ip: &'static str, code: &str| {
        app.client
            .post(app.url("/api/v1/status"))
            .header("X-Forwarded-For", ip)
            .json(&json!({ "registry_number": number, "access_code": code }))
            .send()
    };
    // Within the number's budget a wrong guess is answered at once.
    for ip in ["198.51.100.1", "198.51.100.2"] {
        assert_eq!(guess(ip, "00000-00000").await.unwrap().status(), 404);
    }
    // Past it, from yet another address, the wrong guess is held, but still a plain 404.
    let started = std::time::Instant::now();
    assert_eq!(
        guess("198.51.100.3", "00000-00000").await.unwrap().status(),
        404
    );
    assert!(started.elapsed() >= gishe_server::rate_limit::SLOWED_ANSWER);
    // The citizen's own code still opens the request, from anywhere.
    assert_eq!(guess("198.51.100.4", &code).await.unwrap().status(), 200);
    assert_eq!(check_status(&app, &number, &code).await.status(), 200);
}

#[tokio::test]
async fn right_codes_do_not_use_up_the_addresss_budget() {
    let limits = gishe_server::StatusLimits::new(2, 100, Duration::from_secs(600), Vec::new());
    let app = spawn_with_limits(limits).await;
    let (number, code) = file_request(&app, "radomir", "right-codes-0001").await;
    for _ in 0..5 {
        assert_eq!(check_status(&app, &number, &code).await.status(), 200);
    }
    assert_eq!(
        check_status(&app, &number, "00000-00000").await.status(),
        404
    );
    assert_eq!(
        check_status(&app, &number, "00000-00000").await.status(),
        404
    );
    // Two failures: the address now waits, whatever it sends.
    assert_eq!(check_status(&app, &number, &code).await.status(), 429);
}

#[tokio::test]
async fn forwarded_for_counts_per_client_only_behind_a_trusted_proxy() {
    let forwarded = |app: &TestApp, ip: &'static str| {
        app.client
            .post(app.url("/api/v1/status"))
            .header("X-Forwarded-For", ip)
            .json(&json!({ "registry_number": format!("RDM-2026-{:06}", ip.len() + ip.bytes().map(u32::from).sum::<u32>() as usize), "access_code": "00000-00000" }))
            .send()
    };
    // Trusted: each forwarded client has its own allowance.
    let proxy: std::net::IpAddr = "127.0.0.1".parse().unwrap();
    let app = spawn_with_limits(gishe_server::StatusLimits::new(
        1,
        100,
        Duration::from_secs(600),
        vec![proxy],
    ))
    .await;
    assert_eq!(forwarded(&app, "198.51.100.1").await.unwrap().status(), 404);
    assert_eq!(forwarded(&app, "198.51.100.2").await.unwrap().status(), 404);
    // Not trusted: the header is ignored and both count against the peer.
    let app = spawn_with_limits(gishe_server::StatusLimits::new(
        1,
        100,
        Duration::from_secs(600),
        Vec::new(),
    ))
    .await;
    assert_eq!(forwarded(&app, "198.51.100.1").await.unwrap().status(), 404);
    assert_eq!(forwarded(&app, "198.51.100.2").await.unwrap().status(), 429);
}

#[tokio::test]
async fn staff_calls_without_a_token_or_with_a_revoked_one_are_401_and_change_nothing() {
    let app = spawn_demo().await;
    let (number, _) = file_request(&app, "radomir", "status-key-0000000003").await;
    let before = events_count(&app).await;
    let res = event(&app, None, &number, json!({ "kind": "in_progress" })).await;
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "staff-token-invalid"
    );
    assert_eq!(
        event(
            &app,
            Some("gst_forged"),
            &number,
            json!({ "kind": "in_progress" })
        )
        .await
        .status(),
        401
    );
    let (id, t) = gishe_server::staff::create_token(&app.db, "Мария (деловодство)", 0)
        .await
        .unwrap();
    assert!(gishe_server::staff::revoke_token(&app.db, id, 1)
        .await
        .unwrap());
    assert_eq!(
        event(&app, Some(&t), &number, json!({ "kind": "in_progress" }))
            .await
            .status(),
        401
    );
    assert_eq!(events_count(&app).await, before);
}

#[tokio::test]
async fn the_state_machine_through_the_api_with_who_and_when_kept() {
    let app = spawn_demo().await;
    let (number, code) = file_request(&app, "radomir", "status-key-0000000004").await;
    let t = token(&app, "Петя Иванова").await;
    let post = |body: Value| event(&app, Some(&t), &number, body);
    assert_eq!(
        post(json!({ "kind": "ready" })).await.status(),
        409,
        "registered → ready is not allowed"
    );
    assert_eq!(post(json!({ "kind": "completed" })).await.status(), 409);
    assert_eq!(post(json!({ "kind": "in_progress" })).await.status(), 201);
    assert_eq!(
        post(json!({ "kind": "more_information_needed", "note": "Донесете смъртен акт" }))
            .await
            .status(),
        201
    );
    assert_eq!(post(json!({ "kind": "in_progress" })).await.status(), 201);

    let s: Value = check_status(&app, &number, &code)
        .await
        .json()
        .await
        .unwrap();
    let expected = s["expected"]["date"].as_str().unwrap().to_string();
    let res = post(json!({ "kind": "deadline_extended", "new_expected": "2099-01-01" })).await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "extension-reason-required"
    );
    let res = post(json!({ "kind": "deadline_extended", "reason": "Чакаме справка", "new_expected": expected })).await;
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "extension-date-not-later"
    );
    assert_eq!(post(json!({ "kind": "deadline_extended", "reason": "Чакаме справка от НАП", "new_expected": "2099-01-01" })).await.status(), 201);

    assert_eq!(
        post(json!({ "kind": "ready", "note": "Гише 3" }))
            .await
            .status(),
        201
    );
    assert_eq!(post(json!({ "kind": "completed" })).await.status(), 201);
    let res = post(json!({ "kind": "refused", "reason": "късно" })).await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "transition-not-allowed"
    );
    assert_eq!(
        post(json!({ "kind": "note", "note": "Благодарим ви" }))
            .await
            .status(),
        201
    );

    let s: Value = check_status(&app, &number, &code)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(s["status"], "completed");
    assert_eq!(s["expected"]["date"], "2099-01-01");
    let kinds: Vec<&str> = s["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "registered",
            "in_progress",
            "more_information_needed",
            "in_progress",
            "deadline_extended",
            "ready",
            "completed",
            "note"
        ]
    );
    assert_eq!(s["timeline"][4]["reason"], "Чакаме справка от НАП");
    assert_eq!(s["timeline"][4]["new_expected"], "2099-01-01");
    assert_eq!(s["timeline"][2]["note"], "Донесете смъртен акт");
    // Who recorded each event is kept (not shown to the citizen).
    let actors: Vec<String> = sqlx::query_scalar("SELECT actor FROM request_events ORDER BY id")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert_eq!(actors[0], "citizen");
    assert!(actors[1..].iter().all(|a| a == "Петя Иванова"));
}

#[tokio::test]
async fn refused_from_any_open_state_and_bad_events_are_4xx_storing_nothing() {
    let app = spawn_demo().await;
    let (number, _) = file_request(&app, "radomir", "status-key-0000000005").await;
    let t = token(&app, "Иван").await;
    let before = events_count(&app).await;
    let res = event(&app, Some(&t), &number, json!({ "kind": "teleported" })).await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        res.json::<Value>().await.unwrap()["errors"][0]["field"],
        "kind"
    );
    let res = event(
        &app,
        Some(&t),
        &number,
        json!({ "kind": "note", "note": "я".repeat(2001) }),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        event(
            &app,
            Some(&t),
            "RDM-2026-999999",
            json!({ "kind": "in_progress" })
        )
        .await
        .status(),
        404
    );
    assert_eq!(
        event(
            &app,
            Some(&t),
            "not-a-number",
            json!({ "kind": "in_progress" })
        )
        .await
        .status(),
        404
    );
    assert_eq!(events_count(&app).await, before);
    assert_eq!(
        event(
            &app,
            Some(&t),
            &number,
            json!({ "kind": "refused", "reason": "Непълни документи" })
        )
        .await
        .status(),
        201
    );
    assert_eq!(
        event(&app, Some(&t), &number, json!({ "kind": "in_progress" }))
            .await
            .status(),
        409
    );
}

/// Drives a fresh request to `target` through allowed events; returns its registry number.
async fn request_in(app: &TestApp, t: &str, target: &str, n: usize) -> String {
    let (number, _) = file_request(app, "radomir", &format!("status-walk-{n:012}")).await;
    let path: &[&str] = match target {
        "registered" => &[],
        "in_progress" => &["in_progress"],
        "more_information_needed" => &["in_progress", "more_information_needed"],
        "ready" => &["in_progress", "ready"],
        "completed" => &["in_progress", "ready", "completed"],
        _ => &["refused"],
    };
    for kind in path {
        let body = if *kind == "refused" {
            json!({ "kind": kind, "reason": "Непълни документи" })
        } else {
            json!({ "kind": kind })
        };
        assert_eq!(
            event(app, Some(t), &number, body).await.status(),
            201,
            "{target} via {kind}"
        );
    }
    number
}

#[tokio::test]
async fn every_status_change_through_the_api_is_allowed_or_refused_as_the_state_machine_says() {
    let app = spawn_demo().await;
    let t = token(&app, "Проверка").await;
    let states = [
        "registered",
        "in_progress",
        "more_information_needed",
        "ready",
        "completed",
        "refused",
    ];
    let kinds = [
        "in_progress",
        "more_information_needed",
        "ready",
        "completed",
        "refused",
    ];
    let mut n = 0;
    for from in states {
        for kind in kinds {
            n += 1;
            let number = request_in(&app, &t, from, n).await;
            let status = gishe_api::RequestStatus::from_code(from).unwrap();
            let expected = gishe_api::apply_event(
                status,
                gishe_api::EventKind::from_code(kind).unwrap(),
                gishe_api::calendar::Date::parse_iso("2099-01-01").unwrap(),
                Some("причина"),
                None,
                None,
            );
            let res = event(
                &app,
                Some(&t),
                &number,
                json!({ "kind": kind, "reason": "причина" }),
            )
            .await;
            match expected {
                Ok(next) => {
                    assert_eq!(res.status(), 201, "{from} → {kind}");
                    assert_eq!(res.json::<Value>().await.unwrap()["status"], next.code());
                }
                Err(e) => {
                    assert_eq!(res.status(), 409, "{from} → {kind}");
                    assert_eq!(res.json::<Value>().await.unwrap()["code"], e.code());
                }
            }
        }
    }
}

#[tokio::test]
async fn the_history_cannot_be_changed_or_deleted_even_in_the_database() {
    let app = spawn_demo().await;
    file_request(&app, "radomir", "status-key-append-only-1").await;
    assert!(sqlx::query("UPDATE request_events SET kind = 'completed'")
        .execute(&app.db)
        .await
        .is_err());
    assert!(sqlx::query("DELETE FROM request_events")
        .execute(&app.db)
        .await
        .is_err());
    assert_eq!(events_count(&app).await, 1);
}

#[tokio::test]
async fn odd_registry_numbers_and_trailing_garbage_are_4xx_not_crashes() {
    let app = spawn_demo().await;
    let res = check_status(&app, "RDM123é45678", "ABCDE-12345").await;
    assert_eq!(res.status(), 422);
    let res = app
        .client
        .post(app.url("/api/v1/status"))
        .header("content-type", "application/json")
        .body("{\"registry_number\":\"RDM-2026-000001\",\"access_code\":\"ABCDE-12345\"} trailing")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // A body that is a bare personal number is refused without echoing it.
    let res = app
        .client
        .post(app.url("/api/v1/status"))
        .header("content-type", "application/json")
        .body("\"8032056031\"")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());
    assert!(!res.text().await.unwrap().contains("8032056031"));
}

#[tokio::test]
async fn tied_feedback_shares_the_status_checks_budget_of_failed_codes() {
    let limits = gishe_server::StatusLimits::new(2, 100, Duration::from_secs(600), Vec::new());
    let app = spawn_with_limits(limits).await;
    let body = json!({ "courtesy": 5, "clarity": 5, "deadlines": 5, "accessibility": 5, "overall": 5,
        "registry_number": "RDM-2026-000777", "access_code": "00000-00000" });
    let res = app
        .client
        .post(app.url("/api/v1/municipalities/radomir/feedback"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(
        check_status(&app, "RDM-2026-000778", "00000-00000")
            .await
            .status(),
        404
    );
    // One failure from each: the address's budget of two is spent, for both endpoints.
    assert_eq!(
        check_status(&app, "RDM-2026-000779", "00000-00000")
            .await
            .status(),
        429
    );
    let res = app
        .client
        .post(app.url("/api/v1/municipalities/radomir/feedback"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
}
