//! Applying for a service: the request the app sends, its validation (run by the browser for
//! instant messages and by the server as the authority), and the receipt the server returns.
use crate::calendar::{Date, ExpectedDate, UtcSeconds};
use crate::ids::{Eik, PersonalNumber};
use crate::money::Money;
use crate::service::UrgencyTier;
use crate::{DeliveryMethod, FieldError, FieldKind, Service};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const MAX_NAME: usize = 150;
pub const MAX_ADDRESS: usize = 300;
pub const MAX_EMAIL: usize = 254;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Applicant {
    /// A person, identified by ЕГН or ЛНЧ.
    Person {
        name: String,
        personal_number: String,
    },
    /// A company, identified by ЕИК, applying through a representative.
    Company {
        name: String,
        eik: String,
        representative: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactDetails {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

/// An answer to one of the service's own questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Answer {
    Flag(bool),
    Number(i64),
    Text(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryChoice {
    pub method: DeliveryMethod,
    /// The postal address, for delivery by post.
    #[serde(default)]
    pub address: String,
    /// The e-mail address, for electronic delivery.
    #[serde(default)]
    pub email: String,
}

/// `POST /municipalities/{slug}/requests` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRequest {
    pub service: String,
    pub applicant: Applicant,
    pub contact: ContactDetails,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    pub tier: UrgencyTier,
    pub delivery: DeliveryChoice,
    pub consent: bool,
}

/// The answer to a successful application: what the citizen needs to follow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestReceipt {
    /// E.g. `RDM-2026-000042`.
    pub registry_number: String,
    /// 10 characters of Crockford base32 shown as `XXXXX-XXXXX`; kept by the server only as a hash.
    pub access_code: String,
    pub service: String,
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub submitted_at: UtcSeconds,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub expected: ExpectedDate,
    pub tier: UrgencyTier,
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub fee: Money,
}

fn err(field: impl Into<String>, code: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.to_string(),
    }
}

fn required_text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    let v = value.trim();
    if v.is_empty() {
        errors.push(err(field, "required"));
    } else if v.chars().count() > max {
        errors.push(err(field, "too-long"));
    }
}

/// A plausible e-mail address: one `@`, a dot in the domain, no spaces.
pub fn email_is_valid(email: &str) -> bool {
    let e = email.trim();
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.chars().any(char::is_whitespace)
        && e.len() <= MAX_EMAIL
}

/// A phone number: digits with optional `+`, spaces, dashes, slashes, brackets; 6–15 digits.
pub fn phone_is_valid(phone: &str) -> bool {
    let p = phone.trim();
    let digits = p.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && p.chars()
            .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
        && p.chars().filter(|c| *c == '+').count() <= 1
        && (!p.contains('+') || p.starts_with('+'))
}

pub fn validate_applicant(a: &Applicant) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match a {
        Applicant::Person {
            name,
            personal_number,
        } => {
            required_text(&mut errors, "applicant.name", name, MAX_NAME);
            if personal_number.trim().is_empty() {
                errors.push(err("applicant.personal_number", "required"));
            } else if let Err(e) = PersonalNumber::parse(personal_number) {
                errors.push(err("applicant.personal_number", e.code()));
            }
        }
        Applicant::Company {
            name,
            eik,
            representative,
        } => {
            required_text(&mut errors, "applicant.name", name, MAX_NAME);
            if eik.trim().is_empty() {
                errors.push(err("applicant.eik", "required"));
            } else if let Err(e) = Eik::parse(eik) {
                errors.push(err("applicant.eik", e.code()));
            }
            required_text(
                &mut errors,
                "applicant.representative",
                representative,
                MAX_NAME,
            );
        }
    }
    errors
}

pub fn validate_contact(c: &ContactDetails) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let (email, phone) = (c.email.trim(), c.phone.trim());
    if email.is_empty() && phone.is_empty() {
        errors.push(err("contact.email", "contact-required"));
    }
    if !email.is_empty() && !email_is_valid(email) {
        errors.push(err("contact.email", "email-invalid"));
    }
    if !phone.is_empty() && !phone_is_valid(phone) {
        errors.push(err("contact.phone", "phone-invalid"));
    }
    errors
}

