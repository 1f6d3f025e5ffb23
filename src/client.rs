//! Typed API client: one async function per endpoint, each returning `Result<T, ApiError>`.
use gishe_api::{
    Catalogue, Charter, FieldError, Lang, Municipality, MunicipalitySummary, NewRequest, Problem,
    RequestReceipt, RequestStatusView, Service, StatusQuery,
};
use gloo_net::http::Request;
use serde::de::DeserializeOwned;

const BASE: &str = "/api/v1";

/// Why a request failed, as the app explains it to the citizen.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with a problem; `code` is localized by the app (`error-{code}`).
    Problem { status: u16, code: String },
    /// The server refused some fields.
    Invalid(Vec<FieldError>),
    /// Too many attempts: wait this many seconds.
    RateLimited(u64),
    /// No answer: offline, or the server is down.
    Network,
    /// An answer the app cannot read.
    Unexpected,
}

impl ApiError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::Problem { status: 404, .. })
    }
}

async fn get<T: DeserializeOwned>(path: &str, lang: Lang) -> Result<T, ApiError> {
    get_with(path, lang, &[]).await
}

async fn get_with<T: DeserializeOwned>(
    path: &str,
    lang: Lang,
    params: &[(&str, &str)],
) -> Result<T, ApiError> {
    let mut url = format!("{BASE}{path}?lang={}", lang.code());
    for (k, v) in params {
        url.push('&');
        url.push_str(k);
        url.push('=');
        url.push_str(&String::from(js_sys::encode_uri_component(v)));
    }
    let res = Request::get(&url)
        .header("Accept", "application/json")
        .send()
        .await;
    answer(res).await?.ok_or(ApiError::Unexpected)
}

/// What an answer means to the app: its JSON (`None` when empty), or why it failed.
async fn answer<T: DeserializeOwned>(
    res: Result<gloo_net::http::Response, gloo_net::Error>,
) -> Result<Option<T>, ApiError> {
    let res = res.map_err(|_| ApiError::Network)?;
    let status = res.status();
    if res.ok() {
        let text = res.text().await.map_err(|_| ApiError::Unexpected)?;
        if text.is_empty() {
            return Ok(None);
        }
        return serde_json::from_str(&text)
            .map(Some)
            .map_err(|_| ApiError::Unexpected);
    }
    let retry_after = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.parse::<u64>().ok());
    match res.json::<Problem>().await {
        Ok(_) if status == 429 => Err(ApiError::RateLimited(retry_after.unwrap_or(60))),
        Ok(p) if !p.errors.is_empty() => Err(ApiError::Invalid(p.errors)),
        Ok(p) => Err(ApiError::Problem {
            status,
            code: p.code,
        }),
        // A gateway or proxy error page: the server itself is not reachable.
        Err(_) if status >= 500 => Err(ApiError::Network),
        Err(_) => Err(ApiError::Problem {
            status,
            code: String::new(),
        }),
    }
}

/// POSTs JSON with extra headers (`Idempotency-Key`, `Accept-Language`).
async fn post_json<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    headers: &[(&str, &str)],
) -> Result<Option<T>, ApiError> {
    let mut req = Request::post(&format!("{BASE}{path}")).header("Accept", "application/json");
    for (name, value) in headers {
        req = req.header(name, value);
    }
    answer(
        req.json(body)
            .map_err(|_| ApiError::Unexpected)?
            .send()
            .await,
    )
    .await
}

pub async fn municipalities(lang: Lang) -> Result<Vec<MunicipalitySummary>, ApiError> {
    get("/municipalities", lang).await
}

pub async fn municipality(slug: &str, lang: Lang) -> Result<Municipality, ApiError> {
    get(&format!("/municipalities/{slug}"), lang).await
}

pub async fn charter(slug: &str, lang: Lang) -> Result<Charter, ApiError> {
    get(&format!("/municipalities/{slug}/charter"), lang).await
}

pub async fn services(
    slug: &str,
    query: &str,
    category: &str,
    lang: Lang,
) -> Result<Catalogue, ApiError> {
    let mut params = Vec::new();
    if !query.trim().is_empty() {
        params.push(("q", query.trim()));
    }
    if !category.is_empty() {
        params.push(("category", category));
    }
    get_with(&format!("/municipalities/{slug}/services"), lang, &params).await
}

pub async fn service(slug: &str, code: &str, lang: Lang) -> Result<Service, ApiError> {
    get(&format!("/municipalities/{slug}/services/{code}"), lang).await
}

/// Submits an application. The same `idempotency_key` must be used for every retry of one
/// submission: the server then answers with the first receipt instead of a second request.
pub async fn submit(
    slug: &str,
    request: &NewRequest,
    idempotency_key: &str,
) -> Result<RequestReceipt, ApiError> {
    post_json(
        &format!("/municipalities/{slug}/requests"),
        request,
        &[("Idempotency-Key", idempotency_key)],
    )
    .await?
    .ok_or(ApiError::Unexpected)
}

/// Checks a request's status; 404 means an unknown number or a wrong code (the server does
/// not say which).
pub async fn status(query: &StatusQuery, lang: Lang) -> Result<RequestStatusView, ApiError> {
    post_json("/status", query, &[("Accept-Language", lang.code())])
        .await?
        .ok_or(ApiError::Unexpected)
}

/// Files a report; retries must reuse `idempotency_key`.
pub async fn submit_report(
    slug: &str,
    report: &gishe_api::NewReport,
    idempotency_key: &str,
) -> Result<gishe_api::ReportReceipt, ApiError> {
    post_json(
        &format!("/municipalities/{slug}/reports"),
        report,
        &[("Idempotency-Key", idempotency_key)],
    )
    .await?
    .ok_or(ApiError::Unexpected)
}

pub async fn submit_feedback(
    slug: &str,
    feedback: &gishe_api::NewFeedback,
) -> Result<(), ApiError> {
    match post_json::<_, serde_json::Value>(
        &format!("/municipalities/{slug}/feedback"),
        feedback,
        &[],
    )
    .await
    {
        Ok(_) => Ok(()),
        // No such request, or a wrong code: said beside the number the citizen typed.
        Err(ApiError::Problem { code, .. }) if code == "request-not-found" => {
            Err(ApiError::Invalid(vec![FieldError {
                field: "registry_number".into(),
                code,
            }]))
        }
        Err(e) => Err(e),
    }
}

pub async fn accountability(slug: &str, lang: Lang) -> Result<gishe_api::Accountability, ApiError> {
    get(&format!("/municipalities/{slug}/accountability"), lang).await
}
