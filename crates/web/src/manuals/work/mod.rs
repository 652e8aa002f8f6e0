//! Staff work manuals (milestone 5) on the web: the staff pages, the API
//! and the public pages of published manuals, all thin adapters of
//! `ruamjai_app::manuals::work`.

pub(crate) mod api;
pub(crate) mod content;
mod dto;
mod files;
mod pages;
pub(crate) mod public;
mod schema;

/// The staff pages and the public ones.
pub(crate) fn router() -> axum::Router<crate::AppState> {
    pages::router().merge(public::router())
}
