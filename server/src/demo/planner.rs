//! Planning: which requests and reports are filed on which days, and the history each gets
//! up to now, before anything is written.
use super::office::{Office, CLOSE, DAY, OPEN};
use super::rng::Rng;
use super::texts::STAFF;
use crate::catalogue::ServiceEntry;
use gishe_api::calendar::{
    from_sofia, to_sofia, Adjustments, Date, Deadline, ExpectedDate, LocalDateTime, UtcSeconds,
};
use gishe_api::{DeliveryMethod, EventKind, RequestStatus, UrgencyTier};

/// A service as offered: code, tiers with fee and deadline, delivery methods.
pub(super) struct Offered {
    pub(super) code: String,
    pub(super) tiers: Vec<(UrgencyTier, i64, Deadline)>,
    pub(super) delivery: Vec<DeliveryMethod>,
}

impl Offered {
    pub(super) fn from_entry(entry: ServiceEntry) -> Option<Offered> {
        let tiers: Vec<_> = entry
            .tiers()
            .into_iter()
            .map(|t| (t.tier, t.fee.cents, t.deadline))
            .collect();
        (!tiers.is_empty()).then(|| Offered {
            delivery: if entry.delivery.is_empty() {
                vec![DeliveryMethod::Counter]
            } else {
                entry.delivery
            },
            code: entry.code,
            tiers,
        })
    }
}

pub(super) struct Event {
    pub(super) at: i64,
    pub(super) kind: EventKind,
    pub(super) actor: &'static str,
    pub(super) note: Option<&'static str>,
    pub(super) reason: Option<&'static str>,
    pub(super) new_expected: Option<Date>,
}

pub(super) struct Answer {
    pub(super) at: i64,
    pub(super) ratings: [i64; 5],
    pub(super) comment: Option<&'static str>,
    /// Tied to its request (the rest were given without a registry number).
    pub(super) tied: bool,
}

/// One request or report as it will be written: its events up to now, and the status and
/// expected date they leave it with.
pub(super) struct Plan {
    pub(super) submitted_at: i64,
    /// Sofia's year of submission: the year of the registry number.
    pub(super) year: i32,
    pub(super) kind: &'static str,
    pub(super) service_code: String,
    pub(super) tier: &'static str,
    pub(super) fee_cents: i64,
    pub(super) expected_date: Date,
    pub(super) expected_time: Option<String>,
    pub(super) body: String,
    pub(super) status: RequestStatus,
    pub(super) events: Vec<Event>,
    pub(super) feedback: Option<Answer>,
}

pub(super) struct Planner<'a> {
    pub(super) rng: Rng,
    pub(super) now: i64,
    pub(super) start: Date,
    pub(super) today: Date,
    pub(super) office: Office,
    pub(super) adjustments: &'a Adjustments,
    pub(super) services: Vec<Offered>,
    pub(super) popularity: Vec<f64>,
    pub(super) town: String,
}

/// The months before `date`, on the same day of the month (at most the 28th).
pub(super) fn months_before(date: Date, months: u32) -> Date {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 - i64::from(months);
    Date::new(
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
        date.day().min(28),
    )
    .unwrap_or(date)
}

