use crate::helpers::{file_request, spawn_demo, spawn_empty, TestApp};
use gishe_api::calendar::{to_sofia, Date, UtcSeconds};
use gishe_server::clock::Clock;
use gishe_server::demo;
use gishe_server::profile::Profile;
use gishe_server::store;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Unix seconds of `YYYY-MM-DDTHH:MM:SSZ`.
fn utc(s: &str) -> i64 {
    let date = Date::parse_iso(&s[..10]).unwrap();
    let h: i64 = s[11..13].parse().unwrap();
    let m: i64 = s[14..16].parse().unwrap();
    let sec: i64 = s[17..19].parse().unwrap();
    date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + sec
}

/// A real (not demo) municipality with no data; returns its id.
async fn municipality(app: &TestApp, slug: &str) -> i64 {
    let profile = Profile::from_toml(&format!(
        "slug = \"{slug}\"\n[name]\nbg = \"Община {slug}\"\n"
    ))
    .unwrap();
    store::municipalities::upsert(&app.db, &profile, false, 0)
        .await
        .unwrap()
}

/// Inserts a request as the API would leave it: its row and its history (at, kind).
#[allow(clippy::too_many_arguments)]
async fn request(
    app: &TestApp,
    municipality: i64,
    number: &str,
    kind: &str,
    submitted: &str,
    expected: (&str, Option<&str>),
    status: &str,
    events: &[(&str, &str)],
) {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO requests (municipality_id, registry_number, service_code, tier, fee_cents,
             submitted_at, expected_date, expected_time, access_code_hash, body, status, kind)
         VALUES (?, ?, '2016', 'ordinary', 300, ?, ?, ?, 'x', '{}', ?, ?) RETURNING id",
    )
    .bind(municipality)
    .bind(number)
    .bind(utc(submitted))
    .bind(expected.0)
    .bind(expected.1)
    .bind(status)
    .bind(kind)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let history = std::iter::once((submitted, "registered")).chain(events.iter().copied());
    for (at, kind) in history {
        sqlx::query(
            "INSERT INTO request_events (request_id, at, kind, actor) VALUES (?, ?, ?, 'test')",
        )
        .bind(id)
        .bind(utc(at))
        .bind(kind)
        .execute(&app.db)
        .await
        .unwrap();
    }
}

