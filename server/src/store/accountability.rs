//! Published accountability: per half-year in Sofia time, satisfaction averages and how often
//! deadlines were kept, computed from the stored requests, their histories and the feedback.
//!
//! Two queries read one narrow row per request and per survey answer; the grouping into
//! half-years is done here with [`to_sofia`], so it is exact at the clock changes and at
//! New Year's and 1 July's midnight in Sofia.
use super::Db;
use gishe_api::calendar::{to_sofia, Date, TimeOfDay, UtcSeconds};
use gishe_api::{HalfYear, Period, ReportCounts, Satisfaction};
use std::collections::BTreeMap;

/// The half-year in which the instant `t` falls, on Sofia's calendar.
pub fn half_year_of(t: UtcSeconds) -> HalfYear {
    let date = to_sofia(t).date();
    HalfYear {
        year: date.year(),
        half: if date.month() <= 6 { 1 } else { 2 },
    }
}

/// Whether an event at `at` kept an expected date (and time, for deadlines in hours):
/// on Sofia's clock, on or before the expected day, and by the expected minute when one is set.
pub fn kept(at: UtcSeconds, expected_date: Date, expected_time: Option<TimeOfDay>) -> bool {
    let local = to_sofia(at);
    match local.date().cmp(&expected_date) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Greater => false,
        std::cmp::Ordering::Equal => expected_time.is_none_or(|t| {
            (local.hour(), local.minute(), local.second()) <= (t.hour(), t.minute(), 0)
        }),
    }
}

#[derive(Default)]
struct Tally {
    ratings: [u64; 5],
    answers: u32,
    requests_completed: u32,
    requests_on_time: u32,
    reports: [u32; 4],
    reports_answered: u32,
    reports_answered_on_time: u32,
}

/// submitted_at, kind, status, expected_date, expected_time, and the instant of the event that
/// closed the request (completed or refused), if it is closed.
type RequestRow = (i64, String, String, String, Option<String>, Option<i64>);

/// submitted_at and the five ratings.
type FeedbackRow = (i64, i64, i64, i64, i64, i64);

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The municipality's figures per half-year, oldest first; half-years without any request,
/// report or survey answer are left out.
pub async fn periods(db: &Db, municipality_id: i64) -> anyhow::Result<Vec<Period>> {
    // The closing event is looked up only for closed requests, through the
    // (request_id, id) index: one probe per closed request, within this one query.
    let requests: Vec<RequestRow> = sqlx::query_as(
        "SELECT r.submitted_at, r.kind, r.status, r.expected_date, r.expected_time,
             CASE WHEN r.status IN ('completed', 'refused') THEN
                 (SELECT MIN(e.at) FROM request_events e
                  WHERE e.request_id = r.id AND e.kind = r.status)
             END
         FROM requests r WHERE r.municipality_id = $1",
    )
    .bind(municipality_id)
    .fetch_all(db)
    .await?;
    let feedback: Vec<FeedbackRow> = sqlx::query_as(
        "SELECT submitted_at, courtesy, clarity, deadlines, accessibility, overall
         FROM feedback WHERE municipality_id = $1",
    )
    .bind(municipality_id)
    .fetch_all(db)
    .await?;

    let mut tallies: BTreeMap<HalfYear, Tally> = BTreeMap::new();
    for (submitted_at, kind, status, expected_date, expected_time, closed_at) in requests {
        let tally = tallies
            .entry(half_year_of(UtcSeconds(submitted_at)))
            .or_default();
        let on_time = || {
            let Some(at) = closed_at else {
                return false;
            };
            let Ok(date) = Date::parse_iso(&expected_date) else {
                return false;
            };
            let time = expected_time
                .as_deref()
                .and_then(|t| TimeOfDay::parse(t).ok());
            kept(UtcSeconds(at), date, time)
        };
        if kind == "service" {
            if status == "completed" {
                tally.requests_completed += 1;
                tally.requests_on_time += u32::from(on_time());
            }
            continue;
        }
        let Some(index) = gishe_api::ReportKind::ALL
            .iter()
            .position(|k| k.code() == kind)
        else {
            continue;
        };
        tally.reports[index] += 1;
        if status == "completed" || status == "refused" {
            tally.reports_answered += 1;
            tally.reports_answered_on_time += u32::from(on_time());
        }
    }
    for (submitted_at, a, b, c, d, e) in feedback {
        let tally = tallies
            .entry(half_year_of(UtcSeconds(submitted_at)))
            .or_default();
        for (sum, rating) in tally.ratings.iter_mut().zip([a, b, c, d, e]) {
            *sum += rating.clamp(0, 5) as u64;
        }
        tally.answers += 1;
    }

    Ok(tallies
        .into_iter()
        .map(|(period, t)| {
            let average = |i: usize| {
                (t.answers > 0).then(|| round2(t.ratings[i] as f64 / f64::from(t.answers)))
            };
            Period {
                period,
                satisfaction: Satisfaction {
                    courtesy: average(0),
                    clarity: average(1),
                    deadlines: average(2),
                    accessibility: average(3),
                    overall: average(4),
                    answers: t.answers,
                },
                requests_completed: t.requests_completed,
                requests_on_time: t.requests_on_time,
                reports: ReportCounts {
                    complaint: t.reports[0],
                    signal: t.reports[1],
                    proposal: t.reports[2],
                    praise: t.reports[3],
                },
                reports_answered: t.reports_answered,
                reports_answered_on_time: t.reports_answered_on_time,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gishe_api::calendar::{from_sofia, LocalDateTime};

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn sofia(date: &str, h: u8, m: u8) -> UtcSeconds {
        from_sofia(LocalDateTime::new(d(date), h, m, 0).unwrap())
    }

    #[test]
    fn half_years_follow_sofia_midnight() {
        // 2026-06-30T22:30Z is 1 July 01:30 in Sofia (summer time).
        assert_eq!(
            half_year_of(UtcSeconds(1_782_858_600)),
            HalfYear {
                year: 2026,
                half: 2
            }
        );
        // 2026-06-30T20:59:59Z is 23:59:59 on 30 June.
        assert_eq!(
            half_year_of(UtcSeconds(1_782_853_199)),
            HalfYear {
                year: 2026,
                half: 1
            }
        );
        // 2026-12-31T22:30Z is 1 January 2027 00:30 in Sofia (winter time).
        assert_eq!(
            half_year_of(sofia("2027-01-01", 0, 30)),
            HalfYear {
                year: 2027,
                half: 1
            }
        );
        assert_eq!(
            half_year_of(sofia("2026-12-31", 23, 59)),
            HalfYear {
                year: 2026,
                half: 2
            }
        );
    }

    #[test]
    fn a_deadline_is_kept_by_the_end_of_the_local_day_or_by_the_minute() {
        let due = d("2026-10-24");
        // 2026-10-24T21:30Z is 25 October 00:30 in Sofia, still summer time: a day late.
        assert!(!kept(UtcSeconds(1_792_877_400), due, None));
        assert!(kept(sofia("2026-10-24", 23, 59), due, None));
        let eleven = TimeOfDay::new(11, 0);
        assert!(kept(sofia("2026-10-24", 11, 0), due, eleven));
        assert!(!kept(sofia("2026-10-24", 11, 1), due, eleven));
        assert!(kept(sofia("2026-10-23", 18, 0), due, eleven));
    }
}
