//! Staff bearer tokens: 256 random bits shown once; only their SHA-256 is stored (a fast hash
//! is right for high-entropy secrets).
use crate::store::{self, Db};
use rand::RngCore;
use sha2::{Digest, Sha256};

pub use crate::store::staff::TokenRow;

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
    let id = store::staff::insert(db, name, &token_hash(&token), now).await?;
    Ok((id, token))
}

pub async fn list_tokens(db: &Db) -> anyhow::Result<Vec<TokenRow>> {
    store::staff::list(db).await
}

/// Revokes a token by id; returns whether one was revoked.
pub async fn revoke_token(db: &Db, id: i64, now: i64) -> anyhow::Result<bool> {
    store::staff::revoke(db, id, now).await
}

/// The name of the staff member a live token belongs to.
pub async fn authenticate(db: &Db, token: &str) -> anyhow::Result<Option<String>> {
    store::staff::name_of_live(db, &token_hash(token)).await
}
