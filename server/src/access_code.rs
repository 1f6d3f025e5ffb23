//! Making and checking access codes ([`AccessCode`]): 50 random bits from the operating
//! system's CSPRNG, stored only as an argon2id hash (OWASP ASVS 6.5.2 for secrets under 112
//! bits).
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use gishe_api::AccessCode;
use rand::rngs::OsRng;
use rand::RngCore;

/// A new access code.
pub fn generate() -> AccessCode {
    AccessCode::from_bits(OsRng.next_u64())
}

pub fn hash(code: &AccessCode) -> anyhow::Result<String> {
    let code = code.as_str();
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(code.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the access code: {e}"))
}

pub fn verify(code: &AccessCode, stored: &str) -> bool {
    let code = code.as_str();
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(code.as_bytes(), &h)
            .is_ok()
    })
}

/// Argon2id takes ~19 MiB per run: at most this many run at once, whatever the traffic.
const CONCURRENT_HASHES: usize = 4;

fn permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| tokio::sync::Semaphore::new(CONCURRENT_HASHES))
}

/// A hash to verify against when a registry number is unknown, so that answer takes as long
/// as a wrong code. Made once, at start-up (see `warm_up`).
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash(&generate()).expect("argon2 hashes a fixed-size code"))
}

/// Computes the dummy hash now rather than on the first unknown number.
pub fn warm_up() {
    let _ = dummy_hash();
}

/// Hashes off the async threads, under the concurrency cap.
pub async fn hash_limited(code: AccessCode) -> anyhow::Result<String> {
    let _permit = permits().acquire().await?;
    tokio::task::spawn_blocking(move || hash(&code)).await?
}

/// Verifies off the async threads, under the concurrency cap. Without a stored hash (unknown
/// number) the dummy hash is checked instead, which takes the same time and always fails.
pub async fn verify_limited(code: AccessCode, stored: Option<String>) -> bool {
    let Ok(_permit) = permits().acquire().await else {
        return false;
    };
    let stored = stored.unwrap_or_else(|| dummy_hash().to_string());
    tokio::task::spawn_blocking(move || verify(&code, &stored))
        .await
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_ten_crockford_characters_and_differ() {
        let a = generate();
        let b = generate();
        assert_eq!(a.as_str().len(), 10);
        assert!(a
            .as_str()
            .bytes()
            .all(|c| gishe_api::CROCKFORD.contains(&c)));
        assert_ne!(a, b);
    }

    #[test]
    fn the_hash_verifies_only_the_same_code_and_hides_it() {
        let code = generate();
        let stored = hash(&code).unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(!stored.contains(code.as_str()));
        assert!(verify(&code, &stored));
        assert!(!verify(&AccessCode::from_bits(0), &stored));
    }
}
