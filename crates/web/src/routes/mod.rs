//! Every route of the application, one module per area.

pub mod api;
pub(crate) mod assets;
pub mod engagement;
mod health;
mod home;
mod lang;
mod login;
mod manuals;
pub mod participation;
pub mod satisfaction;
pub(crate) mod staff;

use axum::Router;
use axum::middleware;
use axum::routing::get;

use crate::auth::session;
use crate::{AppError, AppState, metrics};

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(login::router())
        .merge(participation::router())
        .merge(engagement::router())
        .merge(satisfaction::router())
        .merge(manuals::router())
        .merge(lang::router())
        .merge(staff::router())
        .merge(assets::router())
        .merge(health::router())
        .nest("/api/v1", api::router())
        .route("/api/docs", get(api::docs::page))
        .route("/metrics", get(metrics::export))
        .fallback(not_found)
        // Looked up once here, read by the `Page`, `Staff` and `CsrfForm` extractors.
        .layer(middleware::from_fn_with_state(state, session::load))
}

async fn not_found() -> AppError {
    AppError::NotFound
}
