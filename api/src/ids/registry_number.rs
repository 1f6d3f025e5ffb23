//! The registry number (входящ номер) a request or report is filed under: the municipality's
//! prefix, the year and a sequence without gaps, `RDM-2026-000042`.
use serde::{Deserialize, Serialize};

/// A registry number in canonical form: `RDM-2026-000042`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RegistryNumber(String);

impl RegistryNumber {
    /// The number of the `sequence`th filing of `year` under `prefix`: the one place the
    /// format is written, for the server filing and for numbers read back.
    pub fn new(prefix: &str, year: i32, sequence: u32) -> RegistryNumber {
        RegistryNumber(format!("{prefix}-{year}-{sequence:06}"))
    }

    /// Reads a number as people type it: any case, with spaces, dashes or nothing between the
    /// parts (`rdm 2026 42` is not enough: the sequence has six digits, leading zeros optional).
    pub fn parse(typed: &str) -> Option<RegistryNumber> {
        let parts: Vec<String> = typed
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|p| !p.is_empty())
            .map(str::to_ascii_uppercase)
            .collect();
        let (letters, year, seq) = match parts.as_slice() {
            // Typed in parts: prefix, year, sequence (leading zeros optional).
            [l, y, n] => (l.clone(), y.clone(), n.clone()),
            // Typed in one piece: prefix, then exactly 4 + 6 digits.
            [one] => {
                let l: String = one
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .collect();
                let digits = &one[l.len()..];
                // Byte slicing below needs ASCII digits only.
                if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                (l, digits[..4].to_string(), digits[4..].to_string())
            }
            _ => return None,
        };
        let letters_ok =
            (2..=5).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase());
        let year_ok =
            year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && year.starts_with("20");
        let seq_ok = (1..=6).contains(&seq.len()) && seq.bytes().all(|b| b.is_ascii_digit());
        if !(letters_ok && year_ok && seq_ok) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let seq: u32 = seq.parse().ok()?;
        (seq > 0).then(|| RegistryNumber::new(&letters, year, seq))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RegistryNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn registry_number_parsing_never_panics(s in "\\PC{0,24}") {
            let _ = RegistryNumber::parse(&s);
        }

        #[test]
        fn a_made_number_reads_back_as_itself(prefix in "[A-Z]{2,5}", year in 2000..2100i32, seq in 1..1_000_000u32) {
            let made = RegistryNumber::new(&prefix, year, seq);
            prop_assert_eq!(RegistryNumber::parse(made.as_str()), Some(made));
        }
    }

    #[test]
    fn registry_numbers_are_read_tolerantly() {
        let canonical = Some("RDM-2026-000042");
        assert_eq!(
            RegistryNumber::parse("RDM-2026-000042")
                .as_ref()
                .map(RegistryNumber::as_str),
            canonical
        );
        assert_eq!(
            RegistryNumber::parse(" rdm 2026 000042 ")
                .as_ref()
                .map(RegistryNumber::as_str),
            canonical
        );
        assert_eq!(
            RegistryNumber::parse("rdm2026000042")
                .as_ref()
                .map(RegistryNumber::as_str),
            canonical
        );
        assert_eq!(
            RegistryNumber::parse("RDM-2026-42")
                .as_ref()
                .map(RegistryNumber::as_str),
            canonical
        );
        assert_eq!(RegistryNumber::parse("RDM-26-000042"), None);
        assert_eq!(RegistryNumber::parse("2026-000042"), None);
        assert_eq!(RegistryNumber::parse("RDM-2026-0000000"), None);
        assert_eq!(
            RegistryNumber::parse("РДМ-2026-000042"),
            None,
            "Cyrillic letters are not a prefix"
        );
        assert_eq!(
            RegistryNumber::new("RDM", 2026, 42).as_str(),
            "RDM-2026-000042"
        );
    }
}
