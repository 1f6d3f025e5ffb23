//! Office hours as a count of working minutes, so staff events can be spread over working time.
use gishe_api::calendar::{
    from_sofia, is_working_day, to_sofia, Adjustments, Date, ExpectedDate, LocalDateTime,
    UtcSeconds,
};

/// The office works 08:30–17:30 Sofia time on working days. A "working minute" numbers the
/// minutes of those hours consecutively from the first working day covered, so staff events can
/// be spread over working time and turned back into instants.
pub(super) struct Office {
    pub(super) first_day: i64,
    /// Per calendar day from `first_day`: working days before it, and whether it is one.
    pub(super) before: Vec<i64>,
    pub(super) working: Vec<bool>,
    pub(super) days: Vec<Date>,
}

pub(super) const OPEN: i64 = 8 * 60 + 30;
pub(super) const CLOSE: i64 = 17 * 60 + 30;
pub(super) const DAY: i64 = CLOSE - OPEN;

impl Office {
    pub(super) fn new(from: Date, to: Date, adjustments: &Adjustments) -> Office {
        let first_day = from.days_since_epoch();
        let (mut before, mut working, mut days) = (Vec::new(), Vec::new(), Vec::new());
        let mut date = from;
        while date <= to {
            before.push(days.len() as i64);
            let w = is_working_day(date, adjustments);
            working.push(w);
            if w {
                days.push(date);
            }
            date = date.add_days(1);
        }
        Office {
            first_day,
            before,
            working,
            days,
        }
    }

    pub(super) fn is_working(&self, date: Date) -> bool {
        let k = date.days_since_epoch() - self.first_day;
        k >= 0 && (k as usize) < self.working.len() && self.working[k as usize]
    }

    /// The first working minute at or after the instant `t`.
    pub(super) fn minute_at_or_after(&self, t: i64) -> i64 {
        let local = to_sofia(UtcSeconds(t));
        let k = local.date().days_since_epoch() - self.first_day;
        if k < 0 {
            return 0;
        }
        let Some(&before) = self.before.get(k as usize) else {
            return self.days.len() as i64 * DAY;
        };
        if !self.working[k as usize] {
            return before * DAY;
        }
        let minute = i64::from(local.hour()) * 60
            + i64::from(local.minute())
            + i64::from(local.second() > 0);
        if minute < OPEN {
            before * DAY
        } else if minute < CLOSE {
            before * DAY + minute - OPEN
        } else {
            (before + 1) * DAY
        }
    }

    /// The first working minute after the working day `date`; working minutes before it fall
    /// on `date` or earlier.
    pub(super) fn end_of(&self, date: Date) -> i64 {
        let k = date.days_since_epoch() - self.first_day;
        if k < 0 {
            return 0;
        }
        match self.before.get(k as usize) {
            Some(&before) => (before + i64::from(self.working[k as usize])) * DAY,
            None => self.days.len() as i64 * DAY,
        }
    }

    /// The minute by which an expected date (and time) is kept.
    pub(super) fn deadline(&self, expected: ExpectedDate) -> i64 {
        match expected.time {
            Some(t) => {
                let local = LocalDateTime::new(expected.date, t.hour(), t.minute(), 0)
                    .expect("a valid time of day");
                self.minute_at_or_after(from_sofia(local).0)
            }
            None => self.end_of(expected.date),
        }
    }

    /// The instant of a working minute, or `None` beyond the days covered.
    pub(super) fn instant(&self, w: i64) -> Option<i64> {
        let date = *self.days.get(usize::try_from(w / DAY).ok()?)?;
        let minute = OPEN + w % DAY;
        let local = LocalDateTime::new(date, (minute / 60) as u8, (minute % 60) as u8, 0)?;
        Some(from_sofia(local).0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_minutes_map_to_office_hours_and_back() {
        let adj = Adjustments::default();
        let d = |s| Date::parse_iso(s).unwrap();
        // Friday 2026-03-27 to Monday 2026-03-30, across the change to summer time.
        let office = Office::new(d("2026-03-27"), d("2026-04-03"), &adj);
        let friday_close = office.end_of(d("2026-03-27"));
        assert_eq!(friday_close, DAY);
        // The weekend is skipped: the next working minute is Monday 08:30 (summer time).
        let monday = office.instant(friday_close).unwrap();
        let local = to_sofia(UtcSeconds(monday));
        assert_eq!(local.date(), d("2026-03-30"));
        assert_eq!((local.hour(), local.minute()), (8, 30));
        assert_eq!(office.minute_at_or_after(monday), DAY);
        // Saturday noon waits for Monday's opening.
        let saturday = from_sofia(LocalDateTime::new(d("2026-03-28"), 12, 0, 0).unwrap()).0;
        assert_eq!(office.minute_at_or_after(saturday), DAY);
        // A time in the afternoon maps to its own minute.
        let friday_three = from_sofia(LocalDateTime::new(d("2026-03-27"), 15, 0, 0).unwrap()).0;
        let w = office.minute_at_or_after(friday_three);
        assert_eq!(w, 15 * 60 - OPEN);
        assert_eq!(office.instant(w), Some(friday_three));
    }
}
