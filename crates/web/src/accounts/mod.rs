//! Accounts on the web: signing in and out, the staff accounts an
//! administrator keeps, and the API's "who am I".

mod api;
mod sign_in;
mod users;

use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(sign_in::router()).merge(users::router())
}

pub fn api() -> Router<AppState> {
    Router::new().route("/staff/me", get(api::me))
}

#[derive(OpenApi)]
#[openapi(paths(api::me), tags((name = "staff", description = "Endpoints for signed-in staff")))]
pub struct ApiDoc;
