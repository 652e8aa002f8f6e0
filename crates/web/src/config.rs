//! Settings of the web layer, filled in by the `serve` command.

use time::Duration;

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Largest accepted request body for forms and JSON.
    pub body_limit: usize,
    /// Send cookies with `Secure`. Browsers accept secure cookies from
    /// `http://localhost` and `http://127.0.0.1`; turn this off only for plain
    /// HTTP on another address, never in production.
    pub cookie_secure: bool,
    /// How long a staff session lasts after login.
    pub session_ttl: Duration,
    /// How long cached catalog pages may be served before re-reading the
    /// database, which bounds how long another process's edit takes to show.
    pub catalog_ttl: std::time::Duration,
    /// Public submissions accepted per address and hour, per process.
    pub public_writes_per_hour: u32,
    /// The address the public reaches this site at, for links in mail and
    /// API answers (for example `https://ruamjai.moi.go.th`).
    pub public_url: String,
    /// Reverse proxies whose `X-Forwarded-For` and `X-Request-Id` are believed.
    pub trusted_proxies: crate::auth::proxies::TrustedProxies,
    /// Where evidence packs are written and served from.
    pub pack_dir: std::path::PathBuf,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            body_limit: 1024 * 1024,
            cookie_secure: true,
            session_ttl: Duration::hours(8),
            catalog_ttl: std::time::Duration::from_secs(5),
            public_writes_per_hour: 20,
            public_url: "http://127.0.0.1:8080".into(),
            trusted_proxies: crate::auth::proxies::TrustedProxies::default(),
            pack_dir: ruamjai_app::Settings::default().pack_dir,
        }
    }
}
