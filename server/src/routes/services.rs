//! `GET /municipalities/{slug}/services` (search, category) and `…/services/{code}`.
use super::ContentLang;
use crate::error::ApiError;
use crate::{store, AppState};
use axum::extract::{Path, Query, State};
use axum::Json;
use gishe_api::{Catalogue, Category, Problem, Service};
use serde::Deserialize;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct CatalogueQuery {
    /// Words to find, in Bulgarian (Cyrillic, or Latin typed officially or informally) or
    /// English; case, word order, inflected and plural forms and a typo or two do not matter.
    /// Every meaningful word must match the service's name, keywords or description.
    q: Option<String>,
    /// A category id.
    category: Option<String>,
}

const MAX_QUERY_CHARS: usize = 200;

/// The service catalogue, searched and filtered. A search that finds nothing lists the
/// `nearest` services instead.
#[utoipa::path(get, path = "/municipalities/{slug}/services", tag = "services",
    params(("slug" = String, Path), CatalogueQuery, ("lang" = Option<String>, Query, description = "bg or en")),
    responses((status = 200, body = Catalogue), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    query: Result<Query<CatalogueQuery>, axum::extract::rejection::QueryRejection>,
    ContentLang(lang): ContentLang,
) -> Result<Json<Catalogue>, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::BadQuery(e.body_text()))?;
    if query
        .q
        .as_ref()
        .is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS)
    {
        return Err(ApiError::QueryTooLong);
    }
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let categories = store::services::categories(&state.db, m.id).await?;
    let category = query.category.as_deref().filter(|c| !c.is_empty());
    if let Some(c) = category {
        if !categories.iter().any(|x| x.id == c) {
            return Err(ApiError::CategoryNotFound);
        }
    }
    let found = store::services::search(&state.db, m.id, query.q.as_deref(), category).await?;
    Ok(Json(Catalogue {
        municipality: slug,
        demo: m.demo,
        categories: categories
            .iter()
            .map(|c| Category {
                id: c.id.clone(),
                name: c.name.text(lang),
            })
            .collect(),
        services: found.services.iter().map(|s| s.summary(lang)).collect(),
        nearest: found.nearest.iter().map(|s| s.summary(lang)).collect(),
    }))
}

/// One service: what it is, fee and deadline per urgency tier, documents, form fields.
#[utoipa::path(get, path = "/municipalities/{slug}/services/{code}", tag = "services",
    params(("slug" = String, Path), ("code" = String, Path), ("lang" = Option<String>, Query, description = "bg or en")),
    responses((status = 200, body = Service), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<AppState>,
    Path((slug, code)): Path<(String, String)>,
    ContentLang(lang): ContentLang,
) -> Result<Json<Service>, ApiError> {
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let s = store::services::by_code(&state.db, m.id, &code)
        .await?
        .ok_or(ApiError::ServiceNotFound)?;
    let categories = store::services::categories(&state.db, m.id).await?;
    let category = categories
        .iter()
        .find(|c| c.id == s.category)
        .map(|c| Category {
            id: c.id.clone(),
            name: c.name.text(lang),
        })
        .ok_or_else(|| {
            ApiError::Internal(anyhow::anyhow!("service {code} names a missing category"))
        })?;
    Ok(Json(s.to_api(&slug, m.demo, category, lang)))
}
