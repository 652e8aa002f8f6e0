//! The catalog on the web: divisions, services and stakeholder groups, the
//! answer targets and holidays an administrator keeps, and the catalog API.

mod api;
mod api_staff;
mod staff;
mod targets;

use axum::Router;
use axum::routing::{get, put};
use utoipa::OpenApi;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(staff::router()).merge(targets::router())
}

pub fn api() -> Router<AppState> {
    Router::new()
        .route("/services", get(api::services))
        .route("/stakeholder-groups", get(api::groups))
        .route("/divisions", get(api::divisions))
        .route("/staff/services/{id}", put(api_staff::update_service))
}

#[derive(OpenApi)]
#[openapi(
    paths(api::services, api::groups, api::divisions, api_staff::update_service),
    tags((name = "catalog", description = "Services, stakeholder groups and divisions"))
)]
pub struct ApiDoc;
