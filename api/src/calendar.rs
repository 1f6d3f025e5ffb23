//! Civil dates, Bulgarian working days, Sofia time and service deadlines, without a tz database.
use serde::{Deserialize, Serialize};
use std::fmt;

const SECONDS_PER_DAY: i64 = 86_400;

// ---------------------------------------------------------------------------------------------
// Civil dates
// ---------------------------------------------------------------------------------------------

/// A day of the proleptic Gregorian calendar, from 0001-01-01 to 9999-12-31.
///
/// The range keeps the ISO form at four year digits, so every date prints and parses back.
/// Arithmetic saturates at the ends of the range instead of panicking.
/// Serialized as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    // Field order makes the derived Ord chronological.
    year: i32,
    month: u8,
    day: u8,
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

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
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
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u8, u8) {
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

fn parse_digits(s: &str) -> Option<u32> {
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

    fn last_sunday_of(year: i32, month: u8) -> Date {
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

// ---------------------------------------------------------------------------------------------
// Instants and Europe/Sofia wall-clock time
// ---------------------------------------------------------------------------------------------

/// An instant: seconds since 1970-01-01T00:00:00Z, leap seconds not counted (Unix time).
/// Serialized as the integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UtcSeconds(pub i64);

/// A wall-clock reading with no zone attached: in this crate, the time in Europe/Sofia.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
}

impl LocalDateTime {
    pub fn new(date: Date, hour: u8, minute: u8, second: u8) -> Option<LocalDateTime> {
        (hour < 24 && minute < 60 && second < 60).then_some(LocalDateTime {
            date,
            hour,
            minute,
            second,
        })
    }

    pub fn date(self) -> Date {
        self.date
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }

    pub fn second(self) -> u8 {
        self.second
    }

    // The reading as if it were UTC: seconds since the epoch on this wall clock's own line.
    fn wall_seconds(self) -> i64 {
        self.date.days_since_epoch() * SECONDS_PER_DAY
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }

    fn from_wall_seconds(s: i64) -> LocalDateTime {
        let lo = Date::MIN.days_since_epoch() * SECONDS_PER_DAY;
        let hi = Date::MAX.days_since_epoch() * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;
        let s = s.clamp(lo, hi);
        let secs = s.rem_euclid(SECONDS_PER_DAY);
        LocalDateTime {
            date: Date::from_days_since_epoch(s.div_euclid(SECONDS_PER_DAY)),
            hour: (secs / 3600) as u8,
            minute: (secs % 3600 / 60) as u8,
            second: (secs % 60) as u8,
        }
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date, self.hour, self.minute, self.second
        )
    }
}

const EET: i64 = 2 * 3600;
const EEST: i64 = 3 * 3600;

/// The offset from UTC in force in Europe/Sofia at `t`, in seconds: 7200 (EET) or 10800 (EEST).
///
/// Written out from the EU summer-time rule (Directive 2000/84/EC), which Bulgaria follows:
/// summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
/// of October. The rule is applied to every year; Bulgaria's rules before 1997 differed, so
/// older instants may be an hour off. Should the EU end clock changes, this is the one place
/// to edit.
pub fn sofia_offset_seconds(t: UtcSeconds) -> i32 {
    // The transitions are months away from New Year, so the UTC year is the local year.
    let year = LocalDateTime::from_wall_seconds(t.0).date.year;
    let start = Date::last_sunday_of(year, 3).days_since_epoch() * SECONDS_PER_DAY + 3600;
    let end = Date::last_sunday_of(year, 10).days_since_epoch() * SECONDS_PER_DAY + 3600;
    if (start..end).contains(&t.0) {
        EEST as i32
    } else {
        EET as i32
    }
}

/// The wall-clock time in Sofia at the instant `t`.
pub fn to_sofia(t: UtcSeconds) -> LocalDateTime {
    LocalDateTime::from_wall_seconds(t.0.saturating_add(i64::from(sofia_offset_seconds(t))))
}

/// The instant at which Sofia's clocks show `local`.
///
/// Two readings a year do not map to exactly one instant; the rule is the one iCalendar
/// (RFC 5545) and JavaScript's Temporal ("compatible") use:
/// - in the repeated hour of the October change (03:00–03:59 shown twice), the earlier
///   instant, still on summer time, is taken;
/// - in the skipped hour of the March change (03:00–03:59 never shown), the reading is taken
///   with the winter offset in force just before the jump, so 03:30 becomes 04:30 summer time.
pub fn from_sofia(local: LocalDateTime) -> UtcSeconds {
    let wall = local.wall_seconds();
    let summer = UtcSeconds(wall - EEST);
    let winter = UtcSeconds(wall - EET);
    if i64::from(sofia_offset_seconds(summer)) == EEST {
        summer
    } else {
        // Either plain winter time, or the skipped hour read with the winter offset.
        winter
    }
}

// ---------------------------------------------------------------------------------------------
// Holidays and working days
// ---------------------------------------------------------------------------------------------

/// Orthodox Easter Sunday of `year`, as a Gregorian date; `None` outside the years [`Date`]
/// holds.
///
/// Meeus's Julian computus, shifted by the Julian–Gregorian difference for March–May of that
/// year (13 days from 1900 to 2099).
pub fn orthodox_easter(year: i32) -> Option<Date> {
    if !(1..=9999).contains(&year) {
        return None;
    }
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian_to_gregorian = year / 100 - year / 400 - 2;
    // A Julian March/April date always exists, so only the range check can fail here.
    let julian = Date {
        year,
        month: month as u8,
        day: day as u8,
    };
    Some(julian.add_days(i64::from(julian_to_gregorian)))
}

/// The fixed official holidays of the Labour Code, чл. 154, ал. 1, as (month, day).
const FIXED_HOLIDAYS: [(u8, u8); 10] = [
    (1, 1),   // New Year
    (3, 3),   // Liberation Day
    (5, 1),   // Labour Day
    (5, 6),   // St George's Day, Army Day
    (5, 24),  // Day of the Bulgarian alphabet, education and culture
    (9, 6),   // Unification Day
    (9, 22),  // Independence Day
    (12, 24), // Christmas Eve
    (12, 25), // Christmas
    (12, 26), // Christmas
];

// The statutory days off caused by the holidays of `year`: the holidays themselves and the
// weekdays given in place of those falling on a weekend. A replacement may in principle land
// in the next year, so callers look at the previous year's list too.
fn days_off_caused_by(year: i32) -> Vec<Date> {
    let fixed: Vec<Date> = FIXED_HOLIDAYS
        .iter()
        .filter_map(|&(m, d)| Date::new(year, m, d))
        .collect();
    let mut off = fixed.clone();
    if let Some(easter) = orthodox_easter(year) {
        // Good Friday, Holy Saturday, Easter Sunday and Easter Monday: never moved, as they
        // fall on Friday to Monday by definition.
        off.extend((-2..=1).map(|k| easter.add_days(k)));
    }
    // In date order, each fixed holiday on a Saturday or Sunday gives the first following day
    // that is neither a weekend day nor already off, so 24–26 December on Sat/Sun/Mon give
    // Tuesday and Wednesday.
    for holiday in fixed {
        if holiday.is_weekend() {
            let mut day = holiday.add_days(1);
            while day.is_weekend() || off.contains(&day) {
                day = day.add_days(1);
            }
            off.push(day);
        }
    }
    off.sort();
    off.dedup();
    off
}

/// Every day of `year` that the Labour Code (чл. 154) makes a day off besides ordinary
/// weekends: the official holidays (whatever weekday they fall on) and the weekdays given in
/// place of fixed holidays falling on a Saturday or Sunday. Sorted. Government decisions
/// that move days are not included: see [`Adjustments`].
///
/// Only a Saturday or Sunday moves a holiday: a fixed holiday that coincides with Good Friday
/// or Easter Monday (6 May 2024) gives no extra day, because those are not weekly rest days.
pub fn statutory_days_off(year: i32) -> Vec<Date> {
    let mut days: Vec<Date> = days_off_caused_by(year.saturating_sub(1))
        .into_iter()
        .chain(days_off_caused_by(year))
        .filter(|d| d.year == year)
        .collect();
    days.sort();
    days.dedup();
    days
}

// Keeps one year's statutory days off while walking through consecutive days.
struct WorkCalendar<'a> {
    adjustments: &'a Adjustments,
    year: i32,
    days_off: Vec<Date>,
}

