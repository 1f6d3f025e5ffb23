//! Making and checking access codes ([`AccessCode`]): 50 random bits from the operating
//! system's CSPRNG, stored as HMAC-SHA-256 over the registry number and the code, under a key
//! the server holds outside the database.
//!
//! A deliberate exception to OWASP ASVS 5.0 6.5.2 (a salted slow hash for secrets under 112
//! bits), for three reasons:
//! - the code is random, not chosen by a person: there is no dictionary to try first, and a
//!   guesser needs 2^49 tries on average for one request;
//! - without the key, which lives in a file or the environment and never in the database or its
//!   backups, a stolen database gives no way to test a guess at all; with the key, the thief
//!   has the server, and the request's data, which sits in clear beside the code, anyway;
//! - a slow hash therefore protected nothing, and it cost: argon2id took ~19 MiB and tens of
//!   milliseconds per check, held status checks to ~12 a second at 32 clients, and fragmented
//!   the heap into gigabytes. An HMAC takes about a microsecond.
//!
//! Each stored value names its scheme and key (`hmac-sha256$<key id>$<base64 mac>`), so keys
//! can be rotated: new codes use the first key, older ones verify with the key they name. Codes
//! stored by earlier versions as argon2id still verify, and are sealed anew on their next
//! successful check. Comparison is constant-time; an unknown registry number is checked against
//! a dummy value, so the answer takes as long as a wrong code.
use argon2::password_hash::PasswordHash;
use argon2::Argon2;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use gishe_api::AccessCode;
use hmac::{Hmac, Mac};
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::Sha256;
use std::fmt;
use std::path::Path;

const SCHEME: &str = "hmac-sha256";
const KEY_BYTES: usize = 32;

/// What synthetic (demonstration) requests store: no code opens them.
pub const UNUSABLE: &str = "unusable";

/// A new access code.
pub fn generate() -> AccessCode {
    AccessCode::from_bits(OsRng.next_u64())
}

/// One key: an id stored beside each MAC, and 32 secret bytes.
#[derive(Clone)]
struct Key {
    id: String,
    secret: [u8; KEY_BYTES],
}

/// The keys access codes are sealed with: the first seals new codes, all of them verify.
#[derive(Clone)]
pub struct AccessCodeKeys {
    keys: Vec<Key>,
}

impl fmt::Debug for AccessCodeKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|k| k.id.as_str()).collect();
        f.debug_struct("AccessCodeKeys").field("ids", &ids).finish()
    }
}

/// Why a key text could not be used, naming the line but never the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("no key: write one `id:base64-of-32-random-bytes` a line")]
    Empty,
    #[error("line {0}: not `id:base64-of-32-bytes` with an id of letters, digits, - or _")]
    Malformed(usize),
    #[error("line {0}: the key id is used twice")]
    DuplicateId(usize),
}

/// What a check found.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    /// Valid, stored in an older form: store this value instead.
    ValidReseal(String),
    Invalid,
}

impl AccessCodeKeys {
    /// Fresh random keys that live as long as the process (tests; never a real installation,
    /// whose codes must outlive a restart).
    pub fn ephemeral() -> AccessCodeKeys {
        AccessCodeKeys {
            keys: vec![random_key("ephemeral")],
        }
    }

