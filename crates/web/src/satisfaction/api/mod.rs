//! The API of milestone 3: a survey's questionnaire and its answer for the
//! public; surveys, reports, tokens, paper import, questionnaires,
//! improvement actions and service standards for staff.

mod aliases;
mod improvements;
mod intake;
mod questionnaires;
pub(crate) mod surveys;

use axum::Router;
use axum::routing::{get, post, put};
use utoipa::OpenApi;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/surveys", post(surveys::create))
        .route("/staff/surveys/{id}/report", get(surveys::report))
        .route("/staff/surveys/{id}/tokens", post(intake::issue))
        .route("/staff/surveys/{id}/responses/import", post(intake::import))
        .route("/staff/questionnaires", get(questionnaires::list).post(questionnaires::create))
        .route("/staff/questionnaires/{id}", get(questionnaires::show).put(questionnaires::save))
        .route("/surveys/{id}/questionnaire", get(surveys::questionnaire))
        .route("/surveys/{id}/responses", post(surveys::respond))
        .route("/staff/improvements", get(improvements::list).post(improvements::create))
        .route("/staff/improvements/{id}", put(improvements::update))
        .route("/staff/service-standards", get(improvements::standards))
        .route("/staff/service-standards/{service}", put(improvements::set_standard))
        .merge(deprecated_aliases())
}

/// Paths of the first API, kept working for its clients.
#[allow(deprecated)]
fn deprecated_aliases() -> Router<AppState> {
    Router::new()
        .route("/staff/campaigns", post(aliases::create))
        .route("/staff/campaigns/{id}/report", get(aliases::report))
        .route("/campaigns/{id}/questionnaire", get(aliases::questionnaire))
        .route("/campaigns/{id}/responses", post(aliases::respond))
}

#[allow(deprecated)]
#[derive(OpenApi)]
#[openapi(
    paths(surveys::create, surveys::report, surveys::questionnaire, surveys::respond,
        aliases::create, aliases::report, aliases::questionnaire, aliases::respond,
        questionnaires::list, questionnaires::show, questionnaires::create, questionnaires::save,
        intake::issue, intake::import, improvements::list, improvements::create, improvements::update,
        improvements::standards, improvements::set_standard),
    tags((name = "surveys", description = "Satisfaction surveys: the questionnaire and the response"))
)]
pub struct ApiDoc;
