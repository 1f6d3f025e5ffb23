//! Identifiers: Bulgarian ones (ЕГН, ЛНЧ, ЕИК/БУЛСТАТ), checked to their published rules, and
//! the registry numbers requests are filed under.
use crate::calendar::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

mod registry_number;
pub use registry_number::RegistryNumber;

// The shape every identifier shares: digits only, of a given length.
enum Shape {
    Empty,
    NotDigits,
    Length,
}

// The input without surrounding whitespace, and its digit values.
fn digits<'a>(input: &'a str, lengths: &[usize]) -> Result<(&'a str, Vec<u8>), Shape> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Shape::Empty);
    }
    // Inner spaces, dashes and non-ASCII digits are all refused: the number is typed plainly.
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Shape::NotDigits);
    }
    if !lengths.contains(&s.len()) {
        return Err(Shape::Length);
    }
    Ok((s, s.bytes().map(|b| b - b'0').collect()))
}

fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum()
}

macro_rules! string_serde {
    ($ty:ty) => {
        impl From<$ty> for String {
            fn from(v: $ty) -> String {
                v.as_str().to_string()
            }
        }

        impl TryFrom<String> for $ty {
            type Error = <$ty as std::str::FromStr>::Err;
            fn try_from(s: String) -> Result<$ty, Self::Error> {
                s.parse()
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

macro_rules! error_display {
    ($ty:ty) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::error::Error for $ty {}
    };
}

// ---------------------------------------------------------------------------------------------
// ЕГН
// ---------------------------------------------------------------------------------------------

/// An ЕГН (единен граждански номер), the personal number of a Bulgarian citizen.
/// Serialized as its ten digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Egn {
    digits: String,
    birth_date: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EgnError {
    Empty,
    /// Not ten digits.
    Length,
    NotDigits,
    /// The first six digits are not an existing date of 1800–2099.
    Date,
    Checksum,
}

impl EgnError {
    pub fn code(&self) -> &'static str {
        match self {
            EgnError::Empty => "egn-empty",
            EgnError::Length => "egn-length",
            EgnError::NotDigits => "egn-not-digits",
            EgnError::Date => "egn-date",
            EgnError::Checksum => "egn-checksum",
        }
    }
}

error_display!(EgnError);

const EGN_WEIGHTS: [u32; 9] = [2, 4, 8, 5, 10, 9, 7, 3, 6];

// Remainder 10 becomes 0, so an ЕГН whose remainder is 10 and one whose remainder is 0 share
// a check digit: the checksum cannot catch a typo that moves one to the other.
fn egn_check_digit(d: &[u8]) -> u8 {
    (weighted_sum(&d[..9], &EGN_WEIGHTS) % 11 % 10) as u8
}

// The month field carries the century: 1–12 for the 1900s, +20 for the 1800s, +40 for the
// 2000s.
fn egn_birth_date(d: &[u8]) -> Option<Date> {
    let yy = i32::from(d[0] * 10 + d[1]);
    let mm = d[2] * 10 + d[3];
    let dd = d[4] * 10 + d[5];
    let (century, month) = match mm {
        1..=12 => (1900, mm),
        21..=32 => (1800, mm - 20),
        41..=52 => (2000, mm - 40),
        _ => return None,
    };
    Date::new(century + yy, month, dd)
}

impl Egn {
    /// Reads an ЕГН; whitespace around it is ignored, anything else but the ten digits is not.
    pub fn parse(input: &str) -> Result<Egn, EgnError> {
        let (s, d) = digits(input, &[10]).map_err(|e| match e {
            Shape::Empty => EgnError::Empty,
            Shape::NotDigits => EgnError::NotDigits,
            Shape::Length => EgnError::Length,
        })?;
        let birth_date = egn_birth_date(&d).ok_or(EgnError::Date)?;
        if egn_check_digit(&d) != d[9] {
            return Err(EgnError::Checksum);
        }
        Ok(Egn {
            digits: s.to_string(),
            birth_date,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The birth date the number encodes.
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
}

impl std::str::FromStr for Egn {
    type Err = EgnError;
    fn from_str(s: &str) -> Result<Egn, EgnError> {
        Egn::parse(s)
    }
}

string_serde!(Egn);

// ---------------------------------------------------------------------------------------------
// ЛНЧ
// ---------------------------------------------------------------------------------------------

/// An ЛНЧ (личен номер на чужденец), the personal number of a foreigner.
/// Serialized as its ten digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Lnch(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LnchError {
    Empty,
    /// Not ten digits.
    Length,
    NotDigits,
    Checksum,
}

impl LnchError {
    pub fn code(&self) -> &'static str {
        match self {
            LnchError::Empty => "lnch-empty",
            LnchError::Length => "lnch-length",
            LnchError::NotDigits => "lnch-not-digits",
            LnchError::Checksum => "lnch-checksum",
        }
    }
}

error_display!(LnchError);

const LNCH_WEIGHTS: [u32; 9] = [21, 19, 17, 13, 11, 9, 7, 3, 1];

fn lnch_check_digit(d: &[u8]) -> u8 {
    (weighted_sum(&d[..9], &LNCH_WEIGHTS) % 10) as u8
}

impl Lnch {
    /// Reads an ЛНЧ; whitespace around it is ignored, anything else but the ten digits is not.
    pub fn parse(input: &str) -> Result<Lnch, LnchError> {
        let (s, d) = digits(input, &[10]).map_err(|e| match e {
            Shape::Empty => LnchError::Empty,
            Shape::NotDigits => LnchError::NotDigits,
            Shape::Length => LnchError::Length,
        })?;
        if lnch_check_digit(&d) != d[9] {
            return Err(LnchError::Checksum);
        }
        Ok(Lnch(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Lnch {
    type Err = LnchError;
    fn from_str(s: &str) -> Result<Lnch, LnchError> {
        Lnch::parse(s)
    }
}

string_serde!(Lnch);

// ---------------------------------------------------------------------------------------------
// ЕГН or ЛНЧ
// ---------------------------------------------------------------------------------------------

/// The personal number a form asks for: an ЕГН, or an ЛНЧ for a foreigner.
/// Serialized as its ten digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum PersonalNumber {
    Egn(Egn),
    Lnch(Lnch),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonalNumberError {
    /// The input is not an ЕГН for this reason, nor an ЛНЧ.
    Egn(EgnError),
    /// Ten digits that pass neither the ЕГН nor the ЛНЧ checksum.
    Checksum,
}

impl PersonalNumberError {
    pub fn code(&self) -> &'static str {
        match self {
            PersonalNumberError::Egn(e) => e.code(),
            PersonalNumberError::Checksum => "personal-number-checksum",
        }
    }
}

error_display!(PersonalNumberError);

impl PersonalNumber {
    /// Reads an ЕГН or an ЛНЧ. A number valid as both is taken as an ЕГН, the far commoner.
    ///
    /// When neither fits, the ЕГН's error is given, since most people asked have one; except
    /// for ten digits failing both checksums, which get `personal-number-checksum`, so a
    /// foreigner's mistyped ЛНЧ is not reported as a wrong birth date.
    pub fn parse(input: &str) -> Result<PersonalNumber, PersonalNumberError> {
        let egn_error = match Egn::parse(input) {
            Ok(egn) => return Ok(PersonalNumber::Egn(egn)),
            Err(e) => e,
        };
        if let Ok(lnch) = Lnch::parse(input) {
            return Ok(PersonalNumber::Lnch(lnch));
        }
        if let Ok((_, d)) = digits(input, &[10]) {
            if egn_check_digit(&d) != d[9] {
                return Err(PersonalNumberError::Checksum);
            }
        }
        Err(PersonalNumberError::Egn(egn_error))
    }

    pub fn as_str(&self) -> &str {
        match self {
            PersonalNumber::Egn(e) => e.as_str(),
            PersonalNumber::Lnch(l) => l.as_str(),
        }
    }
}

impl std::str::FromStr for PersonalNumber {
    type Err = PersonalNumberError;
    fn from_str(s: &str) -> Result<PersonalNumber, PersonalNumberError> {
        PersonalNumber::parse(s)
    }
}

string_serde!(PersonalNumber);

// ---------------------------------------------------------------------------------------------
// ЕИК / БУЛСТАТ
// ---------------------------------------------------------------------------------------------

/// An ЕИК (единен идентификационен код) or БУЛСТАТ code: nine digits for a legal entity,
/// thirteen for one of its branches or units. Serialized as its digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Eik(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EikError {
    Empty,
    /// Neither nine nor thirteen digits.
    Length,
    NotDigits,
    Checksum,
}

impl EikError {
    pub fn code(&self) -> &'static str {
        match self {
            EikError::Empty => "eik-empty",
            EikError::Length => "eik-length",
            EikError::NotDigits => "eik-not-digits",
            EikError::Checksum => "eik-checksum",
        }
    }
}

error_display!(EikError);

// Both ЕИК checks: a weighted sum mod 11, retried with the second weights when it is 10, and
// 0 when the retry is 10 too.
fn mod11_with_retry(d: &[u8], first: &[u32], second: &[u32]) -> u8 {
    let r = weighted_sum(d, first) % 11;
    if r != 10 {
        return r as u8;
    }
    let r = weighted_sum(d, second) % 11;
    (r % 10) as u8
}

fn eik9_check_digit(d: &[u8]) -> u8 {
    mod11_with_retry(
        &d[..8],
        &[1, 2, 3, 4, 5, 6, 7, 8],
        &[3, 4, 5, 6, 7, 8, 9, 10],
    )
}

fn eik13_check_digit(d: &[u8]) -> u8 {
    mod11_with_retry(&d[8..12], &[2, 7, 3, 5], &[4, 9, 5, 7])
}

impl Eik {
    /// Reads a nine- or thirteen-digit ЕИК; whitespace around it is ignored. A thirteen-digit
    /// code must start with a valid nine-digit one.
    pub fn parse(input: &str) -> Result<Eik, EikError> {
        let (s, d) = digits(input, &[9, 13]).map_err(|e| match e {
            Shape::Empty => EikError::Empty,
            Shape::NotDigits => EikError::NotDigits,
            Shape::Length => EikError::Length,
        })?;
        if eik9_check_digit(&d) != d[8] || (d.len() == 13 && eik13_check_digit(&d) != d[12]) {
            return Err(EikError::Checksum);
        }
        Ok(Eik(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is a thirteen-digit code of a branch or unit.
    pub fn is_branch(&self) -> bool {
        self.0.len() == 13
    }

    /// The nine-digit code of the entity itself (the code unchanged for a nine-digit one).
    pub fn entity(&self) -> Eik {
        Eik(self.0[..9].to_string())
    }
}

impl std::str::FromStr for Eik {
    type Err = EikError;
    fn from_str(s: &str) -> Result<Eik, EikError> {
        Eik::parse(s)
    }
}

string_serde!(Eik);

#[cfg(test)]
mod tests;
