//! Satisfaction surveys over the API: surveys and their reports for staff,
//! the questionnaire and the response for the public.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::satisfaction::questionnaire::Section;
use ruamjai_domain::satisfaction::report::{DimensionFigures, SatisfactionReport};
use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
use ruamjai_domain::satisfaction::stats::ScaleSummary;
use ruamjai_domain::satisfaction::survey::SurveyInput;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::auth::ClientAddress;
use crate::kit::ApiCaller;
use crate::kit::ApiJson;
use crate::kit::json::rfc3339;
use crate::satisfaction::public::Sender;
use crate::satisfaction::staff::filter::FilterQuery;
use crate::{AppError, AppState};
use ruamjai_app::satisfaction::surveys;
use ruamjai_store::satisfaction::Survey;

/// A new survey. Instants are RFC 3339; `questionnaire_id` is `"standard"`
/// or the id of a questionnaire version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyRequest {
    pub name: String,
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "standard")]
    pub questionnaire_id: Option<serde_json::Value>,
    pub service_ids: Vec<String>,
    pub group_ids: Vec<String>,
    pub opens_at: String,
    pub closes_at: String,
    /// `anonymous` (the default), `token` or `identified`.
    #[serde(default)]
    pub mode: Option<String>,
    /// `equal` (the default, 0.8-wide bands) or `rounded`.
    #[serde(default)]
    pub band_scheme: Option<String>,
    /// Population per group id, for Taro Yamane's sample size.
    #[serde(default)]
    pub populations: BTreeMap<String, u64>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedSurvey {
    pub id: i64,
    pub public_url: String,
}

/// Launch a survey survey.
#[utoipa::path(post, path = "/api/v1/staff/surveys", tag = "staff", security(("bearer" = [])),
    request_body = SurveyRequest,
    responses((status = 201, description = "Created", body = CreatedSurvey),
              (status = 422, description = "A field is refused; `errors` names it", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<SurveyRequest>,
) -> Result<Response, AppError> {
    let mut errors = Vec::new();
    let mut instant = |field: &'static str, raw: &str| {
        let parsed = ruamjai_domain::calendar::parse_instant(raw);
        if parsed.is_none() {
            errors.push((field, FieldError::InvalidDate));
        }
        parsed
    };
    let input = SurveyInput {
        opens_at: instant("opens_at", &body.opens_at),
        closes_at: instant("closes_at", &body.closes_at),
        name: body.name,
        questionnaire: match body.questionnaire_id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => String::new(),
        },
        service_codes: body.service_ids,
        group_codes: body.group_ids,
        mode: body.mode.unwrap_or_default(),
        band_scheme: body.band_scheme.unwrap_or_default(),
        populations: body.populations.into_iter().map(|(g, n)| (g, n.to_string())).collect(),
    };
    let new = match input.parse() {
        Ok(new) if errors.is_empty() => new,
        Ok(_) => return Err(AppError::Invalid(errors)),
        Err(more) => return Err(AppError::Invalid(errors.into_iter().chain(more).collect())),
    };
    let id = surveys::launch(&state.app, &caller, &new).await?;
    Ok((StatusCode::CREATED, Json(CreatedSurvey { id, public_url: surveys::public_link(&state.app, id) }))
        .into_response())
}

/// Figures of an item, a dimension or the whole (see the definitions).
#[derive(Serialize, ToSchema)]
pub struct Figures {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension_id: Option<String>,
    pub n: u64,
    pub na: u64,
    /// Counts of 1, 2, 3, 4 and 5.
    pub dist: [u64; 5],
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub satisfied_pct: Option<f64>,
    pub dissatisfied_pct: Option<f64>,
    pub band: Option<String>,
    /// Dimensions and overall only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alpha: Option<Option<f64>>,
}

impl Figures {
    fn of(summary: &ScaleSummary) -> Self {
        Self {
            id: None,
            dimension_id: None,
            n: summary.n,
            na: summary.na,
            dist: summary.dist,
            mean: summary.mean,
            sd: summary.sd,
            satisfied_pct: summary.satisfied_pct,
            dissatisfied_pct: summary.dissatisfied_pct,
            band: summary.band.map(|b| b.code().to_owned()),
            alpha: None,
        }
    }

    fn of_dimension(d: &DimensionFigures) -> Self {
        Self { id: Some(d.dimension.clone()), alpha: Some(d.alpha), ..Self::of(&d.summary) }
    }
}

#[derive(Serialize, ToSchema)]
pub struct GroupAdequacy {
    pub group_id: String,
    pub population: Option<u64>,
    pub required: Option<u64>,
    pub achieved: u64,
}

#[derive(Serialize, ToSchema)]
pub struct SurveyReport {
    pub n_responses: u64,
    pub n_dissatisfied_responses: u64,
    pub items: Vec<Figures>,
    pub dimensions: Vec<Figures>,
    pub overall: Figures,
    pub groups: Vec<GroupAdequacy>,
}

