//! The KPI engine on the web: the scorecard and indicator pages, the
//! director's level on the staff home, and the API — thin adapters of
//! `ruamjai_app::kpi`.

pub(crate) mod api;
mod committee;
mod define;
mod dto;
mod evidence;
mod evidence_api;
pub(crate) mod home;
pub(crate) mod pages;
mod rounds;
mod rounds_api;
mod rounds_view;
mod sar;
pub(crate) mod view;

pub use api::KpiApiDoc as ApiDoc;
pub use dto::pack_json;

pub(crate) fn router() -> axum::Router<crate::AppState> {
    pages::router()
        .merge(sar::router())
        .merge(committee::router())
        .merge(define::router())
        .merge(evidence::router())
        .merge(rounds::router())
}

pub(crate) fn api() -> axum::Router<crate::AppState> {
    api::router().merge(evidence_api::router()).merge(rounds_api::router())
}
