//! The real server for the xtask commands: on a free port, with a fresh demo database in a
//! temporary folder of its own, stopped and its folder removed when dropped.
use crate::{root, step, Result};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub struct Server {
    /// `http://127.0.0.1:<port>`
    pub base: String,
    pub pid: u32,
    pub database_url: String,
    /// The server's temporary folder (its database), free for the caller's files too.
    pub dir: PathBuf,
    child: Child,
}

impl Server {
    /// Starts `binary serve --demo` with the built app and `extra` arguments, for `purpose`
    /// (a word for the folder's name), and waits until it listens.
    pub fn start(binary: &Path, purpose: &str, extra: &[&str]) -> Result<Server> {
        let dir = std::env::temp_dir().join(format!("gishe-{purpose}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let database_url = format!("sqlite://{}", dir.join("gishe.db").display());
        let port = free_port()?;
        let base = format!("http://127.0.0.1:{port}");
        step(&format!(
            "Starting the server at {base} with a fresh database"
        ));
        let child = Command::new(binary)
            .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--dist")
            .arg(root().join("dist"))
            .args(extra)
            .env("GISHE_DATABASE_URL", &database_url)
            .env("GISHE_LOG", "warn")
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let server = Server {
            base,
            pid: child.id(),
            database_url,
            dir,
            child,
        };
        wait_for(&format!("127.0.0.1:{port}"))?;
        Ok(server)
    }

    /// A staff token for this server's database, made with `binary`'s CLI the way an
    /// administrator makes one.
    pub fn staff_token(&self, binary: &Path) -> Result<String> {
        let out = Command::new(binary)
            .args(["staff", "token", "create", "--name", "automated tests"])
            .env("GISHE_DATABASE_URL", &self.database_url)
            .env("GISHE_LOG", "warn")
            .output()
            .map_err(|e| format!("cannot create a staff token: {e}"))?;
        let token = String::from_utf8_lossy(&out.stdout)
            .lines()
            .last()
            .unwrap_or("")
            .trim()
            .to_string();
        if !out.status.success() || !token.starts_with("gst_") {
            return Err(format!(
                "cannot create a staff token: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(token)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

fn wait_for(addr: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(addr).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("the server did not start listening on {addr}"))
}
