//! The application in progress: every answer saved as it is typed, in `sessionStorage` (never
//! `localStorage`: it holds personal numbers), restored after a reload or a crashed tab, and
//! cleared after a confirmed submission.
use crate::browser;
use gishe_api::UrgencyTier;
use gishe_api::{
    Answer, Applicant, ContactDetails, DeliveryChoice, DeliveryMethod, FieldKind, NewRequest,
    RequestReceipt, Service,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// `person` or `company`.
    pub applicant_kind: String,
    pub name: String,
    pub personal_number: String,
    pub company_name: String,
    pub eik: String,
    pub representative: String,
    pub email: String,
    pub phone: String,
    /// Answers to the service's own questions as typed; see `answers()`.
    pub answers: BTreeMap<String, String>,
    pub choices: BTreeMap<String, Vec<String>>,
    /// Date questions as typed: day, month, year.
    pub dates: BTreeMap<String, [String; 3]>,
    pub tier: String,
    pub delivery: String,
    pub address: String,
    pub delivery_email: String,
    pub consent: bool,
    /// Made when the citizen first submits, and reused by every retry of that submission.
    pub idempotency_key: String,
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        *self == Draft::default()
    }

    pub fn applicant(&self) -> Option<Applicant> {
        match self.applicant_kind.as_str() {
            "person" => Some(Applicant::Person {
                name: self.name.clone(),
                personal_number: self.personal_number.clone(),
            }),
            "company" => Some(Applicant::Company {
                name: self.company_name.clone(),
                eik: self.eik.clone(),
                representative: self.representative.clone(),
            }),
            _ => None,
        }
    }

    pub fn contact(&self) -> ContactDetails {
        ContactDetails {
            email: self.email.clone(),
            phone: self.phone.clone(),
        }
    }

    /// The answers typed for the service's fields, as the API takes them. A number that does
    /// not parse is returned in `bad_numbers`, so the page can say so.
    pub fn answers(&self, service: &Service) -> (BTreeMap<String, Answer>, Vec<String>) {
        let mut out = BTreeMap::new();
        let mut bad_numbers = Vec::new();
        for f in &service.fields {
            let text = self
                .answers
                .get(&f.id)
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            match &f.kind {
                FieldKind::MultipleChoice { .. } => {
                    let chosen = self.choices.get(&f.id).cloned().unwrap_or_default();
                    if !chosen.is_empty() {
                        out.insert(f.id.clone(), Answer::Many(chosen));
                    }
                }
                FieldKind::Date { .. } => {
                    let [day, month, year] = self.dates.get(&f.id).cloned().unwrap_or_default();
                    if !(day.trim().is_empty() && month.trim().is_empty() && year.trim().is_empty())
                    {
                        let answer = gishe_api::date_answer(&day, &month, &year);
                        out.insert(f.id.clone(), Answer::Text(answer));
                    }
                }
                _ if text.is_empty() => {}
                FieldKind::Number { .. } => {
                    match text.replace([' ', '\u{a0}'], "").parse::<i64>() {
                        Ok(n) => {
                            out.insert(f.id.clone(), Answer::Number(n));
                        }
                        Err(_) => bad_numbers.push(f.id.clone()),
                    }
                }
                FieldKind::YesNo => {
                    out.insert(f.id.clone(), Answer::Flag(text == "yes"));
                }
                _ => {
                    out.insert(f.id.clone(), Answer::Text(text));
                }
            }
        }
        (out, bad_numbers)
    }

    pub fn tier(&self) -> Option<UrgencyTier> {
        UrgencyTier::ALL.into_iter().find(|t| t.code() == self.tier)
    }

    pub fn delivery_method(&self) -> Option<DeliveryMethod> {
        DeliveryMethod::ALL
            .into_iter()
            .find(|d| d.code() == self.delivery)
    }

    pub fn delivery(&self) -> Option<DeliveryChoice> {
        Some(DeliveryChoice {
            method: self.delivery_method()?,
            address: self.address.clone(),
            email: self.delivery_email.clone(),
        })
    }

    /// The whole request, when every step has an answer.
    pub fn request(&self, service: &Service) -> Option<NewRequest> {
        let (answers, bad) = self.answers(service);
        if !bad.is_empty() {
            return None;
        }
        Some(NewRequest {
            service: service.code.clone(),
            applicant: self.applicant()?,
            contact: self.contact(),
            answers,
            tier: self.tier()?,
            delivery: self.delivery()?,
            consent: self.consent,
        })
    }
}

fn draft_key(slug: &str, code: &str) -> String {
    format!("gishe.draft.{slug}.{code}")
}

fn receipt_key(slug: &str, code: &str) -> String {
    format!("gishe.receipt.{slug}.{code}")
}

pub fn load(slug: &str, code: &str) -> Draft {
    browser::load(&draft_key(slug, code)).unwrap_or_default()
}

pub fn save(slug: &str, code: &str, draft: &Draft) {
    browser::save(&draft_key(slug, code), draft);
}

pub fn clear(slug: &str, code: &str) {
    browser::forget(&draft_key(slug, code));
}

pub fn save_receipt(slug: &str, code: &str, receipt: &RequestReceipt) {
    browser::save(&receipt_key(slug, code), receipt);
}

pub fn load_receipt(slug: &str, code: &str) -> Option<RequestReceipt> {
    browser::load(&receipt_key(slug, code))
}

fn sent_key(slug: &str, code: &str) -> String {
    format!("gishe.sent.{slug}.{code}")
}

/// Marks the application as sent: its steps (reached with Back, or reloaded) then say so
/// instead of showing an empty form, until the citizen starts a new one.
pub fn mark_sent(slug: &str, code: &str) {
    browser::save(&sent_key(slug, code), &true);
}

/// The receipt of the application sent in this tab, while its steps should say so.
pub fn sent(slug: &str, code: &str) -> Option<RequestReceipt> {
    browser::load::<bool>(&sent_key(slug, code))
        .filter(|s| *s)
        .and_then(|_| load_receipt(slug, code))
}

/// The citizen chose to start a new application; the receipt stays for the confirmation.
pub fn forget_sent(slug: &str, code: &str) {
    browser::forget(&sent_key(slug, code));
}

/// A signal bound to one field of the draft: reads it once, writes every change back.
pub fn bind<T: Clone + PartialEq + Send + Sync + 'static>(
    draft: RwSignal<Draft>,
    get: fn(&Draft) -> T,
    set: fn(&mut Draft, T),
) -> RwSignal<T> {
    let value = RwSignal::new(draft.with_untracked(get));
    Effect::new(move |_| {
        let v = value.get();
        if draft.with_untracked(get) != v {
            draft.update(|d| set(d, v));
        }
    });
    value
}
