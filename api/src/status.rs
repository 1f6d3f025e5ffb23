//! Following a request: the status check, the timeline of events, and the state machine staff
//! move a request through.
use crate::calendar::{Date, ExpectedDate, UtcSeconds};
use crate::Text;
use serde::{Deserialize, Serialize};

/// `POST /status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusQuery {
    /// `RDM-2026-000042`; case and leading zeros are forgiven, the sequence is not 0.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^[A-Za-z]{2,5}-20[0-9]{2}-(?:[1-9][0-9]{0,5}|0[1-9][0-9]{0,4}|00[1-9][0-9]{0,3}|000[1-9][0-9]{0,2}|0000[1-9][0-9]?|00000[1-9])$"
        )
    )]
    pub registry_number: String,
    /// `XXXXX-XXXXX` in Crockford base32; case is forgiven.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{5}-?[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{5}$"
        )
    )]
    pub access_code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Registered,
    InProgress,
    MoreInformationNeeded,
    Ready,
    Completed,
    Refused,
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Registered => "registered",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::MoreInformationNeeded => "more_information_needed",
            RequestStatus::Ready => "ready",
            RequestStatus::Completed => "completed",
            RequestStatus::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Registered,
            RequestStatus::InProgress,
            RequestStatus::MoreInformationNeeded,
            RequestStatus::Ready,
            RequestStatus::Completed,
            RequestStatus::Refused,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Open: not yet completed or refused.
    pub fn is_open(self) -> bool {
        !matches!(self, RequestStatus::Completed | RequestStatus::Refused)
    }
}

/// What can happen to a request, as staff record it and citizens see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Registered,
    InProgress,
    MoreInformationNeeded,
    DeadlineExtended,
    Ready,
    Completed,
    Refused,
    /// A note for the citizen; the status does not change.
    Note,
}

impl EventKind {
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Registered => "registered",
            EventKind::InProgress => "in_progress",
            EventKind::MoreInformationNeeded => "more_information_needed",
            EventKind::DeadlineExtended => "deadline_extended",
            EventKind::Ready => "ready",
            EventKind::Completed => "completed",
            EventKind::Refused => "refused",
            EventKind::Note => "note",
        }
    }

    pub fn from_code(code: &str) -> Option<EventKind> {
        [
            EventKind::Registered,
            EventKind::InProgress,
            EventKind::MoreInformationNeeded,
            EventKind::DeadlineExtended,
            EventKind::Ready,
            EventKind::Completed,
            EventKind::Refused,
            EventKind::Note,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// Why staff cannot record an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransitionError {
    /// The status cannot move that way (e.g. completed → in progress).
    NotAllowed,
    /// An extension needs a reason.
    ReasonRequired,
    /// An extension needs a new expected date later than the current one.
    DateNotLater,
    /// A note needs text.
    NoteRequired,
}

impl TransitionError {
    pub fn code(self) -> &'static str {
        match self {
            TransitionError::NotAllowed => "transition-not-allowed",
            TransitionError::ReasonRequired => "extension-reason-required",
            TransitionError::DateNotLater => "extension-date-not-later",
            TransitionError::NoteRequired => "note-required",
        }
    }
}

/// registered → in progress ⇄ more information needed → ready → completed, or → refused from
/// any open state; extensions (with a reason and a later date) and notes while open.
/// Returns the status after the event.
pub fn apply_event(
    status: RequestStatus,
    event: EventKind,
    current_expected: Date,
    reason: Option<&str>,
    new_expected: Option<Date>,
    note: Option<&str>,
) -> Result<RequestStatus, TransitionError> {
    use RequestStatus as S;
    let filled = |t: Option<&str>| t.is_some_and(|t| !t.trim().is_empty());
    match (status, event) {
        (S::Registered, EventKind::InProgress)
        | (S::MoreInformationNeeded, EventKind::InProgress) => Ok(S::InProgress),
        (S::InProgress, EventKind::MoreInformationNeeded) => Ok(S::MoreInformationNeeded),
        (S::InProgress, EventKind::Ready) => Ok(S::Ready),
        (S::Ready, EventKind::Completed) => Ok(S::Completed),
        (s, EventKind::Refused) if s.is_open() => Ok(S::Refused),
        (s, EventKind::DeadlineExtended) if s.is_open() => {
            if !filled(reason) {
                return Err(TransitionError::ReasonRequired);
            }
            match new_expected {
                Some(d) if d > current_expected => Ok(s),
                _ => Err(TransitionError::DateNotLater),
            }
        }
        (s, EventKind::Note) => {
            if filled(note) {
                Ok(s)
            } else {
                Err(TransitionError::NoteRequired)
            }
        }
        _ => Err(TransitionError::NotAllowed),
    }
}

/// One entry of a request's history as the citizen sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEvent {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub at: UtcSeconds,
    pub kind: EventKind,
    /// The reason of a deadline extension or a refusal.
    pub reason: Option<String>,
    /// A note from staff meant for the citizen.
    pub note: Option<String>,
    /// The new expected date of an extension.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub new_expected: Option<Date>,
}

