//! `POST /municipalities/{slug}/reports`: a complaint, signal, proposal or praise, filed and
//! numbered like a request, with the legal answer deadline (2 months, АПК).
use super::submission::{self, Filing, Read};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::store::requests::Subject;
use crate::{store, AppState};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use gishe_api::calendar::{expected_completion, Deadline};
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
    body: Result<ApiJson<NewReport>, ApiError>,
) -> Result<Response, ApiError> {
    let submission = match submission::read(&state, &slug, "reports", &headers, body).await? {
        Read::Seen(answer) => return Ok(answer),
        Read::New(s) => s,
    };
    let report = &submission.payload;
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let errors = gishe_api::validate_report(report);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let submitted_at = state.clock.now();
    let answer_by = expected_completion(submitted_at, Deadline::Months(2), &state.calendar);
    let anonymous = report.is_anonymous();
    let kind = report.kind;
    submission
        .file(
            &state,
            Filing {
                municipality: &m,
                subject: Subject::report(report.kind.code()),
                submitted_at,
                expected: answer_by,
            },
            move |registry_number, access_code| {
                Ok(serde_json::to_vec(&ReportReceipt {
                    registry_number: registry_number.to_string(),
                    access_code,
                    kind,
                    anonymous,
                    submitted_at,
                    answer_by,
                })?)
            },
        )
        .await
}
