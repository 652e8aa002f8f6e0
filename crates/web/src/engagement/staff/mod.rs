//! Staff pages: activities with their registrations, check-in at the door,
//! outcomes and follow-ups, the activity report, the stakeholder directory
//! and the invitations sent from it.

mod activities;
mod activity_report;
mod check_in;
mod directory;
mod invitations;
mod outcomes;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(activities::router())
        .merge(check_in::router())
        .merge(outcomes::router())
        .merge(activity_report::router())
        .merge(directory::router())
        .merge(invitations::router())
}
