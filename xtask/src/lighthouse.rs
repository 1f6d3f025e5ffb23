//! `cargo xtask bench`'s page measurements: Lighthouse 12.8 (npm, pinned in `bench/`) against
//! the release server, mobile and desktop presets, the median of three runs per page, with the
//! element Lighthouse took as the largest paint and the elements that shifted most; and the
//! budgets of `bench/budgets.toml`, one line for each that is broken.
use crate::server::Server;
use crate::{root, sh, step, Result};
use serde_json::{json, Value};
use std::process::Command;

/// The pages issue 8 measures (a service start page and the status page included).
pub const PAGES: [&str; 6] = [
    "/",
    "/radomir",
    "/radomir/charter",
    "/radomir/services",
    "/radomir/services/2016",
    "/radomir/status",
];
const RUNS: usize = 3;

fn ensure_lighthouse() -> Result<std::path::PathBuf> {
    let dir = root().join("bench");
    let bin = dir.join("node_modules/.bin/lighthouse");
    if !bin.is_file() {
        // `npm install` by the lock file: npm 11's `ci` refuses Lighthouse 12.8's lock
        // ("Missing: third-party-web"), though `install` made it.
        step("Installing Lighthouse (npm install in bench/, by its lock file)");
        sh(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund"])
            .current_dir(&dir))?;
    }
    Ok(bin)
}

/// One Lighthouse run's figures.
#[derive(Clone, Debug)]
struct Run {
    scores: [f64; 4],
    lcp_ms: f64,
    tbt_ms: f64,
    cls: f64,
    lcp_element: String,
    shifted: Vec<String>,
}

const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];

