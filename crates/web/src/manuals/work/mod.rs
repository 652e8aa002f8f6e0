//! Staff work manuals (milestone 5) on the web: the staff pages and the
//! API, both thin adapters of `ruamjai_app::manuals::work`.

pub(crate) mod api;
mod dto;
mod pages;

pub(crate) use pages::router;
