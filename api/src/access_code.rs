//! The access code (код за достъп) that, with the registry number, lets a citizen follow a
//! request: ten Crockford base32 characters, read as people type them, shown as `ABCDE-12345`.
//! The server makes and hashes them (`gishe-server`'s `access_code`); this is the shape.
use std::fmt;

/// Crockford base32 without I, L, O, U: what access codes are written in.
pub const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters in a code.
pub const LEN: usize = 10;

/// An access code in canonical form (`ABCDE12345`).
#[derive(Clone, PartialEq, Eq)]
pub struct AccessCode(String);

impl AccessCode {
    /// A code as typed (any case, spaces, dashes, look-alikes O→0, I/L→1), or `None` when it
    /// cannot be one.
    pub fn parse(typed: &str) -> Option<AccessCode> {
        let mut out = String::with_capacity(LEN);
        for c in typed.chars() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !CROCKFORD.contains(&(c as u8)) || !c.is_ascii() {
                return None;
            }
            out.push(c);
        }
        (out.len() == LEN).then_some(AccessCode(out))
    }

    /// The code spelled by the low 50 bits of `bits`, five at a time: give it random bits.
    pub fn from_bits(bits: u64) -> AccessCode {
        AccessCode(
            (0..LEN)
                .map(|i| CROCKFORD[((bits >> (i * 5)) & 31) as usize] as char)
                .collect(),
        )
    }

    /// Canonical form, as it is hashed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As shown to the citizen: `ABCDE-12345`.
    pub fn shown(&self) -> String {
        format!("{}-{}", &self.0[..5], &self.0[5..])
    }
}

/// A code is a secret: debug output (and so any log line) never shows it.
impl fmt::Debug for AccessCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessCode(…)")
    }
}

/// An access code as typed, in canonical form, or `None` when it cannot be one: the form's
/// check in the app, the same as [`AccessCode::parse`].
pub fn normalize_access_code(typed: &str) -> Option<String> {
    AccessCode::parse(typed).map(|c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_codes_are_read_tolerantly() {
        assert_eq!(
            normalize_access_code("abcde-12345").as_deref(),
            Some("ABCDE12345")
        );
        assert_eq!(
            normalize_access_code(" ABCDE 12345 ").as_deref(),
            Some("ABCDE12345")
        );
        assert_eq!(
            normalize_access_code("oil0000000").as_deref(),
            Some("0110000000")
        );
        assert_eq!(normalize_access_code("ABCDE-1234"), None);
        assert_eq!(
            normalize_access_code("ABCDE-1234U"),
            None,
            "U is not Crockford base32"
        );
        assert_eq!(
            AccessCode::parse("ABCDE12345")
                .map(|c| c.shown())
                .as_deref(),
            Some("ABCDE-12345")
        );
    }

    #[test]
    fn codes_from_bits_are_ten_crockford_characters_and_never_debug_printed() {
        let code = AccessCode::from_bits(u64::MAX);
        assert_eq!(code.as_str(), "ZZZZZZZZZZ");
        assert_eq!(AccessCode::from_bits(0).as_str(), "0000000000");
        assert!(code.as_str().bytes().all(|c| CROCKFORD.contains(&c)));
        assert!(!format!("{code:?}").contains("ZZZ"));
    }
}
