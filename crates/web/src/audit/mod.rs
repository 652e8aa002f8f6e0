//! The record on the web: the hash-chained audit log and the mail outbox.

mod log;
mod outbox;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(log::router()).merge(outbox::router())
}