    /// Reads keys written one a line as `id:base64`, the sealing key first; `#` starts a
    /// comment. `;` also separates keys, so they fit one environment variable.
    pub fn parse(text: &str) -> Result<AccessCodeKeys, KeyError> {
        let mut keys: Vec<Key> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            for entry in line.split('#').next().unwrap_or("").split(';') {
                let entry = entry.trim();
                if entry.is_empty() {
                    continue;
                }
                let line_no = i + 1;
                let (id, b64) = entry.split_once(':').ok_or(KeyError::Malformed(line_no))?;
                let id = id.trim();
                let valid_id = !id.is_empty()
                    && id.len() <= 32
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                let secret: [u8; KEY_BYTES] = BASE64
                    .decode(b64.trim())
                    .ok()
                    .and_then(|bytes| bytes.try_into().ok())
                    .filter(|_| valid_id)
                    .ok_or(KeyError::Malformed(line_no))?;
                if keys.iter().any(|k| k.id == id) {
                    return Err(KeyError::DuplicateId(line_no));
                }
                keys.push(Key {
                    id: id.to_string(),
                    secret,
                });
            }
        }
        if keys.is_empty() {
            return Err(KeyError::Empty);
        }
        Ok(AccessCodeKeys { keys })
    }

    /// Reads the key file, creating it with one new random key (readable by its owner only)
    /// when it does not exist yet: the embedded default's first start.
    pub fn load_or_create(path: &Path) -> anyhow::Result<AccessCodeKeys> {
        if !path.exists() {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            let key = random_key("k1");
            let text = format!(
                "# Access-code keys: `id:base64`, the first seals new codes. Keep this file out of\n\
                 # database backups, and the same on every instance. Rotate by adding a new first line.\n{}:{}\n",
                key.id,
                BASE64.encode(key.secret)
            );
            write_private(path, &text)?;
            tracing::info!(path = %path.display(), "created a new access-code key file");
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        AccessCodeKeys::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }

    /// The value to store for `code` on the request numbered `registry_number`.
    pub fn seal(&self, registry_number: &str, code: &AccessCode) -> String {
        let key = &self.keys[0];
        let mac = mac(key, registry_number, code).finalize().into_bytes();
        format!("{SCHEME}${}${}", key.id, BASE64.encode(mac))
    }

    /// Checks `code` against what is stored for `registry_number` (`None`: no such request).
    pub async fn check(
        &self,
        registry_number: &str,
        code: &AccessCode,
        stored: Option<&str>,
    ) -> Verdict {
        let Some(stored) = stored else {
            // The same work as for a known number, and a certain "no".
            let _ = self.verify_mac(registry_number, code, &self.keys[0].id, &[0; 32]);
            return Verdict::Invalid;
        };
        if stored.starts_with("$argon2") {
            return if verify_argon2(code, stored).await {
                Verdict::ValidReseal(self.seal(registry_number, code))
            } else {
                Verdict::Invalid
            };
        }
        let mut parts = stored.splitn(3, '$');
        let (Some(SCHEME), Some(id), Some(b64)) = (parts.next(), parts.next(), parts.next()) else {
            let _ = self.verify_mac(registry_number, code, &self.keys[0].id, &[0; 32]);
            return Verdict::Invalid;
        };
        let Ok(expected) = BASE64.decode(b64) else {
            return Verdict::Invalid;
        };
        if !self.verify_mac(registry_number, code, id, &expected) {
            return Verdict::Invalid;
        }
        if id == self.keys[0].id {
            Verdict::Valid
        } else {
            // Sealed with an older key: move it to the current one.
            Verdict::ValidReseal(self.seal(registry_number, code))
        }
    }

    fn verify_mac(
        &self,
        registry_number: &str,
        code: &AccessCode,
        id: &str,
        expected: &[u8],
    ) -> bool {
        let Some(key) = self.keys.iter().find(|k| k.id == id) else {
            tracing::warn!(
                key_id = id,
                "an access code was sealed with a key this server does not have"
            );
            return false;
        };
        // verify_slice compares in constant time.
        mac(key, registry_number, code)
            .verify_slice(expected)
            .is_ok()
    }
}

fn random_key(id: &str) -> Key {
    let mut secret = [0u8; KEY_BYTES];
    OsRng.fill_bytes(&mut secret);
    Key {
        id: id.to_string(),
        secret,
    }
}

