//! The KPI engine over the API: the evaluation of a year as of a day, the
//! definitions (administrators), the collectors' values and the director's
//! sign-offs. Each handler is a thin adapter of `ruamjai_app::kpi`.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_app::kpi;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Decimal, Narrative, Round};
use ruamjai_domain::participation::consultation::parse_date;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi, ToSchema};

use super::dto::{KpiEvaluationDto, evaluation_dto};
use crate::kit::{ApiCaller, ApiJson, BodyRefusals, Conflicted, Names, NotFound, RawJson, StaffRefusals};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post, put};
    axum::Router::new()
        .route("/staff/kpi/{fiscal_year}", get(evaluation))
        .route("/staff/kpi/{fiscal_year}/indicators", post(create))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}", get(definition).put(amend))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/values", post(enter_value))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/steps/{n}/sign-off", post(sign_off))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/assessments", post(assess))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/rounds/{round}/narrative", put(write_narrative))
        .route("/staff/kpi/{fiscal_year}/copy-to-next", post(copy_to_next))
}

#[derive(OpenApi)]
#[openapi(
    paths(evaluation, create, definition, amend, enter_value, sign_off, assess, write_narrative, copy_to_next,
        super::evidence_api::value_evidence, super::evidence_api::sign_off_evidence,
        super::rounds_api::request_pack, super::rounds_api::job, super::rounds_api::pack_zip,
        super::rounds_api::seal, super::rounds_api::seals, super::rounds_api::comment),
    tags((name = "kpi", description = "The indicators the Center is scored on: the level computed from live work, \
        definitions, values per round and sign-offs"))
)]
pub struct KpiApiDoc;

/// Fiscal years the engine answers for (B.E.).
const YEARS: std::ops::RangeInclusive<i32> = 2500..=2700;

fn year(be: i32) -> Result<FiscalYear, AppError> {
    if YEARS.contains(&be) { Ok(FiscalYear::from_be(be)) } else { Err(AppError::NotFound) }
}

#[derive(Deserialize, IntoParams)]
pub struct AsOfParams {
    /// Read the facts up to the end of this day (ISO date); today when left out.
    #[param(example = "2027-03-31")]
    pub as_of: Option<String>,
}

/// The year's scorecard evaluated from the live facts: every indicator's
/// score, each milestone step with its facts, evidence and what is missing.
#[utoipa::path(get, path = "/api/v1/staff/kpi/{fiscal_year}", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E.", example = 2570), AsOfParams),
    responses((status = 200, description = "The evaluation", body = KpiEvaluationDto), StaffRefusals, NotFound,
        (status = 422, description = "`as_of` is not a date", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn evaluation(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    page: Page,
    Path(be): Path<i32>,
    Query(params): Query<AsOfParams>,
) -> Result<Json<KpiEvaluationDto>, AppError> {
    let year = year(be)?;
    let as_of = match params.as_of.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(day) => Some(parse_date(day).map_err(|e| AppError::Invalid(vec![("as_of", e)]))?),
        None => None,
    };
    let evaluation = kpi::evaluate(&state.app, &caller, year, as_of).await?;
    let catalog = state.catalog().await?;
    Ok(Json(evaluation_dto(&Names { locale: page.locale, catalog: &catalog }, &evaluation)))
}

/// An indicator's definition, as `GET` gives it, `POST` takes it whole and
/// `PUT` takes the fields that change (a JSON merge patch, RFC 7396).
#[derive(Deserialize, serde::Serialize, ToSchema)]
#[schema(value_type = Object, example = json!({
    "code": "4", "name_th": "ระดับความสำเร็จของการปรับปรุงกระบวนการสนับสนุนเทคโนโลยีสารสนเทศ",
    "name_en": "Level of success in improving the IT support process", "weight": 25, "kind": "milestone",
    "steps": [{"criterion_th": "…", "criterion_en": "…", "rule": "channels"}],
    "settings": {"s2_min_groups": 3}
}))]
pub struct KpiDefinition(serde_json::Value);

/// One indicator's definition, with the settings its rules read in force.
#[utoipa::path(get, path = "/api/v1/staff/kpi/{fiscal_year}/indicators/{code}", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."), ("code" = String, Path, description = "Indicator code")),
    responses((status = 200, description = "The definition", body = KpiDefinition), StaffRefusals, NotFound))]
