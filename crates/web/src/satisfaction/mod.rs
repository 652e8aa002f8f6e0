//! Milestone 3 on the web. For the public: a survey answered on a phone. For
//! staff: questionnaires, surveys with their reports, exports and prints,
//! invitations, paper intake, and the improvement actions and service
//! standards they lead to. The surveys and questionnaires API.

pub(crate) mod api;
pub(crate) mod public;
pub(crate) mod staff;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(public::router()).merge(staff::router())
}

pub use api::{ApiDoc, router as api};
