//! Complaints, signals, proposals and praise, and satisfaction feedback: what the app sends,
//! and the rules the law sets (АПК чл. 111(4): no proceedings on anonymous signals and proposals).
use crate::calendar::{ExpectedDate, UtcSeconds};
use crate::request::{email_is_valid, phone_is_valid, MAX_ADDRESS, MAX_NAME};
use crate::FieldError;
use serde::{Deserialize, Serialize};

pub const MAX_REPORT_TEXT: usize = 5000;
pub const MAX_COMMENT: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Complaint,
    Signal,
    Proposal,
    Praise,
}

impl ReportKind {
    pub const ALL: [ReportKind; 4] = [
        ReportKind::Complaint,
        ReportKind::Signal,
        ReportKind::Proposal,
        ReportKind::Praise,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReportKind::Complaint => "complaint",
            ReportKind::Signal => "signal",
            ReportKind::Proposal => "proposal",
            ReportKind::Praise => "praise",
        }
    }

    pub fn from_code(code: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Signals and proposals open proceedings under the АПК: never anonymous.
    pub fn may_be_anonymous(self) -> bool {
        matches!(self, ReportKind::Complaint | ReportKind::Praise)
    }
}

/// `POST /municipalities/{slug}/reports` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewReport {
    pub kind: ReportKind,
    /// A service code or a department the report is about, if any.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 150))]
    pub subject: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub text: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 150))]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
    pub consent: bool,
}

impl NewReport {
    /// Anonymous: no name and no way to reply. Allowed only for complaints and praise.
    pub fn is_anonymous(&self) -> bool {
        self.name.trim().is_empty()
            && self.email.trim().is_empty()
            && self.phone.trim().is_empty()
            && self.address.trim().is_empty()
    }
}

fn err(field: &str, code: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
    }
}

pub fn validate_report(r: &NewReport) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let text = r.text.trim();
    if text.is_empty() {
        errors.push(err("text", "required"));
    } else if text.chars().count() > MAX_REPORT_TEXT {
        errors.push(err("text", "too-long"));
    }
    if r.subject.chars().count() > MAX_NAME {
        errors.push(err("subject", "too-long"));
    }
    let anonymous = r.is_anonymous();
    if !r.kind.may_be_anonymous() {
        if r.name.trim().is_empty() {
            errors.push(err("name", "name-required-for-kind"));
        }
        if r.email.trim().is_empty() && r.phone.trim().is_empty() && r.address.trim().is_empty() {
            errors.push(err("email", "reply-channel-required"));
        }
    } else if !anonymous
        && r.email.trim().is_empty()
        && r.phone.trim().is_empty()
        && r.address.trim().is_empty()
    {
        // A name without a way to reply gets no reply either: say so rather than guess.
        errors.push(err("email", "reply-channel-required"));
    }
    if r.name.chars().count() > MAX_NAME {
        errors.push(err("name", "too-long"));
    }
    if !r.email.trim().is_empty() && !email_is_valid(&r.email) {
        errors.push(err("email", "email-invalid"));
    }
    if !r.phone.trim().is_empty() && !phone_is_valid(&r.phone) {
        errors.push(err("phone", "phone-invalid"));
    }
    if r.address.chars().count() > MAX_ADDRESS {
        errors.push(err("address", "too-long"));
    }
    if !r.consent && !anonymous {
        errors.push(err("consent", "consent-required"));
    }
    errors
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportReceipt {
    pub registry_number: String,
    pub access_code: String,
    pub kind: ReportKind,
    pub anonymous: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub submitted_at: UtcSeconds,
    /// The legal answer deadline (2 months under the АПК).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answer_by: ExpectedDate,
}

/// `POST /municipalities/{slug}/feedback`: ratings 1–5 and a comment, optionally for one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewFeedback {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    #[serde(deserialize_with = "rating")]
    pub courtesy: u8,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    #[serde(deserialize_with = "rating")]
    pub clarity: u8,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    #[serde(deserialize_with = "rating")]
    pub deadlines: u8,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    #[serde(deserialize_with = "rating")]
    pub accessibility: u8,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    #[serde(deserialize_with = "rating")]
    pub overall: u8,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub comment: String,
    /// To tie the answer to a request: its number and access code (once per request).
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^(?:|[A-Za-z]{2,5}-20[0-9]{2}-(?:[1-9][0-9]{0,5}|0[1-9][0-9]{0,4}|00[1-9][0-9]{0,3}|000[1-9][0-9]{0,2}|0000[1-9][0-9]?|00000[1-9]))$"
        )
    )]
    pub registry_number: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^(?:|[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{5}-?[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{5})$"
        )
    )]
    pub access_code: String,
}

