//! Login throttling: after a few failures in a window, further attempts on the
//! same key (an account or an address) wait until the oldest failure ages out.

use time::{Duration, OffsetDateTime};

/// The policy: at most `max_failures` failed logins per key within `window`.
#[derive(Debug, Clone, Copy)]
pub struct LoginThrottle {
    pub max_failures: usize,
    pub window: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottleDecision {
    Allow,
    /// Refuse without checking the password; retry after this long.
    Wait(Duration),
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self { max_failures: 5, window: Duration::minutes(15) }
    }
}

impl LoginThrottle {
    /// The start of the window that counts at `now`.
    pub fn window_start(&self, now: OffsetDateTime) -> OffsetDateTime {
        now - self.window
    }

    /// Decides from the failures recorded since `window_start(now)`, oldest first.
    pub fn decide(&self, now: OffsetDateTime, recent_failures: &[OffsetDateTime]) -> ThrottleDecision {
        if recent_failures.len() < self.max_failures {
            return ThrottleDecision::Allow;
        }
        // The attempt is allowed again once enough failures have left the window.
        let releasing = recent_failures[recent_failures.len() - self.max_failures];
        let wait = releasing + self.window - now;
        if wait.is_positive() { ThrottleDecision::Wait(wait) } else { ThrottleDecision::Allow }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn four_failures_still_allow_a_fifth_try() {
        let now = datetime!(2026-11-24 10:00 UTC);
        let failures = vec![now - Duration::minutes(1); 4];
        assert_eq!(LoginThrottle::default().decide(now, &failures), ThrottleDecision::Allow);
    }

    #[test]
    fn five_failures_make_the_next_try_wait_for_the_oldest_to_age_out() {
        let now = datetime!(2026-11-24 10:00 UTC);
        let failures: Vec<_> = (1..=5).rev().map(|m| now - Duration::minutes(m)).collect();
        assert_eq!(
            LoginThrottle::default().decide(now, &failures),
            ThrottleDecision::Wait(Duration::minutes(10))
        );
    }
}
