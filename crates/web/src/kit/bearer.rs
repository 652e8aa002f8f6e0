//! Staff endpoints authenticate with `Authorization: Bearer <token>`: these
//! extractors turn the token into its account, or into the use cases' caller.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use ruamjai_app::secrets::token_hash;
use ruamjai_store::accounts::StaffUser;

use crate::{AppError, AppState};

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
