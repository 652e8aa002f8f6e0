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
mod observe;
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
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// The complete application. Layers run outside in: the request id and
/// span first, the security headers, metrics and error pages around every
/// answer, and the timeout and panic guard closest to the handler, so that
/// their 503 and 500 are rendered like any other error.
pub fn app(state: AppState) -> Router {
    layered(routes::router(state.clone()), state)
}

/// `routes` inside the layers every response passes through.
fn layered(routes: Router<AppState>, state: AppState) -> Router {
    let body_limit = state.config.body_limit;
    let timeout = observe::timeout(&state.config);
    routes
        .layer(CatchPanicLayer::custom(observe::panicked))
        .layer(timeout)
        .layer(middleware::from_fn(error::render_errors))
        .layer(middleware::from_fn_with_state(state.clone(), metrics::track))
        .layer(middleware::from_fn(security::headers))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(
            ServiceBuilder::new()
                .layer(middleware::from_fn_with_state(state.clone(), observe::trust_proxies))
                .layer(SetRequestIdLayer::new(observe::REQUEST_ID, observe::NewRequestId::new()))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(observe::span)
                        .on_request(())
                        .on_response(observe::finished)
                        .on_failure(()),
                )
                .layer(PropagateRequestIdLayer::new(observe::REQUEST_ID)),
        )
        .with_state(state)
}
