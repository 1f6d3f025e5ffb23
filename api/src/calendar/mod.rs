//! Civil dates, Bulgarian working days, Sofia time and service deadlines, without a tz database.
mod adjustments;
mod date;
mod deadline;
mod holidays;
mod sofia;

pub use adjustments::*;
pub use date::*;
pub use deadline::*;
pub use holidays::*;
pub use sofia::*;

use serde::{Deserialize, Serialize};
use std::fmt;

const SECONDS_PER_DAY: i64 = 86_400;

/// Helpers shared by the calendar's tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn date(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    pub fn utc(s: &str, h: u8, m: u8, sec: u8) -> UtcSeconds {
        UtcSeconds(
            LocalDateTime::new(date(s), h, m, sec)
                .unwrap()
                .wall_seconds(),
        )
    }

    pub fn local(s: &str, h: u8, m: u8, sec: u8) -> LocalDateTime {
        LocalDateTime::new(date(s), h, m, sec).unwrap()
    }

    pub fn none() -> Adjustments {
        Adjustments::default()
    }
}
