//! `cargo xtask run | test | bench`: install what is missing, build, serve, test, measure.
mod api_fuzz;
mod calendar_check;
mod lighthouse;
mod load;
mod locales;
mod python;
mod server;
mod tools;

use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

type Result<T> = std::result::Result<T, String>;

const USAGE: &str = "usage:
  cargo xtask run   [--addr HOST:PORT] [--skip-build]   build the app in release mode and serve app + API (demo data)
  cargo xtask test  [--skip-e2e] [--e2e-only] [-- <playwright args>]
                                                   fmt, clippy, native tests, app build, browser tests
  cargo xtask bench [--sizes-only] [--skip-build] [--skip-load] [--skip-lighthouse]
                                                   sizes of the built assets (raw, gzip, brotli); latency
                                                   and memory of the release server under load; Lighthouse
                                                   on six pages; budgets from bench/budgets.toml";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("bench") => bench(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (where the top Cargo.toml is).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

pub fn step(title: &str) {
    println!("\n==> {title}");
    let _ = std::io::stdout().flush();
}

/// Runs a command in the workspace root, failing with its name when it fails.
pub fn sh(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed ({status})"))
    }
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn flag_value(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn run(args: &[String]) -> Result<()> {
    if !args.iter().any(|a| a == "--skip-build") {
        tools::ensure_wasm_tools()?;
        build_app()?;
    }
    step("Building and starting the server (release)");
    let mut cmd = cargo();
    cmd.args([
        "run",
        "--release",
        "--package",
        "gishe-server",
        "--",
        "serve",
        "--demo",
    ]);
    // Only a flag given here is passed on: without it, GISHE_ADDR, a config file's `addr` or
    // the server's default (127.0.0.1:8080) decides, in that order.
    if let Some(addr) = flag_value(args, "--addr") {
        cmd.args(["--addr", &addr]);
    }
    cmd.arg("--dist").arg(root().join("dist"));
    if std::env::var_os("GISHE_DATABASE_URL").is_none() {
        cmd.env(
            "GISHE_DATABASE_URL",
            format!("sqlite://{}", root().join("var/gishe.db").display()),
        );
    }
    sh(&mut cmd)
}

/// Builds the web app in release mode into `dist/` and precompresses it.
fn build_app() -> Result<()> {
    step("Building the web app (release)");
    let mut cmd = Command::new(tools::trunk_bin());
    cmd.args(["build", "--release"])
        .env("PATH", tools::path_with_node_bin());
    sh(&mut cmd)?;
    step("Precompressing the built assets (brotli, gzip)");
    let n = precompress(&root().join("dist"))?;
    println!("{n} files precompressed");
    Ok(())
}

const COMPRESSIBLE: [&str; 8] = [
    "html",
    "js",
    "wasm",
    "css",
    "svg",
    "json",
    "webmanifest",
    "txt",
];

fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

fn dist_files(dist: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in
            std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &data[..], &mut out, &params);
    out
}

fn precompress(dist: &Path) -> Result<usize> {
    let mut n = 0;
    for file in dist_files(dist)? {
        if !compressible(&file) {
            continue;
        }
        let data = std::fs::read(&file).map_err(|e| e.to_string())?;
        let name = file.as_os_str().to_string_lossy().into_owned();
        std::fs::write(format!("{name}.br"), brotli(&data)).map_err(|e| e.to_string())?;
        std::fs::write(format!("{name}.gz"), gzip(&data)).map_err(|e| e.to_string())?;
        n += 1;
    }
    Ok(n)
}

fn bench(args: &[String]) -> Result<()> {
    let dist = root().join("dist");
    // Sizes of what the sources build to now, not of an older dist/.
    if !args.iter().any(|a| a == "--skip-build") || !dist.join("index.html").is_file() {
        tools::ensure_wasm_tools()?;
        build_app()?;
    }
    step("Sizes of the built app");
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "asset", "raw", "gzip", "brotli"
    );
    let (mut tr, mut tg, mut tb) = (0, 0, 0);
    for file in dist_files(&dist)? {
        let data = std::fs::read(&file).map_err(|e| e.to_string())?;
        let (g, b) = if compressible(&file) {
            (gzip(&data).len(), brotli(&data).len())
        } else {
            (data.len(), data.len())
        };
        let name = file
            .strip_prefix(&dist)
            .unwrap_or(&file)
            .display()
            .to_string();
        println!(
            "{name:<44} {:>10} {:>10} {:>10}",
            kb(data.len()),
            kb(g),
            kb(b)
        );
        tr += data.len();
        tg += g;
        tb += b;
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "total",
        kb(tr),
        kb(tg),
        kb(tb)
    );
    let budgets = read_budgets()?;
    let mut broken = Vec::new();
    if let Some(limit) = budgets["sizes"]["first_visit_brotli_max_kb"].as_f64() {
        let total = tb as f64 / 1000.0;
        if total > limit {
            broken.push(format!("first visit: {total:.1} KB brotli > {limit} KB"));
        }
    }
    let mut results = json!({ "sizes": { "raw": tr, "gzip": tg, "brotli": tb } });
    if !args.iter().any(|a| a == "--sizes-only") {
        if !args.iter().any(|a| a == "--skip-load") {
            load::run()?;
        }
        if !args.iter().any(|a| a == "--skip-lighthouse") {
            let server = load::start_release_server("Lighthouse")?;
            let (pages, b) = lighthouse::measure(&server, &budgets)?;
            results["lighthouse"] = pages;
            broken.extend(b);
        }
    }
    results["budgets_broken"] = json!(broken);
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let text = serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?;
    for name in [format!("{stamp}.json"), "latest.json".to_string()] {
        std::fs::write(out.join(name), &text).map_err(|e| e.to_string())?;
    }
    step("Budgets (bench/budgets.toml)");
    println!("results: target/bench/{stamp}.json (and latest.json)");
    if broken.is_empty() {
        println!("every budget kept");
        Ok(())
    } else {
        for b in &broken {
            println!("BUDGET BROKEN  {b}");
        }
        Err(format!("{} budgets broken", broken.len()))
    }
}

