//! `GET /municipalities` and `GET /municipalities/{slug}`.
use super::ContentLang;
use crate::error::ApiError;
use crate::{store, AppState};
use axum::extract::{Path, State};
use axum::Json;
use gishe_api::{Municipality, MunicipalitySummary, Problem};

/// The municipalities this installation serves.
#[utoipa::path(get, path = "/municipalities", tag = "municipalities",
    params(("lang" = Option<String>, Query, description = "bg or en; else Accept-Language; else bg")),
    responses((status = 200, body = Vec<MunicipalitySummary>), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    ContentLang(lang): ContentLang,
) -> Result<Json<Vec<MunicipalitySummary>>, ApiError> {
    let all = store::municipalities::list(&state.db).await?;
    Ok(Json(
        all.into_iter()
            .map(|m| MunicipalitySummary {
                name: m.profile.name.text(lang),
                slug: m.profile.slug,
                demo: m.demo,
                has_charter: m.has_charter,
            })
            .collect(),
    ))
}

/// One municipality's published profile: counter, hours, phones, e-mail, web, certificates.
#[utoipa::path(get, path = "/municipalities/{slug}", tag = "municipalities",
    params(("slug" = String, Path, description = "e.g. radomir"), ("lang" = Option<String>, Query, description = "bg or en")),
    responses((status = 200, body = Municipality), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ContentLang(lang): ContentLang,
) -> Result<Json<Municipality>, ApiError> {
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    Ok(Json(m.profile.to_api(
        lang,
        m.demo,
        m.has_charter,
        m.has_services,
    )))
}
