//! At the door, over the API: an activity's registrations as staff read
//! them (evaluators without names and contacts), and check-in by code.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_app::engagement::{activities, attendance};
use ruamjai_store::engagement::RegistrationView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::kit::ApiCaller;
use crate::kit::ApiJson;
use crate::kit::json::rfc3339;
use crate::{AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct RegistrationDto {
    pub code: String,
    /// `null` once erased.
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub group_id: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// registered, waitlisted, cancelled or walk-in.
    pub status: String,
    pub created_at: String,
    pub checked_in_at: Option<String>,
}

impl From<RegistrationView> for RegistrationDto {
    fn from(r: RegistrationView) -> Self {
        Self {
            code: r.code.to_string(),
            name: r.name,
            organisation: r.organisation,
            group_id: r.group_code,
            email: r.email,
            phone: r.phone,
            status: r.place.code().into(),
            created_at: rfc3339(r.created_at),
            checked_in_at: r.checked_in_at.map(rfc3339),
        }
    }
}

/// Every registration of an activity, in the order they came.
#[utoipa::path(get, path = "/api/v1/staff/activities/{id}/registrations", tag = "staff", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "Registrations", body = [RegistrationDto])))]
pub async fn registrations(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<Vec<RegistrationDto>>, AppError> {
    let rows = activities::registrations(&state.app, &caller, id).await?;
    Ok(Json(rows.into_iter().map(RegistrationDto::from).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInRequest {
    #[schema(example = "K7QX-2MHD")]
    pub code: String,
}

/// Check a registration in by its code (case, spaces and dashes do not matter).
#[utoipa::path(post, path = "/api/v1/staff/activities/{id}/check-ins", tag = "staff", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = CheckInRequest,
    responses((status = 201, description = "Checked in", body = RegistrationDto),
              (status = 409, description = "Already checked in, waitlisted or cancelled", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Unknown or malformed code", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn check_in(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CheckInRequest>,
) -> Result<Response, AppError> {
    let view = attendance::check_in(&state.app, &caller, id, &body.code).await?;
    Ok((StatusCode::CREATED, Json(RegistrationDto::from(view))).into_response())
}
