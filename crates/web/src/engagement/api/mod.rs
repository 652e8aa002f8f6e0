//! The API of milestone 2: the public calendar and registration; activities,
//! registrations, check-in and invitations, and the stakeholder directory,
//! for staff.

mod activities;
mod attendance;
mod directory;

use axum::Router;
use axum::routing::{delete, get, post, put};
use utoipa::OpenApi;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/activities", get(activities::upcoming))
        .route("/activities/{id}/registrations", post(activities::register))
        .route("/staff/activities", post(activities::create))
        .route("/staff/activities/{id}", get(activities::detail).put(activities::update))
        .route("/staff/activities/{id}/registrations", get(attendance::registrations))
        .route("/staff/activities/{id}/check-ins", post(attendance::check_in))
        .route("/staff/activities/{id}/status", put(activities::set_status))
        .route("/staff/activities/{id}/invitations", post(activities::invite))
        .route("/staff/directory", get(directory::list))
        .route("/staff/directory/organisations", post(directory::create_organisation))
        .route("/staff/directory/organisations/{id}/contacts", post(directory::add_contact))
        .route("/staff/directory/contacts/{id}", delete(directory::erase_contact))
}

#[derive(OpenApi)]
#[openapi(
    paths(activities::upcoming, activities::register, activities::create, activities::update, activities::detail,
        attendance::registrations, attendance::check_in, activities::set_status, activities::invite,
        directory::list, directory::create_organisation, directory::add_contact, directory::erase_contact),
    tags((name = "activities", description = "Relationship activities: the calendar and registration"))
)]
pub struct ApiDoc;
