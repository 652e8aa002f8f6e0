//! Who am I: tells a client whose bearer token it holds.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::kit::ApiUser;

/// The account a token belongs to.
#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// administrator, director, collector, officer or evaluator.
    pub role: String,
    /// The division code for officers and collectors.
    pub division: Option<String>,
}

/// Who am I: the account behind the bearer token.
#[utoipa::path(get, path = "/api/v1/staff/me", tag = "staff", security(("bearer" = [])),
    responses(
        (status = 200, description = "The token's account", body = MeDto),
        (status = 401, description = "No valid token", body = crate::kit::Problem,
         content_type = "application/problem+json"),
    ))]
pub async fn me(State(_state): State<AppState>, ApiUser(user): ApiUser) -> Json<MeDto> {
    Json(MeDto {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role.as_str().to_owned(),
        division: user.division_code,
    })
}
