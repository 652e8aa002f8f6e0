//! Probes for load balancers and orchestrators.

use axum::Router;
use axum::extract::State;
use axum::routing::get;

use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(alive)).route("/readyz", get(ready))
}

/// The process answers.
async fn alive() -> &'static str {
    "ok"
}

/// The process can reach its database.
async fn ready(State(state): State<AppState>) -> Result<&'static str, AppError> {
    state.store.ping().await.map_err(|error| {
        tracing::warn!(%error, "database not reachable");
        AppError::Unavailable
    })?;
    Ok("ready")
}
