//! The Python tools the checks use (PyPI, pinned), in one virtual environment under `target/`.
use crate::{root, sh, step, Result};
use std::path::PathBuf;
use std::process::Command;

/// The environment's `python`, with `package` at exactly `version` (installed when missing or
/// at another version).
pub fn with_package(package: &str, version: &str) -> Result<PathBuf> {
    let venv = root().join("target/xtask-python");
    let python = venv.join("bin/python");
    let installed = Command::new(&python)
        .args(["-m", "pip", "show", package])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == format!("Version: {version}"))
    {
        step(&format!("Installing {package} {version} (PyPI)"));
        if !python.is_file() {
            sh(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
        }
        sh(Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &format!("{package}=={version}"),
        ]))?;
    }
    Ok(python)
}
