//! `POST /municipalities/{slug}/reports`: a complaint, signal, proposal or praise, filed and
//! numbered like a request, with the legal answer deadline (2 months, АПК).
use super::requests::{created, idempotency_key, now, parse_json, prefix};
use crate::error::ApiError;
use crate::store::requests::Creation;
use crate::{access_code, idempotency, store, AppState};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use gishe_api::calendar::{expected_completion, to_sofia, Deadline};
use gishe_api::{NewReport, Problem, ReportReceipt};

/// File a report. Signals and proposals need a name and a way to reply (no proceedings on
/// anonymous ones, АПК чл. 111(4)); complaints and praise may be anonymous and then get no
/// personal reply. Needs an `Idempotency-Key`, like applications.
#[utoipa::path(post, path = "/municipalities/{slug}/reports", tag = "reports",
    params(("slug" = String, Path), ("Idempotency-Key" = String, Header)),
    request_body = NewReport,
    responses((status = 201, body = ReportReceipt),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|_| ApiError::PayloadTooLarge)?;
    let key = idempotency_key(&headers)?;
    let report: NewReport = parse_json(&body)?;
    let canonical = serde_json::to_vec(&report).map_err(|e| ApiError::Internal(e.into()))?;
    let scope = format!("{slug}/reports");
    if let Some(outcome) =
        store::requests::replay(&state.db, &scope, &key, &idempotency::body_hash(&canonical))
            .await?
    {
        return created(outcome);
    }
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let errors = gishe_api::validate_report(&report);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let submitted_at = now();
    let answer_by = expected_completion(submitted_at, Deadline::Months(2), &state.calendar);
    let code = access_code::generate();
    let code_hash = access_code::hash_limited(code.clone()).await?;
    let anonymous = report.is_anonymous();
    let outcome = store::requests::create(
        &state.db,
        Creation {
            municipality_id: m.id,
            registry_prefix: &prefix(&m.profile),
            year: to_sofia(submitted_at).date().year(),
            kind: report.kind.code(),
            service_code: "",
            tier: "",
            fee_cents: 0,
            body: String::from_utf8_lossy(&canonical).into_owned(),
            submitted_at,
            expected: answer_by,
            access_code_hash: &code_hash,
            scope: &scope,
            key: &key,
            body_hash: idempotency::body_hash(&canonical),
        },
        |registry_number| {
            Ok(serde_json::to_vec(&ReportReceipt {
                registry_number: registry_number.to_string(),
                access_code: gishe_api::format_access_code(&code),
                kind: report.kind,
                anonymous,
                submitted_at,
                answer_by,
            })?)
        },
    )
    .await?;
    created(outcome)
}
