//! The staff pages of work manuals: the list with the form that starts
//! one, a manual with its revisions, readers and workflow, the draft
//! editor, and two revisions compared. Thin adapters of
//! `ruamjai_app::manuals::work`, like the API beside them.

mod details;
mod diff;
mod editor;
mod list;
mod manual;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/work-manuals", get(list::list).post(list::create))
        .route("/staff/work-manuals/{id}", get(manual::show))
        .route("/staff/work-manuals/{id}/details", get(details::form).post(details::save))
        .route("/staff/work-manuals/{id}/draft", get(editor::editor).post(editor::save))
        .route("/staff/work-manuals/{id}/actions", post(manual::act))
        .route("/staff/work-manuals/{id}/reviews", post(manual::review))
        .route("/staff/work-manuals/{id}/acknowledgement", post(manual::acknowledge))
        .route("/staff/work-manuals/{id}/publication", post(manual::publication))
        .route("/staff/work-manuals/{id}/diff", get(diff::diff))
        .route("/staff/work-manuals/{id}/revisions/{file}", get(manual::revision_file))
}
