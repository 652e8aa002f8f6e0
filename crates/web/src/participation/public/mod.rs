//! The public's pages: the form, tracking, consultations and "you said, we did".

pub(crate) mod consultations;
pub(crate) mod form;
pub(crate) mod track;
pub(crate) mod you_said;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(form::router())
        .merge(track::router())
        .merge(consultations::router())
        .merge(you_said::router())
}
