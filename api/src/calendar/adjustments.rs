//! Days moved by decisions of the Council of Ministers: extra days off and working Saturdays.

use super::*;

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

    /// The kind named by its code (`day-off`, `working-day`).
    pub fn from_code(s: &str) -> Option<AdjustmentKind> {
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
    pub(super) days: Vec<Adjustment>,
}

/// Two entries for one date: the adjustments would contradict each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DuplicateDate(pub Date);

impl fmt::Display for DuplicateDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is listed more than once", self.0)
    }
}

impl std::error::Error for DuplicateDate {}

// `api/data/calendar-adjustments.toml`, turned into Rust data by `build.rs`: the file is TOML
// for administrators, and reading it at build time keeps a TOML parser out of the wasm app.
include!(concat!(env!("OUT_DIR"), "/builtin_adjustments.rs"));

impl Adjustments {
    /// The given days, in date order; at most one entry per date.
    pub fn new(mut days: Vec<Adjustment>) -> Result<Adjustments, DuplicateDate> {
        days.sort_by_key(|a| a.date);
        if let Some(pair) = days.windows(2).find(|w| w[0].date == w[1].date) {
            return Err(DuplicateDate(pair[0].date));
        }
        Ok(Adjustments { days })
    }

    /// The adjustments bundled with this build, from `api/data/calendar-adjustments.toml`
    /// (checked by `build.rs`, so a broken file fails the build rather than the app).
    pub fn builtin() -> Adjustments {
        let days = BUILTIN_ADJUSTMENTS
            .iter()
            .filter_map(|&(year, month, day, kind, note)| {
                Some(Adjustment {
                    date: Date::new(year, month, day)?,
                    kind,
                    note: note.to_string(),
                })
            })
            .collect();
        Adjustments::new(days).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::testing::*;

    fn day(d: &str, kind: AdjustmentKind) -> Adjustment {
        Adjustment {
            date: date(d),
            kind,
            note: String::new(),
        }
    }

    #[test]
    fn adjustments_are_kept_in_date_order() {
        let adj = Adjustments::new(vec![
            day("2030-05-02", AdjustmentKind::DayOff),
            day("2030-01-02", AdjustmentKind::DayOff),
        ])
        .unwrap();
        assert_eq!(adj.days()[0].date, date("2030-01-02"));
        assert_eq!(adj.get(date("2030-05-02")), Some(AdjustmentKind::DayOff));
        assert_eq!(adj.get(date("2030-05-03")), None);
    }

    #[test]
    fn a_date_listed_twice_is_refused() {
        let twice = Adjustments::new(vec![
            day("2030-01-02", AdjustmentKind::DayOff),
            day("2030-01-02", AdjustmentKind::WorkingDay),
        ]);
        assert_eq!(twice, Err(DuplicateDate(date("2030-01-02"))));
    }

    #[test]
    fn the_bundled_file_is_built_in_whole() {
        // build.rs refuses a broken file; this checks that no table was lost on the way.
        let tables = include_str!("../../data/calendar-adjustments.toml")
            .lines()
            .filter(|l| l.trim_start().starts_with("[[day]]"))
            .count();
        assert_eq!(Adjustments::builtin().days().len(), tables);
    }

    #[test]
    fn kinds_read_their_codes() {
        for kind in [AdjustmentKind::DayOff, AdjustmentKind::WorkingDay] {
            assert_eq!(AdjustmentKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(AdjustmentKind::from_code("holiday"), None);
    }

    #[test]
    fn the_euro_changeover_days_are_off_in_the_built_in_calendar() {
        let adj = Adjustments::builtin();
        assert!(!is_working_day(date("2025-12-31"), &adj));
        assert!(!is_working_day(date("2026-01-02"), &adj));
        // Tuesday 30 Dec 2025 + 1 working day: 31 Dec and 2 Jan off, 1 Jan a holiday,
        // then the weekend: Monday 5 January 2026.
        assert_eq!(
            add_working_days(date("2025-12-30"), 1, &adj),
            date("2026-01-05")
        );
    }
}