async fn feedback(app: &TestApp, municipality: i64, at: &str, ratings: [i64; 5]) {
    sqlx::query(
        "INSERT INTO feedback (municipality_id, submitted_at, courtesy, clarity, deadlines, accessibility, overall)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(municipality)
    .bind(utc(at))
    .bind(ratings[0])
    .bind(ratings[1])
    .bind(ratings[2])
    .bind(ratings[3])
    .bind(ratings[4])
    .execute(&app.db)
    .await
    .unwrap();
}

const DONE: &[(&str, &str)] = &[];

#[tokio::test]
async fn the_figures_are_computed_per_half_year_from_requests_reports_and_feedback() {
    let app = spawn_empty().await;
    let m = municipality(&app, "testograd").await;
    let other = municipality(&app, "drugo").await;

    // 2026 H1. Completed on the expected day at 17:00 Sofia: on time.
    request(
        &app,
        m,
        "TST-2026-000001",
        "service",
        "2026-03-02T08:00:00Z",
        ("2026-03-05", None),
        "completed",
        &[
            ("2026-03-02T09:00:00Z", "in_progress"),
            ("2026-03-05T14:00:00Z", "ready"),
            ("2026-03-05T15:00:00Z", "completed"),
        ],
    )
    .await;
    // Completed a day after the expected date: late.
    request(
        &app,
        m,
        "TST-2026-000002",
        "service",
        "2026-03-10T08:00:00Z",
        ("2026-03-12", None),
        "completed",
        &[
            ("2026-03-10T09:00:00Z", "in_progress"),
            ("2026-03-13T07:00:00Z", "ready"),
            ("2026-03-13T08:00:00Z", "completed"),
        ],
    )
    .await;
    // A deadline in hours: due 13:00 Sofia, completed 13:30 Sofia the same day: late.
    request(
        &app,
        m,
        "TST-2026-000003",
        "service",
        "2026-05-04T06:00:00Z",
        ("2026-05-04", Some("13:00")),
        "completed",
        &[
            ("2026-05-04T06:10:00Z", "in_progress"),
            ("2026-05-04T10:00:00Z", "ready"),
            ("2026-05-04T10:30:00Z", "completed"),
        ],
    )
    .await;
    // Still open, and refused: neither counts as completed.
    request(
        &app,
        m,
        "TST-2026-000004",
        "service",
        "2026-04-01T08:00:00Z",
        ("2026-04-08", None),
        "in_progress",
        &[("2026-04-01T09:00:00Z", "in_progress")],
    )
    .await;
    request(
        &app,
        m,
        "TST-2026-000005",
        "service",
        "2026-04-02T08:00:00Z",
        ("2026-04-09", None),
        "refused",
        &[("2026-04-03T09:00:00Z", "refused")],
    )
    .await;
    // Reports: a complaint answered late, a signal refused in time, praise not yet answered.
    request(
        &app,
        m,
        "TST-2026-000006",
        "complaint",
        "2026-02-02T08:00:00Z",
        ("2026-04-02", None),
        "completed",
        &[
            ("2026-02-03T08:00:00Z", "in_progress"),
            ("2026-04-10T07:00:00Z", "ready"),
            ("2026-04-10T08:00:00Z", "completed"),
        ],
    )
    .await;
    request(
        &app,
        m,
        "TST-2026-000007",
        "signal",
        "2026-03-02T08:00:00Z",
        ("2026-05-04", None),
        "refused",
        &[("2026-03-20T08:00:00Z", "refused")],
    )
    .await;
    request(
        &app,
        m,
        "TST-2026-000008",
        "praise",
        "2026-06-01T08:00:00Z",
        ("2026-08-03", None),
        "in_progress",
        &[("2026-06-02T08:00:00Z", "in_progress")],
    )
    .await;
    // 2025-12-31T22:30Z is already 1 January 2026 in Sofia.
    feedback(&app, m, "2025-12-31T22:30:00Z", [5, 4, 3, 5, 4]).await;
    feedback(&app, m, "2026-03-05T16:00:00Z", [4, 4, 3, 4, 4]).await;
    feedback(&app, m, "2026-06-30T20:00:00Z", [3, 4, 3, 3, 5]).await;

    // 2026 H2. Submitted 1 July 01:30 Sofia; completed 3 July 23:30 Sofia: on time.
    request(
        &app,
        m,
        "TST-2026-000009",
        "service",
        "2026-06-30T22:30:00Z",
        ("2026-07-03", None),
        "completed",
        &[
            ("2026-07-01T06:00:00Z", "in_progress"),
            ("2026-07-03T20:00:00Z", "ready"),
            ("2026-07-03T20:30:00Z", "completed"),
        ],
    )
    .await;
    // Completed at 2026-10-24T21:30Z, which is 25 October 00:30 in Sofia (summer time): late.
    request(
        &app,
        m,
        "TST-2026-000010",
        "service",
        "2026-10-20T07:00:00Z",
        ("2026-10-24", None),
        "completed",
        &[
            ("2026-10-20T08:00:00Z", "in_progress"),
            ("2026-10-24T21:00:00Z", "ready"),
            ("2026-10-24T21:30:00Z", "completed"),
        ],
    )
    .await;
    request(
        &app,
        m,
        "TST-2026-000011",
        "proposal",
        "2026-08-03T08:00:00Z",
        ("2026-10-05", None),
        "completed",
        &[
            ("2026-08-04T08:00:00Z", "in_progress"),
            ("2026-10-05T13:00:00Z", "ready"),
            ("2026-10-05T14:00:00Z", "completed"),
        ],
    )
    .await;
    feedback(&app, m, "2026-07-15T10:00:00Z", [2, 2, 1, 3, 2]).await;

    // Another municipality's data is not counted.
    request(
        &app,
        other,
        "DRU-2026-000001",
        "complaint",
        "2026-03-02T08:00:00Z",
        ("2026-05-04", None),
        "completed",
        DONE,
    )
    .await;
    feedback(&app, other, "2026-03-05T16:00:00Z", [1, 1, 1, 1, 1]).await;

    let a = app
        .get_json("/api/v1/municipalities/testograd/accountability")
        .await;
    assert_eq!(
        a,
        json!({
            "municipality": "testograd",
            "demo": false,
            "periods": [
                {
                    "period": { "year": 2026, "half": 1 },
                    "satisfaction": { "courtesy": 4.0, "clarity": 4.0, "deadlines": 3.0,
                        "accessibility": 4.0, "overall": 4.33, "answers": 3 },
                    "requests_completed": 3,
                    "requests_on_time": 1,
                    "reports": { "complaint": 1, "signal": 1, "proposal": 0, "praise": 1 },
                    "reports_answered": 2,
                    "reports_answered_on_time": 1
                },
                {
                    "period": { "year": 2026, "half": 2 },
                    "satisfaction": { "courtesy": 2.0, "clarity": 2.0, "deadlines": 1.0,
                        "accessibility": 3.0, "overall": 2.0, "answers": 1 },
                    "requests_completed": 2,
                    "requests_on_time": 1,
                    "reports": { "complaint": 0, "signal": 0, "proposal": 1, "praise": 0 },
                    "reports_answered": 1,
                    "reports_answered_on_time": 1
                }
            ]
        })
    );
}

#[tokio::test]
async fn the_half_year_is_sofias_so_30_june_2230_utc_is_july() {
    let app = spawn_empty().await;
    let m = municipality(&app, "granica").await;
    // 23:59:59 on 30 June in Sofia, and 01:30 on 1 July.
    request(
        &app,
        m,
        "GRA-2026-000001",
        "service",
        "2026-06-30T20:59:59Z",
        ("2026-07-02", None),
        "in_progress",
        DONE,
    )
    .await;
    request(
        &app,
        m,
        "GRA-2026-000002",
        "service",
        "2026-06-30T22:30:00Z",
        ("2026-07-03", None),
        "completed",
        &[
            ("2026-07-01T06:00:00Z", "in_progress"),
            ("2026-07-01T07:00:00Z", "ready"),
            ("2026-07-01T08:00:00Z", "completed"),
        ],
    )
    .await;
    let a = app
        .get_json("/api/v1/municipalities/granica/accountability")
        .await;
    let periods = a["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[0]["period"], json!({ "year": 2026, "half": 1 }));
    assert_eq!(periods[0]["requests_completed"], 0);
    assert_eq!(periods[1]["period"], json!({ "year": 2026, "half": 2 }));
    assert_eq!(periods[1]["requests_completed"], 1);
    assert_eq!(periods[1]["requests_on_time"], 1);
    // No answers: no averages, not zeros.
    assert_eq!(
        periods[1]["satisfaction"],
        json!({ "courtesy": null, "clarity": null, "deadlines": null, "accessibility": null,
            "overall": null, "answers": 0 })
    );
}

#[tokio::test]
async fn an_unknown_municipality_is_a_404_problem_and_an_empty_one_has_no_periods() {
    let app = spawn_demo().await;
    let res = app
        .get("/api/v1/municipalities/nowhere/accountability")
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["code"], "municipality-not-found");
    let a = app
        .get_json("/api/v1/municipalities/radomir/accountability")
        .await;
    assert_eq!(
        a,
        json!({ "municipality": "radomir", "demo": true, "periods": [] })
    );
}

#[tokio::test]
async fn the_endpoint_is_in_the_openapi_document() {
    let app = spawn_empty().await;
    let doc = app.get_json("/api/v1/openapi.json").await;
    let op = &doc["paths"]["/municipalities/{slug}/accountability"]["get"];
    assert_eq!(op["tags"], json!(["accountability"]));
    assert!(doc["components"]["schemas"]["Accountability"].is_object());
}

/// The half-years from `months` before now to now, in Sofia.
fn half_years_back(now: UtcSeconds, months: u32) -> Vec<(i32, u8)> {
    let today = to_sofia(now).date();
    let first = i64::from(today.year()) * 12 + i64::from(today.month()) - 1 - i64::from(months);
    let last = i64::from(today.year()) * 12 + i64::from(today.month()) - 1;
    let mut halves: Vec<(i32, u8)> = (first..=last)
        .map(|i| {
            (
                i.div_euclid(12) as i32,
                if i.rem_euclid(12) < 6 { 1 } else { 2 },
            )
        })
        .collect();
    halves.dedup();
    halves
}

/// request id → (registry number, kind, status, submitted_at, expected_date).
type Requests = BTreeMap<i64, (String, String, String, i64, String)>;

async fn synthetic_requests(app: &TestApp, slug: &str) -> Requests {
    let rows: Vec<(i64, String, String, String, i64, String)> = sqlx::query_as(
        "SELECT r.id, r.registry_number, r.kind, r.status, r.submitted_at, r.expected_date
         FROM requests r JOIN municipalities m ON m.id = r.municipality_id
         WHERE m.slug = ? AND r.synthetic = 1",
    )
    .bind(slug)
    .fetch_all(&app.db)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(id, n, k, s, at, e)| (id, (n, k, s, at, e)))
        .collect()
}

