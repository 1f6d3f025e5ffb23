//! Schemathesis (PyPI, pinned) against the server's own OpenAPI document: every operation,
//! valid and invalid data, a fixed seed and a bounded number of cases, against the real debug
//! server on a fresh database. It fails on any 5xx, any answer that does not match the schema,
//! any status the document does not list, and any valid request that is refused.
use crate::{free_port, root, sh, staff_token, step, wait_for, Result, ServerGuard};
use std::path::PathBuf;
use std::process::Command;

const SCHEMATHESIS_VERSION: &str = "4.32.5";
const MAX_EXAMPLES: &str = "25";
const SEED: &str = "20261203";
/// The whole run is stopped after this long (it takes about a minute).
const TIME_LIMIT_SECS: &str = "600";

fn schemathesis() -> Result<PathBuf> {
    let python = crate::calendar_check::python_env()?;
    let installed = Command::new(&python)
        .args(["-m", "pip", "show", "schemathesis"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == format!("Version: {SCHEMATHESIS_VERSION}"))
    {
        step(&format!(
            "Installing schemathesis {SCHEMATHESIS_VERSION} (PyPI)"
        ));
        sh(Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &format!("schemathesis=={SCHEMATHESIS_VERSION}"),
        ]))?;
    }
    Ok(python.with_file_name("schemathesis"))
}

/// Runs schemathesis; counts one test, passed or failed.
pub fn check() -> Result<(u64, u64)> {
    let schemathesis = schemathesis()?;
    let server_bin = root().join("target/debug/gishe-server");
    let tmp = std::env::temp_dir().join(format!("gishe-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let database_url = format!("sqlite://{}", tmp.join("fuzz.db").display());
    let token = staff_token(&server_bin, &database_url)?;
    let port = free_port()?;
    let base = format!("http://127.0.0.1:{port}");
    // Rate limits raised: the cases are many and all from one address; the limits have
    // their own tests.
    let server = Command::new(&server_bin)
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
        .args(["--status-limit-per-ip", "1000000"])
        .args(["--status-limit-per-number", "1000000"])
        .env("GISHE_DATABASE_URL", &database_url)
        .env("GISHE_LOG", "warn")
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let guard = ServerGuard(server);
    wait_for(&format!("127.0.0.1:{port}"))?;
    step(&format!(
        "API fuzzing: schemathesis, {MAX_EXAMPLES} cases per operation, seed {SEED}"
    ));
    let status = Command::new("timeout")
        .arg(TIME_LIMIT_SECS)
        .arg(&schemathesis)
        .args(["run", &format!("{base}/api/v1/openapi.json")])
        .args(["--url", &format!("{base}/api/v1")])
        .args(["--checks", "all"])
        .args(["--mode", "all"])
        .args(["--max-examples", MAX_EXAMPLES, "--seed", SEED])
        .args(["--workers", "1", "--request-timeout", "10"])
        .args(["--suppress-health-check", "all"])
        .args(["--generation-database", "none"])
        .args(["--phases", "examples,coverage,fuzzing"])
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args(["--no-color"])
        .env(
            "SCHEMATHESIS_HOOKS",
            root().join("xtask/schemathesis_hooks.py"),
        )
        .current_dir(&tmp)
        .status()
        .map_err(|e| format!("cannot start schemathesis: {e}"))?;
    drop(guard);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(if status.success() { (1, 0) } else { (0, 1) })
}