/// Checks the answers to the service's own questions; `today` is the local date in Sofia.
pub fn validate_answers(
    service: &Service,
    answers: &BTreeMap<String, Answer>,
    today: Date,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for key in answers.keys() {
        if !service.fields.iter().any(|f| &f.id == key) {
            errors.push(err(format!("answers.{key}"), "field-unknown"));
        }
    }
    for f in &service.fields {
        let field = format!("answers.{}", f.id);
        let answer = answers.get(&f.id);
        let blank = match answer {
            None => true,
            Some(Answer::Text(t)) => t.trim().is_empty(),
            Some(Answer::Many(v)) => v.is_empty(),
            Some(_) => false,
        };
        if blank {
            if f.required {
                errors.push(err(field, "required"));
            }
            continue;
        }
        let Some(answer) = answer else { continue };
        let code = match (&f.kind, answer) {
            (
                FieldKind::Text { max_length } | FieldKind::LongText { max_length },
                Answer::Text(t),
            ) => (t.trim().chars().count() > *max_length as usize).then_some("too-long"),
            (FieldKind::Number { min, max }, Answer::Number(n)) => (min.is_some_and(|m| *n < m)
                || max.is_some_and(|m| *n > m))
            .then_some("number-range"),
            (FieldKind::Date { not_in_future }, Answer::Text(t)) => {
                match crate::date_input::parse_date_answer(t) {
                    Err(e) => Some(e.code()),
                    Ok(d) if *not_in_future && d > today => Some("date-future"),
                    Ok(_) => None,
                }
            }
            (FieldKind::SingleChoice { options }, Answer::Text(t)) => {
                (!options.iter().any(|o| &o.value == t)).then_some("choice-unknown")
            }
            (FieldKind::MultipleChoice { options, min, max }, Answer::Many(v)) => {
                let unique: std::collections::BTreeSet<&String> = v.iter().collect();
                if unique.len() != v.len()
                    || v.iter().any(|x| !options.iter().any(|o| &o.value == x))
                {
                    Some("choice-unknown")
                } else if min.is_some_and(|m| (v.len() as u32) < m) {
                    Some("choices-too-few")
                } else if max.is_some_and(|m| (v.len() as u32) > m) {
                    Some("choices-too-many")
                } else {
                    None
                }
            }
            (FieldKind::YesNo, Answer::Flag(_)) => None,
            _ => Some("field-type"),
        };
        if let Some(code) = code {
            errors.push(err(field, code));
        }
    }
    errors
}

pub fn validate_tier(service: &Service, tier: UrgencyTier) -> Vec<FieldError> {
    if service.tiers.iter().any(|t| t.tier == tier) {
        Vec::new()
    } else {
        vec![err("tier", "tier-unavailable")]
    }
}

pub fn validate_delivery(service: &Service, d: &DeliveryChoice) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !service.delivery.contains(&d.method) {
        errors.push(err("delivery.method", "delivery-unavailable"));
        return errors;
    }
    match d.method {
        DeliveryMethod::Post => {
            required_text(&mut errors, "delivery.address", &d.address, MAX_ADDRESS)
        }
        DeliveryMethod::Email => {
            if d.email.trim().is_empty() {
                errors.push(err("delivery.email", "required"));
            } else if !email_is_valid(&d.email) {
                errors.push(err("delivery.email", "email-invalid"));
            }
        }
        DeliveryMethod::Counter => {}
    }
    errors
}

pub fn validate_consent(consent: bool) -> Vec<FieldError> {
    if consent {
        Vec::new()
    } else {
        vec![err("consent", "consent-required")]
    }
}

/// Every check, in the order the form asks; empty when the request can be accepted.
pub fn validate_request(service: &Service, r: &NewRequest, today: Date) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if r.service != service.code {
        errors.push(err("service", "service-unknown"));
    }
    errors.extend(validate_applicant(&r.applicant));
    errors.extend(validate_contact(&r.contact));
    errors.extend(validate_answers(service, &r.answers, today));
    errors.extend(validate_tier(service, r.tier));
    errors.extend(validate_delivery(service, &r.delivery));
    errors.extend(validate_consent(r.consent));
    errors
}

