//! The administrator's calendar-adjustments file (`--calendar-adjustments`), read as TOML.
use gishe_api::calendar::{Adjustment, AdjustmentKind, Adjustments, Date};
use serde::Deserialize;
use std::fmt;
use toml::Spanned;

/// Why the file could not be used, at a 1-based line, in words for the administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFileError {
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for CalendarFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for CalendarFileError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    day: Vec<Spanned<Day>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Day {
    date: Spanned<toml::Value>,
    kind: Spanned<String>,
    #[serde(default)]
    note: String,
}

/// Reads the file: `[[day]]` tables with `date` (`"YYYY-MM-DD"` or a bare TOML date), `kind`
/// (`"day-off"` or `"working-day"`) and an optional `note`; at most one table per date.
pub fn parse(text: &str) -> Result<Adjustments, CalendarFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line_of = |offset: usize| {
        text.as_bytes()
            .iter()
            .take(offset)
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    let fail = |offset: usize, reason: String| CalendarFileError {
        line: line_of(offset),
        reason,
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        fail(offset, e.message().trim().to_string())
    })?;
    let mut days = Vec::with_capacity(file.day.len());
    let mut table_offsets = Vec::with_capacity(file.day.len());
    for table in file.day {
        let offset = table.span().start;
        let day = table.into_inner();
        let date = date_of(day.date.get_ref()).ok_or_else(|| {
            fail(
                day.date.span().start,
                "date is not an existing YYYY-MM-DD date".into(),
            )
        })?;
        let kind = AdjustmentKind::from_code(day.kind.get_ref()).ok_or_else(|| {
            fail(
                day.kind.span().start,
                "kind is neither \"day-off\" nor \"working-day\"".into(),
            )
        })?;
        table_offsets.push((date, offset));
        days.push(Adjustment {
            date,
            kind,
            note: day.note,
        });
    }
    Adjustments::new(days).map_err(|dup| {
        // Name the later of the tables that list the date.
        let offset = table_offsets
            .iter()
            .filter(|(d, _)| *d == dup.0)
            .map(|(_, o)| *o)
            .max()
            .unwrap_or(0);
        fail(offset, dup.to_string())
    })
}

fn date_of(value: &toml::Value) -> Option<Date> {
    match value {
        toml::Value::String(s) => Date::parse_iso(s).ok(),
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            Date::new(i32::from(d.year), d.month, d.day)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse_iso(s).expect("a test date")
    }

    #[test]
    fn the_bundled_file_reads_as_the_built_in_adjustments() {
        let file = include_str!("../../api/data/calendar-adjustments.toml");
        assert_eq!(parse(file), Ok(Adjustments::builtin()));
    }

    #[test]
    fn entries_with_comments_notes_and_bare_dates() {
        let src = "\u{feff}# header\n\n[[day]]   # a comment\n  date = \"2030-01-02\"\r\n\
                   kind = \"day-off\" # why\nnote = \"РМС № 1 \\\"test\\\" \\u00e9\"\n\
                   [[ day ]]\ndate = 2030-01-12\nkind = 'working-day'\n";
        let adj = parse(src).expect("parses");
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
    fn an_empty_file_has_no_adjustments() {
        assert!(parse("").expect("empty").is_empty());
        assert!(parse("# only comments\n\n").expect("comments").is_empty());
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let cases = [
            ("[[day]]\ndate = \"2030-01-02\"\nkind = day-off\n", 3, "invalid"),
            ("[[holiday]]\n", 1, "unknown field `holiday`"),
            ("[day]\n", 1, "invalid type"),
            ("date = \"2030-01-02\"\n", 1, "unknown field `date`"),
            ("[[day]]\ndate = \"2030-01-02\"\nkind = \"day-off\"\nwhen = \"x\"\n", 4, "unknown field `when`"),
            ("[[day]]\ndate = \"2030-01-02\"\ndate = \"2030-01-03\"\n", 3, "duplicate key"),
            ("[[day]]\nkind = \"day-off\"\n", 1, "missing field `date`"),
            ("\n[[day]]\ndate = \"2030-01-02\"\n[[day]]\n", 2, "missing field `kind`"),
            ("[[day]]\ndate = \"2030-02-30\"\nkind = \"day-off\"\n", 2, "not an existing"),
            ("[[day]]\ndate = 2030-02-30\nkind = \"day-off\"\n", 2, ""),
            ("[[day]]\ndate = \"30.01.2030\"\nkind = \"day-off\"\n", 2, "not an existing"),
            ("[[day]]\ndate = \"2030-01-02\"\nkind = \"holiday\"\n", 3, "neither"),
            (
                "[[day]]\ndate = \"2030-01-02\"\nkind = \"day-off\"\n[[day]]\ndate = \"2030-01-02\"\nkind = \"working-day\"\n",
                4,
                "2030-01-02 is listed more than once",
            ),
            ("[[day]]\nnote = \"unterminated\n", 2, ""),
            ("[[day]]\ndate = \"2030-01-02\" extra\n", 2, ""),
        ];
        for (src, line, reason) in cases {
            let err = parse(src).expect_err(src);
            assert_eq!(err.line, line, "{src:?}: {err}");
            assert!(err.reason.contains(reason), "{src:?}: {err}");
            assert!(!err.reason.is_empty(), "{src:?}");
        }
    }
}
