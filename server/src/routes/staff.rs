//! `POST /staff/requests/{registry_number}/events`: staff record what happened to a request.
use super::requests::{now, parse_json};
use crate::error::ApiError;
use crate::store::requests::EventOutcome;
use crate::{staff, store, AppState};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use gishe_api::{NewEvent, Problem, RegistryNumber, RequestStatus};
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct EventRecorded {
    pub registry_number: String,
    #[schema(value_type = String)]
    pub status: RequestStatus,
}

async fn staff_name(state: &AppState, headers: &HeaderMap) -> Result<String, ApiError> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(ApiError::Unauthorized)?;
    staff::authenticate(&state.db, token)
        .await?
        .ok_or(ApiError::Unauthorized)
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
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<(StatusCode, Json<EventRecorded>), ApiError> {
    let actor = staff_name(&state, &headers).await?;
    let body = body.map_err(|_| ApiError::PayloadTooLarge)?;
    let event: NewEvent = parse_json(&body)?;
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
    match store::requests::add_event(&state.db, number.as_str(), &event, &actor, now()).await? {
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
