//! Schemathesis (PyPI, pinned) against the server's own OpenAPI document: every operation,
//! valid and invalid data, a fixed seed and a bounded number of cases, against the real debug
//! server on a fresh database. It fails on any 5xx, any answer that does not match the schema,
//! any status the document does not list, and any valid request that is refused.
use crate::server::Server;
use crate::{root, step, Result};
use std::path::PathBuf;
use std::process::Command;

const SCHEMATHESIS_VERSION: &str = "4.32.5";
const MAX_EXAMPLES: &str = "25";
const SEED: &str = "20261203";
/// The whole run is stopped after this long (it takes about a minute).
const TIME_LIMIT_SECS: &str = "600";

fn schemathesis() -> Result<PathBuf> {
    let python = crate::python::with_package("schemathesis", SCHEMATHESIS_VERSION)?;
    Ok(python.with_file_name("schemathesis"))
}

/// Runs schemathesis; counts one test, passed or failed.
pub fn check() -> Result<(u64, u64)> {
    let schemathesis = schemathesis()?;
    let binary = root().join("target/debug/gishe-server");
    // Rate limits raised: the cases are many and all from one address; the limits have
    // their own tests.
    let server = Server::start(
        &binary,
        "fuzz",
        &[
            "--status-limit-per-ip",
            "1000000",
            "--status-limit-per-number",
            "1000000",
        ],
    )?;
    let token = server.staff_token(&binary)?;
    let base = &server.base;
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
        .current_dir(&server.dir)
        .status()
        .map_err(|e| format!("cannot start schemathesis: {e}"))?;
    Ok(if status.success() { (1, 0) } else { (0, 1) })
}
