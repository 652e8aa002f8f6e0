//! A per-address limit on public writes (submissions, registrations …), kept
//! in memory: fixed windows per address, pruned as they expire. Each process
//! counts alone, so N processes allow up to N times the limit; that bounds
//! spam without a shared store, which is all it is for.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct RateLimiter {
    max: u32,
    window: Duration,
    seen: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Self { max, window, seen: Mutex::new(HashMap::new()) }
    }

    /// Counts one attempt; `Err(wait)` when the address is over its limit.
    pub fn check(&self, address: IpAddr, now: Instant) -> Result<(), Duration> {
        let mut seen = self.seen.lock().expect("rate limiter lock");
        if seen.len() > 10_000 {
            seen.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = seen.entry(address).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.max {
            return Err(self.window - now.duration_since(entry.0));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_over_its_limit_waits_for_the_window_to_end() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        let (a, b) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let t0 = Instant::now();
        assert!(limiter.check(a, t0).is_ok() && limiter.check(a, t0).is_ok());
        assert_eq!(limiter.check(a, t0 + Duration::from_secs(20)), Err(Duration::from_secs(40)));
        assert!(limiter.check(b, t0).is_ok(), "other addresses are not affected");
        assert!(limiter.check(a, t0 + Duration::from_secs(60)).is_ok(), "a new window starts");
    }
}
