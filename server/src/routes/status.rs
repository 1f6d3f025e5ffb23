//! `POST /status`: a request's status and timeline, for its registry number and access code.
//! An unknown number and a wrong code get the same answer in the same time.
use super::ContentLang;
use crate::access_code::Verdict;
use crate::error::ApiError;
use crate::extract::{ApiJson, ClientIp};
use crate::{store, AppState};
use axum::extract::State;
use axum::Json;
use gishe_api::calendar::{Date, ExpectedDate, TimeOfDay};
use gishe_api::{
    AccessCode, FieldError, NewRequest, Problem, RegistryNumber, RequestStatus, RequestStatusView,
    StatusQuery,
};

/// Status and timeline of a request. Rate limited per client address and per registry number.
#[utoipa::path(post, path = "/status", tag = "requests", request_body = StatusQuery,
    params(("lang" = Option<String>, Query, description = "bg or en; else Accept-Language; else bg")),
    responses((status = 200, body = RequestStatusView),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "unknown number or wrong code: the same answer"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn check(
    State(state): State<AppState>,
    ip: ClientIp,
    ContentLang(lang): ContentLang,
    ApiJson(query): ApiJson<StatusQuery>,
) -> Result<Json<RequestStatusView>, ApiError> {
    let mut errors = Vec::new();
    let number = RegistryNumber::parse(&query.registry_number);
    if number.is_none() {
        errors.push(FieldError {
            field: "registry_number".into(),
            code: "registry-number-invalid".into(),
        });
    }
    let code = AccessCode::parse(&query.access_code);
    if code.is_none() {
        errors.push(FieldError {
            field: "access_code".into(),
            code: "access-code-invalid".into(),
        });
    }
    let (Some(number), Some(code)) = (number, code) else {
        return Err(ApiError::Validation(errors));
    };
    state.limits.admit_code_check(&ip.key())?;

    let found = store::requests::by_registry_number(&state.db, number.as_str()).await?;
    let stored = found.as_ref().map(|r| r.access_code_hash.as_str());
    let verdict = state.codes.check(number.as_str(), &code, stored).await;
    let Some(request) = found.filter(|_| verdict != Verdict::Invalid) else {
        let hold = state.limits.failed_code_check(&ip.key(), number.as_str());
        tokio::time::sleep(hold).await;
        return Err(ApiError::RequestNotFound);
    };
    if let Verdict::ValidReseal(sealed) = &verdict {
        store::requests::reseal_access_code(&state.db, request.id, sealed).await?;
    }

    let municipality =
        store::municipalities::slug_by_id(&state.db, request.municipality_id).await?;
    let service =
        store::services::by_code(&state.db, request.municipality_id, &request.service_code).await?;
    let submitted: Option<NewRequest> = serde_json::from_str(&request.body).ok();
    Ok(Json(RequestStatusView {
        registry_number: request.registry_number,
        municipality,
        kind: request.kind,
        service_code: request.service_code,
        service: service.as_ref().map(|s| s.name.text(lang)),
        department: service
            .as_ref()
            .and_then(|s| s.department.as_ref().map(|d| d.text(lang))),
        status: RequestStatus::from_code(&request.status).unwrap_or(RequestStatus::Registered),
        expected: ExpectedDate {
            date: Date::parse_iso(&request.expected_date)
                .map_err(|_| ApiError::Internal(anyhow::anyhow!("bad date")))?,
            time: request
                .expected_time
                .as_deref()
                .and_then(|t| TimeOfDay::parse(t).ok()),
        },
        delivery: submitted
            .map(|r| r.delivery.method.code().to_string())
            .unwrap_or_default(),
        timeline: store::requests::timeline(&state.db, request.id).await?,
    }))
}
