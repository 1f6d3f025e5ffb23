//! Civil dates (proleptic Gregorian) and weekdays.

use super::*;

/// A day of the proleptic Gregorian calendar, from 0001-01-01 to 9999-12-31.
///
/// The range keeps the ISO form at four year digits, so every date prints and parses back.
/// Arithmetic saturates at the ends of the range instead of panicking.
/// Serialized as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    // Field order makes the derived Ord chronological.
    pub(super) year: i32,
    pub(super) month: u8,
    pub(super) day: u8,
}

/// Why a date or a date-time could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateError {
    /// Not in the form `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM[:SS]` for a date-time).
    Format,
    /// In the right form, but no such day or time exists.
    Invalid,
}

impl DateError {
    pub fn code(&self) -> &'static str {
        match self {
            DateError::Format => "date-format",
            DateError::Invalid => "date-invalid",
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for DateError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 1 for Monday to 7 for Sunday, as in ISO 8601.
    pub fn number_from_monday(self) -> u8 {
        self as u8 + 1
    }

    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

pub(super) fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(super) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's days_from_civil: day 0 is 1970-01-01. Shifting the year to start in March
// puts the leap day at the end, so month lengths follow a fixed 153-day pattern.
pub(super) fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(super) fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

pub(super) fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date, if it exists and lies in the supported range.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let in_range = (1..=9999).contains(&year) && (1..=12).contains(&month);
        (in_range && day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Reads exactly `YYYY-MM-DD`; surrounding whitespace is not accepted.
    pub fn parse_iso(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let (Some(y), Some(m), Some(d)) = (
            parse_digits(&s[0..4]),
            parse_digits(&s[5..7]),
            parse_digits(&s[8..10]),
        ) else {
            return Err(DateError::Format);
        };
        Date::new(y as i32, m as u8, d as u8).ok_or(DateError::Invalid)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `days` after 1970-01-01, clamped to [`Date::MIN`]..=[`Date::MAX`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days.clamp(Date::MIN.days_since_epoch(), Date::MAX.days_since_epoch());
        let (year, month, day) = civil_from_days(days);
        Date {
            year: year as i32,
            month,
            day,
        }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday, index 3 counting from Monday.
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    pub fn is_weekend(self) -> bool {
        self.weekday().is_weekend()
    }

    /// Moves by `days` (back when negative), saturating at the ends of the range.
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// Moves by whole months, keeping the day of the month where it exists and otherwise
    /// taking the month's last day (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, months: u32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = index.div_euclid(12);
        if year > i64::from(Date::MAX.year) {
            return Date::MAX;
        }
        let year = year as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    pub(super) fn last_sunday_of(year: i32, month: u8) -> Date {
        let last = Date {
            year,
            month,
            day: days_in_month(year, month),
        };
        let back = (last.weekday().number_from_monday() % 7) as i64;
        last.add_days(-back)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Date, DateError> {
        Date::parse_iso(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::testing::*;
    use proptest::prelude::*;

    // --- dates ---

    #[test]
    fn date_prints_and_parses_iso() {
        let d = Date::new(2026, 4, 9).unwrap();
        assert_eq!(d.to_string(), "2026-04-09");
        assert_eq!(Date::parse_iso("2026-04-09"), Ok(d));
        assert_eq!(Date::MIN.to_string(), "0001-01-01");
        assert_eq!(Date::MAX.to_string(), "9999-12-31");
    }

    #[test]
    fn date_parse_rejects_other_forms_with_format_and_missing_days_with_invalid() {
        for bad in [
            "",
            "2026-4-9",
            "2026/04/09",
            " 2026-04-09",
            "2026-04-09 ",
            "+026-04-09",
        ] {
            assert_eq!(Date::parse_iso(bad), Err(DateError::Format), "{bad:?}");
        }
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "0000-01-01",
        ] {
            assert_eq!(Date::parse_iso(bad), Err(DateError::Invalid), "{bad:?}");
        }
        assert!(Date::parse_iso("2024-02-29").is_ok());
        assert!(Date::parse_iso("2000-02-29").is_ok());
        assert_eq!(Date::parse_iso("1900-02-29"), Err(DateError::Invalid));
        assert_eq!(DateError::Invalid.code(), "date-invalid");
    }

    #[test]
    fn date_serializes_as_iso_string() {
        let d = date("2026-01-02");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-01-02\"");
        assert_eq!(serde_json::from_str::<Date>("\"2026-01-02\"").unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(date("2025-12-31") < date("2026-01-01"));
        assert!(date("2026-01-31") < date("2026-02-01"));
    }

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("2026-04-12").weekday(), Weekday::Sunday);
        assert_eq!(date("2000-02-29").weekday(), Weekday::Tuesday);
        assert_eq!(date("1969-12-31").weekday(), Weekday::Wednesday);
        assert_eq!(Weekday::Sunday.number_from_monday(), 7);
    }

    #[test]
    fn add_days_crosses_months_years_and_leap_days() {
        assert_eq!(date("2024-02-28").add_days(1), date("2024-02-29"));
        assert_eq!(date("2025-02-28").add_days(1), date("2025-03-01"));
        assert_eq!(date("2025-12-31").add_days(1), date("2026-01-01"));
        assert_eq!(date("2026-01-01").add_days(-1), date("2025-12-31"));
        assert_eq!(date("2026-01-01").add_days(365), date("2027-01-01"));
    }

    #[test]
    fn add_days_saturates_at_the_ends_of_the_range() {
        assert_eq!(Date::MAX.add_days(1), Date::MAX);
        assert_eq!(Date::MIN.add_days(-1), Date::MIN);
        assert_eq!(Date::MIN.add_days(i64::MAX), Date::MAX);
        assert_eq!(Date::MAX.add_days(i64::MIN), Date::MIN);
    }

    #[test]
    fn add_months_clamps_to_the_end_of_a_shorter_month() {
        assert_eq!(date("2026-01-31").add_months(1), date("2026-02-28"));
        assert_eq!(date("2024-01-31").add_months(1), date("2024-02-29"));
        assert_eq!(date("2026-03-31").add_months(1), date("2026-04-30"));
        assert_eq!(date("2026-11-15").add_months(3), date("2027-02-15"));
        assert_eq!(date("2026-05-31").add_months(12), date("2027-05-31"));
        assert_eq!(date("2026-05-31").add_months(0), date("2026-05-31"));
        assert_eq!(date("9999-12-01").add_months(1), Date::MAX);
        assert_eq!(date("2026-01-01").add_months(u32::MAX), Date::MAX);
    }

    proptest! {
        #[test]
        fn days_since_epoch_round_trips(days in Date::MIN.days_since_epoch()..=Date::MAX.days_since_epoch()) {
            let d = Date::from_days_since_epoch(days);
            prop_assert_eq!(d.days_since_epoch(), days);
            prop_assert_eq!(Date::parse_iso(&d.to_string()), Ok(d));
            prop_assert_eq!(d.add_days(1).days_since_epoch(), days.min(Date::MAX.days_since_epoch() - 1) + 1);
        }

        #[test]
        fn date_parse_never_panics(s in "\\PC{0,12}") {
            let _ = Date::parse_iso(&s);
        }
    }
}
