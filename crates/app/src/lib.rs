//! The use cases of ruamjai, one module per area.
//!
//! Every operation is a function that takes the `Caller` and typed input,
//! checks the caller's permission against the one table in
//! `domain::accounts::policy`, applies the area's rules, and writes through
//! the store with its audit entry and its mail in one transaction. It
//! returns domain values or one typed `Error`. Nothing here knows of HTTP:
//! HTML pages, API handlers, background jobs and CLI commands all call the
//! same functions, so a page and an API operation cannot drift apart.

pub mod accounts;
mod cache;
pub mod caller;
pub mod catalog;
pub mod engagement;
mod error;
pub mod home;
pub mod jobs;
pub mod kpi;
pub mod mail;
pub mod manuals;
pub mod participation;
pub mod password;
pub mod rate_limit;
pub mod satisfaction;
pub mod secrets;

use std::sync::Arc;
use std::time::Duration;

pub use caller::Caller;
pub use error::{Error, Result};
use rate_limit::RateLimiter;
use ruamjai_store::Store;
use ruamjai_store::satisfaction::ResponseQueue;
use time::OffsetDateTime;

/// Settings the use cases need.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The address the public reaches the site at, for links in mail.
    pub public_url: String,
    /// Public writes accepted per address and hour, per process.
    pub public_writes_per_hour: u32,
    /// How long the catalog and the public surveys are kept before they are
    /// read again (a change made by another process shows within it).
    pub cache_ttl: Duration,
    /// How long after taking effect a work manual is due for its periodic review.
    pub work_manual_review_months: u32,
    /// Where evidence packs are written (shared storage when several
    /// servers run on one database).
    pub pack_dir: std::path::PathBuf,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:8080".into(),
            public_writes_per_hour: 20,
            cache_ttl: Duration::from_secs(5),
            work_manual_review_months: 12,
            pack_dir: std::env::temp_dir().join("ruamjai-evidence-packs"),
        }
    }
}

/// What every use case works with: the store, the settings, the limits
/// that hold across requests, and the clock. Cheap to clone.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
    clock: Clock,
}

/// What "now" is for the use cases.
#[derive(Clone, Copy, Debug, Default)]
enum Clock {
    #[default]
    System,
    /// A loader writing history (the demo's year of work), or a test of a
    /// rule that depends on the date.
    Fixed(OffsetDateTime),
}

struct Inner {
    store: Store,
    settings: Settings,
    public_writes: RateLimiter,
    /// The one writer of survey responses (group commit).
    responses: ResponseQueue,
    caches: cache::Caches,
}

impl App {
    /// Must be called on a Tokio runtime: it starts the response writer.
    pub fn new(store: Store, settings: Settings) -> Self {
        let public_writes = RateLimiter::new(settings.public_writes_per_hour, Duration::from_secs(3600));
        let responses = ResponseQueue::start(store.clone());
        let caches = cache::Caches::default();
        let inner = Arc::new(Inner { store, settings, public_writes, responses, caches });
        Self { inner, clock: Clock::System }
    }

    /// The instant the use cases stamp on what they write and judge dates by.
    pub fn now(&self) -> OffsetDateTime {
        match self.clock {
            Clock::System => OffsetDateTime::now_utc(),
            Clock::Fixed(at) => at,
        }
    }

    /// This app as of `at`: the same store, caches and limits, with every
    /// use case acting as if it were then.
    pub fn as_of(&self, at: OffsetDateTime) -> Self {
        Self { inner: self.inner.clone(), clock: Clock::Fixed(at) }
    }

    fn caches(&self) -> &cache::Caches {
        &self.inner.caches
    }

    fn responses(&self) -> &ResponseQueue {
        &self.inner.responses
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    fn public_url(&self) -> &str {
        &self.inner.settings.public_url
    }

    /// Counts one public write of `caller`; refused when its address is over the limit.
    pub fn count_public_write(&self, caller: &Caller) -> Result<()> {
        let Caller::Public { address } = caller else { return Ok(()) };
        self.inner
            .public_writes
            .check(*address, std::time::Instant::now())
            .map_err(|wait| Error::TooManyRequests { retry_after_secs: wait.as_secs() + 1 })
    }
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").field("settings", &self.inner.settings).finish_non_exhaustive()
    }
}
