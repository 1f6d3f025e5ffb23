//! `GET /municipalities/{slug}/charter`.
use super::ContentLang;
use crate::error::ApiError;
use crate::{store, AppState};
use axum::extract::{Path, State};
use axum::Json;
use gishe_api::{Charter, Problem};

/// The municipality's Client Charter as sections → subsections → blocks, with stable ids.
/// Texts without a translation in the language asked for are Bulgarian and say so in `lang`.
#[utoipa::path(get, path = "/municipalities/{slug}/charter", tag = "charter",
    params(("slug" = String, Path, description = "e.g. radomir"), ("lang" = Option<String>, Query, description = "bg or en")),
    responses((status = 200, body = Charter), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ContentLang(lang): ContentLang,
) -> Result<Json<Charter>, ApiError> {
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let charter = store::charters::load(&state.db, m.id, &slug, lang)
        .await?
        .ok_or(ApiError::CharterNotFound)?;
    Ok(Json(charter))
}
