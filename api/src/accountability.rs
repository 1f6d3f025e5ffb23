//! Published accountability: satisfaction per half-year and how often deadlines were kept,
//! computed from stored data (charter standards V–VI: measured and published every 6 months).
use serde::{Deserialize, Serialize};

/// A half-year, e.g. 2026 H1 (January–June).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HalfYear {
    pub year: i32,
    /// 1 (January–June) or 2 (July–December).
    pub half: u8,
}

/// Average rating of one survey question over a half-year, on the scale 1–5.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Satisfaction {
    pub courtesy: Option<f64>,
    pub clarity: Option<f64>,
    pub deadlines: Option<f64>,
    pub accessibility: Option<f64>,
    pub overall: Option<f64>,
    /// Number of answers the averages are over.
    pub answers: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportCounts {
    pub complaint: u32,
    pub signal: u32,
    pub proposal: u32,
    pub praise: u32,
}

/// One half-year's published figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Period {
    pub period: HalfYear,
    pub satisfaction: Satisfaction,
    /// Service requests submitted in the half-year that were completed.
    pub requests_completed: u32,
    /// Of those, completed by their expected date.
    pub requests_on_time: u32,
    /// Reports (complaints, signals, proposals, praise) received, by kind.
    pub reports: ReportCounts,
    /// Reports that were answered (completed or refused).
    pub reports_answered: u32,
    /// Of those, answered within the legal deadline.
    pub reports_answered_on_time: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Accountability {
    pub municipality: String,
    /// True when the figures include demonstration history.
    pub demo: bool,
    /// Oldest first.
    pub periods: Vec<Period>,
}
