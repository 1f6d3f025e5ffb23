//! Exactly-once submission. The database keeps only a hash of each `Idempotency-Key` and the
//! first answer encrypted under a key derived from it: a replay can return the access code,
//! which is otherwise stored only as a keyed HMAC, and a stolen database cannot.
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const MIN_KEY_LEN: usize = 16;
pub const MAX_KEY_LEN: usize = 200;

fn derive(purpose: &str, scope: &str, key: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(purpose.as_bytes());
    h.update([0]);
    h.update(scope.as_bytes());
    h.update([0]);
    h.update(key.as_bytes());
    h.finalize().into()
}

/// The lookup hash of a key, scoped to a municipality and an endpoint.
pub fn key_hash(scope: &str, key: &str) -> [u8; 32] {
    derive("gishe/idempotency/id", scope, key)
}

pub fn body_hash(body: &[u8]) -> [u8; 32] {
    Sha256::digest(body).into()
}

pub fn valid_key(key: &str) -> bool {
    (MIN_KEY_LEN..=MAX_KEY_LEN).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

/// Encrypts the first answer; returns (nonce, ciphertext).
pub fn seal(scope: &str, key: &str, plaintext: &[u8]) -> anyhow::Result<(Vec<u8>, Vec<u8>)> {
    let cipher = ChaCha20Poly1305::new(Key::from_slice(&derive(
        "gishe/idempotency/enc",
        scope,
        key,
    )));
    let mut nonce = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let aad = key_hash(scope, key);
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        .map_err(|_| anyhow::anyhow!("cannot encrypt the stored answer"))?;
    Ok((nonce.to_vec(), sealed))
}

pub fn open(scope: &str, key: &str, nonce: &[u8], sealed: &[u8]) -> anyhow::Result<Vec<u8>> {
    if nonce.len() != 12 {
        anyhow::bail!("stored nonce has the wrong length");
    }
    let cipher = ChaCha20Poly1305::new(Key::from_slice(&derive(
        "gishe/idempotency/enc",
        scope,
        key,
    )));
    let aad = key_hash(scope, key);
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: &aad,
            },
        )
        .map_err(|_| anyhow::anyhow!("cannot decrypt the stored answer"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_answer_opens_only_with_its_own_key() {
        let (nonce, sealed) = seal(
            "radomir/requests",
            "key-0123456789abcdef",
            b"{\"access_code\":\"X\"}",
        )
        .unwrap();
        assert!(
            !sealed.windows(11).any(|w| w == b"access_code"),
            "ciphertext hides the answer"
        );
        assert_eq!(
            open("radomir/requests", "key-0123456789abcdef", &nonce, &sealed).unwrap(),
            b"{\"access_code\":\"X\"}"
        );
        assert!(open("radomir/requests", "key-0123456789abcdeX", &nonce, &sealed).is_err());
        assert!(open("ruse/requests", "key-0123456789abcdef", &nonce, &sealed).is_err());
    }

    #[test]
    fn key_hashes_are_scoped() {
        assert_ne!(
            key_hash("radomir/requests", "k"),
            key_hash("ruse/requests", "k")
        );
        assert_eq!(
            key_hash("radomir/requests", "k"),
            key_hash("radomir/requests", "k")
        );
    }

    #[test]
    fn keys_must_be_long_printable_ascii() {
        assert!(valid_key("0f8c1e2a-5b7d-4c3e-9a1f-2b3c4d5e6f70"));
        assert!(!valid_key("short"));
        assert!(!valid_key("has spaces in it right here"));
        assert!(!valid_key(&"x".repeat(201)));
    }
}