impl From<SatisfactionReport> for SurveyReport {
    fn from(report: SatisfactionReport) -> Self {
        let mut overall = Figures::of_dimension(&report.overall);
        overall.id = None;
        Self {
            n_responses: report.responses,
            n_dissatisfied_responses: report.dissatisfied_responses,
            items: report
                .items
                .iter()
                .map(|i| Figures {
                    id: Some(i.item.clone()),
                    dimension_id: Some(i.dimension.clone()),
                    ..Figures::of(&i.summary)
                })
                .collect(),
            dimensions: report.dimensions.iter().map(Figures::of_dimension).collect(),
            overall,
            groups: report
                .groups
                .into_iter()
                .map(|g| GroupAdequacy {
                    group_id: g.group,
                    population: g.population,
                    required: g.required,
                    achieved: g.achieved,
                })
                .collect(),
        }
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ReportParams {
    #[serde(default)]
    pub service_id: String,
    #[serde(default)]
    pub group_id: String,
    /// A month, `2026-12`, or a day in it.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// A survey's report, read from its aggregate cells.
#[utoipa::path(get, path = "/api/v1/staff/surveys/{id}/report", tag = "staff", security(("bearer" = [])),
    params(("id" = i64, Path), ReportParams),
    responses((status = 200, description = "The report", body = SurveyReport)))]
pub async fn report(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    Query(params): Query<ReportParams>,
) -> Result<Json<SurveyReport>, AppError> {
    let query =
        FilterQuery { service: params.service_id, group: params.group_id, from: params.from, to: params.to };
    let report = surveys::report(&state.app, &caller, id, &query.filter()?).await?;
    Ok(Json(report.into()))
}

/// A survey's questionnaire, for a client to show.
#[derive(Serialize, ToSchema)]
pub struct SurveyQuestionnaireDto {
    pub id: i64,
    pub name: String,
    pub opens_at: String,
    pub closes_at: String,
    pub mode: String,
    pub service_ids: Vec<String>,
    pub group_ids: Vec<String>,
    #[schema(value_type = Vec<Object>)]
    pub sections: Vec<Section>,
}

#[utoipa::path(get, path = "/api/v1/surveys/{id}/questionnaire", tag = "surveys",
    params(("id" = i64, Path)),
    responses((status = 200, description = "The questionnaire", body = SurveyQuestionnaireDto)))]
pub async fn questionnaire(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<SurveyQuestionnaireDto>, AppError> {
    let c = Survey::clone(&*state.public_survey(id).await?);
    let rfc = rfc3339;
    Ok(Json(SurveyQuestionnaireDto {
        id: c.id,
        name: c.name,
        opens_at: rfc(c.opens_at),
        closes_at: rfc(c.closes_at),
        mode: c.mode.code().to_owned(),
        service_ids: c.service_codes,
        group_ids: c.groups.into_iter().map(|(g, _)| g).collect(),
        sections: c.questionnaire.sections,
    }))
}

/// A response. Answers by item id: `1`..`5` or `"na"` for a five-point item,
/// `0`..`10` for the recommendation, a text, a choice, or a list of choices.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseRequest {
    pub group_id: String,
    pub service_id: String,
    #[schema(value_type = Object)]
    pub answers: BTreeMap<String, serde_json::Value>,
    /// The single-use token of a token survey.
    #[serde(default)]
    pub token: Option<String>,
    /// Identified surveys only.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

fn answer_input(value: &serde_json::Value) -> AnswerInput {
    match value {
        serde_json::Value::String(s) => AnswerInput::One(s.clone()),
        serde_json::Value::Array(values) => AnswerInput::Many(
            values.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).collect(),
        ),
        serde_json::Value::Null => AnswerInput::One(String::new()),
        other => AnswerInput::One(other.to_string()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ResponseReceipt {
    #[schema(example = "recorded")]
    pub status: String,
}

#[utoipa::path(post, path = "/api/v1/surveys/{id}/responses", tag = "surveys",
    params(("id" = i64, Path)), request_body = ResponseRequest,
    responses((status = 201, description = "Recorded", body = ResponseReceipt),
              (status = 403, description = "Not open yet, or a token survey without a valid token", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The token was used", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 410, description = "The survey has closed", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "An answer is refused; `errors` names the item", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn respond(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ResponseRequest>,
) -> Result<Response, AppError> {
    let survey = state.public_survey(id).await?;
    let input = ResponseInput {
        group: body.group_id,
        service: body.service_id,
        answers: body.answers.iter().map(|(item, value)| (item.clone(), answer_input(value))).collect(),
    };
    let sender = Sender {
        token: body.token.unwrap_or_default(),
        name: body.name.unwrap_or_default(),
        email: body.email.unwrap_or_default(),
    };
    let now = OffsetDateTime::now_utc();
    ruamjai_app::satisfaction::responses::take(&state.app, &address.caller(), &survey, &input, &sender, now)
        .await?;
    Ok((StatusCode::CREATED, Json(ResponseReceipt { status: "recorded".into() })).into_response())
}
