//! Staff pages: the inbox, one submission, logging what came by another
//! channel, the reports, consultations and "you said, we did".

mod consultations;
pub(crate) mod inbox;
mod reports;
mod submissions;
mod you_said;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(inbox::router())
        .merge(submissions::router())
        .merge(reports::router())
        .merge(consultations::router())
        .merge(you_said::router())
}