impl<'a> WorkCalendar<'a> {
    fn new(adjustments: &'a Adjustments) -> WorkCalendar<'a> {
        WorkCalendar {
            adjustments,
            year: i32::MIN,
            days_off: Vec::new(),
        }
    }

    fn is_working(&mut self, date: Date) -> bool {
        // A published decision overrides the statutory calendar either way.
        if let Some(kind) = self.adjustments.get(date) {
            return kind == AdjustmentKind::WorkingDay;
        }
        if date.is_weekend() {
            return false;
        }
        if date.year != self.year {
            self.year = date.year;
            self.days_off = statutory_days_off(date.year);
        }
        self.days_off.binary_search(&date).is_err()
    }
}

/// Whether public offices work on `date`: a weekday that is not a statutory day off, unless
/// `adjustments` says otherwise (a decision always wins).
pub fn is_working_day(date: Date, adjustments: &Adjustments) -> bool {
    WorkCalendar::new(adjustments).is_working(date)
}

/// The working day `n` working days after `start`.
///
/// The start itself is never counted, as in the statutory rule that a period runs from the
/// day after the event. A `start` that is not a working day stands for the next working
/// day, as an office would register a request only then: so `n = 0` gives `start` when it is
/// a working day and the next working day otherwise, and from a Saturday `n = 1` gives the
/// Tuesday of an ordinary week. Saturates at [`Date::MAX`].
pub fn add_working_days(start: Date, n: u32, adjustments: &Adjustments) -> Date {
    let mut cal = WorkCalendar::new(adjustments);
    let mut day = start;
    while !cal.is_working(day) {
        if day == Date::MAX {
            return day;
        }
        day = day.add_days(1);
    }
    let mut left = n;
    while left > 0 {
        if day == Date::MAX {
            return day;
        }
        day = day.add_days(1);
        if cal.is_working(day) {
            left -= 1;
        }
    }
    day
}

// ---------------------------------------------------------------------------------------------
// Adjustments decided by the Council of Ministers
// ---------------------------------------------------------------------------------------------

/// What a decision makes of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdjustmentKind {
    /// A day off, usually a weekday between a holiday and a weekend.
    DayOff,
    /// A working day, usually the Saturday that makes up for such a day off.
    WorkingDay,
}

impl AdjustmentKind {
    pub fn code(self) -> &'static str {
        match self {
            AdjustmentKind::DayOff => "day-off",
            AdjustmentKind::WorkingDay => "working-day",
        }
    }

    fn parse(s: &str) -> Option<AdjustmentKind> {
        match s {
            "day-off" => Some(AdjustmentKind::DayOff),
            "working-day" => Some(AdjustmentKind::WorkingDay),
            _ => None,
        }
    }
}

/// One day moved by a decision.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Adjustment {
    pub date: Date,
    pub kind: AdjustmentKind,
    /// Free text for administrators, e.g. the decision's number; may be empty.
    #[serde(default)]
    pub note: String,
}

/// The days moved by government decisions, at most one entry per date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Adjustments {
    // Sorted by date, for binary search.
    days: Vec<Adjustment>,
}

/// Why the adjustments file could not be read; `line` is 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdjustmentsError {
    /// Not in the supported TOML subset.
    Syntax {
        line: usize,
    },
    /// A table other than `[[day]]`.
    UnknownTable {
        line: usize,
    },
    /// A key before the first `[[day]]`.
    KeyOutsideDay {
        line: usize,
    },
    /// A key other than `date`, `kind` and `note`.
    UnknownKey {
        line: usize,
    },
    DuplicateKey {
        line: usize,
    },
    /// A `[[day]]` without `date`; the line is the table's.
    MissingDate {
        line: usize,
    },
    /// A `[[day]]` without `kind`; the line is the table's.
    MissingKind {
        line: usize,
    },
    /// A `date` that is not an existing `YYYY-MM-DD` date.
    Date {
        line: usize,
    },
    /// A `kind` other than `day-off` and `working-day`.
    Kind {
        line: usize,
    },
    /// A second entry for a date already listed; the line is the second table's.
    DuplicateDate {
        line: usize,
    },
}

