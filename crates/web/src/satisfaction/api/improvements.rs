//! The improvement loop over the API: actions taken on what surveys found,
//! and the service standards each service is held to, with the year's
//! measured values beside them.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::satisfaction::improvements;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::satisfaction::improvement::{ImprovementInput, StandardInput};
use ruamjai_store::satisfaction::{Improvement, StandardLine};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use crate::kit::json::{app_refused_as, created, refused_as, rfc3339};
use crate::kit::{ApiCaller, ApiJson, BodyRefusals, NotFound, StaffRefusals};
use crate::{AppError, AppState};

/// An improvement action.
#[derive(Serialize, ToSchema)]
pub struct ImprovementDto {
    pub id: i64,
    /// The survey whose findings it answers, if any.
    pub survey_id: Option<i64>,
    /// item, dimension or comment: what kind of finding it answers.
    pub source: String,
    /// The item or dimension code, or the words quoted.
    pub source_ref: String,
    pub service_id: Option<String>,
    pub what: String,
    /// Who carries it out (a name or a position).
    pub owner: String,
    pub division_id: Option<String>,
    pub due_on: String,
    /// planned, in-progress or done.
    pub status: String,
    /// 0–100.
    pub progress: u8,
    /// What the public "you said, we did" page says; `null` keeps it internal.
    pub public_text: Option<String>,
    pub updated_at: String,
}

fn improvement_dto(a: Improvement) -> ImprovementDto {
    ImprovementDto {
        id: a.id,
        survey_id: a.survey_id,
        source: a.source.code().into(),
        source_ref: a.source_ref,
        service_id: a.service_code,
        what: a.what,
        owner: a.owner,
        division_id: a.division_code,
        due_on: a.due_on.to_string(),
        status: a.status.code().into(),
        progress: a.progress,
        public_text: a.public_text,
        updated_at: rfc3339(a.updated_at),
    }
}

#[derive(Deserialize, IntoParams)]
pub struct ImprovementParams {
    /// Only the actions answering this survey.
    pub survey_id: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/staff/improvements", tag = "surveys", security(("bearer" = [])),
    params(ImprovementParams),
    responses((status = 200, description = "The actions", body = [ImprovementDto]), StaffRefusals))]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(params): Query<ImprovementParams>,
) -> Result<Json<Vec<ImprovementDto>>, AppError> {
    let actions = improvements::list(&state.app, &caller, params.survey_id).await?;
    Ok(Json(actions.into_iter().map(improvement_dto).collect()))
}

/// An action; it belongs to the division named, else to its service's,
/// else to its survey's, else to the Center.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImprovementRequest {
    pub survey_id: Option<i64>,
    #[schema(example = "item")]
    pub source: String,
    #[serde(default)]
    pub source_ref: String,
    pub service_id: Option<String>,
    pub what: String,
    pub owner: String,
    pub division_id: Option<String>,
    #[schema(example = "2027-03-31")]
    pub due_on: String,
    /// planned (the default), in-progress or done.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub progress: u8,
    pub public_text: Option<String>,
}

impl ImprovementRequest {
    fn input(&self) -> ImprovementInput {
        ImprovementInput {
            source: self.source.clone(),
            source_ref: self.source_ref.clone(),
            service: self.service_id.clone().unwrap_or_default(),
            what: self.what.clone(),
            owner: self.owner.clone(),
            division: self.division_id.clone().unwrap_or_default(),
            due_on: self.due_on.clone(),
            status: self.status.clone(),
            progress: self.progress.to_string(),
            public_text: self.public_text.clone().unwrap_or_default(),
        }
    }
}

const RENAMES: &[(&str, &str)] = &[("service", "service_id"), ("division", "division_id")];

#[utoipa::path(post, path = "/api/v1/staff/improvements", tag = "surveys", security(("bearer" = [])),
    request_body = ImprovementRequest,
    responses((status = 201, description = "Recorded", body = crate::kit::json::Created), StaffRefusals, BodyRefusals))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<ImprovementRequest>,
) -> Result<Response, AppError> {
    let new = body.input().parse().map_err(|errors| refused_as(RENAMES, errors))?;
    let id = improvements::create(&state.app, &caller, body.survey_id, &new)
        .await
        .map_err(|e| app_refused_as(RENAMES, e))?;
    Ok(created(id))
}

