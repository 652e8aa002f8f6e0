//! The API of milestone 1: filing and tracking for the public; the inbox and
//! the answer, consultations and the participation report for staff.

mod consultations;
mod reports;
mod staff_submissions;
mod submissions;

use axum::Router;
use axum::routing::{get, post, put};
use utoipa::OpenApi;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/submissions", post(submissions::create))
        .route("/submissions/{code}", get(submissions::track))
        .route("/staff/submissions", get(staff_submissions::list))
        .route("/staff/submissions/{code}/transitions", post(staff_submissions::transition))
        .route("/staff/submissions/{code}/replies", post(staff_submissions::reply))
        .route("/staff/submissions/{code}/assignee", put(staff_submissions::assign))
        .route("/staff/consultations", get(consultations::list).post(consultations::create))
        .route("/staff/consultations/{id}", get(consultations::detail))
        .route("/staff/consultations/{id}/comments/{comment}/moderation", put(consultations::moderate))
        .route("/staff/consultations/{id}/response", put(consultations::respond))
        .route("/staff/reports/participation", get(reports::participation))
}

#[derive(OpenApi)]
#[openapi(
    paths(submissions::create, submissions::track, staff_submissions::list, staff_submissions::transition,
        staff_submissions::reply, staff_submissions::assign, consultations::list, consultations::detail,
        consultations::create, consultations::moderate, consultations::respond, reports::participation),
    tags((name = "participation", description = "Requests, suggestions, complaints, compliments and questions"))
)]
pub struct ApiDoc;
