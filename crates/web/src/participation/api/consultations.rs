//! Consultations over the API, for staff: open one, read it with its
//! comments (evaluators without commenters' names and addresses), moderate
//! a comment, and publish the Center's response.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::participation::consultations;
use ruamjai_domain::participation::consultation::{ConsultationInput, Moderation, RESPONSE_MAX_CHARS};
use ruamjai_domain::text::Text;
use ruamjai_store::participation::{Comment, Consultation};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::kit::json::{app_refused_as, created, refused_as, rfc3339};
use crate::kit::{ApiCaller, ApiJson, BodyRefusals, NotFound, StaffRefusals};
use crate::{AppError, AppState};

/// A consultation: a draft put to stakeholder groups for comment.
#[derive(Serialize, ToSchema)]
pub struct ConsultationDto {
    pub id: i64,
    pub title: String,
    /// policy, service-standard, project or regulation.
    pub subject: String,
    pub draft: String,
    /// The first and last day comments are taken (Bangkok days, `YYYY-MM-DD`).
    pub opens_on: String,
    pub closes_on: String,
    pub group_ids: Vec<String>,
    /// upcoming, open, closed or responded, now.
    pub phase: String,
    /// What the Center did with the comments, once published.
    pub response: Option<String>,
    pub responded_at: Option<String>,
    pub published_comments: i64,
    pub pending_comments: i64,
}

fn consultation_dto(c: Consultation, now: OffsetDateTime) -> ConsultationDto {
    ConsultationDto {
        phase: c.phase(now).code().into(),
        id: c.id,
        title: c.title,
        subject: c.subject,
        draft: c.draft,
        opens_on: c.opens_on.to_string(),
        closes_on: c.closes_on.to_string(),
        group_ids: c.groups,
        response: c.response,
        responded_at: c.responded_at.map(rfc3339),
        published_comments: c.published_comments,
        pending_comments: c.pending_comments,
    }
}

/// A comment as moderators read it; evaluators get it without name,
/// organisation and e-mail.
#[derive(Serialize, ToSchema)]
pub struct CommentDto {
    pub id: i64,
    pub group_id: String,
    pub body: String,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub email: Option<String>,
    pub created_at: String,
    /// pending, published or rejected.
    pub moderation: String,
}

fn comment_dto(c: Comment) -> CommentDto {
    CommentDto {
        id: c.id,
        group_id: c.group,
        body: c.body,
        name: c.name,
        organisation: c.organisation,
        email: c.email,
        created_at: rfc3339(c.created_at),
        moderation: c.moderation.code().into(),
    }
}

/// Every consultation, newest first.
#[utoipa::path(get, path = "/api/v1/staff/consultations", tag = "participation", security(("bearer" = [])),
    responses((status = 200, description = "The consultations", body = [ConsultationDto]), StaffRefusals))]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(_caller): ApiCaller,
) -> Result<Json<Vec<ConsultationDto>>, AppError> {
    let now = OffsetDateTime::now_utc();
    let all = consultations::list(&state.app).await?;
    Ok(Json(all.into_iter().map(|c| consultation_dto(c, now)).collect()))
}

/// A consultation with the comments waiting for moderation and those published.
#[derive(Serialize, ToSchema)]
pub struct ConsultationDetail {
    pub consultation: ConsultationDto,
    pub pending: Vec<CommentDto>,
    pub published: Vec<CommentDto>,
}

#[utoipa::path(get, path = "/api/v1/staff/consultations/{id}", tag = "participation", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "The consultation and its comments", body = ConsultationDetail),
              StaffRefusals, NotFound))]
pub async fn detail(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<ConsultationDetail>, AppError> {
    let (c, _) = consultations::of(&state.app, id).await?;
    let pending = consultations::comments(&state.app, &caller, id, Moderation::Pending).await?;
    let published = consultations::comments(&state.app, &caller, id, Moderation::Published).await?;
    Ok(Json(ConsultationDetail {
        consultation: consultation_dto(c, OffsetDateTime::now_utc()),
        pending: pending.into_iter().map(comment_dto).collect(),
        published: published.into_iter().map(comment_dto).collect(),
    }))
}

/// A new consultation. Files (the draft as PDF) are attached on its page.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultationRequest {
    pub title: String,
    #[schema(example = "service-standard")]
    pub subject: String,
    pub draft: String,
    /// Codes from `/api/v1/stakeholder-groups`.
    pub group_ids: Vec<String>,
    #[schema(example = "2026-12-01")]
    pub opens_on: String,
    #[schema(example = "2026-12-31")]
    pub closes_on: String,
}

#[utoipa::path(post, path = "/api/v1/staff/consultations", tag = "participation", security(("bearer" = [])),
    request_body = ConsultationRequest,
    responses((status = 201, description = "Opened", body = crate::kit::json::Created), StaffRefusals, BodyRefusals))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<ConsultationRequest>,
) -> Result<Response, AppError> {
    let input = ConsultationInput {
        title: body.title,
        subject: body.subject,
        draft: body.draft,
        groups: body.group_ids,
        opens_on: body.opens_on,
        closes_on: body.closes_on,
    };
    const RENAMES: &[(&str, &str)] = &[("groups", "group_ids")];
    let new = input.parse().map_err(|errors| refused_as(RENAMES, errors))?;
    let id =
        consultations::open(&state.app, &caller, &new, &[]).await.map_err(|e| app_refused_as(RENAMES, e))?;
    Ok(created(id))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModerationRequest {
    /// published or rejected.
    pub decision: String,
}

/// Publish a comment on the public page, or reject it.
#[utoipa::path(put, path = "/api/v1/staff/consultations/{id}/comments/{comment}/moderation", tag = "participation",
    security(("bearer" = [])), params(("id" = i64, Path), ("comment" = i64, Path)), request_body = ModerationRequest,
    responses((status = 204, description = "Moderated"), StaffRefusals, NotFound, BodyRefusals))]
pub async fn moderate(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((id, comment)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ModerationRequest>,
) -> Result<StatusCode, AppError> {
    let decision = match Moderation::parse(&body.decision) {
        Ok(Moderation::Pending) | Err(_) => {
            return Err(AppError::Invalid(vec![(
                "decision",
                ruamjai_domain::accounts::FieldError::UnknownChoice,
            )]));
        }
        Ok(decision) => decision,
    };
    consultations::moderate(&state.app, &caller, id, comment, decision).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultationResponseRequest {
    /// What the Center heard and what it changed, in paragraphs.
    pub response: String,
}

/// Publish the Center's response once comments are closed.
#[utoipa::path(put, path = "/api/v1/staff/consultations/{id}/response", tag = "participation",
    security(("bearer" = [])), params(("id" = i64, Path)), request_body = ConsultationResponseRequest,
    responses((status = 204, description = "Published"),
              (status = 409, description = "Comments are still open", body = crate::kit::Problem, content_type = "application/problem+json"),
              StaffRefusals, NotFound, BodyRefusals))]
pub async fn respond(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ConsultationResponseRequest>,
) -> Result<StatusCode, AppError> {
    let response = Text::paragraphs(&body.response, RESPONSE_MAX_CHARS)
        .map_err(|error| AppError::Invalid(vec![("response", error)]))?;
    consultations::respond(&state.app, &caller, id, &response).await?;
    Ok(StatusCode::NO_CONTENT)
}
