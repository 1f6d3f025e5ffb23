//! What applications and reports share: an `Idempotency-Key`, a JSON body read once, the
//! replay of an answer already given, and the filing itself — a fresh access code (hashed under
//! the concurrency cap), the next registry number and the first event, all exactly once.
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::store::municipalities::StoredMunicipality;
use crate::store::requests::{Creation, Outcome, Subject};
use crate::{access_code, idempotency, store, AppState};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use gishe_api::calendar::{to_sofia, ExpectedDate, UtcSeconds};
use serde::de::DeserializeOwned;
use serde::Serialize;

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

/// A submission read from the request, not yet filed.
pub struct Submission<T> {
    pub payload: T,
    scope: String,
    key: String,
    canonical: Vec<u8>,
}

pub enum Read<T> {
    New(Submission<T>),
    /// This key was seen before: the answer to send (the first one again, or a refusal).
    Seen(Response),
}

/// Reads an idempotent submission to `/{slug}/{endpoint}`. A key seen before is answered
/// before anything else is checked, so a retry gets its answer even if the catalogue changed.
pub async fn read<T: DeserializeOwned + Serialize>(
    state: &AppState,
    slug: &str,
    endpoint: &str,
    headers: &HeaderMap,
    body: Result<ApiJson<T>, ApiError>,
) -> Result<Read<T>, ApiError> {
    // Refused in this order whatever else is wrong: a body that is not JSON (what another
    // site's form could send), a body over the limit, then the key, then the body's content.
    if let Err(e @ (ApiError::UnsupportedMediaType | ApiError::PayloadTooLarge)) = body {
        return Err(e);
    }
    let key = idempotency_key(headers)?;
    let ApiJson(payload) = body?;
    let canonical = serde_json::to_vec(&payload).map_err(|e| ApiError::Internal(e.into()))?;
    let scope = format!("{slug}/{endpoint}");
    if let Some(outcome) =
        store::requests::replay(&state.db, &scope, &key, &idempotency::body_hash(&canonical))
            .await?
    {
        return Ok(Read::Seen(created(outcome)?));
    }
    Ok(Read::New(Submission {
        payload,
        scope,
        key,
        canonical,
    }))
}

/// What is filed besides the submission itself.
pub struct Filing<'a> {
    pub municipality: &'a StoredMunicipality,
    pub subject: Subject,
    pub submitted_at: UtcSeconds,
    pub expected: ExpectedDate,
}

impl<T> Submission<T> {
    /// Files the submission exactly once. `answer` makes the 201 body from the new registry
    /// number and the access code as shown to the citizen (`XXXXX-XXXXX`).
    pub async fn file(
        &self,
        state: &AppState,
        f: Filing<'_>,
        answer: impl Fn(&str, String) -> anyhow::Result<Vec<u8>> + Send + Sync + 'static,
    ) -> Result<Response, ApiError> {
        let code = access_code::generate();
        let shown = code.shown();
        let codes = state.codes.clone();
        let outcome = state
            .filer
            .file(
                Creation {
                    municipality_id: f.municipality.id,
                    registry_prefix: f.municipality.profile.effective_registry_prefix(),
                    year: to_sofia(f.submitted_at).date().year(),
                    subject: f.subject,
                    body: String::from_utf8_lossy(&self.canonical).into_owned(),
                    submitted_at: f.submitted_at,
                    expected: f.expected,
                    seal_access_code: Box::new(move |number| codes.seal(number, &code)),
                    scope: self.scope.clone(),
                    key: self.key.clone(),
                    body_hash: idempotency::body_hash(&self.canonical),
                },
                Box::new(move |registry_number| answer(registry_number, shown.clone())),
            )
            .await?;
        created(outcome)
    }
}
