//! `ruamjai serve`: migrations first, then the web app until SIGTERM or Ctrl-C.
//! On a signal it stops accepting connections, lets in-flight requests finish
//! and closes the database cleanly.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use ruamjai_store::Store;
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
    let config = WebConfig {
        body_limit: opts.body_limit,
        cookie_secure: !opts.insecure_cookies,
        public_writes_per_hour: opts.public_writes_per_hour,
        ..WebConfig::default()
    };
    let state = AppState::new(store.clone(), config);
    let listener = tokio::net::TcpListener::bind(opts.addr)
        .await
        .with_context(|| format!("cannot listen on {}", opts.addr))?;
    let local = listener.local_addr()?;
    tracing::info!(addr = %local, "serving");
    on_listening(local);
    let housekeeping = tokio::spawn(housekeeping(store.clone()));
    let app = ruamjai_web::app(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await?;
    housekeeping.abort();
    store.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Expired sessions and old login failures are removed every ten minutes.
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
