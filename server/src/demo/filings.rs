//! One request or report as filed, with the history staff give it and, now and then, the
//! applicant's survey answer.
use super::office::DAY;
use super::planner::{lerp, Answer, Plan, Planner};
use super::texts::*;
use gishe_api::calendar::{add_working_days, expected_completion, Deadline, UtcSeconds};
use gishe_api::{
    Applicant, ContactDetails, DeliveryChoice, DeliveryMethod, EventKind, NewReport, NewRequest,
    ReportKind, RequestStatus, UrgencyTier,
};
use std::collections::BTreeMap;

impl Planner<'_> {
    pub(super) fn plan_service(&mut self, submitted_at: i64, progress: f64) -> Plan {
        let service = self.rng.weighted(&self.popularity);
        let weights: Vec<f64> = self.services[service]
            .tiers
            .iter()
            .map(|(tier, _, _)| match tier {
                UrgencyTier::Ordinary => 0.78,
                UrgencyTier::Fast => 0.16,
                UrgencyTier::Express => 0.06,
            })
            .collect();
        let mut tier = self.services[service].tiers[self.rng.weighted(&weights)];
        let mut expected = expected_completion(UtcSeconds(submitted_at), tier.2, self.adjustments);
        let start = self.office.minute_at_or_after(submitted_at);
        // Nobody pays for an express service the office cannot do before closing.
        if tier.0 != UrgencyTier::Ordinary && self.office.deadline(expected) - start < 60 {
            tier = self.services[service].tiers[0];
            expected = expected_completion(UtcSeconds(submitted_at), tier.2, self.adjustments);
        }
        let code = self.services[service].code.clone();
        let delivery = self.rng.pick(&self.services[service].delivery);

        let (name, email) = self.person();
        let address = self.address();
        let request = NewRequest {
            service: code.clone(),
            applicant: Applicant::Person {
                name,
                personal_number: self.personal_number(),
            },
            contact: ContactDetails {
                email: email.clone(),
                phone: if self.rng.chance(0.6) {
                    self.phone()
                } else {
                    String::new()
                },
            },
            // The service's own questions are left unanswered: nothing reads them back.
            answers: BTreeMap::new(),
            tier: tier.0,
            delivery: DeliveryChoice {
                method: delivery,
                address: if delivery == DeliveryMethod::Post {
                    address
                } else {
                    String::new()
                },
                email: if delivery == DeliveryMethod::Email {
                    email
                } else {
                    String::new()
                },
            },
            consent: true,
        };

        let deadline = self.office.deadline(expected);
        let refused = self.rng.chance(0.03);
        let late = !refused && self.rng.chance(0.16 - 0.10 * progress);
        let more_information = !refused && self.rng.chance(0.08);
        let mut extension = None;
        let mut due = deadline;
        if !refused && deadline - start > 4 && self.rng.chance(0.06) {
            let new_date = add_working_days(
                expected.date,
                self.rng.range(3, 12) as u32,
                self.adjustments,
            );
            let at = start + 2 + (self.rng.unit() * (deadline - start - 3) as f64) as i64;
            extension = Some((at, new_date));
            due = self.office.end_of(new_date);
        }
        let end = match extension {
            // Extended because it could not be done in time: done after the first date,
            // mostly by the new one.
            Some(_) if !late => {
                deadline + 1 + ((due - deadline - 1) as f64 * 0.95 * self.rng.unit()) as i64
            }
            _ => self.finish(start, due, late, 0.25, 0.97, 8),
        };

        let mut steps = vec![(start + self.first_step(start, end), EventKind::InProgress)];
        if more_information {
            steps.push((lerp(start, end, 0.3), EventKind::MoreInformationNeeded));
            steps.push((lerp(start, end, 0.55), EventKind::InProgress));
        }
        if refused {
            steps.push((end, EventKind::Refused));
        } else {
            let gap = self.rng.range(5, ((end - start) / 3).clamp(5, 600));
            steps.push((end - gap, EventKind::Ready));
            steps.push((end, EventKind::Completed));
        }
        let mut events = self.events(submitted_at, &steps, extension);
        for e in &mut events {
            match e.kind {
                EventKind::MoreInformationNeeded => {
                    e.note = Some(self.rng.pick(&MORE_INFORMATION_NOTES))
                }
                EventKind::Refused => e.reason = Some(self.rng.pick(&REFUSAL_REASONS)),
                EventKind::DeadlineExtended => e.reason = Some(self.rng.pick(&EXTENSION_REASONS)),
                _ => {}
            }
        }
        let mut plan = self.settle(
            submitted_at,
            "service",
            code,
            (tier.0.code(), tier.1),
            expected,
            serde_json::to_string(&request).expect("a request serializes"),
            events,
        );
        plan.feedback = self.feedback(&plan, progress);
        plan
    }

    pub(super) fn plan_report(&mut self, submitted_at: i64, progress: f64) -> Plan {
        let kind = ReportKind::ALL[self.rng.weighted(&[0.4, 0.3, 0.15, 0.15])];
        let text = match kind {
            ReportKind::Complaint => self.rng.pick(&COMPLAINTS),
            ReportKind::Signal => self.rng.pick(&SIGNALS),
            ReportKind::Proposal => self.rng.pick(&PROPOSALS),
            ReportKind::Praise => self.rng.pick(&PRAISE),
        };
        // Complaints and praise may be anonymous; signals and proposals never are.
        let anonymous = kind.may_be_anonymous() && self.rng.chance(0.3);
        // A complaint or praise is now and then about one service: its code is the subject.
        let subject = if kind.may_be_anonymous() && self.rng.chance(0.4) {
            let i = self.rng.weighted(&self.popularity);
            self.services[i].code.clone()
        } else {
            String::new()
        };
        // Stored as the report route stores them: no service code, tier or fee of their own.
        let (name, email) = self.person();
        let address = self.address();
        let report = NewReport {
            kind,
            subject,
            text: text.to_string(),
            name: if anonymous { String::new() } else { name },
            email: if anonymous { String::new() } else { email },
            phone: String::new(),
            address: if anonymous || self.rng.chance(0.7) {
                String::new()
            } else {
                address
            },
            consent: !anonymous,
        };
        // The legal answer deadline: two months (АПК).
        let expected = expected_completion(
            UtcSeconds(submitted_at),
            Deadline::Months(2),
            self.adjustments,
        );
        let start = self.office.minute_at_or_after(submitted_at);
        let deadline = self.office.deadline(expected);
        let refused = self.rng.chance(0.05);
        let late = !refused && self.rng.chance(0.12 - 0.06 * progress);
        let (lo, hi) = if kind == ReportKind::Praise {
            (0.03, 0.3)
        } else {
            (0.1, 0.95)
        };
        let end = self.finish(start, deadline, late, lo, hi, 15);
        let first = start + self.rng.range(1, 3 * DAY).min((end - start) / 3).max(1);
        let mut steps = vec![(first, EventKind::InProgress)];
        if refused {
            steps.push((end, EventKind::Refused));
        } else {
            let gap = self.rng.range(5, ((end - first) / 3).clamp(5, 2 * DAY));
            steps.push((end - gap, EventKind::Ready));
            steps.push((end, EventKind::Completed));
        }
        let mut events = self.events(submitted_at, &steps, None);
        for e in &mut events {
            match e.kind {
                EventKind::Refused => e.reason = Some(self.rng.pick(&REPORT_REFUSAL_REASONS)),
                EventKind::Completed if !anonymous => e.note = Some(REPORT_ANSWER_NOTE),
                _ => {}
            }
            if e.kind != EventKind::Registered {
                e.actor = "Деловодство";
            }
        }
        self.settle(
            submitted_at,
            kind.code(),
            String::new(),
            ("", 0),
            expected,
            serde_json::to_string(&report).expect("a report serializes"),
            events,
        )
    }

    /// A survey answer for about one completed request in five, a little after completion:
    /// mostly 4–5, lower on deadlines when the request was late, better as time goes on.
    pub(super) fn feedback(&mut self, plan: &Plan, progress: f64) -> Option<Answer> {
        if plan.status != RequestStatus::Completed || !self.rng.chance(0.2) {
            return None;
        }
        let completed = plan.events.last()?.at;
        let at = completed + self.rng.range(10 * 60, 3 * 86_400);
        if at > self.now {
            return None;
        }
        let on_time = crate::store::accountability::kept(
            UtcSeconds(completed),
            plan.expected_date,
            plan.expected_time
                .as_deref()
                .and_then(|t| gishe_api::calendar::TimeOfDay::parse(t).ok()),
        );
        let base = 3.95 + 0.5 * progress;
        let mood = (self.rng.unit() + self.rng.unit() + self.rng.unit() - 1.5) * 1.2;
        let bias = [
            0.2,
            0.0,
            if on_time { 0.1 } else { -1.8 },
            -0.2,
            if on_time { 0.05 } else { -0.8 },
        ];
        let mut ratings = [0_i64; 5];
        for (r, b) in ratings.iter_mut().zip(bias) {
            let v = base + mood + b + (self.rng.unit() - 0.5) * 1.2;
            *r = v.round().clamp(1.0, 5.0) as i64;
        }
        let comment = self.rng.chance(0.25).then(|| match ratings[4] {
            4.. => self.rng.pick(&GOOD_COMMENTS),
            3 => self.rng.pick(&MIXED_COMMENTS),
            _ => self.rng.pick(&BAD_COMMENTS),
        });
        Some(Answer {
            at,
            ratings,
            comment,
            tied: self.rng.chance(0.75),
        })
    }

    pub(super) fn person(&mut self) -> (String, String) {
        let female = self.rng.chance(0.55);
        let ((first, first_latin), (last, last_latin)) = (
            self.rng.pick(if female { &FEMALE } else { &MALE }),
            self.rng.pick(&SURNAMES),
        );
        let suffix = if female { "а" } else { "" };
        let latin_suffix = if female { "a" } else { "" };
        (
            format!("{first} {last}{suffix}"),
            format!(
                "{first_latin}.{last_latin}{latin_suffix}{}@example.bg",
                self.rng.range(1, 99)
            ),
        )
    }

    /// Ten digits shaped like an ЕГН that fail both the ЕГН and the ЛНЧ checksums, so they
    /// cannot be anyone's number.
    pub(super) fn personal_number(&mut self) -> String {
        loop {
            let s = format!(
                "{:02}{:02}{:02}{:04}",
                self.rng.range(40, 99),
                self.rng.range(1, 12),
                self.rng.range(1, 28),
                self.rng.range(0, 9999)
            );
            if gishe_api::ids::PersonalNumber::parse(&s).is_err() {
                return s;
            }
        }
    }

    pub(super) fn address(&mut self) -> String {
        let street = self.rng.pick(&STREETS);
        format!(
            "гр. {}, ул. „{street}“ {}",
            self.town,
            self.rng.range(1, 120)
        )
    }

    pub(super) fn phone(&mut self) -> String {
        format!(
            "08{}{:07}",
            self.rng.range(7, 9),
            self.rng.range(0, 9_999_999)
        )
    }
}
