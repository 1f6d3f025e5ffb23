//! Staff bearer tokens: 256 random bits shown once; only their SHA-256 is stored (a fast hash
//! is right for high-entropy secrets).
use crate::store::Db;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Creates a token for `name`; returns (id, the token to show once).
pub async fn create_token(db: &Db, name: &str, now: i64) -> anyhow::Result<(i64, String)> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = format!(
        "gst_{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    );
    let id = sqlx::query_scalar(
        "INSERT INTO staff_tokens (name, token_hash, created_at) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(token_hash(&token))
    .bind(now)
    .fetch_one(db)
    .await?;
    Ok((id, token))
}

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

pub async fn list_tokens(db: &Db) -> anyhow::Result<Vec<TokenRow>> {
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

/// Revokes a token by id; returns whether one was revoked.
pub async fn revoke_token(db: &Db, id: i64, now: i64) -> anyhow::Result<bool> {
    let n =
        sqlx::query("UPDATE staff_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(db)
            .await?
            .rows_affected();
    Ok(n == 1)
}

/// The name of the staff member a live token belongs to.
pub async fn authenticate(db: &Db, token: &str) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT name FROM staff_tokens WHERE token_hash = ? AND revoked_at IS NULL",
    )
    .bind(token_hash(token))
    .fetch_optional(db)
    .await?)
}
