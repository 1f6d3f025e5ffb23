//! Installs the build and test tools that are missing, at the versions TOOLCHAIN.md pins,
//! into places that survive between runs (`~/.cargo/bin`, the repo's `node_modules`).
use crate::{root, sh, step, Result};
use std::path::PathBuf;
use std::process::Command;

const TRUNK_VERSION: &str = "0.21.14";
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const WASM_OPT_VERSION: &str = "version_132";

fn version_of(program: &str, arg: &str) -> Option<String> {
    let out = Command::new(program).arg(arg).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    let p = home.join("bin").join(name);
    if p.is_file() {
        p
    } else {
        PathBuf::from(name)
    }
}

pub fn trunk_bin() -> PathBuf {
    cargo_bin("trunk")
}

pub fn ensure_wasm_target() -> Result<()> {
    let installed = version_of("rustup", "--version").is_some()
        && Command::new("rustup")
            .args(["target", "list", "--installed"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"))
            .unwrap_or(false);
    if !installed {
        step("Installing the wasm32-unknown-unknown target");
        sh(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

pub fn ensure_wasm_tools() -> Result<()> {
    ensure_wasm_target()?;
    let trunk_ok = version_of(trunk_bin().to_str().unwrap_or("trunk"), "--version")
        .is_some_and(|v| v.contains(TRUNK_VERSION));
    if !trunk_ok {
        step(&format!(
            "Installing trunk {TRUNK_VERSION} (takes several minutes, once)"
        ));
        sh(Command::new("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))?;
    }
    let bindgen_ok = version_of(
        cargo_bin("wasm-bindgen").to_str().unwrap_or("wasm-bindgen"),
        "--version",
    )
    .is_some_and(|v| v.contains(WASM_BINDGEN_VERSION));
    if !bindgen_ok {
        step(&format!(
            "Installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (takes a few minutes, once)"
        ));
        // Without --locked: its lockfile pins a crate version the registry does not serve.
        sh(Command::new("cargo").args([
            "install",
            &format!("wasm-bindgen-cli@{WASM_BINDGEN_VERSION}"),
        ]))?;
    }
    ensure_node_modules()?;
    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
    let opt_ok = version_of(wasm_opt.to_str().unwrap_or("wasm-opt"), "--version")
        .is_some_and(|v| v.contains(WASM_OPT_VERSION));
    if !opt_ok {
        return Err(format!(
            "node_modules/.bin/wasm-opt is not {WASM_OPT_VERSION}; run npm ci"
        ));
    }
    Ok(())
}

/// `npm ci` when `node_modules` is missing or older than the lockfile.
pub fn ensure_node_modules() -> Result<()> {
    let lock = root().join("package-lock.json");
    let marker = root().join("node_modules/.package-lock.json");
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (modified(&lock), modified(&marker)) {
        (Some(l), Some(m)) => m >= l,
        _ => false,
    };
    if !fresh {
        step("Installing npm packages (npm ci)");
        sh(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

/// PATH with the repo's `node_modules/.bin` (wasm-opt) and cargo's bin directory first.
pub fn path_with_node_bin() -> std::ffi::OsString {
    let mut paths = vec![root().join("node_modules/.bin")];
    if let Some(parent) = cargo_bin("trunk")
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        paths.push(parent.to_path_buf());
    }
    if let Some(existing) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).unwrap_or_default()
}

/// Debian's Chromium for the browser tests; tools that download their own browser fail here.
pub fn ensure_chromium() -> Result<()> {
    if PathBuf::from("/usr/bin/chromium").is_file() {
        return Ok(());
    }
    step("Installing Debian's chromium and chromium-driver");
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false);
    let apt = |args: &[&str]| {
        let mut cmd = if is_root {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        sh(&mut cmd)
    };
    apt(&["update"])?;
    apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ])
}