pub async fn definition(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, code)): Path<(i32, String)>,
) -> Result<Json<KpiDefinition>, AppError> {
    let indicator = kpi::definition(&state.app, &caller, year(be)?, &code).await?;
    let mut value = serde_json::to_value(&indicator).map_err(|e| AppError::Internal(e.to_string()))?;
    if let Some(fields) = value.as_object_mut() {
        let in_force: serde_json::Map<String, serde_json::Value> = indicator
            .settings()
            .into_iter()
            .map(|(name, v)| (name.to_owned(), serde_json::to_value(v).unwrap_or_default()))
            .collect();
        fields.insert("settings_in_force".into(), in_force.into());
    }
    Ok(Json(KpiDefinition(value)))
}

/// Add an indicator to the year (administrators).
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/indicators", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E.")),
    request_body = KpiDefinition,
    responses((status = 201, description = "Added", body = KpiDefinition), StaffRefusals, BodyRefusals, NotFound, Conflicted))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(be): Path<i32>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<Response, AppError> {
    let indicator = kpi::create(&state.app, &caller, year(be)?, body).await?;
    let value = serde_json::to_value(&indicator).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((StatusCode::CREATED, Json(KpiDefinition(value))).into_response())
}

/// Change an indicator's definition (administrators): weight, targets,
/// direction, the rule settings (`{"settings": {"s2_min_groups": 4}}`; `null` restores a default).
#[utoipa::path(put, path = "/api/v1/staff/kpi/{fiscal_year}/indicators/{code}", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."), ("code" = String, Path, description = "Indicator code")),
    request_body = KpiDefinition,
    responses((status = 200, description = "The definition as saved", body = KpiDefinition), StaffRefusals, BodyRefusals, NotFound))]
pub async fn amend(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, code)): Path<(i32, String)>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<KpiDefinition>, AppError> {
    let indicator = kpi::amend(&state.app, &caller, year(be)?, &code, patch).await?;
    Ok(Json(KpiDefinition(serde_json::to_value(&indicator).map_err(|e| AppError::Internal(e.to_string()))?)))
}

/// A range indicator's value for a reporting round.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiValueRequest {
    /// 6, 9 or 12 (months into the fiscal year).
    #[schema(example = 6)]
    pub round: serde_json::Value,
    #[schema(value_type = f64, example = 81.25)]
    pub value: serde_json::Value,
    #[serde(default)]
    pub note: String,
}

/// Enter a range indicator's value for a round (data collectors and the director).
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/indicators/{code}/values", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."), ("code" = String, Path, description = "Indicator code")),
    request_body = KpiValueRequest,
    responses((status = 201, description = "Recorded; its evidence files follow at `…/values/{id}/evidence`", body = KpiCreatedDto),
        StaffRefusals, BodyRefusals, NotFound, Conflicted))]
pub async fn enter_value(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, code)): Path<(i32, String)>,
    body: RawJson,
) -> Result<Response, AppError> {
    let body: KpiValueRequest = body.parse_for(&caller, (Subject::IndicatorValue, Action::Write))?;
    let (round, value) = round_and_figure(&body.round, ("value", &body.value))?;
    let id = kpi::enter_value(&state.app, &caller, year(be)?, &code, (round, value, &body.note), &[]).await?;
    Ok((StatusCode::CREATED, Json(KpiCreatedDto { id })).into_response())
}

/// What a POST recorded: its id, to attach evidence files to.
#[derive(serde::Serialize, ToSchema)]
pub struct KpiCreatedDto {
    #[schema(example = 12)]
    pub id: i64,
}

/// A round and a figure as JSON numbers or strings, every bad one named.
fn round_and_figure(
    round: &serde_json::Value,
    (field, figure): (&'static str, &serde_json::Value),
) -> Result<(Round, Decimal), AppError> {
    let mut errors = Vec::new();
    let round = match round {
        serde_json::Value::Number(n) => Round::parse(&n.to_string()),
        serde_json::Value::String(s) => Round::parse(s),
        _ => Err(FieldError::UnknownChoice),
    }
    .map_err(|e| errors.push(("round", e)))
    .ok();
    let figure = match figure {
        serde_json::Value::Number(n) => Decimal::parse(&n.to_string()),
        serde_json::Value::String(s) => Decimal::parse(s),
        _ => Err(FieldError::NotADecimal),
    }
    .map_err(|e| errors.push((field, e)))
    .ok();
    match (round, figure) {
        (Some(round), Some(figure)) => Ok((round, figure)),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// A JSON number or string as typed; anything else as text no field takes.
fn json_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The evaluating committee's score of an indicator for a round.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiAssessmentRequest {
    /// 6, 9 or 12 (months into the fiscal year).
    #[schema(example = 6)]
    pub round: serde_json::Value,
    /// On the year's scale (0–5 for the seed's), four places at most.
    #[schema(value_type = f64, example = 4.5)]
    pub score: serde_json::Value,
    #[serde(default)]
    pub note: String,
}

/// Enter the evaluating committee's score of an indicator (evaluators);
/// the scorecard shows it beside the Center's own.
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/indicators/{code}/assessments", tag = "kpi",
    security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."), ("code" = String, Path, description = "Indicator code")),
    request_body = KpiAssessmentRequest,
    responses((status = 201, description = "Recorded"), StaffRefusals, BodyRefusals, NotFound))]
