//! What each validation code means to the citizen, for each field of an application, a report
//! and feedback: specific, plain messages ("Въведете ЕГН или ЛНЧ", not "Invalid input"), in the
//! interface language.
use crate::components::form::{Message, Problem};
use gishe_api::FieldError;
use leptos_fluent::tr;

/// The html id of the input for an API field path (`applicant.personal_number` →
/// `applicant-personal-number`, `answers.copies` → `answer-copies`).
pub fn input_id(field: &str) -> String {
    if let Some(id) = field.strip_prefix("answers.") {
        return format!("answer-{id}");
    }
    field.replace(['.', '_'], "-")
}

/// The message for a code on a field; `label` is the question, for the service's own fields.
pub fn message(field: &str, code: &str, label: &str) -> String {
    if field.starts_with("answers.") {
        return match code {
            "required" => tr!("error-answer-required", {"label" => label}),
            "too-long" => tr!("error-answer-too-long", {"label" => label}),
            "number-range" => tr!("error-answer-number-range", {"label" => label}),
            "number-invalid" => tr!("error-answer-number-invalid", {"label" => label}),
            "date-invalid" => tr!("error-answer-date-invalid", {"label" => label}),
            "date-missing-day" => tr!("error-answer-date-missing-day", {"label" => label}),
            "date-missing-month" => tr!("error-answer-date-missing-month", {"label" => label}),
            "date-missing-year" => tr!("error-answer-date-missing-year", {"label" => label}),
            "date-year-digits" => tr!("error-answer-date-year-digits", {"label" => label}),
            "date-not-real" => tr!("error-answer-date-not-real", {"label" => label}),
            "date-future" => tr!("error-answer-date-future", {"label" => label}),
            "choices-too-few" | "choices-too-many" => {
                tr!("error-answer-choices-count", {"label" => label})
            }
            _ => tr!("error-answer-invalid", {"label" => label}),
        };
    }
    match (field, code) {
        ("applicant.kind", _) => tr!("error-applicant-kind-required"),
        ("applicant.name", "required") => tr!("error-applicant-name-required"),
        ("applicant.name", _) => tr!("error-applicant-name-too-long"),
        ("applicant.personal_number", "required") => tr!("error-personal-number-required"),
        ("applicant.personal_number", "egn-length" | "lnch-length") => {
            tr!("error-personal-number-length")
        }
        ("applicant.personal_number", "egn-not-digits" | "lnch-not-digits") => {
            tr!("error-personal-number-digits")
        }
        ("applicant.personal_number", "egn-date") => tr!("error-personal-number-date"),
        ("applicant.personal_number", _) => tr!("error-personal-number-checksum"),
        ("applicant.eik", "required") => tr!("error-eik-required"),
        ("applicant.eik", "eik-length") => tr!("error-eik-length"),
        ("applicant.eik", "eik-not-digits") => tr!("error-eik-digits"),
        ("applicant.eik", _) => tr!("error-eik-checksum"),
        ("applicant.representative", "required") => tr!("error-representative-required"),
        ("applicant.representative", _) => tr!("error-representative-too-long"),
        ("contact.email", "contact-required") => tr!("error-contact-required"),
        ("contact.email", _) => tr!("error-email-invalid"),
        ("contact.phone", _) => tr!("error-phone-invalid"),
        ("tier", _) => tr!("error-tier-required"),
        ("delivery.method", _) => tr!("error-delivery-required"),
        ("delivery.address", "required") => tr!("error-address-required"),
        ("delivery.address", _) => tr!("error-address-too-long"),
        ("delivery.email", "required") => tr!("error-delivery-email-required"),
        ("delivery.email", _) => tr!("error-email-invalid"),
        ("consent", _) => tr!("error-consent-required"),
        _ => tr!("error-field-invalid"),
    }
}

/// The message for a code on a field of a report.
pub fn report_message(field: &str, code: &str) -> String {
    match (field, code) {
        ("kind", _) => tr!("error-report-kind-required"),
        ("text", "required") => tr!("error-report-text-required"),
        ("text", _) => tr!("error-report-text-too-long"),
        ("name", "name-required-for-kind") => tr!("error-report-name-required"),
        ("email", "reply-channel-required") => tr!("error-report-reply-required"),
        (f, c) => message(&format!("report.{f}"), c, ""),
    }
}

/// The message for a code on a field of the feedback form.
pub fn feedback_message(field: &str, code: &str) -> String {
    match (field, code) {
        ("comment", _) => tr!("error-feedback-comment-too-long"),
        ("registry_number", "request-not-found") => tr!("status-not-found"),
        ("registry_number", _) => tr!("error-registry-number-invalid"),
        ("access_code", _) => tr!("error-access-code-invalid"),
        _ => tr!("error-feedback-rating-required"),
    }
}

/// The problems to show for `errors` on a form whose inputs are named `{form}-{field}`
/// (`report-text`, `feedback-comment`), in the words `message` gives each code.
pub fn form_problems(
    form: &str,
    errors: &[FieldError],
    message: fn(&str, &str) -> String,
) -> Vec<Problem> {
    errors
        .iter()
        .map(|e| {
            let (field, code) = (e.field.clone(), e.code.clone());
            Problem {
                target: format!("{form}-{}", input_id(&e.field)),
                message: Message::new(move || message(&field, &code)),
                href: None,
            }
        })
        .collect()
}
