//! The ruamjai web application and JSON API.
//!
//! `app(state)` builds the whole router: public pages, the staff area, the
//! JSON API under `/api/v1`, health probes and metrics, wrapped in the layers
//! that hold for every response (security headers, localized error bodies,
//! body limits, metrics).

pub mod auth;
mod config;
pub(crate) mod download;
mod error;
pub mod i18n;
pub use ruamjai_app::mail;
mod manuals;
mod metrics;
mod page;
mod pdf_cache;
mod questionnaires;
mod routes;
mod security;
mod sheet;
mod state;

pub use config::WebConfig;
pub use error::AppError;
pub use routes::api::openapi::openapi_json;
pub use state::AppState;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;

/// The complete application.
pub fn app(state: AppState) -> Router {
    let body_limit = state.config.body_limit;
    routes::router(state.clone())
        .layer(middleware::from_fn(error::render_errors))
        .layer(middleware::from_fn_with_state(state.clone(), metrics::track))
        .layer(middleware::from_fn(security::headers))
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(state)
}
