//! `POST /municipalities/{slug}/requests`: apply for a service, exactly once.
use super::submission::{self, Filing, Read};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::store::requests::Subject;
use crate::{store, AppState};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use gishe_api::calendar::{expected_completion, to_sofia};
use gishe_api::{NewRequest, Problem, RequestReceipt};

/// Apply for a service. Needs an `Idempotency-Key` header (16–200 printable characters, e.g. a
/// UUID): the same key and body replay the first answer; the same key with another body is 422.
#[utoipa::path(post, path = "/municipalities/{slug}/requests", tag = "requests",
    params(("slug" = String, Path), ("Idempotency-Key" = String, Header, description = "unique per submission; reuse it to retry")),
    request_body = NewRequest,
    responses((status = 201, body = RequestReceipt),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    body: Result<ApiJson<NewRequest>, ApiError>,
) -> Result<Response, ApiError> {
    let submission = match submission::read(&state, &slug, "requests", &headers, body).await? {
        Read::Seen(answer) => return Ok(answer),
        Read::New(s) => s,
    };
    let request = &submission.payload;
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    // A service the municipality does not offer is a resource that is not there (404), as
    // for `GET …/services/{code}`: no schema can list each municipality's codes.
    let Some(entry) = store::services::by_code(&state.db, m.id, &request.service).await? else {
        return Err(ApiError::ServiceNotFound);
    };
    let category = store::services::categories(&state.db, m.id)
        .await?
        .into_iter()
        .find(|c| c.id == entry.category)
        .map(|c| gishe_api::Category {
            id: c.id,
            name: c.name.text(gishe_api::Lang::Bg),
        })
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("service names a missing category")))?;
    let service = entry.to_api(&slug, m.demo, category, gishe_api::Lang::Bg);
    let submitted_at = state.clock.now();
    let local = to_sofia(submitted_at);
    let errors = gishe_api::validate_request(&service, request, local.date());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let tier = service
        .tiers
        .iter()
        .find(|t| t.tier == request.tier)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("validated tier missing")))?;
    let expected = expected_completion(submitted_at, tier.deadline, &state.calendar);
    let (service_code, tier_code, fee) = (request.service.clone(), request.tier, tier.fee);
    submission
        .file(
            &state,
            Filing {
                municipality: &m,
                subject: Subject {
                    kind: "service",
                    service_code: request.service.clone(),
                    tier: request.tier.code(),
                    fee_cents: tier.fee.cents,
                },
                submitted_at,
                expected,
            },
            move |registry_number, access_code| {
                Ok(serde_json::to_vec(&RequestReceipt {
                    registry_number: registry_number.to_string(),
                    access_code,
                    service: service_code.clone(),
                    submitted_at,
                    expected,
                    tier: tier_code,
                    fee,
                })?)
            },
        )
        .await
}
