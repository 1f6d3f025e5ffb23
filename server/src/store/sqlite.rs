//! Everything in the store that only SQLite understands: opening the file with its pragmas,
//! the write-locking transaction, and the SQL expression for the current time. A PostgreSQL
//! backend replaces this module; the queries elsewhere in `store/` are written for both.
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// The database driver the queries are built for.
pub type Backend = sqlx::Sqlite;

/// The pool of connections every query runs on.
pub type Db = sqlx::Pool<Backend>;

/// A transaction on [`Db`].
pub type Tx<'c> = sqlx::Transaction<'c, Backend>;

/// The current UTC time as `2026-01-31T12:00:00Z`, computed by the database.
pub const NOW_TEXT: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

/// Opens (creating if needed) the database at `url` and brings its schema up to date.
pub async fn connect(url: &str) -> anyhow::Result<Db> {
    if let Some(path) = sqlite_file_path(url) {
        if let Some(dir) = std::path::Path::new(&path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
    }
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // A success answer means the data is on disk.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// A transaction that holds the write lock from its first statement. IMMEDIATE takes it
/// first: concurrent writers queue instead of failing with a busy snapshot, and what one
/// reads (a counter, an idempotency record) cannot change before it writes.
pub async fn begin_write(db: &Db) -> anyhow::Result<Tx<'static>> {
    Ok(db.begin_with("BEGIN IMMEDIATE").await?)
}

fn sqlite_file_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    if path.is_empty() || path == ":memory:" {
        None
    } else {
        Some(path.to_string())
    }
}
