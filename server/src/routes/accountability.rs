//! `GET /municipalities/{slug}/accountability`: satisfaction and deadlines kept, per half-year.
use crate::error::ApiError;
use crate::{store, AppState};
use axum::extract::{Path, State};
use axum::Json;
use gishe_api::{Accountability, Problem};

/// Published accountability (charter standards V–VI): per half-year in Sofia time, oldest
/// first, the average satisfaction ratings, service requests completed and how many on time,
/// and reports received by kind, answered, and answered within the legal deadline.
/// `demo` is true for demonstration municipalities, whose figures include synthetic history.
#[utoipa::path(get, path = "/municipalities/{slug}/accountability", tag = "accountability",
    params(("slug" = String, Path, description = "e.g. radomir")),
    responses((status = 200, body = Accountability), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Accountability>, ApiError> {
    let m = store::municipalities::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::MunicipalityNotFound)?;
    let periods = store::accountability::periods(&state.db, m.id).await?;
    Ok(Json(Accountability {
        municipality: slug,
        demo: m.demo,
        periods,
    }))
}