impl AdjustmentsError {
    pub fn code(&self) -> &'static str {
        match self {
            AdjustmentsError::Syntax { .. } => "adjustments-syntax",
            AdjustmentsError::UnknownTable { .. } => "adjustments-unknown-table",
            AdjustmentsError::KeyOutsideDay { .. } => "adjustments-key-outside-day",
            AdjustmentsError::UnknownKey { .. } => "adjustments-unknown-key",
            AdjustmentsError::DuplicateKey { .. } => "adjustments-duplicate-key",
            AdjustmentsError::MissingDate { .. } => "adjustments-missing-date",
            AdjustmentsError::MissingKind { .. } => "adjustments-missing-kind",
            AdjustmentsError::Date { .. } => "adjustments-date",
            AdjustmentsError::Kind { .. } => "adjustments-kind",
            AdjustmentsError::DuplicateDate { .. } => "adjustments-duplicate-date",
        }
    }

    pub fn line(&self) -> usize {
        match *self {
            AdjustmentsError::Syntax { line }
            | AdjustmentsError::UnknownTable { line }
            | AdjustmentsError::KeyOutsideDay { line }
            | AdjustmentsError::UnknownKey { line }
            | AdjustmentsError::DuplicateKey { line }
            | AdjustmentsError::MissingDate { line }
            | AdjustmentsError::MissingKind { line }
            | AdjustmentsError::Date { line }
            | AdjustmentsError::Kind { line }
            | AdjustmentsError::DuplicateDate { line } => line,
        }
    }
}

impl fmt::Display for AdjustmentsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (line {})", self.code(), self.line())
    }
}

impl std::error::Error for AdjustmentsError {}

const BUILTIN_ADJUSTMENTS: &str = include_str!("../data/calendar-adjustments.toml");

// A `[[day]]` table being read.
struct Draft {
    line: usize,
    date: Option<Date>,
    kind: Option<AdjustmentKind>,
    note: Option<String>,
}

impl Draft {
    fn finish(self) -> Result<(usize, Adjustment), AdjustmentsError> {
        let line = self.line;
        Ok((
            line,
            Adjustment {
                date: self.date.ok_or(AdjustmentsError::MissingDate { line })?,
                kind: self.kind.ok_or(AdjustmentsError::MissingKind { line })?,
                note: self.note.unwrap_or_default(),
            },
        ))
    }
}

enum Value {
    Str(String),
    // A bare TOML local date, `date = 2026-01-02`.
    LocalDate(Result<Date, DateError>),
}

fn is_bare_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

// After a value or header: only blanks and an optional comment may follow.
fn only_comment_left(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with('#')
}

// `[[name]]` → Some(Ok(name)); `[name]` → Some(Err(())) (a table, not an array of tables);
// anything else → None.
fn parse_header(line: &str) -> Option<Result<&str, ()>> {
    let (double, inner) = match line.strip_prefix("[[") {
        Some(inner) => (true, inner),
        None => (false, line.strip_prefix('[')?),
    };
    let close = if double { "]]" } else { "]" };
    let end = inner.find(']')?;
    let name = inner[..end].trim_matches([' ', '\t']);
    let rest = inner[end..].strip_prefix(close)?;
    if name.is_empty() || !name.chars().all(is_bare_key_char) || !only_comment_left(rest) {
        return None;
    }
    Some(if double { Ok(name) } else { Err(()) })
}

// A TOML basic string's body after the opening quote → (text, rest after closing quote).
fn parse_basic_string(s: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'b' => out.push('\u{8}'),
                    't' => out.push('\t'),
                    'n' => out.push('\n'),
                    'f' => out.push('\u{c}'),
                    'r' => out.push('\r'),
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    'u' | 'U' => {
                        let len = if e == 'u' { 4 } else { 8 };
                        let mut hex = String::new();
                        for _ in 0..len {
                            hex.push(chars.next()?.1);
                        }
                        if !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                            return None;
                        }
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    _ => return None,
                }
            }
            c if c.is_control() && c != '\t' => return None,
            c => out.push(c),
        }
    }
    None
}

// `key = value` with an optional trailing comment.
fn parse_key_value(line: &str) -> Option<(&str, Value)> {
    let key_end = line.find(|c: char| !is_bare_key_char(c))?;
    let key = &line[..key_end];
    let rest = line[key_end..]
        .trim_start_matches([' ', '\t'])
        .strip_prefix('=')?
        .trim_start_matches([' ', '\t']);
    if key.is_empty() {
        return None;
    }
    let (value, rest) = if let Some(body) = rest.strip_prefix('"') {
        if body.starts_with("\"\"") {
            return None; // multi-line strings are not part of the subset
        }
        let (text, rest) = parse_basic_string(body)?;
        (Value::Str(text), rest)
    } else if let Some(body) = rest.strip_prefix('\'') {
        if body.starts_with("''") {
            return None;
        }
        let end = body.find('\'')?;
        (Value::Str(body[..end].to_string()), &body[end + 1..])
    } else {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '-'))
            .unwrap_or(rest.len());
        let token = &rest[..end];
        match Date::parse_iso(token) {
            Err(DateError::Format) => return None,
            parsed => (Value::LocalDate(parsed), &rest[end..]),
        }
    };
    only_comment_left(rest).then_some((key, value))
}

impl Adjustments {
    /// Reads the adjustments file: a subset of TOML made of comments, `[[day]]` tables and
    /// `key = value` lines with `date` (a quoted or bare `YYYY-MM-DD`), `kind` (`"day-off"` or
    /// `"working-day"`) and an optional `note`. Hand-written so the wasm app needs no TOML crate.
    pub fn parse(src: &str) -> Result<Adjustments, AdjustmentsError> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        let mut entries: Vec<(usize, Adjustment)> = Vec::new();
        let mut current: Option<Draft> = None;
        for (index, raw) in src.lines().enumerate() {
            let line = index + 1;
            let text = raw.trim_matches([' ', '\t']);
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            if text.starts_with('[') {
                match parse_header(text) {
                    Some(Ok("day")) => {}
                    Some(_) => return Err(AdjustmentsError::UnknownTable { line }),
                    None => return Err(AdjustmentsError::Syntax { line }),
                }
                if let Some(draft) = current.take() {
                    entries.push(draft.finish()?);
                }
                current = Some(Draft {
                    line,
                    date: None,
                    kind: None,
                    note: None,
                });
                continue;
            }
            let (key, value) = parse_key_value(text).ok_or(AdjustmentsError::Syntax { line })?;
            let draft = current
                .as_mut()
                .ok_or(AdjustmentsError::KeyOutsideDay { line })?;
            match key {
                "date" => {
                    if draft.date.is_some() {
                        return Err(AdjustmentsError::DuplicateKey { line });
                    }
                    let date = match value {
                        Value::Str(s) => Date::parse_iso(&s),
                        Value::LocalDate(d) => d,
                    };
                    draft.date = Some(date.map_err(|_| AdjustmentsError::Date { line })?);
                }
                "kind" => {
                    if draft.kind.is_some() {
                        return Err(AdjustmentsError::DuplicateKey { line });
                    }
                    let Value::Str(s) = value else {
                        return Err(AdjustmentsError::Kind { line });
                    };
                    draft.kind =
                        Some(AdjustmentKind::parse(&s).ok_or(AdjustmentsError::Kind { line })?);
                }
                "note" => {
                    if draft.note.is_some() {
                        return Err(AdjustmentsError::DuplicateKey { line });
                    }
                    let Value::Str(s) = value else {
                        return Err(AdjustmentsError::Syntax { line });
                    };
                    draft.note = Some(s);
                }
                _ => return Err(AdjustmentsError::UnknownKey { line }),
            }
        }
        if let Some(draft) = current.take() {
            entries.push(draft.finish()?);
        }
        // Stable sort keeps file order among equal dates, so the error names the later table.
        entries.sort_by_key(|(_, a)| a.date);
        if let Some(pair) = entries.windows(2).find(|w| w[0].1.date == w[1].1.date) {
            let line = pair[0].0.max(pair[1].0);
            return Err(AdjustmentsError::DuplicateDate { line });
        }
        Ok(Adjustments {
            days: entries.into_iter().map(|(_, a)| a).collect(),
        })
    }

    /// The adjustments bundled with this build, from `api/data/calendar-adjustments.toml`.
    ///
    /// A test guarantees the bundled file parses; should a broken file slip through anyway,
    /// the statutory calendar alone (no adjustments) is better than a panic in the app.
    pub fn builtin() -> Adjustments {
        Adjustments::parse(BUILTIN_ADJUSTMENTS).unwrap_or_default()
    }

    /// The decision for `date`, if any.
    pub fn get(&self, date: Date) -> Option<AdjustmentKind> {
        self.days
            .binary_search_by_key(&date, |a| a.date)
            .ok()
            .map(|i| self.days[i].kind)
    }

    /// All entries, in date order.
    pub fn days(&self) -> &[Adjustment] {
        &self.days
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }
}