/// The fee for the chosen tier.
pub fn fee_for(service: &Service, tier: UrgencyTier) -> Option<Money> {
    service.tiers.iter().find(|t| t.tier == tier).map(|t| t.fee)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Deadline;
    use crate::{Category, FieldDef, FieldOption, Lang, Text, Tier};

    fn service() -> Service {
        let t = |s: &str| Text::plain(Lang::Bg, s);
        Service {
            code: "2016".into(),
            municipality: "radomir".into(),
            demo: true,
            name: t("Удостоверение за наследници"),
            category: Category {
                id: "civil".into(),
                name: t("ГР"),
            },
            summary: t(""),
            description: t(""),
            legal_basis: vec![],
            department: None,
            result_collection: None,
            documents: vec![],
            tiers: vec![Tier {
                tier: UrgencyTier::Ordinary,
                fee: Money { cents: 300 },
                deadline: Deadline::CalendarDays(7),
            }],
            delivery: vec![DeliveryMethod::Counter, DeliveryMethod::Post],
            channels: vec![],
            fields: vec![
                FieldDef {
                    id: "name".into(),
                    label: t("Име"),
                    hint: None,
                    required: true,
                    kind: FieldKind::Text { max_length: 10 },
                },
                FieldDef {
                    id: "died".into(),
                    label: t("Дата"),
                    hint: None,
                    required: true,
                    kind: FieldKind::Date {
                        not_in_future: true,
                    },
                },
                FieldDef {
                    id: "copies".into(),
                    label: t("Бр."),
                    hint: None,
                    required: false,
                    kind: FieldKind::Number {
                        min: Some(1),
                        max: Some(5),
                    },
                },
                FieldDef {
                    id: "purpose".into(),
                    label: t("Цел"),
                    hint: None,
                    required: false,
                    kind: FieldKind::MultipleChoice {
                        options: vec![
                            FieldOption {
                                value: "a".into(),
                                label: t("А"),
                            },
                            FieldOption {
                                value: "b".into(),
                                label: t("Б"),
                            },
                        ],
                        min: Some(1),
                        max: Some(1),
                    },
                },
                FieldDef {
                    id: "urgent".into(),
                    label: t("Спешно"),
                    hint: None,
                    required: false,
                    kind: FieldKind::YesNo,
                },
            ],
        }
    }

    fn request() -> NewRequest {
        let mut answers = BTreeMap::new();
        answers.insert("name".into(), Answer::Text("Иван".into()));
        answers.insert("died".into(), Answer::Text("2026-01-05".into()));
        NewRequest {
            service: "2016".into(),
            applicant: Applicant::Person {
                name: "Мария Иванова".into(),
                personal_number: "8032056031".into(),
            },
            contact: ContactDetails {
                email: "maria@example.bg".into(),
                phone: String::new(),
            },
            answers,
            tier: UrgencyTier::Ordinary,
            delivery: DeliveryChoice {
                method: DeliveryMethod::Counter,
                address: String::new(),
                email: String::new(),
            },
            consent: true,
        }
    }

    fn today() -> Date {
        Date::new(2026, 11, 21).expect("valid date")
    }

    fn codes(errors: &[FieldError]) -> Vec<(String, String)> {
        errors
            .iter()
            .map(|e| (e.field.clone(), e.code.clone()))
            .collect()
    }

    #[test]
    fn a_complete_request_is_valid() {
        assert_eq!(validate_request(&service(), &request(), today()), vec![]);
    }

    #[test]
    fn a_wrong_egn_names_the_field_and_the_checksum() {
        let mut r = request();
        r.applicant = Applicant::Person {
            name: "Мария".into(),
            personal_number: "8032056032".into(),
        };
        let errors = validate_request(&service(), &r, today());
        assert_eq!(
            codes(&errors),
            vec![(
                "applicant.personal_number".into(),
                "personal-number-checksum".into()
            )]
        );
    }

    #[test]
    fn a_company_needs_a_valid_eik_and_a_representative() {
        let mut r = request();
        r.applicant = Applicant::Company {
            name: "Фирма ООД".into(),
            eik: "131071588".into(),
            representative: " ".into(),
        };
        let errors = codes(&validate_request(&service(), &r, today()));
        assert!(
            errors.contains(&("applicant.eik".into(), "eik-checksum".into())),
            "{errors:?}"
        );
        assert!(
            errors.contains(&("applicant.representative".into(), "required".into())),
            "{errors:?}"
        );
        r.applicant = Applicant::Company {
            name: "Фирма ООД".into(),
            eik: "131071587".into(),
            representative: "Петър Петров".into(),
        };
        assert_eq!(validate_request(&service(), &r, today()), vec![]);
    }

    #[test]
    fn contact_needs_an_email_or_a_phone_and_checks_each() {
        let mut r = request();
        r.contact = ContactDetails::default();
        assert_eq!(
            codes(&validate_request(&service(), &r, today())),
            vec![("contact.email".into(), "contact-required".into())]
        );
        r.contact = ContactDetails {
            email: "not-an-email".into(),
            phone: "12".into(),
        };
        let errors = codes(&validate_request(&service(), &r, today()));
        assert_eq!(
            errors,
            vec![
                ("contact.email".into(), "email-invalid".into()),
                ("contact.phone".into(), "phone-invalid".into())
            ]
        );
        r.contact = ContactDetails {
            email: String::new(),
            phone: "+359 888 123 456".into(),
        };
        assert_eq!(validate_request(&service(), &r, today()), vec![]);
    }

    #[test]
    fn answers_are_checked_against_their_field_definitions() {
        let mut r = request();
        r.answers
            .insert("name".into(), Answer::Text("Твърде дълго име".into()));
        r.answers
            .insert("died".into(), Answer::Text("2027-01-01".into()));
        r.answers.insert("copies".into(), Answer::Number(9));
        r.answers
            .insert("purpose".into(), Answer::Many(vec!["a".into(), "b".into()]));
        r.answers
            .insert("urgent".into(), Answer::Text("yes".into()));
        r.answers.insert("extra".into(), Answer::Flag(true));
        let errors = codes(&validate_request(&service(), &r, today()));
        assert_eq!(
            errors,
            vec![
                ("answers.extra".into(), "field-unknown".into()),
                ("answers.name".into(), "too-long".into()),
                ("answers.died".into(), "date-future".into()),
                ("answers.copies".into(), "number-range".into()),
                ("answers.purpose".into(), "choices-too-many".into()),
                ("answers.urgent".into(), "field-type".into()),
            ]
        );
    }

    #[test]
    fn a_date_answer_names_what_is_wrong_with_it() {
        for (text, code) in [
            ("2025-02-31", "date-not-real"),
            ("2025--01", "date-missing-month"),
            ("-03-01", "date-missing-year"),
            ("25-03-01", "date-year-digits"),
            ("01.03.2025", "date-invalid"),
            ("2027-01-01", "date-future"),
        ] {
            let mut r = request();
            r.answers.insert("died".into(), Answer::Text(text.into()));
            assert_eq!(
                codes(&validate_request(&service(), &r, today())),
                vec![("answers.died".into(), code.into())],
                "{text}"
            );
        }
    }

    #[test]
    fn missing_required_answers_unavailable_tier_delivery_and_no_consent_are_each_named() {
        let mut r = request();
        r.answers.clear();
        r.tier = UrgencyTier::Express;
        r.delivery.method = DeliveryMethod::Email;
        r.consent = false;
        let errors = codes(&validate_request(&service(), &r, today()));
        assert_eq!(
            errors,
            vec![
                ("answers.name".into(), "required".into()),
                ("answers.died".into(), "required".into()),
                ("tier".into(), "tier-unavailable".into()),
                ("delivery.method".into(), "delivery-unavailable".into()),
                ("consent".into(), "consent-required".into()),
            ]
        );
    }

    #[test]
    fn post_delivery_needs_an_address() {
        let mut r = request();
        r.delivery = DeliveryChoice {
            method: DeliveryMethod::Post,
            address: "  ".into(),
            email: String::new(),
        };
        assert_eq!(
            codes(&validate_request(&service(), &r, today())),
            vec![("delivery.address".into(), "required".into())]
        );
    }

    #[test]
    fn answers_round_trip_through_json_with_their_types() {
        let json = r#"{"a":true,"b":3,"c":"text","d":["x","y"]}"#;
        let answers: BTreeMap<String, Answer> = serde_json::from_str(json).expect("parses");
        assert_eq!(answers["a"], Answer::Flag(true));
        assert_eq!(answers["b"], Answer::Number(3));
        assert_eq!(answers["c"], Answer::Text("text".into()));
        assert_eq!(answers["d"], Answer::Many(vec!["x".into(), "y".into()]));
    }
}
