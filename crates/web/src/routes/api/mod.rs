//! The JSON API under `/api/v1`. Errors are `application/problem+json` with a
//! localized `detail` (see `error::render_errors`); the OpenAPI document is
//! generated from these handlers and their types.

mod activities;
mod attendance;
mod catalog;
pub mod docs;
pub(crate) mod json;
mod manuals;
mod me;
pub mod openapi;
mod questionnaires;
mod staff_catalog;
mod staff_submissions;
mod submissions;
mod survey_aliases;
mod survey_intake;
pub(crate) mod surveys;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/services", get(catalog::services))
        .route("/stakeholder-groups", get(catalog::groups))
        .route("/divisions", get(catalog::divisions))
        .route("/staff/me", get(me::me))
        .route("/staff/services/{id}", axum::routing::put(staff_catalog::update_service))
        .route("/submissions", axum::routing::post(submissions::create))
        .route("/submissions/{code}", get(submissions::track))
        .route("/staff/submissions", get(staff_submissions::list))
        .route("/staff/submissions/{code}/transitions", axum::routing::post(staff_submissions::transition))
        .route("/staff/submissions/{code}/replies", axum::routing::post(staff_submissions::reply))
        .route("/staff/submissions/{code}/assignee", axum::routing::put(staff_submissions::assign))
        .route("/activities", get(activities::upcoming))
        .route("/activities/{id}/registrations", axum::routing::post(activities::register))
        .route("/staff/activities", axum::routing::post(activities::create))
        .route("/staff/activities/{id}", get(activities::detail).put(activities::update))
        .route("/staff/activities/{id}/registrations", get(attendance::registrations))
        .route("/staff/activities/{id}/check-ins", axum::routing::post(attendance::check_in))
        .route("/staff/activities/{id}/status", axum::routing::put(activities::set_status))
        .route("/staff/activities/{id}/invitations", axum::routing::post(activities::invite))
        .route("/staff/surveys", axum::routing::post(surveys::create))
        .route("/staff/surveys/{id}/report", get(surveys::report))
        .route("/staff/surveys/{id}/tokens", axum::routing::post(survey_intake::issue))
        .route("/staff/surveys/{id}/responses/import", axum::routing::post(survey_intake::import))
        .route("/staff/questionnaires", get(questionnaires::list).post(questionnaires::create))
        .route("/staff/questionnaires/{id}", get(questionnaires::show).put(questionnaires::save))
        .route("/surveys/{id}/questionnaire", get(surveys::questionnaire))
        .route("/surveys/{id}/responses", axum::routing::post(surveys::respond))
        .merge(deprecated_aliases())
        .route("/services/{id}/manual", get(manuals::published))
        .route("/staff/services/{id}/manual", axum::routing::put(manuals::save))
        .route("/staff/services/{id}/manual/versions", get(manuals::versions))
        .route(
            "/staff/services/{id}/manual/forms",
            axum::routing::post(manuals::forms::attach).layer(axum::extract::DefaultBodyLimit::max(
                ruamjai_domain::attachment::MAX_BYTES + 64 * 1024,
            )),
        )
        .route("/staff/services/{id}/manual/actions", axum::routing::post(manuals::act))
        .route("/staff/services/{id}/manual/publication", axum::routing::post(manuals::publish))
        .route("/openapi.json", get(openapi::document))
}

/// Paths of the first API, kept working for its clients.
#[allow(deprecated)]
fn deprecated_aliases() -> Router<AppState> {
    Router::new()
        .route("/staff/campaigns", axum::routing::post(survey_aliases::create))
        .route("/staff/campaigns/{id}/report", get(survey_aliases::report))
        .route("/campaigns/{id}/questionnaire", get(survey_aliases::questionnaire))
        .route("/campaigns/{id}/responses", axum::routing::post(survey_aliases::respond))
}
