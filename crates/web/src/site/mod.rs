//! What is not one area's: the home page, language switch, health probes,
//! static assets, the staff dashboard, the API's documentation — and the
//! router that puts every area together. Areas never import one another;
//! what they share lives in `kit` (and the `layout` test keeps it so).

mod api_docs;
mod dashboard;
mod health;
mod home;
mod lang;
mod needs;
pub mod openapi;

use axum::Router;
use axum::middleware;
use axum::routing::get;

use crate::auth::session;
use crate::{
    AppError, AppState, accounts, assets, audit, catalog, engagement, kpi, manuals, metrics, participation,
    satisfaction,
};

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(lang::router())
        .merge(dashboard::router())
        .merge(accounts::router())
        .merge(catalog::router())
        .merge(participation::router())
        .merge(engagement::router())
        .merge(satisfaction::router())
        .merge(manuals::router())
        .merge(kpi::router())
        .merge(audit::router())
        .merge(assets::router())
        .merge(health::router())
        .nest("/api/v1", api())
        .route("/api/docs", get(api_docs::page))
        .route("/metrics", get(metrics::export))
        .fallback(not_found)
        // Looked up once here, read by the `Page`, `Staff` and `CsrfForm` extractors.
        .layer(middleware::from_fn_with_state(state, session::load))
}

/// The JSON API under `/api/v1`: each area's part, and the document that
/// describes them. Errors are `application/problem+json` with a localized
/// `detail` (see `error::render_errors`).
fn api() -> Router<AppState> {
    Router::new()
        .merge(catalog::api())
        .merge(accounts::api())
        .merge(participation::api())
        .merge(engagement::api())
        .merge(satisfaction::api())
        .merge(manuals::api())
        .merge(kpi::api())
        .merge(audit::api())
        .route("/openapi.json", get(openapi::document))
}

async fn not_found() -> AppError {
    AppError::NotFound
}