#[tokio::test]
async fn demo_history_is_consistent_and_feeds_the_figures() {
    let app = spawn_demo().await;
    let now = app.clock.now();
    let summary = demo::generate(&app.db, &app.clock, "radomir", 18, 42)
        .await
        .unwrap();
    assert!(summary.requests > 1000, "{summary:?}");
    assert!(summary.reports > 0 && summary.reports < summary.requests / 5);
    assert!(summary.feedback > 0);

    let requests = synthetic_requests(&app, "radomir").await;
    let services = requests.values().filter(|r| r.1 == "service").count();
    assert_eq!(services as u32, summary.requests);
    assert_eq!((requests.len() - services) as u32, summary.reports);
    let known: Vec<String> =
        sqlx::query_scalar("SELECT s.code FROM services s JOIN municipalities m ON m.id = s.municipality_id WHERE m.slug = 'radomir'")
            .fetch_all(&app.db)
            .await
            .unwrap();
    for (_, kind, ..) in requests.values() {
        assert!(["service", "complaint", "signal", "proposal", "praise"].contains(&kind.as_str()));
    }
    let service_codes: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT service_code FROM requests WHERE kind = 'service' AND synthetic = 1",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert!(service_codes.iter().all(|c| known.contains(c)));
    assert!(service_codes.len() > 3);

    // Registry numbers: the year is Sofia's year of submission, and per year they run 1..=last.
    let mut per_year: BTreeMap<i32, Vec<u32>> = BTreeMap::new();
    for (number, _, _, submitted, _) in requests.values() {
        let parts: Vec<&str> = number.split('-').collect();
        assert_eq!(parts[0], "RDM");
        let year: i32 = parts[1].parse().unwrap();
        assert_eq!(year, to_sofia(UtcSeconds(*submitted)).date().year());
        per_year
            .entry(year)
            .or_default()
            .push(parts[2].parse().unwrap());
    }
    let counters: Vec<(i32, i64)> = sqlx::query_as(
        "SELECT c.year, c.last FROM registry_counters c JOIN municipalities m ON m.id = c.municipality_id
         WHERE m.slug = 'radomir' ORDER BY c.year",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(counters.len(), per_year.len());
    for (year, last) in counters {
        let mut seqs = per_year.remove(&year).unwrap();
        seqs.sort_unstable();
        assert_eq!(seqs.len() as i64, last, "{year}");
        assert!(seqs.iter().enumerate().all(|(i, s)| *s as usize == i + 1));
    }

    // Histories follow the state machine from `registered`, in time order, up to now.
    type EventRow = (
        i64,
        i64,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let events: Vec<EventRow> = sqlx::query_as(
        "SELECT e.request_id, e.at, e.kind, e.reason, e.note, e.new_expected_date
         FROM request_events e JOIN requests r ON r.id = e.request_id
         WHERE r.synthetic = 1 ORDER BY e.request_id, e.id",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let mut histories: BTreeMap<i64, Vec<&EventRow>> = BTreeMap::new();
    for e in &events {
        histories.entry(e.0).or_default().push(e);
    }
    assert_eq!(histories.len(), requests.len());
    let (mut completed, mut late, mut extended, mut refused, mut open) = (0, 0, 0, 0, 0);
    for (id, history) in &histories {
        let (_, kind, status, submitted, expected) = &requests[id];
        assert_eq!(history[0].2, "registered");
        assert_eq!(history[0].1, *submitted);
        let mut state = gishe_api::RequestStatus::Registered;
        let mut due: Option<Date> = None;
        let mut last_at = history[0].1;
        for e in &history[1..] {
            assert!(e.1 > last_at, "events of request {id} out of order");
            last_at = e.1;
            let event = gishe_api::EventKind::from_code(&e.2).unwrap();
            let new_expected = e.5.as_deref().map(|d| Date::parse_iso(d).unwrap());
            let current = due.unwrap_or(Date::parse_iso("2000-01-01").unwrap());
            state = gishe_api::apply_event(
                state,
                event,
                current,
                e.3.as_deref(),
                new_expected,
                e.4.as_deref(),
            )
            .unwrap_or_else(|err| panic!("request {id}: {:?} → {}: {err:?}", state, e.2));
            if new_expected.is_some() {
                due = new_expected;
                extended += 1;
            }
            // Staff work in office hours.
            let local = to_sofia(UtcSeconds(e.1));
            assert!((8..=17).contains(&local.hour()), "{local}");
        }
        assert!(last_at <= now.0 + 1, "an event in the future");
        assert_eq!(state.code(), status, "request {id}");
        if let Some(d) = due {
            assert_eq!(d.to_string(), *expected);
        }
        match state {
            gishe_api::RequestStatus::Completed if kind == "service" => {
                completed += 1;
                let done = to_sofia(UtcSeconds(last_at)).date();
                if done > Date::parse_iso(expected).unwrap() {
                    late += 1;
                }
            }
            gishe_api::RequestStatus::Refused => refused += 1,
            s if s.is_open() => open += 1,
            _ => {}
        }
    }
    assert!(
        late > 0 && late * 5 < completed,
        "late {late} of {completed}"
    );
    assert!(extended > 0 && refused > 0 && open > 0);

    // Survey answers: after the completion of their request, never in the future.
    let answers: Vec<(i64, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT submitted_at, request_id, comment FROM feedback WHERE synthetic = 1",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(answers.len() as u32, summary.feedback);
    assert!(answers.iter().all(|a| a.0 <= now.0 + 1));
    assert!(answers.iter().any(|a| a.2.is_some()));
    for (at, request, _) in &answers {
        if let Some(r) = request {
            assert_eq!(requests[r].2, "completed");
            assert!(*at > histories[r].last().unwrap().1);
        }
    }

    // The figures cover every half-year of the 18 months.
    let a = app
        .get_json("/api/v1/municipalities/radomir/accountability")
        .await;
    assert_eq!(a["demo"], true);
    let periods = a["periods"].as_array().unwrap();
    let halves: Vec<(i32, u8)> = periods
        .iter()
        .map(|p| {
            (
                p["period"]["year"].as_i64().unwrap() as i32,
                p["period"]["half"].as_u64().unwrap() as u8,
            )
        })
        .collect();
    assert_eq!(halves, half_years_back(now, 18));
    let total_reports: u64 = periods
        .iter()
        .flat_map(|p| p["reports"].as_object().unwrap().values())
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(total_reports, u64::from(summary.reports));
    let answered: u64 = periods
        .iter()
        .map(|p| p["satisfaction"]["answers"].as_u64().unwrap())
        .sum();
    assert_eq!(answered, u64::from(summary.feedback));
    for p in periods {
        let overall = p["satisfaction"]["overall"].as_f64().unwrap();
        assert!((3.0..=5.0).contains(&overall), "{p}");
        assert!(p["requests_on_time"].as_u64() <= p["requests_completed"].as_u64());
    }

    // A second run would double the history: refused.
    assert!(demo::generate(&app.db, &app.clock, "radomir", 18, 42)
        .await
        .is_err());
    assert_eq!(
        synthetic_requests(&app, "radomir").await.len(),
        requests.len()
    );
}

#[tokio::test]
async fn a_real_municipality_gets_no_synthetic_history() {
    let app = spawn_demo().await;
    sqlx::query("UPDATE municipalities SET demo = 0 WHERE slug = 'ruse'")
        .execute(&app.db)
        .await
        .unwrap();
    let err = demo::generate(&app.db, &app.clock, "ruse", 18, 1)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not a demonstration"), "{err}");
    for table in [
        "requests",
        "request_events",
        "feedback",
        "registry_counters",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&app.db)
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert!(demo::generate(&app.db, &app.clock, "nowhere", 18, 1)
        .await
        .is_err());
    assert!(demo::generate(&app.db, &app.clock, "radomir", 0, 1)
        .await
        .is_err());
}

#[tokio::test]
async fn synthetic_numbers_continue_after_real_ones() {
    let app = spawn_demo().await;
    let (real, _) = file_request(&app, "kostinbrod", "accountability-key-000001").await;
    let year = to_sofia(app.clock.now()).date().year();
    assert_eq!(real, format!("KBD-{year}-000001"));
    demo::generate(&app.db, &app.clock, "kostinbrod", 3, 5)
        .await
        .unwrap();
    let numbers: Vec<String> = sqlx::query_scalar(
        "SELECT registry_number FROM requests WHERE registry_number LIKE ? ORDER BY registry_number",
    )
    .bind(format!("KBD-{year}-%"))
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(numbers[0], real);
    for (i, n) in numbers.iter().enumerate() {
        assert_eq!(*n, format!("KBD-{year}-{:06}", i + 1));
    }
    let last: i64 = sqlx::query_scalar(
        "SELECT c.last FROM registry_counters c JOIN municipalities m ON m.id = c.municipality_id
         WHERE m.slug = 'kostinbrod' AND c.year = ?",
    )
    .bind(year)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(last as usize, numbers.len());
}

/// Everything but the access-code hash, in a stable order, one JSON array per row.
async fn fingerprint(app: &TestApp) -> Vec<String> {
    let mut rows = Vec::new();
    for query in [
        "SELECT json_array(registry_number, kind, service_code, tier, fee_cents, submitted_at,
             expected_date, expected_time, body, status) FROM requests ORDER BY id",
        "SELECT json_array(request_id, at, kind, actor, note, reason, new_expected_date)
         FROM request_events ORDER BY id",
        "SELECT json_array(submitted_at, courtesy, clarity, deadlines, accessibility, overall,
             comment, request_id) FROM feedback ORDER BY id",
    ] {
        let part: Vec<String> = sqlx::query_scalar(query).fetch_all(&app.db).await.unwrap();
        rows.extend(part);
    }
    rows
}

#[tokio::test]
async fn the_same_seed_and_day_give_the_same_history() {
    let now = UtcSeconds(utc("2026-11-20T15:00:00Z"));
    let (a, b, c) = (spawn_demo().await, spawn_demo().await, spawn_demo().await);
    let sa = demo::generate(&a.db, &Clock::fixed(now), "nova-zagora", 6, 7)
        .await
        .unwrap();
    let sb = demo::generate(&b.db, &Clock::fixed(now), "nova-zagora", 6, 7)
        .await
        .unwrap();
    let sc = demo::generate(&c.db, &Clock::fixed(now), "nova-zagora", 6, 8)
        .await
        .unwrap();
    assert_eq!(sa, sb);
    assert_eq!(fingerprint(&a).await, fingerprint(&b).await);
    assert_ne!(fingerprint(&a).await, fingerprint(&c).await);
    assert!(sc.requests > 0);
    // Open requests at "now" stay open; nothing is dated after it.
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM requests WHERE status NOT IN ('completed', 'refused')",
    )
    .fetch_one(&a.db)
    .await
    .unwrap();
    assert!(open > 0);
    let latest: i64 = sqlx::query_scalar(
        "SELECT MAX(at) FROM (SELECT at FROM request_events UNION ALL SELECT submitted_at FROM feedback)",
    )
    .fetch_one(&a.db)
    .await
    .unwrap();
    assert!(latest <= now.0);
}

#[tokio::test]
async fn eighteen_months_for_every_demo_municipality_are_generated() {
    let app = spawn_demo().await;
    let started = std::time::Instant::now();
    for (i, slug) in ["ruse", "radomir", "kostinbrod", "nova-zagora"]
        .into_iter()
        .enumerate()
    {
        let s = demo::generate(&app.db, &app.clock, slug, 18, i as u64)
            .await
            .unwrap();
        assert!(
            s.requests > 1000 && s.reports > 0 && s.feedback > 0,
            "{slug}: {s:?}"
        );
    }
    eprintln!(
        "18 months × 4 municipalities generated in {:?}",
        started.elapsed()
    );
    let ruse = app
        .get_json("/api/v1/municipalities/ruse/accountability")
        .await;
    assert_eq!(ruse["periods"].as_array().unwrap().len(), 4);
}
