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
        // Checkpoints run in the background (below), not inside whichever commit crosses
        // the WAL's size threshold: that commit used to wait for the copy and its fsyncs.
        .pragma("wal_autocheckpoint", "0")
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    tokio::spawn(checkpoint(pool.clone()));
    Ok(pool)
}

/// How often the WAL is copied back into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Copies committed pages from the WAL into the database while the pool is open. PASSIVE never
/// waits for readers or writers; what it cannot copy now, it copies next time. When the last
/// connection closes, SQLite checkpoints what is left and removes the WAL.
async fn checkpoint(db: Db) {
    let mut every = tokio::time::interval(CHECKPOINT_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if db.is_closed() {
            return;
        }
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&db)
            .await
        {
            if db.is_closed() {
                return;
            }
            tracing::warn!(error = %e, "WAL checkpoint failed; retrying later");
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn committed_pages_reach_the_database_file_without_a_commit_waiting_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let db = connect(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
        sqlx::query("CREATE TABLE blobs (b BLOB)")
            .execute(&db)
            .await
            .unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        sqlx::query("INSERT INTO blobs VALUES (zeroblob(200000))")
            .execute(&db)
            .await
            .unwrap();
        // The commit leaves the pages in the WAL (50 pages: no commit would checkpoint them);
        // the background checkpoint copies them into the database file soon after.
        let deadline = std::time::Instant::now() + 4 * CHECKPOINT_EVERY;
        while std::fs::metadata(&path).unwrap().len() < before + 200_000 {
            assert!(
                std::time::Instant::now() < deadline,
                "no checkpoint within {:?}",
                4 * CHECKPOINT_EVERY
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
