//! The record on the web: the hash-chained audit log (its page and API) and
//! the mail outbox.

mod api;
mod log;
mod outbox;

use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(log::router()).merge(outbox::router())
}

pub fn api() -> Router<AppState> {
    Router::new().route("/staff/audit", get(api::log))
}

#[derive(OpenApi)]
#[openapi(paths(api::log), tags((name = "audit", description = "The hash-chained audit log")))]
pub struct ApiDoc;
