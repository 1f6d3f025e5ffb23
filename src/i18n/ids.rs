//! The one table from the API's enums and codes to the Fluent messages that name them.
use crate::client::ApiError;
use gishe_api::UrgencyTier;
use gishe_api::{DeliveryMethod, EventKind, FieldKind, ReportKind, RequestStatus, SectionRole};

/// Why a request failed, for the citizen.
pub fn api_error(e: &ApiError) -> &'static str {
    match e {
        ApiError::Network => "error-network",
        ApiError::Unexpected | ApiError::Invalid(_) => "error-unexpected",
        ApiError::RateLimited(_) => "error-rate-limited",
        ApiError::Problem { code, .. } => match code.as_str() {
            "municipality-not-found" => "error-municipality-not-found",
            "charter-not-found" => "error-charter-not-found",
            "service-not-found" => "error-service-not-found",
            "category-not-found" => "error-category-not-found",
            "query-too-long" => "error-query-too-long",
            "feedback-already-given" => "error-feedback-already-given",
            _ => "error-unexpected",
        },
    }
}

pub fn tier(t: UrgencyTier) -> &'static str {
    match t {
        UrgencyTier::Ordinary => "tier-ordinary",
        UrgencyTier::Fast => "tier-fast",
        UrgencyTier::Express => "tier-express",
    }
}

pub fn delivery(d: DeliveryMethod) -> &'static str {
    match d {
        DeliveryMethod::Counter => "delivery-counter",
        DeliveryMethod::Post => "delivery-post",
        DeliveryMethod::Email => "delivery-email",
    }
}

/// What kind of answer a service's question takes, on its start page.
pub fn field_kind(k: &FieldKind) -> &'static str {
    match k {
        FieldKind::Text { .. } | FieldKind::LongText { .. } => "field-kind-text",
        FieldKind::Number { .. } => "field-kind-number",
        FieldKind::Date { .. } => "field-kind-date",
        FieldKind::SingleChoice { .. } => "field-kind-single-choice",
        FieldKind::MultipleChoice { .. } => "field-kind-multiple-choice",
        FieldKind::YesNo => "field-kind-yes-no",
    }
}

pub fn status(s: RequestStatus) -> &'static str {
    match s {
        RequestStatus::Registered => "status-registered",
        RequestStatus::InProgress => "status-in-progress",
        RequestStatus::MoreInformationNeeded => "status-more-information-needed",
        RequestStatus::Ready => "status-ready",
        RequestStatus::Completed => "status-completed",
        RequestStatus::Refused => "status-refused",
    }
}

/// What the citizen has to do now, by status and how the result is received.
pub fn status_action(s: RequestStatus, delivery: &str) -> Option<&'static str> {
    match (s, delivery) {
        (RequestStatus::MoreInformationNeeded, _) => Some("status-action-more-information"),
        (RequestStatus::Ready, "counter") => Some("status-action-collect"),
        (RequestStatus::Ready, _) => Some("status-action-sent"),
        (RequestStatus::Refused, _) => Some("status-action-refused"),
        (RequestStatus::Registered | RequestStatus::InProgress, _) => Some("status-action-wait"),
        _ => None,
    }
}

/// One line of a request's timeline.
pub fn event(k: EventKind) -> &'static str {
    match k {
        EventKind::Registered => "event-registered",
        EventKind::InProgress => "event-in-progress",
        EventKind::MoreInformationNeeded => "event-more-information-needed",
        EventKind::DeadlineExtended => "event-deadline-extended",
        EventKind::Ready => "event-ready",
        EventKind::Completed => "event-completed",
        EventKind::Refused => "event-refused",
        EventKind::Note => "event-note",
    }
}

/// The kind of a report.
pub fn report_kind(k: ReportKind) -> &'static str {
    match k {
        ReportKind::Complaint => "report-kind-complaint",
        ReportKind::Signal => "report-kind-signal",
        ReportKind::Proposal => "report-kind-proposal",
        ReportKind::Praise => "report-kind-praise",
    }
}

/// The plain words that explain a kind of report.
pub fn report_kind_hint(k: ReportKind) -> &'static str {
    match k {
        ReportKind::Complaint => "report-kind-complaint-hint",
        ReportKind::Signal => "report-kind-signal-hint",
        ReportKind::Proposal => "report-kind-proposal-hint",
        ReportKind::Praise => "report-kind-praise-hint",
    }
}

/// The tag over a charter section that has a role; general sections have none.
pub fn section_role(role: SectionRole) -> Option<&'static str> {
    match role {
        SectionRole::Standards => Some("charter-role-standards"),
        SectionRole::Duties => Some("charter-role-duties"),
        SectionRole::Contacts => Some("charter-role-contacts"),
        SectionRole::General => None,
    }
}
