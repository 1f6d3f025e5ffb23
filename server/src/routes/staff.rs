//! `POST /staff/requests/{registry_number}/events`: staff record what happened to a request.
use crate::error::ApiError;
use crate::extract::{ApiJson, Staff};
use crate::store::requests::EventOutcome;
use crate::{store, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use gishe_api::{NewEvent, Problem, RegistryNumber, RequestStatus};
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct EventRecorded {
    pub registry_number: String,
    #[schema(value_type = String)]
    pub status: RequestStatus,
}

/// Record a status change, a deadline extension (reason and a later date) or a note.
/// Anything the state machine does not allow is 409; every event keeps who and when.
#[utoipa::path(post, path = "/staff/requests/{registry_number}/events", tag = "staff",
    params(("registry_number" = String, Path, description = "e.g. RDM-2026-000042")),
    request_body = NewEvent,
    security(("bearer" = [])),
    responses((status = 201, body = EventRecorded),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_event(
    State(state): State<AppState>,
    Path(number): Path<String>,
    staff: Staff,
    ApiJson(event): ApiJson<NewEvent>,
) -> Result<(StatusCode, Json<EventRecorded>), ApiError> {
    let number = RegistryNumber::parse(&number).ok_or(ApiError::RequestNotFound)?;
    if [&event.reason, &event.note]
        .into_iter()
        .flatten()
        .any(|t| t.chars().count() > 2000)
    {
        return Err(ApiError::Validation(vec![gishe_api::FieldError {
            field: "note".into(),
            code: "too-long".into(),
        }]));
    }
    match store::requests::add_event(
        &state.db,
        number.as_str(),
        &event,
        &staff.name,
        state.clock.now(),
    )
    .await?
    {
        EventOutcome::Recorded(status) => Ok((
            StatusCode::CREATED,
            Json(EventRecorded {
                registry_number: number.to_string(),
                status,
            }),
        )),
        EventOutcome::NotFound => Err(ApiError::RequestNotFound),
        EventOutcome::Refused(e) => Err(ApiError::Conflict(e.code())),
    }
}
