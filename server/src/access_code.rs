//! Access codes: 50 random bits from the operating system's CSPRNG as 10 Crockford base32
//! characters, stored only as an argon2id hash (OWASP ASVS 6.5.2 for secrets under 112 bits).
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use gishe_api::CROCKFORD;
use rand::rngs::OsRng;
use rand::RngCore;

/// A new access code in canonical form (`ABCDE12345`).
pub fn generate() -> String {
    let bits = OsRng.next_u64();
    (0..10)
        .map(|i| CROCKFORD[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

pub fn hash(code: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(code.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the access code: {e}"))
}

pub fn verify(code: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(code.as_bytes(), &h)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_ten_crockford_characters_and_differ() {
        let a = generate();
        let b = generate();
        assert_eq!(a.len(), 10);
        assert!(a.bytes().all(|c| CROCKFORD.contains(&c)));
        assert_ne!(a, b);
    }

    #[test]
    fn the_hash_verifies_only_the_same_code_and_hides_it() {
        let code = generate();
        let stored = hash(&code).unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(!stored.contains(&code));
        assert!(verify(&code, &stored));
        assert!(!verify("0000000000", &stored));
    }
}