fn read_run(report: &Value) -> Option<Run> {
    let audits = &report["audits"];
    let mut scores = [0.0; 4];
    for (i, c) in CATEGORIES.iter().enumerate() {
        scores[i] = report["categories"][c]["score"].as_f64()? * 100.0;
    }
    let selector = |item: &Value| item["node"]["selector"].as_str().unwrap_or("?").to_string();
    let lcp_element =
        audits["largest-contentful-paint-element"]["details"]["items"][0]["items"][0].clone();
    let shifted = audits["layout-shifts"]["details"]["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .take(3)
                .map(|i| {
                    format!(
                        "{} ({:.3})",
                        selector(i),
                        i["score"].as_f64().unwrap_or(0.0)
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Run {
        scores,
        lcp_ms: audits["largest-contentful-paint"]["numericValue"].as_f64()?,
        tbt_ms: audits["total-blocking-time"]["numericValue"].as_f64()?,
        cls: audits["cumulative-layout-shift"]["numericValue"].as_f64()?,
        lcp_element: selector(&lcp_element),
        shifted,
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The median run: each figure's median, and the elements of the run with the median LCP.
fn summarize(runs: &[Run]) -> Option<Run> {
    let pick = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
    let lcp = pick(|r| r.lcp_ms);
    let typical = runs.iter().find(|r| r.lcp_ms == lcp).or(runs.first())?;
    let mut scores = [0.0; 4];
    for (i, s) in scores.iter_mut().enumerate() {
        *s = median(runs.iter().map(|r| r.scores[i]).collect());
    }
    Some(Run {
        scores,
        lcp_ms: lcp,
        tbt_ms: pick(|r| r.tbt_ms),
        cls: pick(|r| r.cls),
        lcp_element: typical.lcp_element.clone(),
        shifted: typical.shifted.clone(),
    })
}

/// Runs Lighthouse on every page with both presets; the results as JSON and the broken budgets.
pub fn measure(server: &Server, budgets: &Value) -> Result<(Value, Vec<String>)> {
    crate::tools::ensure_chromium()?;
    let lighthouse = ensure_lighthouse()?;
    let mut results = Vec::new();
    let mut broken = Vec::new();
    for preset in ["mobile", "desktop"] {
        step(&format!(
            "Lighthouse 12.8, {preset}, median of {RUNS} runs per page"
        ));
        println!(
            "{:<26} {:>5} {:>5} {:>5} {:>5} {:>8} {:>7} {:>6}  LCP element; most shifted",
            "page", "perf", "a11y", "bp", "seo", "LCP", "TBT", "CLS"
        );
        for page in PAGES {
            // Lighthouse now and then loses its trace ("NO_NAVSTART"): such a run is tried
            // again, up to twice as many attempts as runs.
            let mut runs = Vec::new();
            let mut attempts = 0;
            while runs.len() < RUNS && attempts < 2 * RUNS {
                attempts += 1;
                // In the server's folder, which goes with the server.
                let out = server
                    .dir
                    .join(format!("lighthouse-{preset}-{attempts}.json"));
                let mut cmd = Command::new(&lighthouse);
                cmd.arg(format!("{}{page}", server.base))
                    .args(["--quiet", "--output=json"])
                    .arg(format!("--output-path={}", out.display()))
                    .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu")
                    .arg("--only-categories=performance,accessibility,best-practices,seo")
                    .env("CHROME_PATH", "/usr/bin/chromium");
                if preset == "desktop" {
                    cmd.arg("--preset=desktop");
                }
                let status = cmd
                    .status()
                    .map_err(|e| format!("cannot start lighthouse: {e}"))?;
                let report: Option<Value> = status
                    .success()
                    .then(|| std::fs::read_to_string(&out).ok())
                    .flatten()
                    .and_then(|t| serde_json::from_str(&t).ok());
                if let Some(run) = report.as_ref().and_then(read_run) {
                    runs.push(run);
                }
            }
            if runs.len() < RUNS {
                return Err(format!(
                    "lighthouse gave {} reports of {RUNS} for {page} ({preset})",
                    runs.len()
                ));
            }
            let Some(m) = summarize(&runs) else { continue };
            println!(
                "{page:<26} {:>5.0} {:>5.0} {:>5.0} {:>5.0} {:>6.0}ms {:>5.0}ms {:>6.3}  {}; {}",
                m.scores[0],
                m.scores[1],
                m.scores[2],
                m.scores[3],
                m.lcp_ms,
                m.tbt_ms,
                m.cls,
                m.lcp_element,
                m.shifted.join(", ")
            );
            broken.extend(check(page, preset, &m, &budgets["lighthouse"][preset]));
            results.push(json!({
                "page": page, "preset": preset, "runs": RUNS,
                "performance": m.scores[0], "accessibility": m.scores[1],
                "best_practices": m.scores[2], "seo": m.scores[3],
                "lcp_ms": m.lcp_ms, "tbt_ms": m.tbt_ms, "cls": m.cls,
                "lcp_element": m.lcp_element, "most_shifted": m.shifted,
            }));
        }
    }
    Ok((Value::Array(results), broken))
}

/// The budgets of `budgets` (one preset's table) that `m` breaks, one line each.
fn check(page: &str, preset: &str, m: &Run, budgets: &Value) -> Vec<String> {
    let mut broken = Vec::new();
    let mut min = |key: &str, what: &str, value: f64| {
        if let Some(limit) = budgets[key].as_f64() {
            if value < limit {
                broken.push(format!("{page} ({preset}): {what} {value:.0} < {limit:.0}"));
            }
        }
    };
    min("performance_min", "performance", m.scores[0]);
    min("accessibility_min", "accessibility", m.scores[1]);
    min("best_practices_min", "best practices", m.scores[2]);
    min("seo_min", "SEO", m.scores[3]);
    for (key, what, value, unit) in [
        ("lcp_max_ms", "LCP", m.lcp_ms, "ms"),
        ("tbt_max_ms", "TBT", m.tbt_ms, "ms"),
        ("cls_max", "CLS", m.cls, ""),
    ] {
        if let Some(limit) = budgets[key].as_f64() {
            if value > limit {
                let shown = if unit.is_empty() {
                    format!("{value:.3}")
                } else {
                    format!("{value:.0}{unit}")
                };
                broken.push(format!("{page} ({preset}): {what} {shown} > {limit}{unit}"));
            }
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(perf: f64, lcp: f64, cls: f64) -> Run {
        Run {
            scores: [perf, 100.0, 100.0, 100.0],
            lcp_ms: lcp,
            tbt_ms: 50.0,
            cls,
            lcp_element: format!("p{lcp}"),
            shifted: vec![],
        }
    }

    #[test]
    fn the_median_run_takes_each_figures_median_and_the_median_lcps_elements() {
        let m = summarize(&[
            run(90.0, 3000.0, 0.5),
            run(60.0, 1000.0, 0.1),
            run(99.0, 2000.0, 0.9),
        ])
        .unwrap();
        assert_eq!(m.scores[0], 90.0);
        assert_eq!(m.lcp_ms, 2000.0);
        assert_eq!(m.cls, 0.5);
        assert_eq!(m.lcp_element, "p2000");
    }

    #[test]
    fn each_broken_budget_is_one_line_and_kept_budgets_none() {
        let budgets = json!({ "performance_min": 95, "cls_max": 0.02, "lcp_max_ms": 2000 });
        let broken = check("/radomir", "mobile", &run(62.0, 3800.0, 0.92), &budgets);
        assert_eq!(broken.len(), 3, "{broken:?}");
        assert!(broken[0].contains("performance 62 < 95"));
        assert!(check("/", "mobile", &run(98.0, 1500.0, 0.01), &budgets).is_empty());
    }
}
