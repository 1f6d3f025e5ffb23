//! `POST /municipalities/{slug}/feedback`: the satisfaction survey (1–5 per charter standard),
//! anonymous, or tied to one request by its number and access code — then once per request.
use super::requests::{now, parse_json};
use crate::error::ApiError;
use crate::{access_code, store, AppState};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use gishe_api::{FieldError, NewFeedback, Problem, RegistryNumber};

/// Record one satisfaction survey answer.
#[utoipa::path(post, path = "/municipalities/{slug}/feedback", tag = "feedback",
    params(("slug" = String, Path)),
    request_body = NewFeedback,
    responses((status = 201, description = "recorded"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "this request already has an answer"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<StatusCode, ApiError> {
    let body = body.map_err(|_| ApiError::PayloadTooLarge)?;
    let f: NewFeedback = parse_json(&body)?;
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let errors = gishe_api::validate_feedback(&f);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut request_id = None;
    if let Some(number) = RegistryNumber::parse(&f.registry_number) {
        let code = gishe_api::normalize_access_code(&f.access_code).unwrap_or_default();
        let found = store::requests::by_registry_number(&state.db, number.as_str()).await?;
        let hash = found
            .as_ref()
            .map(|r| r.access_code_hash.clone())
            .unwrap_or_default();
        let ok = tokio::task::spawn_blocking(move || access_code::verify(&code, &hash))
            .await
            .map_err(|e| ApiError::Internal(e.into()))?;
        match found.filter(|r| ok && r.municipality_id == m.id) {
            Some(r) => request_id = Some(r.id),
            None => {
                return Err(ApiError::Validation(vec![FieldError {
                    field: "registry_number".into(),
                    code: "request-not-found".into(),
                }]))
            }
        }
    }
    let comment = f.comment.trim();
    let inserted = sqlx::query(
        "INSERT INTO feedback (municipality_id, submitted_at, courtesy, clarity, deadlines, accessibility, overall, comment, request_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING",
    )
    .bind(m.id)
    .bind(now().0)
    .bind(f.courtesy)
    .bind(f.clarity)
    .bind(f.deadlines)
    .bind(f.accessibility)
    .bind(f.overall)
    .bind((!comment.is_empty()).then_some(comment))
    .bind(request_id)
    .execute(&state.db)
    .await
    .map_err(|e| ApiError::Internal(e.into()))?
    .rows_affected();
    if inserted == 0 {
        return Err(ApiError::Conflict("feedback-already-given"));
    }
    Ok(StatusCode::CREATED)
}
