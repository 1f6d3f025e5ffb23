//! Queries for staff bearer tokens: only their hashes are stored, with a name and when they
//! were created and revoked.
use super::Db;

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// Stores a token's hash under `name`; returns its id.
pub async fn insert(db: &Db, name: &str, token_hash: &[u8], now: i64) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO staff_tokens (name, token_hash, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(name)
    .bind(token_hash)
    .bind(now)
    .fetch_one(db)
    .await?)
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<TokenRow>> {
    let rows: Vec<(i64, String, i64, Option<i64>)> =
        sqlx::query_as("SELECT id, name, created_at, revoked_at FROM staff_tokens ORDER BY id")
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, created_at, revoked_at)| TokenRow {
            id,
            name,
            created_at,
            revoked_at,
        })
        .collect())
}

/// Revokes a live token by id; returns whether one was revoked.
pub async fn revoke(db: &Db, id: i64, now: i64) -> anyhow::Result<bool> {
    let n =
        sqlx::query("UPDATE staff_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(db)
            .await?
            .rows_affected();
    Ok(n == 1)
}

/// The name under which a live token with this hash was created.
pub async fn name_of_live(db: &Db, token_hash: &[u8]) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT name FROM staff_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?)
}