pub async fn assess(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, code)): Path<(i32, String)>,
    body: RawJson,
) -> Result<StatusCode, AppError> {
    let body: KpiAssessmentRequest =
        body.parse_for(&caller, (Subject::CommitteeAssessment, Action::Write))?;
    let typed = (json_text(&body.round), json_text(&body.score));
    kpi::assess(&state.app, &caller, year(be)?, &code, (&typed.0, &typed.1, &body.note)).await?;
    Ok(StatusCode::CREATED)
}

/// The director's judgement of a step.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiSignOffRequest {
    pub met: bool,
    /// Why: required, and shown wherever the step is.
    pub reason: String,
}

/// Sign off a milestone step as met or not met (the director); it overrides the step's rule.
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/indicators/{code}/steps/{n}/sign-off", tag = "kpi",
    security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."), ("code" = String, Path, description = "Indicator code"),
        ("n" = u8, Path, description = "Step number")),
    request_body = KpiSignOffRequest,
    responses((status = 201, description = "Recorded; its evidence files follow at `…/sign-offs/{id}/evidence`", body = KpiCreatedDto),
        StaffRefusals, BodyRefusals, NotFound))]
pub async fn sign_off(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, code, step)): Path<(i32, String, u8)>,
    body: RawJson,
) -> Result<Response, AppError> {
    let body: KpiSignOffRequest = body.parse_for(&caller, (Subject::Indicator, Action::Approve))?;
    let id =
        kpi::sign_off(&state.app, &caller, year(be)?, &code, (step, body.met, &body.reason), &[]).await?;
    Ok((StatusCode::CREATED, Json(KpiCreatedDto { id })).into_response())
}

/// What the data collectors write for a round, under the self-assessment
/// report's four headings; any may be empty, not all.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiNarrativeRequest {
    /// ผลการดำเนินงาน (at most 4,000 characters, as each of the four).
    #[serde(default)]
    pub performance: String,
    /// คำชี้แจงและมาตรการที่ได้ดำเนินการ.
    #[serde(default)]
    pub explanation: String,
    /// ปัจจัยสนับสนุน.
    #[serde(default)]
    pub factors: String,
    /// อุปสรรค.
    #[serde(default)]
    pub obstacles: String,
}

/// Write the round's narrative of an indicator (data collectors and the
/// director); the self-assessment report of the round prints the newest.
#[utoipa::path(put, path = "/api/v1/staff/kpi/{fiscal_year}/indicators/{code}/rounds/{round}/narrative", tag = "kpi",
    security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."), ("code" = String, Path, description = "Indicator code"),
        ("round" = String, Path, description = "The round: 6, 9 or 12 (months)")),
    request_body = KpiNarrativeRequest,
    responses((status = 204, description = "Recorded"), StaffRefusals, BodyRefusals, NotFound))]
pub async fn write_narrative(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, code, round)): Path<(i32, String, String)>,
    body: RawJson,
) -> Result<StatusCode, AppError> {
    let body: KpiNarrativeRequest = body.parse_for(&caller, (Subject::IndicatorValue, Action::Write))?;
    let round = Round::parse(&round).map_err(|e| AppError::Invalid(vec![("round", e)]))?;
    let typed = Narrative {
        performance: body.performance,
        explanation: body.explanation,
        factors: body.factors,
        obstacles: body.obstacles,
    };
    kpi::write_narrative(&state.app, &caller, year(be)?, &code, round, &typed).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Serialize, ToSchema)]
pub struct KpiCopyDto {
    /// The year that was started.
    #[schema(example = 2571)]
    pub fiscal_year: i32,
    pub indicators: usize,
}

/// Start the next fiscal year with this year's indicators (administrators).
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/copy-to-next", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E.")),
    responses((status = 201, description = "Copied", body = KpiCopyDto), StaffRefusals, NotFound, Conflicted))]
pub async fn copy_to_next(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(be): Path<i32>,
) -> Result<Response, AppError> {
    let from = year(be)?;
    let to = year(be + 1)?;
    let indicators = kpi::copy_year(&state.app, &caller, from, to).await?;
    Ok((StatusCode::CREATED, Json(KpiCopyDto { fiscal_year: to.be(), indicators })).into_response())
}
