//! Service deadlines and the expected date of completion.

use super::*;

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

/// A time of day to the minute, serialized as `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeOfDay {
    pub(super) hour: u8,
    pub(super) minute: u8,
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
    use crate::calendar::testing::*;

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
