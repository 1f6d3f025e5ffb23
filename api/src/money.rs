//! Amounts of money in euro cents, and how each language writes them.
use crate::Lang;
use serde::{Deserialize, Serialize};

/// An amount in euro, counted in cents so sums are exact. Bulgaria uses the euro from
/// 1 January 2026. Serialized as the integer number of cents.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money {
    pub cents: i64,
}

const NBSP: char = '\u{a0}';

impl Money {
    pub const ZERO: Money = Money { cents: 0 };

    pub fn from_cents(cents: i64) -> Money {
        Money { cents }
    }

    /// The amount as the language writes it: `1 234,50 €` in Bulgarian, `€1,234.50` in
    /// English. The spaces in Bulgarian are no-break spaces (U+00A0) so a line never breaks
    /// inside an amount; a negative amount starts with `-`.
    pub fn format(&self, lang: Lang) -> String {
        // unsigned_abs, because -i64::MIN does not fit an i64.
        let abs = self.cents.unsigned_abs();
        let (euros, cents) = (abs / 100, abs % 100);
        let sign = if self.cents < 0 { "-" } else { "" };
        match lang {
            Lang::Bg => format!("{sign}{},{cents:02}{NBSP}€", group_thousands(euros, NBSP)),
            Lang::En => format!("{sign}€{}.{cents:02}", group_thousands(euros, ',')),
        }
    }
}

fn group_thousands(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 4 / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bg(cents: i64) -> String {
        Money::from_cents(cents).format(Lang::Bg)
    }

    fn en(cents: i64) -> String {
        Money::from_cents(cents).format(Lang::En)
    }

    #[test]
    fn bulgarian_uses_decimal_comma_and_no_break_space_before_euro_sign() {
        assert_eq!(bg(1250), "12,50\u{a0}€");
        assert_eq!(bg(5), "0,05\u{a0}€");
        assert_eq!(bg(100), "1,00\u{a0}€");
    }

    #[test]
    fn bulgarian_groups_thousands_with_no_break_spaces() {
        assert_eq!(bg(123_450), "1\u{a0}234,50\u{a0}€");
        assert_eq!(bg(99_999), "999,99\u{a0}€");
        assert_eq!(bg(123_456_789), "1\u{a0}234\u{a0}567,89\u{a0}€");
    }

    #[test]
    fn english_puts_euro_sign_first_with_decimal_point_and_comma_groups() {
        assert_eq!(en(1250), "€12.50");
        assert_eq!(en(123_450), "€1,234.50");
        assert_eq!(en(100_000_000), "€1,000,000.00");
    }

    #[test]
    fn zero_shows_two_decimals() {
        assert_eq!(bg(0), "0,00\u{a0}€");
        assert_eq!(en(0), "€0.00");
        assert_eq!(Money::ZERO.format(Lang::En), "€0.00");
    }

    #[test]
    fn negative_amounts_start_with_a_minus_sign() {
        assert_eq!(bg(-1250), "-12,50\u{a0}€");
        assert_eq!(en(-1250), "-€12.50");
        assert_eq!(bg(-123_450), "-1\u{a0}234,50\u{a0}€");
        assert_eq!(en(-5), "-€0.05");
    }

    #[test]
    fn extreme_amounts_format_without_overflow() {
        assert_eq!(en(i64::MIN), "-€92,233,720,368,547,758.08");
        assert_eq!(en(i64::MAX), "€92,233,720,368,547,758.07");
    }

    #[test]
    fn money_serializes_as_integer_cents() {
        let m = Money::from_cents(1250);
        assert_eq!(serde_json::to_string(&m).unwrap(), "1250");
        assert_eq!(serde_json::from_str::<Money>("1250").unwrap(), m);
        assert!(serde_json::from_str::<Money>("12.5").is_err());
    }
}