/// `bench/budgets.toml` as JSON.
fn read_budgets() -> Result<serde_json::Value> {
    let path = root().join("bench/budgets.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: toml::Value =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::to_value(value).map_err(|e| e.to_string())
}

fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1000.0)
}

/// Totals over every suite, printed as the last line.
#[derive(Default)]
struct Totals {
    passed: u64,
    failed: u64,
}

fn test(args: &[String]) -> Result<()> {
    let started = Instant::now();
    let e2e_only = args.iter().any(|a| a == "--e2e-only");
    let skip_e2e = args.iter().any(|a| a == "--skip-e2e");
    let pw_args: Vec<String> = args
        .iter()
        .skip_while(|a| *a != "--")
        .skip(1)
        .cloned()
        .collect();
    let mut totals = Totals::default();
    let outcome = (|| -> Result<()> {
        if !e2e_only {
            step("Formatting (cargo fmt --check)");
            sh(cargo().args(["fmt", "--all", "--check"]))?;
            tools::ensure_wasm_target()?;
            step("Lints (clippy, warnings denied)");
            sh(cargo().args([
                "clippy",
                "--workspace",
                "--exclude",
                "gishe",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))?;
            sh(cargo().args([
                "clippy",
                "--package",
                "gishe",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ]))?;
            step("Locales: every message in both languages");
            let (p, f) = locales::check(&root())?;
            totals.passed += p;
            totals.failed += f;
            step("Calendar: 2020–2035 against the holidays package");
            let (p, f) = calendar_check::check()?;
            totals.passed += p;
            totals.failed += f;
            step("Native tests (api, server, xtask)");
            let (p, f) = cargo_tests()?;
            totals.passed += p;
            totals.failed += f;
            let (p, f) = api_fuzz::check()?;
            totals.passed += p;
            totals.failed += f;
        }
        if !skip_e2e {
            tools::ensure_wasm_tools()?;
            build_app()?;
            let (p, f) = e2e(&pw_args)?;
            totals.passed += p;
            totals.failed += f;
        }
        Ok(())
    })();
    println!("\n(took {:.0?})", started.elapsed());
    let result = match outcome {
        Ok(()) if totals.failed == 0 => Ok(()),
        Ok(()) => Err(format!("{} tests failed", totals.failed)),
        Err(e) => {
            totals.failed = totals.failed.max(1);
            Err(e)
        }
    };
    println!("{} passed, {} failed", totals.passed, totals.failed);
    result
}

/// Runs `cargo test` over the native crates, echoing its output and counting its results.
fn cargo_tests() -> Result<(u64, u64)> {
    let out = cargo()
        .args([
            "test",
            "--workspace",
            "--exclude",
            "gishe",
            "--color",
            "never",
        ])
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    print!("{stdout}");
    let (mut passed, mut failed) = (0, 0);
    for line in stdout.lines().filter(|l| l.starts_with("test result:")) {
        passed += number_before(line, " passed");
        failed += number_before(line, " failed");
    }
    if !out.status.success() && failed == 0 {
        return Err("cargo test failed before running its tests".into());
    }
    Ok((passed, failed))
}

fn number_before(line: &str, word: &str) -> u64 {
    line.find(word)
        .and_then(|i| line[..i].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Browser tests: the real server on a free port with a fresh database, in Debian's Chromium.
fn e2e(pw_args: &[String]) -> Result<(u64, u64)> {
    tools::ensure_chromium()?;
    tools::ensure_node_modules()?;
    step("Building the server for the browser tests");
    sh(cargo().args(["build", "--package", "gishe-server"]))?;
    let binary = root().join("target/debug/gishe-server");
    let server = server::Server::start(&binary, "e2e", &[])?;
    // A real staff token, made the way an administrator makes one, for the staff-event tests.
    let staff_token = server.staff_token(&binary)?;
    step("Browser tests (Playwright + axe-core in headless Chromium)");
    let report = server.dir.join("report.json");
    let status = Command::new(root().join("node_modules/.bin/playwright"))
        .args(["test", "--config", "tests/e2e/playwright.config.js"])
        .args(pw_args)
        .env("GISHE_BASE_URL", &server.base)
        .env("GISHE_STAFF_TOKEN", &staff_token)
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start playwright: {e}"))?;
    let counts = std::fs::read_to_string(&report)
        .ok()
        .and_then(|r| locales::playwright_counts(&r));
    match counts {
        Some((p, f)) => {
            if !status.success() && f == 0 {
                return Err("the browser tests failed to run".into());
            }
            Ok((p, f))
        }
        None => Err("the browser tests produced no report".into()),
    }
}
