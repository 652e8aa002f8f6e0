//! `ruamjai serve`: migrations first, then the web app until SIGTERM or Ctrl-C.
//! On a signal it stops accepting connections, lets in-flight requests finish
//! and closes the database cleanly.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use ruamjai_app::{App, jobs};
use ruamjai_mail::{Sender, SmtpSettings};
use ruamjai_store::Store;
use ruamjai_store::satisfaction::Invitations;
use ruamjai_web::auth::proxies::TrustedProxies;
use ruamjai_web::{AppState, WebConfig};
use time::OffsetDateTime;

use super::{DatabaseOpts, redact};

#[derive(Args, Debug)]
pub struct Opts {
    #[command(flatten)]
    pub server: ServerOpts,
    #[command(flatten)]
    pub db: DatabaseOpts,
}

/// Options of the HTTP server, shared with `demo`.
#[derive(Args, Debug, Clone)]
pub struct ServerOpts {
    /// Address and port to listen on.
    #[arg(long, env = "RUAMJAI_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Largest accepted form or JSON body, in bytes.
    #[arg(long, env = "RUAMJAI_BODY_LIMIT", default_value_t = 1024 * 1024)]
    pub body_limit: usize,
    /// Send cookies without `Secure`: only for plain HTTP on an address other
    /// than localhost, never in production.
    #[arg(long, env = "RUAMJAI_INSECURE_COOKIES")]
    pub insecure_cookies: bool,
    /// Public submissions accepted per client address and hour (per process).
    #[arg(long, env = "RUAMJAI_PUBLIC_WRITES_PER_HOUR", default_value_t = 20)]
    pub public_writes_per_hour: u32,
    /// The address the public reaches this site at, for links in e-mail and
    /// API answers. Defaults to `http://` and the listening address.
    #[arg(long, env = "RUAMJAI_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Reverse proxies (addresses or CIDR ranges, comma-separated) whose
    /// `X-Forwarded-For` and `X-Request-Id` are believed; nobody else's are.
    #[arg(long, env = "RUAMJAI_TRUSTED_PROXIES", default_value = "", value_parser = TrustedProxies::parse)]
    pub trusted_proxies: TrustedProxies,
    /// Where evidence packs are written and served from (shared storage
    /// when several servers run on one database).
    #[arg(long, env = "RUAMJAI_PACK_DIR", default_value = "evidence-packs")]
    pub pack_dir: std::path::PathBuf,
    #[command(flatten)]
    pub smtp: SmtpOpts,
}

/// Where mail goes. Without a host, mail stays in the outbox, where
/// administrators see it (Staff → Outbox).
#[derive(Args, Debug, Clone)]
pub struct SmtpOpts {
    /// The SMTP relay (plain SMTP; the relay carries mail onward over TLS).
    #[arg(long, env = "RUAMJAI_SMTP_HOST")]
    pub smtp_host: Option<String>,
    #[arg(long, env = "RUAMJAI_SMTP_PORT", default_value_t = 25)]
    pub smtp_port: u16,
    /// User for SMTP AUTH, when the relay asks for it.
    #[arg(long, env = "RUAMJAI_SMTP_USER")]
    pub smtp_user: Option<String>,
    /// Password for SMTP AUTH (prefer the environment variable to the flag).
    #[arg(long, env = "RUAMJAI_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// The sender of every message.
    #[arg(long, env = "RUAMJAI_MAIL_FROM", default_value = "ruamjai <noreply@localhost>")]
    pub mail_from: String,
}

impl SmtpOpts {
    fn settings(&self) -> Option<SmtpSettings> {
        let host = self.smtp_host.clone()?;
        let credentials = self.smtp_user.clone().map(|u| (u, self.smtp_password.clone().unwrap_or_default()));
        Some(SmtpSettings { host, port: self.smtp_port, credentials, from: self.mail_from.clone() })
    }
}

pub async fn run(opts: Opts) -> anyhow::Result<()> {
    let store = opts.db.open().await?;
    tracing::info!(database = %redact(&opts.db.database), "database ready");
    serve(store, &opts.server, |_| {}).await
}