impl<'a> Planner<'a> {
    pub(super) fn new(
        seed: u64,
        slug: &str,
        months: u32,
        now: UtcSeconds,
        adjustments: &'a Adjustments,
        services: Vec<Offered>,
        town: String,
    ) -> Planner<'a> {
        let today = to_sofia(now).date();
        let start = months_before(today, months);
        // Far enough ahead for the late answers to reports planned near today; whatever lies
        // after now is cut off anyway.
        let office = Office::new(start.add_days(-7), today.add_days(730), adjustments);
        // Some services are asked for far more often than others.
        let popularity = (0..services.len())
            .map(|i| 1.0 / (1.0 + i as f64).powf(0.8))
            .collect();
        Planner {
            rng: Rng::new(seed, slug),
            now: now.0,
            start,
            today,
            office,
            adjustments,
            services,
            popularity,
            town,
        }
    }

    pub(super) fn plan(&mut self) -> Vec<Plan> {
        let mut plans = Vec::new();
        let span = (self.today.days_since_epoch() - self.start.days_since_epoch()).max(1) as f64;
        let mut date = self.start;
        while date <= self.today {
            let progress = (date.days_since_epoch() - self.start.days_since_epoch()) as f64 / span;
            let working = self.office.is_working(date);
            // 3–8 a working day at the counter or online; now and then one online on a day off.
            let count = if working {
                self.rng.range(3, 8)
            } else {
                i64::from(self.rng.chance(0.4))
            };
            for _ in 0..count {
                let online = !working || self.rng.chance(0.15);
                let at = self.submission_time(date, online);
                if at > self.now {
                    continue;
                }
                plans.push(self.plan_service(at, progress));
                // Reports: about one for every fourteen requests.
                if self.rng.chance(0.07) {
                    let at = self.submission_time(date, true);
                    if at <= self.now {
                        plans.push(self.plan_report(at, progress));
                    }
                }
            }
            date = date.add_days(1);
        }
        plans
    }

    /// An instant on `date`: within office hours, or (online) from 07:00 to 23:00.
    pub(super) fn submission_time(&mut self, date: Date, online: bool) -> i64 {
        let (from, to) = if online {
            (7 * 60, 23 * 60 - 1)
        } else {
            (OPEN, CLOSE - 1)
        };
        let minute = self.rng.range(from, to);
        let second = self.rng.range(0, 59);
        let local =
            LocalDateTime::new(date, (minute / 60) as u8, (minute % 60) as u8, second as u8)
                .expect("a valid time of day");
        from_sofia(local).0
    }

    /// A staff event at working minute `w`, at a random second of it.
    pub(super) fn staff_event(&mut self, w: i64, kind: EventKind) -> Option<Event> {
        let at = self.office.instant(w)? + self.rng.range(0, 59);
        Some(Event {
            at,
            kind,
            actor: self.rng.pick(&STAFF),
            note: None,
            reason: None,
            new_expected: None,
        })
    }

    /// The working minute of the first step after `start`: soon, and well before `end`.
    pub(super) fn first_step(&mut self, start: i64, end: i64) -> i64 {
        self.rng.range(1, 240.min((end - start) / 4).max(1))
    }

    /// When the work is done: on time, somewhere between `lo` and `hi` of the time to the
    /// deadline; late, up to `late_days` working days after it.
    pub(super) fn finish(
        &mut self,
        start: i64,
        due: i64,
        late: bool,
        lo: f64,
        hi: f64,
        late_days: i64,
    ) -> i64 {
        let end = if late || due - start < 8 {
            let days = self.rng.range(1, late_days);
            due + self.rng.range(15, DAY * days)
        } else {
            let f = lo + (hi - lo) * self.rng.unit();
            start + ((due - start) as f64 * f) as i64
        };
        end.max(start + 8)
    }

    /// The registered event, then the staff steps (strictly later one after another), with an
    /// extension (at its working minute, and its new date) slotted in where it falls.
    pub(super) fn events(
        &mut self,
        submitted_at: i64,
        steps: &[(i64, EventKind)],
        extension: Option<(i64, Date)>,
    ) -> Vec<Event> {
        let mut steps: Vec<(i64, EventKind, Option<Date>)> =
            steps.iter().map(|&(w, k)| (w, k, None)).collect();
        if let Some((w, date)) = extension {
            // Never after the step that closes the request.
            let i = steps
                .iter()
                .position(|s| s.0 > w)
                .unwrap_or(steps.len())
                .min(steps.len().saturating_sub(1));
            steps.insert(i, (w, EventKind::DeadlineExtended, Some(date)));
        }
        let mut events = vec![Event {
            at: submitted_at,
            kind: EventKind::Registered,
            actor: "citizen",
            note: None,
            reason: None,
            new_expected: None,
        }];
        let mut last_w = i64::MIN;
        let mut last_at = submitted_at;
        for (w, kind, new_expected) in steps {
            let w = w.max(last_w + 1);
            last_w = w;
            let Some(mut e) = self.staff_event(w, kind) else {
                break;
            };
            // Working minutes start at or after the submission; keep the order strict.
            e.at = e.at.max(last_at + 1);
            last_at = e.at;
            e.new_expected = new_expected;
            events.push(e);
        }
        events
    }

    /// Cuts the history at now and works out the status and expected date it leaves.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn settle(
        &mut self,
        submitted_at: i64,
        kind: &'static str,
        service_code: String,
        (tier, fee_cents): (&'static str, i64),
        expected: ExpectedDate,
        body: String,
        mut events: Vec<Event>,
    ) -> Plan {
        events.retain(|e| e.at <= self.now);
        let mut status = RequestStatus::Registered;
        let mut expected_date = expected.date;
        let mut expected_time = expected.time.map(|t| t.to_string());
        for e in &events {
            status = match e.kind {
                EventKind::Registered => RequestStatus::Registered,
                EventKind::InProgress => RequestStatus::InProgress,
                EventKind::MoreInformationNeeded => RequestStatus::MoreInformationNeeded,
                EventKind::Ready => RequestStatus::Ready,
                EventKind::Completed => RequestStatus::Completed,
                EventKind::Refused => RequestStatus::Refused,
                EventKind::DeadlineExtended | EventKind::Note => status,
            };
            if let Some(d) = e.new_expected {
                expected_date = d;
                expected_time = None;
            }
        }
        Plan {
            submitted_at,
            year: to_sofia(UtcSeconds(submitted_at)).date().year(),
            kind,
            service_code,
            tier,
            fee_cents,
            expected_date,
            expected_time,
            body,
            status,
            events,
            feedback: None,
        }
    }
}

pub(super) fn lerp(a: i64, b: i64, f: f64) -> i64 {
    a + ((b - a) as f64 * f) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_before_keeps_the_day_where_it_can() {
        let d = |s| Date::parse_iso(s).unwrap();
        assert_eq!(months_before(d("2026-11-21"), 18), d("2025-05-21"));
        assert_eq!(months_before(d("2026-03-31"), 1), d("2026-02-28"));
        assert_eq!(months_before(d("2026-01-15"), 13), d("2024-12-15"));
    }
}
