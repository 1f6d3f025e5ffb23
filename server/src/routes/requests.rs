//! `POST /municipalities/{slug}/requests`: apply for a service, exactly once.
use crate::error::ApiError;
use crate::store::requests::{Creation, Outcome};
use crate::{access_code, idempotency, store, AppState};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use gishe_api::calendar::{expected_completion, to_sofia, UtcSeconds};
use gishe_api::{FieldError, NewRequest, Problem, RequestReceipt};

/// Reads the JSON body, naming the field when a value has the wrong type or is unknown.
pub fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data if path != "." => {
                ApiError::Validation(vec![FieldError {
                    field: path,
                    code: if inner.to_string().starts_with("missing field") {
                        "required"
                    } else {
                        "invalid-value"
                    }
                    .into(),
                }])
            }
            // Say where, never what: the message would echo the input (a personal number, say).
            _ => {
                ApiError::MalformedJson(format!("line {} column {}", inner.line(), inner.column()))
            }
        }
    })?;
    de.end().map_err(|e| {
        ApiError::MalformedJson(format!(
            "unexpected data at line {} column {}",
            e.line(),
            e.column()
        ))
    })?;
    Ok(value)
}

/// The `Idempotency-Key` header: required, 16–200 printable characters.
pub fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let key = headers
        .get("idempotency-key")
        .ok_or(ApiError::IdempotencyKeyMissing)?
        .to_str()
        .map_err(|_| ApiError::IdempotencyKeyInvalid)?
        .to_string();
    if idempotency::valid_key(&key) {
        Ok(key)
    } else {
        Err(ApiError::IdempotencyKeyInvalid)
    }
}

pub fn now() -> UtcSeconds {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    UtcSeconds(secs)
}

/// The prefix of registry numbers.
pub fn prefix(profile: &crate::profile::Profile) -> String {
    profile.effective_registry_prefix()
}

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
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|_| ApiError::PayloadTooLarge)?;
    let key = idempotency_key(&headers)?;
    let request: NewRequest = parse_json(&body)?;
    let canonical = serde_json::to_vec(&request).map_err(|e| ApiError::Internal(e.into()))?;
    let scope = format!("{slug}/requests");
    if let Some(outcome) =
        store::requests::replay(&state.db, &scope, &key, &idempotency::body_hash(&canonical))
            .await?
    {
        return created(outcome);
    }
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let Some(entry) = store::services::by_code(&state.db, m.id, &request.service).await? else {
        return Err(ApiError::Validation(vec![FieldError {
            field: "service".into(),
            code: "service-unknown".into(),
        }]));
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
    let submitted_at = now();
    let local = to_sofia(submitted_at);
    let errors = gishe_api::validate_request(&service, &request, local.date());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let tier = service
        .tiers
        .iter()
        .find(|t| t.tier == request.tier)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("validated tier missing")))?;
    let expected = expected_completion(submitted_at, tier.deadline, &state.calendar);
    let code = access_code::generate();
    let code_hash = access_code::hash_limited(code.clone()).await?;
    let outcome = store::requests::create(
        &state.db,
        Creation {
            municipality_id: m.id,
            registry_prefix: &prefix(&m.profile),
            year: local.date().year(),
            kind: "service",
            service_code: &request.service,
            tier: request.tier.code(),
            fee_cents: tier.fee.cents,
            body: String::from_utf8_lossy(&canonical).into_owned(),
            submitted_at,
            expected,
            access_code_hash: &code_hash,
            scope: &scope,
            key: &key,
            body_hash: idempotency::body_hash(&canonical),
        },
        |registry_number| {
            Ok(serde_json::to_vec(&RequestReceipt {
                registry_number: registry_number.to_string(),
                access_code: gishe_api::format_access_code(&code),
                service: request.service.clone(),
                submitted_at,
                expected,
                tier: request.tier,
                fee: tier.fee,
            })?)
        },
    )
    .await?;
    created(outcome)
}

/// The 201 answer for a new or replayed submission.
pub fn created(outcome: Outcome) -> Result<Response, ApiError> {
    let json = HeaderValue::from_static("application/json");
    Ok(match outcome {
        Outcome::Created(body) => {
            (StatusCode::CREATED, [(header::CONTENT_TYPE, json)], body).into_response()
        }
        Outcome::Replayed(body) => (
            StatusCode::CREATED,
            [
                (header::CONTENT_TYPE, json),
                (
                    header::HeaderName::from_static("idempotent-replayed"),
                    HeaderValue::from_static("true"),
                ),
            ],
            body,
        )
            .into_response(),
        Outcome::KeyReused => return Err(ApiError::IdempotencyKeyReused),
    })
}