/// A rating as JSON writes it: `4`, or `4.0` (JSON has one kind of number, and JSON Schema
/// counts `4.0` as an integer). Anything else that is not a whole number from 0 to 255 is
/// refused here; [`validate_feedback`] holds it to 1–5.
fn rating<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let n = f64::deserialize(d)?;
    if n.fract() == 0.0 && (0.0..=255.0).contains(&n) {
        Ok(n as u8)
    } else {
        Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Float(n),
            &"a whole number from 1 to 5",
        ))
    }
}

pub fn validate_feedback(f: &NewFeedback) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (field, v) in [
        ("courtesy", f.courtesy),
        ("clarity", f.clarity),
        ("deadlines", f.deadlines),
        ("accessibility", f.accessibility),
        ("overall", f.overall),
    ] {
        if !(1..=5).contains(&v) {
            errors.push(err(field, "rating-required"));
        }
    }
    if f.comment.chars().count() > MAX_COMMENT {
        errors.push(err("comment", "too-long"));
    }
    let (n, c) = (f.registry_number.trim(), f.access_code.trim());
    if !n.is_empty() || !c.is_empty() {
        if crate::RegistryNumber::parse(n).is_none() {
            errors.push(err("registry_number", "registry-number-invalid"));
        }
        if crate::AccessCode::parse(c).is_none() {
            errors.push(err("access_code", "access-code-invalid"));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(kind: ReportKind) -> NewReport {
        NewReport {
            kind,
            subject: String::new(),
            text: "Служителят на гише 2 беше много любезен.".into(),
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            address: String::new(),
            consent: false,
        }
    }

    fn codes(e: &[FieldError]) -> Vec<(&str, &str)> {
        e.iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    #[test]
    fn complaints_and_praise_may_be_anonymous() {
        for kind in [ReportKind::Complaint, ReportKind::Praise] {
            assert_eq!(validate_report(&report(kind)), vec![], "{kind:?}");
            assert!(report(kind).is_anonymous());
        }
    }

    #[test]
    fn signals_and_proposals_need_a_name_and_a_way_to_reply() {
        for kind in [ReportKind::Signal, ReportKind::Proposal] {
            assert_eq!(
                codes(&validate_report(&report(kind))),
                vec![
                    ("name", "name-required-for-kind"),
                    ("email", "reply-channel-required")
                ],
                "{kind:?}"
            );
            let mut r = report(kind);
            r.name = "Мария Петрова".into();
            r.address = "гр. Радомир, ул. Първа 1".into();
            r.consent = true;
            assert_eq!(validate_report(&r), vec![]);
        }
    }

    #[test]
    fn a_named_report_needs_consent_valid_contacts_and_text() {
        let mut r = report(ReportKind::Complaint);
        r.name = "Иван".into();
        r.email = "не-е-поща".into();
        r.text = " ".into();
        assert_eq!(
            codes(&validate_report(&r)),
            vec![
                ("text", "required"),
                ("email", "email-invalid"),
                ("consent", "consent-required")
            ]
        );
        r.text = "я".repeat(MAX_REPORT_TEXT + 1);
        assert!(codes(&validate_report(&r)).contains(&("text", "too-long")));
    }

    #[test]
    fn feedback_needs_every_rating_in_1_to_5_and_a_valid_number_if_any() {
        let mut f = NewFeedback {
            courtesy: 5,
            clarity: 4,
            deadlines: 3,
            accessibility: 0,
            overall: 6,
            comment: String::new(),
            registry_number: "RDM-2026-000001".into(),
            access_code: "x".into(),
        };
        assert_eq!(
            codes(&validate_feedback(&f)),
            vec![
                ("accessibility", "rating-required"),
                ("overall", "rating-required"),
                ("access_code", "access-code-invalid")
            ]
        );
        f.accessibility = 1;
        f.overall = 5;
        f.access_code = "ABCDE-12345".into();
        assert_eq!(validate_feedback(&f), vec![]);
    }
}
