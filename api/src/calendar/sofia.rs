//! Instants (UTC seconds) and Europe/Sofia wall-clock time, with the EU daylight-saving rule written out.

use super::*;

/// An instant: seconds since 1970-01-01T00:00:00Z, leap seconds not counted (Unix time).
/// Serialized as the integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UtcSeconds(pub i64);

/// A wall-clock reading with no zone attached: in this crate, the time in Europe/Sofia.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    pub(super) date: Date,
    pub(super) hour: u8,
    pub(super) minute: u8,
    pub(super) second: u8,
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
    pub(super) fn wall_seconds(self) -> i64 {
        self.date.days_since_epoch() * SECONDS_PER_DAY
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }

    pub(super) fn from_wall_seconds(s: i64) -> LocalDateTime {
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

pub(super) const EET: i64 = 2 * 3600;
pub(super) const EEST: i64 = 3 * 3600;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::testing::*;
    use proptest::prelude::*;

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
}