// ---------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------

/// How long a service takes, as its charter states it.
/// Serialized as `{"unit": "working-days", "amount": 3}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "unit", content = "amount", rename_all = "kebab-case")]
pub enum Deadline {
    /// Real elapsed hours, across clock changes.
    Hours(u32),
    CalendarDays(u32),
    WorkingDays(u32),
    Months(u32),
}

/// The urgency a requester pays for. Serialized as `ordinary`, `fast`, `express`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UrgencyTier {
    Ordinary,
    Fast,
    Express,
}

impl UrgencyTier {
    pub const ALL: [UrgencyTier; 3] = [
        UrgencyTier::Ordinary,
        UrgencyTier::Fast,
        UrgencyTier::Express,
    ];

    pub fn code(self) -> &'static str {
        match self {
            UrgencyTier::Ordinary => "ordinary",
            UrgencyTier::Fast => "fast",
            UrgencyTier::Express => "express",
        }
    }
}

/// A time of day to the minute, serialized as `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
}

impl TimeOfDay {
    pub fn new(hour: u8, minute: u8) -> Option<TimeOfDay> {
        (hour < 24 && minute < 60).then_some(TimeOfDay { hour, minute })
    }

    /// Reads exactly `HH:MM`.
    pub fn parse(s: &str) -> Result<TimeOfDay, DateError> {
        let b = s.as_bytes();
        if b.len() != 5 || b[2] != b':' {
            return Err(DateError::Format);
        }
        let (Some(h), Some(m)) = (parse_digits(&s[0..2]), parse_digits(&s[3..5])) else {
            return Err(DateError::Format);
        };
        TimeOfDay::new(h as u8, m as u8).ok_or(DateError::Invalid)
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl From<TimeOfDay> for String {
    fn from(t: TimeOfDay) -> String {
        t.to_string()
    }
}

impl TryFrom<String> for TimeOfDay {
    type Error = DateError;
    fn try_from(s: String) -> Result<TimeOfDay, DateError> {
        TimeOfDay::parse(&s)
    }
}

/// When a request is expected to be done, in Sofia: a date, and a time for deadlines in hours.
/// Serialized as `{"date": "2026-04-16"}` or `{"date": "2026-03-29", "time": "11:00"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExpectedDate {
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeOfDay>,
}

/// The expected completion of a request submitted at `submitted` with `deadline`.
///
/// - Hours: the instant `amount` real hours later, shown on Sofia's clock (so 24 hours across
///   a clock change reads 23 or 25 hours later on the wall), rounded up to the minute so the
///   time shown is never earlier than the deadline.
/// - Calendar days: Sofia's date of submission plus `amount` days.
/// - Working days: [`add_working_days`] from Sofia's date of submission; a request submitted
///   on a day that is not a working day counts as submitted on the next working day.
/// - Months: Sofia's date of submission plus `amount` months, clamped to the month's end.
///
/// Calendar-day and month deadlines are not moved off weekends or holidays here.
pub fn expected_completion(
    submitted: UtcSeconds,
    deadline: Deadline,
    adjustments: &Adjustments,
) -> ExpectedDate {
    let local_date = to_sofia(submitted).date;
    let date_only = |date| ExpectedDate { date, time: None };
    match deadline {
        Deadline::Hours(n) => {
            let due = submitted.0.saturating_add(i64::from(n) * 3600);
            // Sofia's offsets are whole hours, so UTC minute boundaries are local ones too.
            let due = due.saturating_add((60 - due.rem_euclid(60)) % 60);
            let local = to_sofia(UtcSeconds(due));
            ExpectedDate {
                date: local.date,
                time: Some(TimeOfDay {
                    hour: local.hour,
                    minute: local.minute,
                }),
            }
        }
        // A deadline in days or months that ends on a day off ends on the next working day
        // (АПК чл. 60(6) by way of ГПК чл. 60(6)): `add_working_days(d, 0)` is that day.
        Deadline::CalendarDays(n) => date_only(add_working_days(
            local_date.add_days(i64::from(n)),
            0,
            adjustments,
        )),
        Deadline::WorkingDays(n) => date_only(add_working_days(local_date, n, adjustments)),
        Deadline::Months(n) => {
            date_only(add_working_days(local_date.add_months(n), 0, adjustments))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn a_day_deadline_ending_on_a_day_off_moves_to_the_next_working_day() {
        let adj = Adjustments::default();
        // Saturday 2026-11-21, 10:00 Sofia (08:00 UTC): 7 calendar days end on Saturday the 28th.
        let sat = utc("2026-11-21", 8, 0, 0);
        assert_eq!(
            expected_completion(sat, Deadline::CalendarDays(7), &adj).date,
            date("2026-11-30")
        );
        // 3 calendar days from Monday 2026-12-21 end on Thursday 24 Dec (Christmas Eve); 25 is a
        // Friday, 26 a Saturday whose day off moves to Monday 28: the deadline ends on Tuesday 29th.
        let mon = utc("2026-12-21", 8, 0, 0);
        assert_eq!(
            expected_completion(mon, Deadline::CalendarDays(3), &adj).date,
            date("2026-12-29")
        );
        // A month from 2026-09-06 (a Sunday, a holiday) ends on 2026-10-06, a Tuesday: unchanged.
        let sep = utc("2026-09-06", 8, 0, 0);
        assert_eq!(
            expected_completion(sep, Deadline::Months(1), &adj).date,
            date("2026-10-06")
        );
    }

    fn utc(s: &str, h: u8, m: u8, sec: u8) -> UtcSeconds {
        UtcSeconds(
            LocalDateTime::new(date(s), h, m, sec)
                .unwrap()
                .wall_seconds(),
        )
    }

    fn local(s: &str, h: u8, m: u8, sec: u8) -> LocalDateTime {
        LocalDateTime::new(date(s), h, m, sec).unwrap()
    }

    fn none() -> Adjustments {
        Adjustments::default()
    }

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

    // --- Easter and holidays ---

    #[test]
    fn orthodox_easter_matches_known_dates() {
        for (year, expected) in [
            (2023, "2023-04-16"),
            (2024, "2024-05-05"),
            (2025, "2025-04-20"),
            (2026, "2026-04-12"),
            (2027, "2027-05-02"),
            (2021, "2021-05-02"),
            (2010, "2010-04-04"),
        ] {
            assert_eq!(orthodox_easter(year), Some(date(expected)), "{year}");
        }
        assert_eq!(orthodox_easter(0), None);
        assert_eq!(orthodox_easter(10_000), None);
    }

    #[test]
    fn orthodox_easter_is_a_sunday_between_4_april_and_8_may_in_1900_to_2099() {
        for year in 1900..=2099 {
            let e = orthodox_easter(year).unwrap();
            assert_eq!(e.weekday(), Weekday::Sunday, "{year}");
            assert!(
                e >= Date::new(year, 4, 4).unwrap() && e <= Date::new(year, 5, 8).unwrap(),
                "{year}: {e}"
            );
        }
    }

    #[test]
    fn easter_2026_gives_good_friday_to_easter_monday_off() {
        let adj = none();
        assert!(is_working_day(date("2026-04-09"), &adj));
        for d in ["2026-04-10", "2026-04-11", "2026-04-12", "2026-04-13"] {
            assert!(!is_working_day(date(d), &adj), "{d}");
        }
        assert!(is_working_day(date("2026-04-14"), &adj));
    }

    #[test]
    fn fixed_holidays_on_weekdays_are_days_off_and_ordinary_weekdays_are_not() {
        let adj = none();
        for d in [
            "2026-01-01",
            "2026-03-03",
            "2026-05-01",
            "2026-05-06",
            "2026-09-22",
        ] {
            assert!(!is_working_day(date(d), &adj), "{d}");
        }
        for d in ["2026-01-02", "2026-03-02", "2026-03-04", "2026-11-02"] {
            assert!(is_working_day(date(d), &adj), "{d}");
        }
    }

    #[test]
    fn holiday_on_a_sunday_moves_to_monday() {
        // 24 May 2026 and 6 September 2026 are Sundays.
        let adj = none();
        assert!(!is_working_day(date("2026-05-25"), &adj));
        assert!(!is_working_day(date("2026-09-07"), &adj));
        assert!(is_working_day(date("2026-05-26"), &adj));
    }

    #[test]
    fn christmas_on_saturday_to_monday_gives_tuesday_and_wednesday_off() {
        // 2022: 24 Dec Saturday, 25 Sunday, 26 Monday.
        let off = statutory_days_off(2022);
        for d in ["2022-12-26", "2022-12-27", "2022-12-28"] {
            assert!(off.contains(&date(d)), "{d}");
        }
        assert!(is_working_day(date("2022-12-29"), &none()));
    }

    #[test]
    fn christmas_on_friday_to_sunday_gives_monday_and_tuesday_off() {
        // 2021 and 2027: 24 Dec Friday, 25 Saturday, 26 Sunday.
        for year in [2021, 2027] {
            let adj = none();
            let d = |day| Date::new(year, 12, day).unwrap();
            assert!(!is_working_day(d(27), &adj), "{year}");
            assert!(!is_working_day(d(28), &adj), "{year}");
            assert!(is_working_day(d(29), &adj), "{year}");
        }
    }

    #[test]
    fn holiday_on_holy_saturday_moves_past_easter_monday() {
        // 1 May 2021 was Holy Saturday; Easter Monday was 3 May, so 4 May was given.
        let adj = none();
        assert!(!is_working_day(date("2021-05-03"), &adj));
        assert!(!is_working_day(date("2021-05-04"), &adj));
        assert!(is_working_day(date("2021-05-05"), &adj));
    }

    #[test]
    fn holiday_on_easter_monday_gives_no_extra_day() {
        // 6 May 2024 was both St George's Day and Easter Monday.
        assert!(is_working_day(date("2024-05-07"), &none()));
    }

    #[test]
    fn statutory_days_off_lists_2026_in_order() {
        let expected: Vec<Date> = [
            "2026-01-01",
            "2026-03-03",
            "2026-04-10",
            "2026-04-11",
            "2026-04-12",
            "2026-04-13",
            "2026-05-01",
            "2026-05-06",
            "2026-05-24",
            "2026-05-25",
            "2026-09-06",
            "2026-09-07",
            "2026-09-22",
            "2026-12-24",
            "2026-12-25",
            "2026-12-26",
            "2026-12-28",
        ]
        .into_iter()
        .map(date)
        .collect();
        assert_eq!(statutory_days_off(2026), expected);
    }

    #[test]
    fn replacement_days_are_weekdays_not_otherwise_off_for_two_centuries() {
        for year in 1900..=2099 {
            let off = statutory_days_off(year);
            let weekend_fixed = FIXED_HOLIDAYS
                .iter()
                .filter(|&&(m, d)| Date::new(year, m, d).unwrap().is_weekend())
                .count();
            let weekday_extra = off
                .iter()
                .filter(|d| {
                    !d.is_weekend()
                        && !FIXED_HOLIDAYS.contains(&(d.month, d.day))
                        && orthodox_easter(year)
                            .is_none_or(|e| !(-2..=1).any(|k| e.add_days(k) == **d))
                })
                .count();
            assert_eq!(weekday_extra, weekend_fixed, "{year}");
        }
    }

    #[test]
    fn weekends_are_not_working_days() {
        assert!(!is_working_day(date("2026-03-07"), &none()));
        assert!(!is_working_day(date("2026-03-08"), &none()));
    }

    // --- working-day arithmetic ---

    #[test]
    fn add_working_days_skips_good_friday_and_easter_monday() {
        // Thursday 9 April 2026 + 3: 10–13 April are off, then 14, 15, 16.
        assert_eq!(
            add_working_days(date("2026-04-09"), 3, &none()),
            date("2026-04-16")
        );
        assert_eq!(
            add_working_days(date("2026-04-09"), 1, &none()),
            date("2026-04-14")
        );
    }

    #[test]
    fn add_working_days_zero_keeps_a_working_day_and_moves_off_a_day_off() {
        assert_eq!(
            add_working_days(date("2026-03-04"), 0, &none()),
            date("2026-03-04")
        );
        assert_eq!(
            add_working_days(date("2026-03-07"), 0, &none()),
            date("2026-03-09")
        );
        assert_eq!(
            add_working_days(date("2026-04-10"), 0, &none()),
            date("2026-04-14")
        );
    }

    #[test]
    fn add_working_days_from_a_weekend_counts_from_the_next_working_day() {
        // Saturday 7 March 2026 stands for Monday 9 March.
        assert_eq!(
            add_working_days(date("2026-03-07"), 1, &none()),
            date("2026-03-10")
        );
        assert_eq!(
            add_working_days(date("2026-03-06"), 1, &none()),
            date("2026-03-09")
        );
    }

    #[test]
    fn add_working_days_over_christmas_2026() {
        // Wed 23 Dec; 24, 25 off; 26 Saturday holiday moves to Monday 28.
        assert_eq!(
            add_working_days(date("2026-12-23"), 1, &none()),
            date("2026-12-29")
        );
    }

    #[test]
    fn add_working_days_crosses_new_year() {
        // Wed 30 Dec 2026 + 2: Thu 31, (Fri 1 Jan off, weekend), Mon 4 Jan.
        assert_eq!(
            add_working_days(date("2026-12-30"), 2, &none()),
            date("2027-01-04")
        );
    }

    #[test]
    fn add_working_days_saturates_at_the_last_date() {
        assert_eq!(add_working_days(date("9999-12-30"), 5, &none()), Date::MAX);
        assert_eq!(add_working_days(Date::MAX, 0, &none()), Date::MAX);
    }

    #[test]
    fn adjustments_override_the_statutory_calendar_both_ways() {
        let adj = Adjustments::parse(
            "[[day]]\ndate = \"2030-01-02\"\nkind = \"day-off\"\n\
             [[day]]\ndate = \"2030-01-12\"\nkind = \"working-day\"\n",
        )
        .unwrap();
        assert!(!is_working_day(date("2030-01-02"), &adj));
        assert!(is_working_day(date("2030-01-12"), &adj)); // a Saturday
        assert!(is_working_day(date("2030-01-02"), &none()));
        // Mon 31 Dec 2029 + 1: 1 Jan holiday, 2 Jan adjusted off → Thu 3 Jan.
        assert_eq!(
            add_working_days(date("2029-12-31"), 1, &adj),
            date("2030-01-03")
        );
    }

    proptest! {
        #[test]
        fn add_working_days_lands_on_a_working_day_and_is_monotone(
            days in date("1990-01-01").days_since_epoch()..date("2090-01-01").days_since_epoch(),
            n in 0u32..60,
        ) {
            let adj = none();
            let start = Date::from_days_since_epoch(days);
            let end = add_working_days(start, n, &adj);
            prop_assert!(is_working_day(end, &adj));
            prop_assert!(end >= start);
            prop_assert!(add_working_days(start, n + 1, &adj) > end);
            let between = (1..=end.days_since_epoch() - start.days_since_epoch())
                .filter(|&k| is_working_day(start.add_days(k), &adj))
                .count() as u32;
            // The days after start up to end hold n working days, plus the one that stands for
            // a non-working start.
            prop_assert_eq!(between, n + u32::from(!is_working_day(start, &adj)));
        }
    }

    // --- adjustments file ---

    #[test]
    fn bundled_adjustments_file_parses() {
        assert_eq!(Adjustments::parse(BUILTIN_ADJUSTMENTS).map(|_| ()), Ok(()));
        assert_eq!(
            Adjustments::builtin(),
            Adjustments::parse(BUILTIN_ADJUSTMENTS).unwrap()
        );
    }

    #[test]
    fn adjustments_parse_entries_with_comments_notes_and_bare_dates() {
        let src = "\u{feff}# header\n\n[[day]]   # a comment\n  date = \"2030-01-02\"\r\n\
                   kind = \"day-off\" # why\nnote = \"РМС № 1 \\\"test\\\" \\u00e9\"\n\
                   [[ day ]]\ndate = 2030-01-12\nkind = 'working-day'\n";
        let adj = Adjustments::parse(src).unwrap();
        assert_eq!(adj.days().len(), 2);
        assert_eq!(adj.days()[0].note, "РМС № 1 \"test\" é");
        assert_eq!(
            adj.get(date("2030-01-12")),
            Some(AdjustmentKind::WorkingDay)
        );
        assert_eq!(adj.get(date("2030-01-02")), Some(AdjustmentKind::DayOff));
        assert_eq!(adj.get(date("2030-01-03")), None);
        assert_eq!(adj.days()[1].note, "");
    }

    #[test]
    fn adjustments_are_kept_in_date_order() {
        let adj = Adjustments::parse(
            "[[day]]\ndate = \"2030-05-02\"\nkind = \"day-off\"\n\
             [[day]]\ndate = \"2030-01-02\"\nkind = \"day-off\"\n",
        )
        .unwrap();
        assert_eq!(adj.days()[0].date, date("2030-01-02"));
        assert_eq!(adj.get(date("2030-05-02")), Some(AdjustmentKind::DayOff));
    }

    #[test]
    fn empty_adjustments_file_is_empty() {
        assert!(Adjustments::parse("").unwrap().is_empty());
        assert!(Adjustments::parse("# only comments\n\n")
            .unwrap()
            .is_empty());
    }

    #[test]
    fn adjustments_errors_give_code_and_line() {
        let cases = [
            ("[[day]]\ndate = \"2030-01-02\"\nkind = day-off\n", "adjustments-syntax", 3),
            ("[[holiday]]\n", "adjustments-unknown-table", 1),
            ("[day]\n", "adjustments-unknown-table", 1),
            ("date = \"2030-01-02\"\n", "adjustments-key-outside-day", 1),
            ("[[day]]\ndate = \"2030-01-02\"\nkind = \"day-off\"\nwhen = \"x\"\n", "adjustments-unknown-key", 4),
            ("[[day]]\ndate = \"2030-01-02\"\ndate = \"2030-01-03\"\n", "adjustments-duplicate-key", 3),
            ("[[day]]\nkind = \"day-off\"\n", "adjustments-missing-date", 1),
            ("\n[[day]]\ndate = \"2030-01-02\"\n[[day]]\n", "adjustments-missing-kind", 2),
            ("[[day]]\ndate = \"2030-02-30\"\nkind = \"day-off\"\n", "adjustments-date", 2),
            ("[[day]]\ndate = 2030-02-30\nkind = \"day-off\"\n", "adjustments-date", 2),
            ("[[day]]\ndate = \"30.01.2030\"\nkind = \"day-off\"\n", "adjustments-date", 2),
            ("[[day]]\ndate = \"2030-01-02\"\nkind = \"holiday\"\n", "adjustments-kind", 3),
            (
                "[[day]]\ndate = \"2030-01-02\"\nkind = \"day-off\"\n[[day]]\ndate = \"2030-01-02\"\nkind = \"working-day\"\n",
                "adjustments-duplicate-date",
                4,
            ),
            ("[[day]]\nnote = \"unterminated\n", "adjustments-syntax", 2),
            ("[[day]]\nnote = \"\"\"multi\"\"\"\n", "adjustments-syntax", 2),
            ("[[day]]\ndate = \"2030-01-02\" extra\n", "adjustments-syntax", 2),
        ];
        for (src, code, line) in cases {
            let err = Adjustments::parse(src).unwrap_err();
            assert_eq!((err.code(), err.line()), (code, line), "{src:?}");
        }
    }

    proptest! {
        #[test]
        fn adjustments_parse_never_panics(s in "(\\PC|\n|\\[|\\]|=|\"|\\\\|#){0,80}") {
            let _ = Adjustments::parse(&s);
        }
    }

    // --- Europe/Sofia ---

    #[test]
    fn sofia_is_utc_plus_two_in_winter_and_three_in_summer() {
        assert_eq!(
            to_sofia(utc("2026-01-15", 10, 0, 0)),
            local("2026-01-15", 12, 0, 0)
        );
        assert_eq!(
            to_sofia(utc("2026-07-15", 10, 0, 0)),
            local("2026-07-15", 13, 0, 0)
        );
        assert_eq!(
            to_sofia(utc("2026-12-31", 22, 30, 0)),
            local("2027-01-01", 0, 30, 0)
        );
    }

    #[test]
    fn sofia_springs_forward_at_0100_utc_on_29_march_2026() {
        assert_eq!(
            to_sofia(utc("2026-03-29", 0, 59, 59)),
            local("2026-03-29", 2, 59, 59)
        );
        assert_eq!(
            to_sofia(utc("2026-03-29", 1, 0, 0)),
            local("2026-03-29", 4, 0, 0)
        );
        assert_eq!(sofia_offset_seconds(utc("2026-03-29", 1, 0, 0)), 10_800);
        // The day before, still winter time.
        assert_eq!(sofia_offset_seconds(utc("2026-03-28", 12, 0, 0)), 7_200);
    }

    #[test]
    fn sofia_falls_back_at_0100_utc_on_25_october_2026() {
        assert_eq!(
            to_sofia(utc("2026-10-25", 0, 59, 59)),
            local("2026-10-25", 3, 59, 59)
        );
        assert_eq!(
            to_sofia(utc("2026-10-25", 1, 0, 0)),
            local("2026-10-25", 3, 0, 0)
        );
        assert_eq!(sofia_offset_seconds(utc("2026-10-25", 1, 0, 0)), 7_200);
    }

    #[test]
    fn from_sofia_reads_the_skipped_hour_with_the_winter_offset() {
        // 03:30 on 29 March 2026 is never shown; it is read as 01:30 UTC = 04:30 summer time.
        let t = from_sofia(local("2026-03-29", 3, 30, 0));
        assert_eq!(t, utc("2026-03-29", 1, 30, 0));
        assert_eq!(to_sofia(t), local("2026-03-29", 4, 30, 0));
        assert_eq!(
            from_sofia(local("2026-03-29", 2, 59, 59)),
            utc("2026-03-29", 0, 59, 59)
        );
        assert_eq!(
            from_sofia(local("2026-03-29", 4, 0, 0)),
            utc("2026-03-29", 1, 0, 0)
        );
    }

    #[test]
    fn from_sofia_takes_the_earlier_instant_in_the_repeated_hour() {
        // 03:30 on 25 October 2026 is shown at 00:30 UTC (summer) and 01:30 UTC (winter).
        assert_eq!(
            from_sofia(local("2026-10-25", 3, 30, 0)),
            utc("2026-10-25", 0, 30, 0)
        );
        assert_eq!(
            from_sofia(local("2026-10-25", 4, 0, 0)),
            utc("2026-10-25", 2, 0, 0)
        );
        assert_eq!(
            from_sofia(local("2026-10-25", 2, 59, 59)),
            utc("2026-10-24", 23, 59, 59)
        );
    }

    #[test]
    fn local_date_time_displays_iso() {
        assert_eq!(
            local("2026-03-29", 4, 5, 6).to_string(),
            "2026-03-29T04:05:06"
        );
        assert_eq!(LocalDateTime::new(date("2026-03-29"), 24, 0, 0), None);
    }

    #[test]
    fn to_sofia_saturates_at_the_ends_of_the_range() {
        assert_eq!(to_sofia(UtcSeconds(i64::MAX)).date(), Date::MAX);
        assert_eq!(to_sofia(UtcSeconds(i64::MIN)).date(), Date::MIN);
    }

    proptest! {
        #[test]
        fn from_sofia_inverts_to_sofia_except_in_the_repeated_hour(
            t in -2_000_000_000i64..5_000_000_000i64,
        ) {
            let t = UtcSeconds(t);
            let l = to_sofia(t);
            prop_assert_eq!(to_sofia(from_sofia(l)), l);
            let back = from_sofia(l);
            let year = l.date().year();
            let end = Date::last_sunday_of(year, 10).days_since_epoch() * SECONDS_PER_DAY + 3600;
            if (end..end + 3600).contains(&t.0) {
                prop_assert_eq!(back, UtcSeconds(t.0 - 3600));
            } else {
                prop_assert_eq!(back, t);
            }
        }
    }

    // --- deadlines ---

    #[test]
    fn deadline_serializes_with_unit_and_amount() {
        let cases = [
            (Deadline::Hours(24), r#"{"unit":"hours","amount":24}"#),
            (
                Deadline::CalendarDays(14),
                r#"{"unit":"calendar-days","amount":14}"#,
            ),
            (
                Deadline::WorkingDays(3),
                r#"{"unit":"working-days","amount":3}"#,
            ),
            (Deadline::Months(1), r#"{"unit":"months","amount":1}"#),
        ];
        for (deadline, json) in cases {
            assert_eq!(serde_json::to_string(&deadline).unwrap(), json);
            assert_eq!(serde_json::from_str::<Deadline>(json).unwrap(), deadline);
        }
    }

    #[test]
    fn urgency_tier_serializes_lowercase() {
        assert_eq!(
            serde_json::to_string(&UrgencyTier::ALL).unwrap(),
            r#"["ordinary","fast","express"]"#
        );
        assert_eq!(
            serde_json::from_str::<UrgencyTier>("\"express\"").unwrap(),
            UrgencyTier::Express
        );
        assert!(UrgencyTier::Ordinary < UrgencyTier::Express);
        assert_eq!(UrgencyTier::Fast.code(), "fast");
    }

    #[test]
    fn expected_date_serializes_time_only_when_present() {
        let d = ExpectedDate {
            date: date("2026-03-29"),
            time: TimeOfDay::new(11, 0),
        };
        let json = r#"{"date":"2026-03-29","time":"11:00"}"#;
        assert_eq!(serde_json::to_string(&d).unwrap(), json);
        assert_eq!(serde_json::from_str::<ExpectedDate>(json).unwrap(), d);
        let d = ExpectedDate {
            date: date("2026-04-16"),
            time: None,
        };
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"date":"2026-04-16"}"#
        );
        assert!(
            serde_json::from_str::<ExpectedDate>(r#"{"date":"2026-04-16","time":"24:00"}"#)
                .is_err()
        );
    }

    #[test]
    fn working_days_deadline_skips_easter_2026() {
        // Thursday 9 April 2026, 10:00 in Sofia.
        let submitted = utc("2026-04-09", 7, 0, 0);
        let e = expected_completion(submitted, Deadline::WorkingDays(3), &none());
        assert_eq!(
            e,
            ExpectedDate {
                date: date("2026-04-16"),
                time: None
            }
        );
    }

    #[test]
    fn working_days_deadline_uses_the_sofia_date_of_submission() {
        // 22:30 UTC on Wednesday 8 April is 01:30 on Thursday 9 April in Sofia.
        let submitted = utc("2026-04-08", 22, 30, 0);
        let e = expected_completion(submitted, Deadline::WorkingDays(1), &none());
        assert_eq!(e.date, date("2026-04-14"));
    }

    #[test]
    fn working_days_deadline_from_a_weekend_counts_from_monday() {
        // Saturday 7 March 2026: stands for Monday 9 March, so 2 working days end Wednesday.
        let submitted = utc("2026-03-07", 9, 0, 0);
        let e = expected_completion(submitted, Deadline::WorkingDays(2), &none());
        assert_eq!(e.date, date("2026-03-11"));
    }

    #[test]
    fn working_days_deadline_over_christmas_2026() {
        // Tuesday 22 Dec + 3: Wed 23, (24, 25, weekend, Mon 28 off), Tue 29, Wed 30.
        let submitted = utc("2026-12-22", 10, 0, 0);
        let e = expected_completion(submitted, Deadline::WorkingDays(3), &none());
        assert_eq!(e.date, date("2026-12-30"));
    }

    #[test]
    fn calendar_days_deadline_adds_days_to_the_sofia_date() {
        let submitted = utc("2026-12-22", 10, 0, 0);
        let e = expected_completion(submitted, Deadline::CalendarDays(14), &none());
        assert_eq!(
            e,
            ExpectedDate {
                date: date("2027-01-05"),
                time: None
            }
        );
    }

    #[test]
    fn months_deadline_clamps_to_the_end_of_the_month() {
        // 31 January 2025 + 1 month = 28 February 2025, a Friday.
        let submitted = utc("2025-01-31", 10, 0, 0);
        let e = expected_completion(submitted, Deadline::Months(1), &none());
        assert_eq!(e.date, date("2025-02-28"));
        // In 2026 the 28th is a Saturday: the deadline ends on Monday 2 March.
        let submitted = utc("2026-01-31", 10, 0, 0);
        let e = expected_completion(submitted, Deadline::Months(1), &none());
        assert_eq!(e.date, date("2026-03-02"));
    }

    #[test]
    fn hours_deadline_across_spring_forward_reads_an_hour_later_on_the_wall() {
        // 10:00 EET on Saturday 28 March 2026 + 24 real hours = 11:00 EEST on Sunday.
        let submitted = from_sofia(local("2026-03-28", 10, 0, 0));
        let e = expected_completion(submitted, Deadline::Hours(24), &none());
        assert_eq!(
            e,
            ExpectedDate {
                date: date("2026-03-29"),
                time: TimeOfDay::new(11, 0)
            }
        );
    }

    #[test]
    fn hours_deadline_across_fall_back_reads_an_hour_earlier_on_the_wall() {
        // 10:00 EEST on Saturday 24 October 2026 + 24 real hours = 09:00 EET on Sunday.
        let submitted = from_sofia(local("2026-10-24", 10, 0, 0));
        let e = expected_completion(submitted, Deadline::Hours(24), &none());
        assert_eq!(
            e,
            ExpectedDate {
                date: date("2026-10-25"),
                time: TimeOfDay::new(9, 0)
            }
        );
    }

    #[test]
    fn hours_deadline_rounds_seconds_up_to_the_minute() {
        let submitted = from_sofia(local("2026-06-01", 10, 15, 30));
        let e = expected_completion(submitted, Deadline::Hours(2), &none());
        assert_eq!(e.time, TimeOfDay::new(12, 16));
        let submitted = from_sofia(local("2026-06-01", 23, 59, 1));
        let e = expected_completion(submitted, Deadline::Hours(0), &none());
        assert_eq!(
            e,
            ExpectedDate {
                date: date("2026-06-02"),
                time: TimeOfDay::new(0, 0)
            }
        );
    }

    #[test]
    fn time_of_day_parses_exactly_hh_mm() {
        assert_eq!(TimeOfDay::parse("09:05"), Ok(TimeOfDay::new(9, 5).unwrap()));
        assert_eq!(TimeOfDay::parse("9:05"), Err(DateError::Format));
        assert_eq!(TimeOfDay::parse("24:00"), Err(DateError::Invalid));
        assert_eq!(TimeOfDay::parse("12:60"), Err(DateError::Invalid));
    }
}
