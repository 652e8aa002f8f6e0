//! Staff pages of milestone 3.

mod exports;
pub(crate) mod filter;
mod improvements;
mod intake;
mod invitations;
mod launch;
mod print;
mod questionnaire_form;
mod questionnaires;
mod responses;
mod surveys;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(surveys::router())
        .merge(questionnaires::router())
        .merge(invitations::router())
        .merge(launch::router())
        .merge(responses::router())
        .merge(intake::router())
        .merge(exports::router())
        .merge(print::router())
        .merge(improvements::router())
}