/// Replace an action's details, progress and status.
#[utoipa::path(put, path = "/api/v1/staff/improvements/{id}", tag = "surveys", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = ImprovementRequest,
    responses((status = 200, description = "Updated", body = ImprovementDto), StaffRefusals, NotFound, BodyRefusals))]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ImprovementRequest>,
) -> Result<Json<ImprovementDto>, AppError> {
    let new = body.input().parse().map_err(|errors| refused_as(RENAMES, errors))?;
    improvements::update(&state.app, &caller, id, &new).await.map_err(|e| app_refused_as(RENAMES, e))?;
    Ok(Json(improvement_dto(improvements::of(&state.app, &caller, id).await?)))
}

#[derive(Deserialize, IntoParams)]
pub struct YearParams {
    /// A fiscal year in the Buddhist Era; the current one when left out.
    pub year: Option<i32>,
}

impl YearParams {
    fn year(&self) -> FiscalYear {
        self.year.map_or_else(|| FiscalYear::of(OffsetDateTime::now_utc()), FiscalYear::from_be)
    }
}

/// One service's standard for the year, against what was measured.
#[derive(Serialize, ToSchema)]
pub struct StandardDto {
    pub service_id: String,
    /// The targets, in percent and days; `null` where none is set.
    pub satisfied_min_pct: Option<f64>,
    pub dissatisfied_max_pct: Option<f64>,
    pub resolution_days: Option<u16>,
    /// The year's five-point answers about the service: how many, and the
    /// share of 4–5 and of 1–2.
    pub answers: u64,
    /// The responses that gave them (each once, however many items it scored).
    pub respondents: u64,
    pub satisfied_pct: Option<f64>,
    pub dissatisfied_pct: Option<f64>,
    /// Submissions answered, within the reply target of `reply_days`.
    pub reply_days: Option<i64>,
    pub answered: u64,
    pub answered_in_time: u64,
    pub median_resolution_days: Option<f64>,
    /// Whether each target is met; `null` without a target or a measure.
    pub satisfied_met: Option<bool>,
    pub dissatisfied_met: Option<bool>,
    pub resolution_met: Option<bool>,
}

fn standard_dto(line: StandardLine) -> StandardDto {
    let measured = line.measured();
    let verdicts = line.target.verdicts(&measured);
    let pct = |permille: Option<u16>| permille.map(|p| f64::from(p) / 10.0);
    StandardDto {
        service_id: line.service_code,
        satisfied_min_pct: pct(line.target.satisfied_min_permille),
        dissatisfied_max_pct: pct(line.target.dissatisfied_max_permille),
        resolution_days: line.target.resolution_days,
        answers: line.answers.n(),
        respondents: line.respondents,
        satisfied_pct: measured.satisfied_pct,
        dissatisfied_pct: measured.dissatisfied_pct,
        reply_days: line.reply_days,
        answered: line.answered,
        answered_in_time: line.answered_in_time,
        median_resolution_days: line.median_resolution_days,
        satisfied_met: verdicts.satisfied,
        dissatisfied_met: verdicts.dissatisfied,
        resolution_met: verdicts.resolution,
    }
}

#[utoipa::path(get, path = "/api/v1/staff/service-standards", tag = "surveys", security(("bearer" = [])),
    params(YearParams),
    responses((status = 200, description = "Every service's standard and measured values", body = [StandardDto]),
              StaffRefusals))]
pub async fn standards(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(params): Query<YearParams>,
) -> Result<Json<Vec<StandardDto>>, AppError> {
    let lines = improvements::standards(&state.app, &caller, params.year()).await?;
    Ok(Json(lines.into_iter().map(standard_dto).collect()))
}

/// A service's targets for a fiscal year; an empty value sets none.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StandardRequest {
    #[schema(example = "85")]
    #[serde(default)]
    pub satisfied_min_pct: String,
    #[schema(example = "5")]
    #[serde(default)]
    pub dissatisfied_max_pct: String,
    #[schema(example = "15")]
    #[serde(default)]
    pub resolution_days: String,
}

#[utoipa::path(put, path = "/api/v1/staff/service-standards/{service}", tag = "surveys", security(("bearer" = [])),
    params(("service" = String, Path), YearParams), request_body = StandardRequest,
    responses((status = 204, description = "Set"), StaffRefusals, NotFound, BodyRefusals))]
pub async fn set_standard(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(service): Path<String>,
    Query(params): Query<YearParams>,
    ApiJson(body): ApiJson<StandardRequest>,
) -> Result<StatusCode, AppError> {
    let input = StandardInput {
        satisfied_min_pct: body.satisfied_min_pct,
        dissatisfied_max_pct: body.dissatisfied_max_pct,
        resolution_days: body.resolution_days,
    };
    let standard = input.parse().map_err(AppError::Invalid)?;
    improvements::set_standard(&state.app, &caller, &service, params.year(), &standard).await?;
    Ok(StatusCode::NO_CONTENT)
}
