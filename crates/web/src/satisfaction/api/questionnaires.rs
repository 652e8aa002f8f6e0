//! The Center's own questionnaires over the API. A questionnaire reads in
//! the shape it is written back in: GET, change, PUT.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_domain::satisfaction::drafting::{QuestionnaireInput, SectionInput};
use ruamjai_store::satisfaction::{QuestionnaireSummary, SavedVersion};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;

use crate::kit::ApiCaller;
use crate::kit::ApiJson;
use crate::{AppError, AppState};
use ruamjai_app::satisfaction::questionnaires::{self, Origin};

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireVersionDto {
    pub id: i64,
    pub version: i64,
    /// When the first response locked it; null while a save changes it in place.
    pub locked_at: Option<String>,
    /// Surveys that ask it.
    pub surveys: i64,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireListDto {
    pub id: i64,
    pub name: String,
    /// The built-in standard: copy it, it is never changed.
    pub builtin: bool,
    /// Oldest first.
    pub versions: Vec<QuestionnaireVersionDto>,
}

/// The latest version's questions, in the shape PUT takes back.
#[derive(Serialize, ToSchema)]
pub struct QuestionnaireDto {
    pub id: i64,
    pub name: String,
    pub builtin: bool,
    pub version_id: i64,
    pub version: i64,
    pub locked: bool,
    /// `[{code, title_th, title_en, items: [{code, text_th, text_en, kind, required, options: [{code, text_th, text_en}]}]}]`;
    /// `kind` is `scale`, `single-choice`, `multiple-choice`, `short-text`, `long-text` or `recommendation`.
    #[schema(value_type = Vec<Object>)]
    pub sections: serde_json::Value,
}

/// A new questionnaire: a copy of `from` (`"standard"`, the default, or a
/// questionnaire id), or the `sections` given.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewQuestionnaire {
    pub name: String,
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "standard")]
    pub from: Option<serde_json::Value>,
    #[serde(default)]
    #[schema(value_type = Option<Vec<Object>>)]
    pub sections: Option<Vec<SectionInput>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireUpdate {
    pub name: String,
    /// As GET gives them; a row without a `code` is new.
    #[schema(value_type = Vec<Object>)]
    pub sections: Vec<SectionInput>,
}

#[derive(Serialize, ToSchema)]
pub struct SavedDto {
    pub id: i64,
    pub version_id: i64,
    pub version: i64,
    /// True when the latest version had responses, so this save made a new one.
    pub new_version: bool,
}

impl From<SavedVersion> for SavedDto {
    fn from(s: SavedVersion) -> Self {
        Self {
            id: s.questionnaire_id,
            version_id: s.version_id,
            version: s.version,
            new_version: s.new_version,
        }
    }
}

fn list_dto(q: &QuestionnaireSummary) -> Result<QuestionnaireListDto, AppError> {
    let versions = (q.versions.iter())
        .map(|v| {
            let locked_at = v.locked_at.map(|t| t.format(&Rfc3339)).transpose();
            Ok(QuestionnaireVersionDto {
                id: v.id,
                version: v.version,
                locked_at: locked_at.map_err(|e| AppError::Internal(e.to_string()))?,
                surveys: v.surveys,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(QuestionnaireListDto { id: q.id, name: q.name.clone(), builtin: q.builtin, versions })
}

/// The questionnaires and their versions.
#[utoipa::path(get, path = "/api/v1/staff/questionnaires", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, description = "Every questionnaire, the standard first once a survey used it", body = [QuestionnaireListDto])))]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<Vec<QuestionnaireListDto>>, AppError> {
    let all = questionnaires::list(&state.app, &caller).await?;
    Ok(Json(all.iter().map(list_dto).collect::<Result<_, _>>()?))
}

/// The latest version of a questionnaire.
#[utoipa::path(get, path = "/api/v1/staff/questionnaires/{id}", tag = "surveys", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "Its latest questions", body = QuestionnaireDto),
              (status = 404, description = "No such questionnaire", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<QuestionnaireDto>, AppError> {
    let detail = questionnaires::of(&state.app, &caller, id).await?;
    let (Some(version), Some(body)) = (detail.summary.latest(), detail.latest()) else {
        return Err(AppError::NotFound);
    };
    let sections = serde_json::to_value(QuestionnaireInput::from(body).sections)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Json(QuestionnaireDto {
        id,
        name: detail.summary.name.clone(),
        builtin: detail.summary.builtin,
        version_id: version.id,
        version: version.version,
        locked: version.locked_at.is_some(),
        sections,
    }))
}

/// Start a questionnaire from the standard, a copy of another, or questions given.
#[utoipa::path(post, path = "/api/v1/staff/questionnaires", tag = "surveys", security(("bearer" = [])),
    request_body = NewQuestionnaire,
    responses((status = 201, description = "Created as version 1", body = SavedDto),
              (status = 403, description = "Evaluators write nothing", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A field is refused; `errors` names it (`sections.2.items.3.text_th`)", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<NewQuestionnaire>,
) -> Result<Response, AppError> {
    let origin = match (body.sections, body.from) {
        (Some(sections), _) => Origin::Typed(QuestionnaireInput { sections }),
        (None, Some(serde_json::Value::Number(n))) => Origin::parse(&n.to_string())?,
        (None, Some(serde_json::Value::String(s))) => Origin::parse(&s)?,
        (None, _) => Origin::Standard,
    };
    let saved = questionnaires::create(&state.app, &caller, &body.name, origin).await?;
    Ok((StatusCode::CREATED, Json(SavedDto::from(saved))).into_response())
}

/// Save a questionnaire's questions: in place while its latest version has
/// no response, else as the next version (surveys keep theirs).
#[utoipa::path(put, path = "/api/v1/staff/questionnaires/{id}", tag = "surveys", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = QuestionnaireUpdate,
    responses((status = 200, description = "Saved", body = SavedDto),
              (status = 403, description = "Evaluators write nothing", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The built-in standard is copied, never changed", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A field is refused; `errors` names it (`sections.2.items.3.options`)", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn save(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<QuestionnaireUpdate>,
) -> Result<Json<SavedDto>, AppError> {
    let input = QuestionnaireInput { sections: body.sections };
    Ok(Json(questionnaires::save(&state.app, &caller, id, &body.name, &input).await?.into()))
}
