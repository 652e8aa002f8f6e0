//! The ruamjai web application and JSON API.
//!
//! `app(state)` builds the whole router: public pages, the staff area, the
//! JSON API under `/api/v1`, health probes and metrics, wrapped in the layers
//! that hold for every response (security headers, localized error bodies,
//! body limits, metrics).

// The areas, each with its public pages, staff pages and API side by side.
mod accounts;
mod audit;
mod catalog;
mod engagement;
mod kpi;
mod manuals;
mod participation;
mod satisfaction;

// What the areas stand on, and the site that puts them together.
mod assets;
pub mod auth;
mod config;
pub(crate) mod download;
mod error;
pub mod i18n;
mod kit;
pub use ruamjai_app::mail;
mod metrics;
mod observe;
mod page;
mod pdf_cache;
mod security;
mod sheet;
mod site;
mod state;

pub use config::WebConfig;
pub use error::AppError;
pub use kpi::pack_json;
pub use site::openapi::openapi_json;
pub use state::AppState;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use tower::ServiceBuilder;
use tower::util::MapRequestLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// The complete application.
pub fn app(state: AppState) -> Router {
    layered(site::router(state.clone()), state)
}

/// `routes` inside the layers every response passes through, outside in:
/// the client's address and the request id first, the request's span, the
/// security headers, metrics and error pages around every answer, and the
/// panic guard closest to the handler, so that its 500 is rendered like any
/// other error. They are one `ServiceBuilder` on purpose: each separate
/// `Router::layer` boxes every route once more, and the per-request clones
/// and allocations of nine such levels cost a third of a cached page's rate.
fn layered(routes: Router<AppState>, state: AppState) -> Router {
    let trusted = std::sync::Arc::new(state.config.trusted_proxies.clone());
    routes
        .layer(
            ServiceBuilder::new()
                .layer(MapRequestLayer::new(move |request| observe::trust_proxies(&trusted, request)))
                .layer(SetRequestIdLayer::new(observe::REQUEST_ID, observe::NewRequestId::new()))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(observe::span)
                        .on_request(())
                        .on_response(observe::finished)
                        .on_failure(()),
                )
                .layer(PropagateRequestIdLayer::new(observe::REQUEST_ID))
                .layer(middleware::from_fn(security::headers))
                .layer(DefaultBodyLimit::max(state.config.body_limit))
                .layer(middleware::from_fn_with_state(state.clone(), metrics::track))
                .layer(middleware::from_fn(error::render_errors))
                .layer(CatchPanicLayer::custom(observe::panicked)),
        )
        .with_state(state)
}
