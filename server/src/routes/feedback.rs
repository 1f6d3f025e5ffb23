//! `POST /municipalities/{slug}/feedback`: the satisfaction survey (1–5 per charter standard),
//! anonymous, or tied to one request by its number and access code — then once per request.
use crate::access_code::Verdict;
use crate::error::ApiError;
use crate::extract::{ApiJson, ClientIp};
use crate::{store, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use gishe_api::{AccessCode, NewFeedback, Problem, RegistryNumber};

/// Record one satisfaction survey answer.
#[utoipa::path(post, path = "/municipalities/{slug}/feedback", tag = "feedback",
    params(("slug" = String, Path)),
    request_body = NewFeedback,
    responses((status = 201, description = "recorded"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "this request already has an answer"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too many answers or failed code checks from this address"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ip: ClientIp,
    body: Result<ApiJson<NewFeedback>, ApiError>,
) -> Result<StatusCode, ApiError> {
    if let Err(ApiError::PayloadTooLarge) = body {
        return Err(ApiError::PayloadTooLarge);
    }
    // Survey answers are published figures, and a tied answer checks an access code: both are
    // limited like the status check, so neither stuffing nor guessing codes pays. Counted
    // before the body is read, so malformed attempts count too.
    state.limits.feedback_per_ip.admit(&ip.key())?;
    let ApiJson(f) = body?;
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let errors = gishe_api::validate_feedback(&f);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut request_id = None;
    if let Some(number) = RegistryNumber::parse(&f.registry_number) {
        // One budget of failed code checks with the status check, per address and number.
        state.limits.admit_code_check(&ip.key())?;
        let found = store::requests::by_registry_number(&state.db, number.as_str()).await?;
        // Unknown numbers are checked against a dummy value: the answer time says nothing. The
        // code was validated with the number, so it is there.
        let verdict = match AccessCode::parse(&f.access_code) {
            Some(code) => {
                let stored = found.as_ref().map(|r| r.access_code_hash.as_str());
                state.codes.check(number.as_str(), &code, stored).await
            }
            None => Verdict::Invalid,
        };
        let ok = verdict != Verdict::Invalid;
        if let (Verdict::ValidReseal(sealed), Some(r)) = (&verdict, &found) {
            store::requests::reseal_access_code(&state.db, r.id, sealed).await?;
        }
        match found.filter(|r| ok && r.municipality_id == m.id) {
            Some(r) => request_id = Some(r.id),
            None => {
                let hold = state.limits.failed_code_check(&ip.key(), number.as_str());
                tokio::time::sleep(hold).await;
                // The same answer as the status check's for an unknown number or a wrong code.
                return Err(ApiError::RequestNotFound);
            }
        }
    }
    let comment = f.comment.trim();
    let inserted = store::feedback::insert(
        &state.db,
        &store::feedback::Answer {
            municipality_id: m.id,
            submitted_at: state.clock.now().0,
            ratings: [
                f.courtesy,
                f.clarity,
                f.deadlines,
                f.accessibility,
                f.overall,
            ]
            .map(i64::from),
            comment: (!comment.is_empty()).then_some(comment),
            request_id,
            synthetic: false,
        },
    )
    .await?;
    if !inserted {
        return Err(ApiError::Conflict("feedback-already-given"));
    }
    Ok(StatusCode::CREATED)
}