/// Serves until a shutdown signal; `on_listening` learns the bound address.
pub async fn serve(
    store: Store,
    opts: &ServerOpts,
    on_listening: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(opts.addr)
        .await
        .with_context(|| format!("cannot listen on {}", opts.addr))?;
    let local = listener.local_addr()?;
    let config = WebConfig {
        body_limit: opts.body_limit,
        cookie_secure: !opts.insecure_cookies,
        public_writes_per_hour: opts.public_writes_per_hour,
        public_url: public_url_or_listening(&opts.public_url, local),
        trusted_proxies: opts.trusted_proxies.clone(),
        pack_dir: opts.pack_dir.clone(),
        ..WebConfig::default()
    };
    let state = AppState::new(store.clone(), config);
    let mailer = match opts.smtp.settings() {
        Some(settings) => {
            let sender = Sender::new(store.clone(), &settings)?;
            tracing::info!(host = %settings.host, port = settings.port, "sending mail by SMTP");
            Some(tokio::spawn(sender.run(Duration::from_secs(10))))
        }
        None => {
            tracing::info!("no SMTP host: mail stays in the outbox for administrators");
            None
        }
    };
    tracing::info!(addr = %local, "serving");
    on_listening(local);
    let housekeeping = tokio::spawn(housekeeping(store.clone()));
    let escalation = tokio::spawn(escalate_overdue(state.app.clone()));
    let invitations = tokio::spawn(invite_after_resolution(state.app.clone()));
    let readings = tokio::spawn(announce_work_manuals(state.app.clone()));
    let packs = tokio::spawn(make_queued_packs(state.app.clone()));
    let app = ruamjai_web::app(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await?;
    housekeeping.abort();
    escalation.abort();
    invitations.abort();
    packs.abort();
    readings.abort();
    if let Some(mailer) = mailer {
        mailer.abort();
    }
    store.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Expired sessions, old login failures and idempotency keys are removed
/// every ten minutes.
async fn housekeeping(store: Store) {
    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        let now = OffsetDateTime::now_utc();
        if let Err(error) = store.purge_expired_sessions(now).await {
            tracing::warn!(%error, "purging sessions failed");
        }
        if let Err(error) = store.purge_login_failures(now - time::Duration::days(1)).await {
            tracing::warn!(%error, "purging login failures failed");
        }
        if let Err(error) = store.purge_idempotency_keys(now - time::Duration::days(1)).await {
            tracing::warn!(%error, "purging idempotency keys failed");
        }
    }
}

fn public_url_or_listening(public_url: &Option<String>, local: SocketAddr) -> String {
    public_url.clone().unwrap_or_else(|| format!("http://{local}"))
}

/// Every minute, submissions past their reply target are reported to their
/// division's collectors (once each).
async fn escalate_overdue(app: App) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        match jobs::escalate_overdue(&app).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "overdue submissions escalated"),
            Err(error) => tracing::warn!(%error, "escalating overdue submissions failed"),
        }
    }
}

/// Every minute, resolved requests are taken up for the survey invitations
/// of the token surveys that ask for them.
async fn invite_after_resolution(app: App) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        match jobs::invite_after_resolution(&app).await {
            Ok(Invitations { invited: 0, .. }) => {}
            Ok(done) => tracing::info!(
                invited = done.invited,
                passed_over = done.passed_over,
                "survey invitations queued"
            ),
            Err(error) => tracing::warn!(%error, "survey invitations failed"),
        }
    }
}

/// Every minute, the staff addressed by a work manual revision that took
/// effect are told to read it (once each).
async fn announce_work_manuals(app: App) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        match jobs::announce_work_manuals(&app).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "work manual revisions announced to their readers"),
            Err(error) => tracing::warn!(%error, "announcing work manual revisions failed"),
        }
    }
}

/// Every minute, the evidence packs still queued are made: one whose
/// server stopped before packing it, or whose pack was cut short.
async fn make_queued_packs(app: App) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        match jobs::make_queued_packs(&app, ruamjai_web::pack_json()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "queued evidence packs made"),
            Err(error) => tracing::warn!(%error, "making queued evidence packs failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
