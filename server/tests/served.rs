//! The real `gishe-server serve`, as a process on a free port with its own SQLite file.
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Served {
    child: Child,
    base: String,
    log: std::path::PathBuf,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(db: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gishe-server"));
    cmd.env("GISHE_DATABASE_URL", format!("sqlite://{}", db.display()))
        .env_remove("GISHE_ACCESS_CODE_KEYS")
        .env_remove("GISHE_ADDR");
    cmd
}

async fn serve(dir: &std::path::Path, log_filter: &str) -> Served {
    serve_with(dir, log_filter, &[]).await
}

async fn serve_with(dir: &std::path::Path, log_filter: &str, extra: &[&str]) -> Served {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    let log = dir.join("server.log");
    let child = command(&dir.join("gishe.db"))
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
        .arg("--dist")
        .arg(dir.join("no-dist"))
        .args(extra)
        .env("GISHE_LOG", log_filter)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let served = Served {
        child,
        base: format!("http://127.0.0.1:{port}"),
        log,
    };
    for _ in 0..300 {
        if reqwest::get(format!("{}/api/v1/municipalities", served.base))
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            return served;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "the server did not start: {}",
        std::fs::read_to_string(&served.log).unwrap_or_default()
    );
}

#[tokio::test]
async fn personal_data_codes_and_tokens_never_reach_the_log_even_at_debug_level() {
    let dir = tempfile::tempdir().unwrap();
    // A staff token, made the way an administrator makes one.
    let out = command(&dir.path().join("gishe.db"))
        .args(["staff", "token", "create", "--name", "Деловодство"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_string();
    let served = serve(dir.path(), "debug").await;
    let client = reqwest::Client::new();
    let url = |p: &str| format!("{}{p}", served.base);

    let egn = "8032056031";
    let wrong_egn = "8032056032";
    let email = "maria.logtest@example.bg";
    let phone = "0888 765 432";
    let name = "Мариела Логова";
    let application = |personal_number: &str| {
        json!({
            "service": "2016",
            "applicant": { "kind": "person", "name": name, "personal_number": personal_number },
            "contact": { "email": email, "phone": phone },
            "answers": { "deceased-name": "Иван", "date-of-death": "2025-01-01", "last-address": "Радомир", "copies": 1 },
            "tier": "ordinary", "delivery": { "method": "counter" }, "consent": true
        })
    };
    // Refused (a wrong checksum), then filed.
    let res = client
        .post(url("/api/v1/municipalities/radomir/requests"))
        .header("Idempotency-Key", "log-test-application-1")
        .json(&application(wrong_egn))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let res = client
        .post(url("/api/v1/municipalities/radomir/requests"))
        .header("Idempotency-Key", "log-test-application-2")
        .json(&application(egn))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let receipt: Value = res.json().await.unwrap();
    let number = receipt["registry_number"].as_str().unwrap().to_string();
    let code = receipt["access_code"].as_str().unwrap().to_string();
    // A signal with a name and a phone, a status check, a tied survey answer, a staff event.
    let res = client
        .post(url("/api/v1/municipalities/radomir/reports"))
        .header("Idempotency-Key", "log-test-report-0001")
        .json(&json!({ "kind": "signal", "text": "Счупена лампа.", "name": name, "phone": phone, "email": email, "consent": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let res = client
        .post(url("/api/v1/status"))
        .json(&json!({ "registry_number": number, "access_code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = client
        .post(url("/api/v1/municipalities/radomir/feedback"))
        .json(&json!({ "courtesy": 5, "clarity": 5, "deadlines": 5, "accessibility": 5, "overall": 5,
            "registry_number": number, "access_code": code, "comment": format!("{name}, {email}") }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let res = client
        .post(url(&format!("/api/v1/staff/requests/{number}/events")))
        .bearer_auth(&token)
        .json(&json!({ "kind": "in_progress" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let res = client
        .post(url(&format!("/api/v1/staff/requests/{number}/events")))
        .bearer_auth(format!("{token}x"))
        .json(&json!({ "kind": "note", "note": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    drop(client);

    let log = std::fs::read_to_string(&served.log).unwrap();
    // Debug logging was on: the requests themselves were traced.
    assert!(log.contains("DEBUG"), "{log}");
    assert!(log.contains("/api/v1/status"), "requests are traced: {log}");
    let code_bare = code.replace('-', "");
    for secret in [
        egn,
        wrong_egn,
        email,
        phone,
        name,
        code.as_str(),
        code_bare.as_str(),
        token.as_str(),
    ] {
        assert!(!log.contains(secret), "{secret:?} is in the log");
    }
}

/// Reads until the server closes the connection or `within` passes; true when it closed.
async fn closed_within(stream: &mut tokio::net::TcpStream, within: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 1024];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
        }
    }
}

#[tokio::test]
async fn slow_and_half_open_clients_are_closed_after_the_timeout_while_others_are_served() {
    use tokio::io::AsyncWriteExt;
    let dir = tempfile::tempdir().unwrap();
    let served = serve_with(dir.path(), "warn", &["--header-read-timeout", "2"]).await;
    let addr = served.base.trim_start_matches("http://").to_string();
    // 20 connections that say nothing, and 20 that send half a request line and stop.
    let mut silent = Vec::new();
    let mut partial = Vec::new();
    for _ in 0..20 {
        silent.push(tokio::net::TcpStream::connect(&addr).await.unwrap());
        let mut s = tokio::net::TcpStream::connect(&addr).await.unwrap();
        s.write_all(b"GET /api/v1/municipalities HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        partial.push(s);
    }
    // Meanwhile others are served, at once.
    for _ in 0..5 {
        let res = reqwest::get(format!("{}/api/v1/municipalities", served.base))
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
    // Every slow connection is closed by the server soon after the 2 s deadline.
    for s in silent.iter_mut().chain(partial.iter_mut()) {
        assert!(closed_within(s, Duration::from_secs(6)).await);
    }
}

#[tokio::test]
async fn an_address_or_headers_past_the_limits_get_a_problem_document() {
    let dir = tempfile::tempdir().unwrap();
    let served = serve_with(dir.path(), "warn", &[]).await;
    let client = reqwest::Client::new();
    let res = client
        .get(format!(
            "{}/api/v1/municipalities?q={}",
            served.base,
            "a".repeat(5000)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 414);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = client
        .get(format!("{}/api/v1/municipalities", served.base))
        .header("x-padding", "b".repeat(17 * 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 431);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "headers-too-large"
    );
}

#[tokio::test]
async fn a_body_that_never_arrives_is_answered_408_with_a_problem_document() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().unwrap();
    let served = serve_with(dir.path(), "warn", &["--request-timeout", "2"]).await;
    let addr = served.base.trim_start_matches("http://").to_string();
    let mut s = tokio::net::TcpStream::connect(&addr).await.unwrap();
    s.write_all(
        b"POST /api/v1/status HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"registry",
    )
    .await
    .unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(8), s.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert!(answer.contains("request-timeout"), "{answer}");
}

/// The same application as the API tests' `file_request` (service 2016 of the demo).
fn application() -> Value {
    serde_json::from_str(include_str!("fixtures/application-2016.json"))
        .expect("the fixture is JSON")
}

async fn submit(
    client: &reqwest::Client,
    base: &str,
    key: &str,
) -> Result<(u16, Value), reqwest::Error> {
    let res = client
        .post(format!("{base}/api/v1/municipalities/radomir/requests"))
        .header("Idempotency-Key", key)
        .json(&application())
        .send()
        .await?;
    let status = res.status().as_u16();
    Ok((status, res.json().await?))
}

#[tokio::test]
async fn killed_mid_load_five_times_nothing_acknowledged_is_lost_or_filed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let mut acknowledged: Vec<(String, Value)> = Vec::new();
    let mut unanswered: Vec<String> = Vec::new();
    for round in 0..5 {
        let mut served = serve_with(dir.path(), "warn", &[]).await;
        let base = served.base.clone();
        let mut tasks = Vec::new();
        for worker in 0..16 {
            let (client, base) = (client.clone(), base.clone());
            tasks.push(tokio::spawn(async move {
                let (mut acked, mut lost) = (Vec::new(), Vec::new());
                for n in 0.. {
                    let key = format!("crash-test-{round}-{worker}-{n:05}");
                    match submit(&client, &base, &key).await {
                        Ok((201, receipt)) => acked.push((key, receipt)),
                        Ok((status, body)) => panic!("{key}: {status} {body}"),
                        Err(_) => {
                            // The server died with this one in flight: it may or may not be filed.
                            lost.push(key);
                            break;
                        }
                    }
                }
                (acked, lost)
            }));
        }
        tokio::time::sleep(Duration::from_millis(400 + 150 * round)).await;
        // SIGKILL: no shutdown, no flush beyond what the database already promised.
        served.child.kill().unwrap();
        let _ = served.child.wait();
        for t in tasks {
            let (acked, lost) = t.await.unwrap();
            acknowledged.extend(acked);
            unanswered.extend(lost);
        }
    }
    assert!(
        acknowledged.len() >= 50,
        "the load was real: {}",
        acknowledged.len()
    );

    let served = serve_with(dir.path(), "warn", &[]).await;
    // Every acknowledged request is there, opened by its code, and a replay gives the same answer.
    for (key, receipt) in &acknowledged {
        let (status, again) = submit(&client, &served.base, key).await.unwrap();
        assert_eq!(status, 201, "{key}");
        assert_eq!(&again, receipt, "{key}: a replay answers as the first time");
        let res = client
            .post(format!("{}/api/v1/status", served.base))
            .json(&json!({ "registry_number": receipt["registry_number"], "access_code": receipt["access_code"] }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{key}");
    }
    // The ones cut off are filed exactly once when the citizen's app retries them.
    for key in &unanswered {
        assert_eq!(
            submit(&client, &served.base, key).await.unwrap().0,
            201,
            "{key}"
        );
    }
    drop(served);

    let db = gishe_server::store::connect(&format!(
        "sqlite://{}",
        dir.path().join("gishe.db").display()
    ))
    .await
    .unwrap();
    let numbers: Vec<String> =
        sqlx::query_scalar("SELECT registry_number FROM requests WHERE synthetic = 0")
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(
        numbers.len(),
        acknowledged.len() + unanswered.len(),
        "one request per key, none lost, none twice"
    );
    // Registry numbers stay gap-free and unique per prefix and year, synthetic history included.
    let all: Vec<String> = sqlx::query_scalar(
        "SELECT registry_number FROM requests WHERE registry_number LIKE 'RDM-%'",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    let mut per_year: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
    for n in &all {
        let parsed = gishe_api::RegistryNumber::parse(n).unwrap();
        let (year, seq) = parsed
            .as_str()
            .rsplit_once('-')
            .map(|(a, b)| (a.to_string(), b.parse::<u32>().unwrap()))
            .unwrap();
        per_year.entry(year).or_default().push(seq);
    }
    for (year, mut seqs) in per_year {
        seqs.sort_unstable();
        let expected: Vec<u32> = (1..=seqs.len() as u32).collect();
        assert_eq!(seqs, expected, "{year}: gap-free and unique");
    }
}
