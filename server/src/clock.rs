//! The "now" of handlers and of the demonstration history: the system clock, or one a test sets.
use gishe_api::calendar::UtcSeconds;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// The system clock by default; [`Clock::fixed`] gives one that stands still until it is
/// [`set`](Clock::set), so a test can file on a chosen day and know every date it gets back.
#[derive(Clone, Debug, Default)]
pub struct Clock(Option<Arc<AtomicI64>>);

impl Clock {
    pub fn system() -> Clock {
        Clock(None)
    }

    /// A clock that reads `at` until it is set to another instant (clones share it).
    pub fn fixed(at: UtcSeconds) -> Clock {
        Clock(Some(Arc::new(AtomicI64::new(at.0))))
    }

    /// Moves a fixed clock (and its clones) to `at`. The system clock cannot be moved: it is
    /// left as it is.
    pub fn set(&self, at: UtcSeconds) {
        if let Some(t) = &self.0 {
            t.store(at.0, Ordering::Relaxed);
        }
    }

    pub fn now(&self) -> UtcSeconds {
        match &self.0 {
            Some(t) => UtcSeconds(t.load(Ordering::Relaxed)),
            None => {
                // A clock before 1970 is a broken host, not a reason to fail a request.
                let secs = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs() as i64)
                    .unwrap_or(0);
                UtcSeconds(secs)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_stands_still_until_set_and_clones_follow() {
        let clock = Clock::fixed(UtcSeconds(1_000));
        let clone = clock.clone();
        assert_eq!(clock.now(), UtcSeconds(1_000));
        clock.set(UtcSeconds(2_000));
        assert_eq!(clone.now(), UtcSeconds(2_000));
    }

    #[test]
    fn the_system_clock_is_now_and_cannot_be_set() {
        let clock = Clock::system();
        clock.set(UtcSeconds(0));
        assert!(clock.now().0 > 1_700_000_000);
    }
}