/// The answer to a status check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestStatusView {
    pub registry_number: String,
    pub municipality: String,
    /// `service`, or the kind of report: `complaint`, `signal`, `proposal`, `praise`.
    pub kind: String,
    pub service_code: String,
    pub service: Option<Text>,
    pub department: Option<Text>,
    pub status: RequestStatus,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub expected: ExpectedDate,
    /// How the result is received (`counter`, `post`, `email`).
    pub delivery: String,
    pub timeline: Vec<TimelineEvent>,
}

/// `POST /staff/requests/{registry_number}/events` (bearer token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewEvent {
    pub kind: EventKind,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// For `deadline_extended`: the new expected date (YYYY-MM-DD).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub new_expected: Option<Date>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use RequestStatus as S;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).expect("date")
    }

    #[test]
    fn every_allowed_transition() {
        let e = d("2026-12-01");
        let ok = |from, ev| apply_event(from, ev, e, None, None, None);
        assert_eq!(ok(S::Registered, EventKind::InProgress), Ok(S::InProgress));
        assert_eq!(
            ok(S::InProgress, EventKind::MoreInformationNeeded),
            Ok(S::MoreInformationNeeded)
        );
        assert_eq!(
            ok(S::MoreInformationNeeded, EventKind::InProgress),
            Ok(S::InProgress)
        );
        assert_eq!(ok(S::InProgress, EventKind::Ready), Ok(S::Ready));
        assert_eq!(ok(S::Ready, EventKind::Completed), Ok(S::Completed));
        for open in [
            S::Registered,
            S::InProgress,
            S::MoreInformationNeeded,
            S::Ready,
        ] {
            assert_eq!(ok(open, EventKind::Refused), Ok(S::Refused));
        }
    }

    #[test]
    fn every_refused_transition() {
        let e = d("2026-12-01");
        let all = [
            S::Registered,
            S::InProgress,
            S::MoreInformationNeeded,
            S::Ready,
            S::Completed,
            S::Refused,
        ];
        let allowed = [
            (S::Registered, EventKind::InProgress),
            (S::MoreInformationNeeded, EventKind::InProgress),
            (S::InProgress, EventKind::MoreInformationNeeded),
            (S::InProgress, EventKind::Ready),
            (S::Ready, EventKind::Completed),
        ];
        for from in all {
            for ev in [
                EventKind::Registered,
                EventKind::InProgress,
                EventKind::MoreInformationNeeded,
                EventKind::Ready,
                EventKind::Completed,
            ] {
                let r = apply_event(from, ev, e, None, None, None);
                if allowed.contains(&(from, ev)) {
                    assert!(r.is_ok(), "{from:?} → {ev:?}");
                } else {
                    assert_eq!(r, Err(TransitionError::NotAllowed), "{from:?} → {ev:?}");
                }
            }
        }
        assert_eq!(
            apply_event(S::Completed, EventKind::Refused, e, None, None, None),
            Err(TransitionError::NotAllowed)
        );
        assert_eq!(
            apply_event(S::Refused, EventKind::Refused, e, None, None, None),
            Err(TransitionError::NotAllowed)
        );
    }

    #[test]
    fn an_extension_needs_a_reason_and_a_later_date_and_keeps_the_status() {
        let e = d("2026-12-01");
        let ext = |reason, date| {
            apply_event(
                S::InProgress,
                EventKind::DeadlineExtended,
                e,
                reason,
                date,
                None,
            )
        };
        assert_eq!(
            ext(None, Some(d("2026-12-10"))),
            Err(TransitionError::ReasonRequired)
        );
        assert_eq!(
            ext(Some("  "), Some(d("2026-12-10"))),
            Err(TransitionError::ReasonRequired)
        );
        assert_eq!(
            ext(Some("Чакаме документ от НАП"), None),
            Err(TransitionError::DateNotLater)
        );
        assert_eq!(
            ext(Some("Чакаме документ от НАП"), Some(e)),
            Err(TransitionError::DateNotLater)
        );
        assert_eq!(
            ext(Some("Чакаме документ от НАП"), Some(d("2026-12-10"))),
            Ok(S::InProgress)
        );
        assert_eq!(
            apply_event(
                S::Completed,
                EventKind::DeadlineExtended,
                e,
                Some("x"),
                Some(d("2026-12-10")),
                None
            ),
            Err(TransitionError::NotAllowed)
        );
    }

    #[test]
    fn a_note_needs_text_and_keeps_the_status() {
        let e = d("2026-12-01");
        assert_eq!(
            apply_event(S::Ready, EventKind::Note, e, None, None, Some("Гише 3")),
            Ok(S::Ready)
        );
        assert_eq!(
            apply_event(S::Ready, EventKind::Note, e, None, None, Some(" ")),
            Err(TransitionError::NoteRequired)
        );
    }
}