/// The MAC input is the registry number, a NUL, and the code in its canonical form: a code is
/// worth nothing on another request.
fn mac(key: &Key, registry_number: &str, code: &AccessCode) -> Hmac<Sha256> {
    // HMAC takes keys of any length; this cannot fail for 32 bytes.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.secret)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(registry_number.as_bytes());
    mac.update(&[0]);
    mac.update(code.as_str().as_bytes());
    mac
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// Argon2id takes ~19 MiB per run: the legacy hashes are checked at most this many at once,
/// each in a working memory allocated once and reused by the checks that follow.
const CONCURRENT_ARGON2: usize = 2;

/// Argon2 working memories not in use; never more than [`CONCURRENT_ARGON2`] exist, because
/// one is only taken while holding a permit.
static ARGON2_MEMORY: std::sync::Mutex<Vec<Vec<argon2::Block>>> = std::sync::Mutex::new(Vec::new());

async fn verify_argon2(code: &AccessCode, stored: &str) -> bool {
    static PERMITS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(CONCURRENT_ARGON2);
    let Ok(_permit) = PERMITS.acquire().await else {
        return false;
    };
    let (code, stored) = (code.clone(), stored.to_string());
    tokio::task::spawn_blocking(move || {
        let taken = ARGON2_MEMORY.lock().map(|mut m| m.pop()).ok().flatten();
        let mut memory = taken.unwrap_or_default();
        let ok = verify_argon2_in(code.as_str().as_bytes(), &stored, &mut memory);
        if let Ok(mut free) = ARGON2_MEMORY.lock() {
            free.push(memory);
        }
        ok
    })
    .await
    .unwrap_or(false)
}

/// Checks `code` against a PHC-format argon2 hash, computing in `memory` (grown to the hash's
/// own memory cost when smaller). The comparison is constant-time (`Output`'s `PartialEq`).
fn verify_argon2_in(code: &[u8], stored: &str, memory: &mut Vec<argon2::Block>) -> bool {
    let Ok(hash) = PasswordHash::new(stored) else {
        return false;
    };
    let (Ok(algorithm), Ok(params), Some(salt), Some(expected)) = (
        argon2::Algorithm::try_from(hash.algorithm),
        argon2::Params::try_from(&hash),
        hash.salt,
        hash.hash,
    ) else {
        return false;
    };
    let version = match hash.version.map(argon2::Version::try_from) {
        None => argon2::Version::default(),
        Some(Ok(v)) => v,
        Some(Err(_)) => return false,
    };
    let mut salt_bytes = [0u8; argon2::password_hash::Salt::MAX_LENGTH];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), argon2::Block::default());
    }
    let blocks = params.block_count();
    let mut out = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(code, salt, &mut out, &mut memory[..blocks])
        .is_ok()
        && argon2::password_hash::Output::new(&out).is_ok_and(|o| o == expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, SaltString};

    const NUMBER: &str = "RDM-2026-000042";

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

    #[tokio::test]
    async fn a_sealed_code_opens_only_its_own_request_and_hides_the_code() {
        let keys = AccessCodeKeys::ephemeral();
        let code = generate();
        let stored = keys.seal(NUMBER, &code);
        assert!(stored.starts_with("hmac-sha256$ephemeral$"));
        assert!(!stored.contains(code.as_str()));
        assert_eq!(
            keys.check(NUMBER, &code, Some(&stored)).await,
            Verdict::Valid
        );
        let other = AccessCode::from_bits(0);
        assert_eq!(
            keys.check(NUMBER, &other, Some(&stored)).await,
            Verdict::Invalid
        );
        assert_eq!(
            keys.check("RDM-2026-000043", &code, Some(&stored)).await,
            Verdict::Invalid
        );
        assert_eq!(keys.check(NUMBER, &code, None).await, Verdict::Invalid);
        assert_eq!(
            keys.check(NUMBER, &code, Some(UNUSABLE)).await,
            Verdict::Invalid
        );
        // Another installation's key opens nothing here.
        let theirs = AccessCodeKeys::ephemeral();
        assert_eq!(
            theirs.check(NUMBER, &code, Some(&stored)).await,
            Verdict::Invalid
        );
    }

    #[tokio::test]
    async fn rotation_keeps_old_codes_valid_and_moves_them_to_the_new_key() {
        let old = AccessCodeKeys::parse(&format!("k1:{}", BASE64.encode([7u8; 32]))).unwrap();
        let code = generate();
        let stored = old.seal(NUMBER, &code);
        let rotated = AccessCodeKeys::parse(&format!(
            "k2:{}\nk1:{}  # the old one, for codes sealed with it",
            BASE64.encode([9u8; 32]),
            BASE64.encode([7u8; 32])
        ))
        .unwrap();
        let Verdict::ValidReseal(resealed) = rotated.check(NUMBER, &code, Some(&stored)).await
        else {
            panic!("the old code still opens the request, and is to be sealed anew");
        };
        assert!(resealed.starts_with("hmac-sha256$k2$"));
        assert_eq!(
            rotated.check(NUMBER, &code, Some(&resealed)).await,
            Verdict::Valid
        );
    }

    #[tokio::test]
    async fn codes_stored_as_argon2id_still_verify_and_are_sealed_anew() {
        let keys = AccessCodeKeys::ephemeral();
        let code = generate();
        let legacy = Argon2::default()
            .hash_password(code.as_str().as_bytes(), &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        let Verdict::ValidReseal(sealed) = keys.check(NUMBER, &code, Some(&legacy)).await else {
            panic!("a legacy hash of the right code is valid");
        };
        assert_eq!(
            keys.check(NUMBER, &code, Some(&sealed)).await,
            Verdict::Valid
        );
        assert_eq!(
            keys.check(NUMBER, &AccessCode::from_bits(1), Some(&legacy))
                .await,
            Verdict::Invalid
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn legacy_checks_reuse_at_most_two_working_memories_and_honour_each_hashs_cost() {
        let keys = AccessCodeKeys::ephemeral();
        let code = generate();
        // A cheaper hash than the default (as an older installation may have stored) and the
        // default one: each verifies with its own parameters in the shared memories.
        let small = Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon2::Params::new(1024, 2, 1, None).unwrap(),
        );
        let salt = SaltString::generate(&mut OsRng);
        let hashes = [
            small
                .hash_password(code.as_str().as_bytes(), &salt)
                .unwrap()
                .to_string(),
            Argon2::default()
                .hash_password(code.as_str().as_bytes(), &salt)
                .unwrap()
                .to_string(),
        ];
        let checks = (0..8).map(|i| {
            let (keys, code, hash) = (keys.clone(), code.clone(), hashes[i % 2].clone());
            tokio::spawn(async move { keys.check(NUMBER, &code, Some(&hash)).await })
        });
        for check in checks {
            assert!(matches!(check.await.unwrap(), Verdict::ValidReseal(_)));
        }
        let free = ARGON2_MEMORY.lock().unwrap();
        assert!(
            !free.is_empty() && free.len() <= CONCURRENT_ARGON2,
            "{}",
            free.len()
        );
        drop(free);
        // A damaged hash or a wrong code never verifies.
        let mut memory = Vec::new();
        assert!(!verify_argon2_in(b"WRONGCODE0", &hashes[0], &mut memory));
        assert!(!verify_argon2_in(
            code.as_str().as_bytes(),
            &hashes[0].replace("$argon2id$", "$argon2xx$"),
            &mut memory
        ));
        assert!(verify_argon2_in(
            code.as_str().as_bytes(),
            &hashes[0],
            &mut memory
        ));
    }

    #[test]
    fn key_texts_are_checked_and_never_echoed() {
        let good = BASE64.encode([1u8; 32]);
        assert!(AccessCodeKeys::parse(&format!("a:{good};b:{}", BASE64.encode([2u8; 32]))).is_ok());
        assert_eq!(
            AccessCodeKeys::parse("# nothing\n").unwrap_err(),
            KeyError::Empty
        );
        assert_eq!(
            AccessCodeKeys::parse("k1:c2hvcnQ=").unwrap_err(),
            KeyError::Malformed(1)
        );
        assert_eq!(
            AccessCodeKeys::parse(&format!("\nk 1:{good}")).unwrap_err(),
            KeyError::Malformed(2)
        );
        assert_eq!(
            AccessCodeKeys::parse(&format!("k1:{good}\nk1:{good}")).unwrap_err(),
            KeyError::DuplicateId(2)
        );
        let keys = AccessCodeKeys::parse(&format!("k1:{good}")).unwrap();
        assert!(!format!("{keys:?}").contains(&good));
    }

    #[test]
    fn a_missing_key_file_is_created_private_and_read_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("var/access-code.keys");
        let first = AccessCodeKeys::load_or_create(&path).unwrap();
        let again = AccessCodeKeys::load_or_create(&path).unwrap();
        let code = generate();
        assert_eq!(first.seal(NUMBER, &code), again.seal(NUMBER, &code));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "only the owner reads the key file");
        }
    }
}
