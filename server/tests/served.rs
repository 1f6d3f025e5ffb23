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
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    let log = dir.join("server.log");
    let child = command(&dir.join("gishe.db"))
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
        .arg("--dist")
        .arg(dir.join("no-dist"))
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
