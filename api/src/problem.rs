//! RFC 9457 problem details: every API error, with a stable code the app localizes.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the kind of problem: `https://gishe.bg/problems/{code}`.
    #[serde(rename = "type")]
    pub type_: String,
    /// A stable, machine-readable code, e.g. `municipality-not-found`.
    pub code: String,
    /// A short English summary for developers; the app shows its own localized text.
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

pub const PROBLEM_BASE: &str = "https://gishe.bg/problems/";
