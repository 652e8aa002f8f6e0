//! Staff endpoints authenticate with `Authorization: Bearer <token>`; this one
//! tells a client whose token it holds.

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use ruamjai_store::accounts::StaffUser;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{AppError, AppState};
use ruamjai_app::secrets::token_hash;

/// The staff member behind a valid bearer token.
pub struct ApiUser(pub StaffUser);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(AppError::Unauthenticated)?;
        let user = state.store.api_token_user(&token_hash(token)).await?;
        user.map(Self).ok_or(AppError::Unauthenticated)
    }
}

/// The caller behind a valid bearer token, for the use cases.
pub struct ApiCaller(pub ruamjai_app::Caller);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ApiUser(user) = ApiUser::from_request_parts(parts, state).await?;
        Ok(Self(ruamjai_app::Caller::Staff(user)))
    }
}

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
        (status = 401, description = "No valid token", body = crate::routes::api::openapi::Problem,
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
