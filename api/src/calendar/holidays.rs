//! Bulgarian official holidays (Orthodox Easter computed) and working-day arithmetic.

use super::*;

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
pub(super) const FIXED_HOLIDAYS: [(u8, u8); 10] = [
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
pub(super) fn days_off_caused_by(year: i32) -> Vec<Date> {
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
pub(super) struct WorkCalendar<'a> {
    pub(super) adjustments: &'a Adjustments,
    pub(super) year: i32,
    pub(super) days_off: Vec<Date>,
}

impl<'a> WorkCalendar<'a> {
    pub(super) fn new(adjustments: &'a Adjustments) -> WorkCalendar<'a> {
        WorkCalendar {
            adjustments,
            year: i32::MIN,
            days_off: Vec::new(),
        }
    }

    pub(super) fn is_working(&mut self, date: Date) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::testing::*;
    use proptest::prelude::*;

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
        let adj = Adjustments::new(vec![
            Adjustment {
                date: date("2030-01-02"),
                kind: AdjustmentKind::DayOff,
                note: String::new(),
            },
            Adjustment {
                date: date("2030-01-12"),
                kind: AdjustmentKind::WorkingDay,
                note: String::new(),
            },
        ])
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
}
