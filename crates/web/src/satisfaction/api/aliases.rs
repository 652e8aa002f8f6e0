//! The first API's survey paths, from when a survey was called a
//! "campaign": they answer exactly as the new ones do and are marked
//! deprecated in the OpenAPI document, so clients move at their own pace.
#![allow(deprecated)]

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;

use super::surveys::{
    self, ReportParams, ResponseRequest, SurveyQuestionnaireDto, SurveyReport, SurveyRequest,
};
use crate::auth::ClientAddress;
use crate::kit::ApiCaller;
use crate::kit::ApiJson;
use crate::{AppError, AppState};

/// Launch a survey (deprecated: `POST /api/v1/staff/surveys`).
#[deprecated(note = "POST /api/v1/staff/surveys")]
#[utoipa::path(post, path = "/api/v1/staff/campaigns", tag = "staff", security(("bearer" = [])),
    request_body = SurveyRequest,
    responses((status = 201, description = "Created", body = surveys::CreatedSurvey),
              (status = 422, description = "A field is refused; `errors` names it", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn create(
    state: State<AppState>,
    caller: ApiCaller,
    body: ApiJson<SurveyRequest>,
) -> Result<Response, AppError> {
    surveys::create(state, caller, body).await
}

/// A survey's report (deprecated: `GET /api/v1/staff/surveys/{id}/report`).
#[deprecated(note = "GET /api/v1/staff/surveys/{id}/report")]
#[utoipa::path(get, path = "/api/v1/staff/campaigns/{id}/report", tag = "staff", security(("bearer" = [])),
    params(("id" = i64, Path), ReportParams),
    responses((status = 200, description = "The report", body = SurveyReport)))]
pub async fn report(
    state: State<AppState>,
    caller: ApiCaller,
    id: Path<i64>,
    params: Query<ReportParams>,
) -> Result<Json<SurveyReport>, AppError> {
    surveys::report(state, caller, id, params).await
}

/// A survey's questionnaire (deprecated: `GET /api/v1/surveys/{id}/questionnaire`).
#[deprecated(note = "GET /api/v1/surveys/{id}/questionnaire")]
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/questionnaire", tag = "surveys",
    params(("id" = i64, Path)),
    responses((status = 200, description = "The questionnaire", body = SurveyQuestionnaireDto)))]
pub async fn questionnaire(
    state: State<AppState>,
    id: Path<i64>,
) -> Result<Json<SurveyQuestionnaireDto>, AppError> {
    surveys::questionnaire(state, id).await
}

/// A response (deprecated: `POST /api/v1/surveys/{id}/responses`).
#[deprecated(note = "POST /api/v1/surveys/{id}/responses")]
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/responses", tag = "surveys",
    params(("id" = i64, Path)), request_body = ResponseRequest,
    responses((status = 201, description = "Recorded", body = surveys::ResponseReceipt),
              (status = 422, description = "An answer is refused; `errors` names the item", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn respond(
    state: State<AppState>,
    address: ClientAddress,
    id: Path<i64>,
    body: ApiJson<ResponseRequest>,
) -> Result<Response, AppError> {
    surveys::respond(state, address, id, body).await
}
