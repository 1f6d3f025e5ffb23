//! `cargo xtask bench`'s load measurements against the release server: submissions and status
//! checks at 32 concurrent clients (latency percentiles), the server's peak memory meanwhile,
//! and static files on one kept-alive connection (which shows whether TCP_NODELAY is set).
use crate::server::Server;
use crate::{cargo, root, sh, step, Result};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CLIENTS: usize = 32;
const SUBMISSIONS_PER_CLIENT: usize = 40;
const CHECKS_PER_CLIENT: usize = 150;
const TARGET_P99: Duration = Duration::from_millis(50);
const TARGET_RSS_KB: u64 = 200 * 1024;

/// The application the server's tests file (service 2016 of the demo catalogue).
fn application() -> Value {
    serde_json::from_str(include_str!(
        "../../server/tests/fixtures/application-2016.json"
    ))
    .unwrap_or_default()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(
    what: &str,
    mut times: Vec<Duration>,
    errors: usize,
    took: Duration,
    target: Option<Duration>,
) {
    times.sort_unstable();
    let p99 = percentile(&times, 0.99);
    let verdict = match target {
        Some(t) if p99 <= t => format!("p99 target {} ms: met", t.as_millis()),
        Some(t) => format!("p99 target {} ms: MISSED", t.as_millis()),
        None => String::new(),
    };
    println!(
        "{what:<44} n={:<5} err={errors:<3} {:>7.0}/s  p50 {:>8.2} ms  p90 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms  {verdict}",
        times.len(),
        times.len() as f64 / took.as_secs_f64(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.9).as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}

fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

/// The release server on a free port with a fresh demo database, built first.
pub fn start_release_server(purpose: &str) -> Result<Server> {
    step(&format!("Building the server (release) for {purpose}"));
    sh(cargo().args(["build", "--release", "--package", "gishe-server"]))?;
    Server::start(&root().join("target/release/gishe-server"), "bench", &[])
}

pub fn run() -> Result<()> {
    let server = start_release_server("the load measurements")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(measure(server.base.clone(), server.pid))
}

async fn measure(base: String, pid: u32) -> Result<()> {
    step(&format!(
        "Load: {CLIENTS} concurrent clients against the release server"
    ));
    let peak = Arc::new(AtomicU64::new(rss_kb(pid).unwrap_or(0)));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done) = (peak.clone(), done.clone());
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                if let Some(kb) = rss_kb(pid) {
                    peak.fetch_max(kb, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    };
    let start_rss = rss_kb(pid).unwrap_or(0);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .build()
        .map_err(|e| e.to_string())?;

    // Submissions, each with its own Idempotency-Key.
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let (client, base) = (client.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::new();
            let mut errors = 0;
            for n in 0..SUBMISSIONS_PER_CLIENT {
                let t = Instant::now();
                let res = client
                    .post(format!("{base}/api/v1/municipalities/radomir/requests"))
                    .header("Idempotency-Key", format!("bench-{c}-{n:06}-xxxxxxxx"))
                    .json(&application())
                    .send()
                    .await;
                let receipt = match res {
                    Ok(r) if r.status() == 201 => r.json::<Value>().await.ok(),
                    _ => None,
                };
                match receipt {
                    Some(r) => out.push((t.elapsed(), r)),
                    None => errors += 1,
                }
            }
            (out, errors)
        }));
    }
    let (mut times, mut receipts, mut errors) = (Vec::new(), Vec::new(), 0);
    for t in tasks {
        let (out, e) = t.await.map_err(|e| e.to_string())?;
        errors += e;
        for (d, r) in out {
            times.push(d);
            receipts.push(r);
        }
    }
    report(
        "POST …/requests (new submissions)",
        times,
        errors,
        started.elapsed(),
        Some(TARGET_P99),
    );

    // Status checks with the right codes.
    let receipts = Arc::new(receipts);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let (client, base, receipts) = (client.clone(), base.clone(), receipts.clone());
        tasks.push(tokio::spawn(async move {
            let (mut out, mut errors) = (Vec::new(), 0);
            for n in 0..CHECKS_PER_CLIENT {
                let Some(r) = receipts.get((c * CHECKS_PER_CLIENT + n) % receipts.len().max(1)) else {
                    break;
                };
                let t = Instant::now();
                let res = client
                    .post(format!("{base}/api/v1/status"))
                    .json(&json!({ "registry_number": r["registry_number"], "access_code": r["access_code"] }))
                    .send()
                    .await;
                match res {
                    Ok(r) if r.status() == 200 => {
                        let _ = r.bytes().await;
                        out.push(t.elapsed());
                    }
                    _ => errors += 1,
                }
            }
            (out, errors)
        }));
    }
    let (mut times, mut errors) = (Vec::new(), 0);
    for t in tasks {
        let (out, e) = t.await.map_err(|e| e.to_string())?;
        times.extend(out);
        errors += e;
    }
    report(
        "POST /status (right codes)",
        times,
        errors,
        started.elapsed(),
        Some(TARGET_P99),
    );

    // One kept-alive connection, one small file after another: ~40 ms each without TCP_NODELAY
    // (Nagle and the delayed ACK), ~1-2 ms with it.
    let one = reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .build()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let mut times = Vec::new();
    let mut errors = 0;
    for _ in 0..200 {
        let t = Instant::now();
        match one.get(format!("{base}/robots.txt")).send().await {
            Ok(r) if r.status().is_success() => {
                let _ = r.bytes().await;
                times.push(t.elapsed());
            }
            _ => errors += 1,
        }
    }
    report(
        "GET /robots.txt, one kept-alive connection",
        times,
        errors,
        started.elapsed(),
        Some(Duration::from_millis(10)),
    );

    done.store(true, Ordering::Relaxed);
    let _ = sampler.await;
    let peak = peak.load(Ordering::Relaxed);
    println!(
        "server memory (RSS): {:.1} MB at start, peak {:.1} MB under load — target under {} MB: {}",
        start_rss as f64 / 1024.0,
        peak as f64 / 1024.0,
        TARGET_RSS_KB / 1024,
        if peak < TARGET_RSS_KB {
            "met"
        } else {
            "MISSED"
        }
    );
    Ok(())
}
