//! Citizen manuals over the API: the published manual of a service, and
//! the staff endpoints that edit a draft and take it through review,
//! approval and publication.

mod dto;
pub(crate) mod forms;

pub use dto::{ManualDto, ManualVersionDto};

use axum::extract::{Path, State};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use ruamjai_domain::manual::ManualInput;
use ruamjai_domain::publication::{Action, AnnouncementInput, PublishInput};
use serde::Deserialize;
use time::OffsetDateTime;
use utoipa::{OpenApi, ToSchema};

use crate::kit::ApiJson;
use crate::kit::{ApiCaller, ApiUser};
use crate::manuals::{all_versions, current, publication_instant, service};
use crate::{AppError, AppState};
use dto::{manual_dto, version_dto};
use ruamjai_app::manuals;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/services/{id}/manual", get(published))
        .route("/staff/services/{id}/manual", put(save))
        .route("/staff/services/{id}/manual/versions", get(versions))
        .route(
            "/staff/services/{id}/manual/forms",
            post(forms::attach).layer(axum::extract::DefaultBodyLimit::max(
                ruamjai_domain::attachment::MAX_BYTES + 64 * 1024,
            )),
        )
        .route("/staff/services/{id}/manual/actions", post(act))
        .route("/staff/services/{id}/manual/publication", post(publish))
        .merge(crate::manuals::work::api::router())
}

#[derive(OpenApi)]
#[openapi(
    paths(published, save, versions, act, publish, forms::attach),
    tags((name = "manuals", description = "Citizen manuals: the published manual, and its drafting, review and publication"))
)]
pub struct ApiDoc;

/// The published manual of a service, with its steps and total time.
#[utoipa::path(get, path = "/api/v1/services/{id}/manual", tag = "manuals",
    params(("id" = String, Path, description = "A service code")),
    responses((status = 200, description = "The manual in force", body = ManualDto),
              (status = 404, description = "No such service, or no manual published yet", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn published(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<ManualDto>, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    let published = current(&state, &id).await?;
    let locale = crate::i18n::api_locale(&headers);
    Ok(Json(manual_dto(&state, locale, service, &published.version, published.manual.clone())))
}

/// A draft's content and what changed.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualRequest {
    #[serde(default)]
    pub change_summary: String,
    /// The sections, as in `ManualDto`; steps take `duration: {value, unit}`,
    /// `kind` (task or decision), `then` for a task and `yes`/`no` for a
    /// decision (a step number or "end"); `documents` and `fees` are a list
    /// or the word "none".
    #[schema(value_type = Object)]
    pub manual: ManualInput,
}

/// Save the draft of a service's manual (a new revision when none is open).
#[utoipa::path(put, path = "/api/v1/staff/services/{id}/manual", tag = "manuals", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = ManualRequest,
    responses((status = 200, description = "The saved draft", body = ManualVersionDto),
              (status = 403, description = "Not an officer, collector of the service's division, or the director", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The open version is in review or approved", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A field is refused; `errors` names it (`steps.2.duration.value`)", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn save(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ManualRequest>,
) -> Result<Json<ManualVersionDto>, AppError> {
    let catalog = state.catalog().await?;
    if !manuals::allows(&caller, service(&catalog, &id)?, Action::Edit) {
        return Err(AppError::Forbidden);
    }
    let manual = body.manual.parse().map_err(AppError::InvalidItems)?;
    let summary = body.change_summary.trim();
    let version = manuals::save_draft(&state.app, &caller, &id, manual, summary, None).await?;
    let now = OffsetDateTime::now_utc();
    Ok(Json(version_dto(&version, std::slice::from_ref(&version), now)?))
}

/// Every version of a service's manual, oldest first.
#[utoipa::path(get, path = "/api/v1/staff/services/{id}/manual/versions", tag = "manuals", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "The versions", body = [ManualVersionDto])))]
pub async fn versions(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<ManualVersionDto>>, AppError> {
    let catalog = state.catalog().await?;
    service(&catalog, &id)?;
    let versions = all_versions(&state, &id).await?;
    let now = OffsetDateTime::now_utc();
    versions.iter().map(|v| version_dto(v, &versions, now)).collect::<Result<_, _>>().map(Json)
}

/// A step of review.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRequest {
    /// submit, return or approve.
    pub action: String,
    /// Why a version is sent back.
    #[serde(default)]
    pub comment: String,
}

/// Submit the draft for review, send it back with a comment, or approve it.
#[utoipa::path(post, path = "/api/v1/staff/services/{id}/manual/actions", tag = "manuals", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = ActionRequest,
    responses((status = 200, description = "The version after the step", body = ManualVersionDto),
              (status = 403, description = "This role may not take this step", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The version is not at that stage", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Required sections are missing; `errors` lists them", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn act(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ActionRequest>,
) -> Result<Json<ManualVersionDto>, AppError> {
    let action = match body.action.trim() {
        "submit" => Action::Submit,
        "return" => Action::Return,
        "approve" => Action::Approve,
        _ => {
            return Err(AppError::Invalid(vec![(
                "action",
                ruamjai_domain::accounts::FieldError::UnknownChoice,
            )]));
        }
    };
    let acted = manuals::act(&state.app, &caller, &id, action, &body.comment).await?;
    let now = OffsetDateTime::now_utc();
    let versions = all_versions(&state, &id).await?;
    let version = versions.iter().find(|v| v.id == acted).ok_or(AppError::NotFound)?;
    Ok(Json(version_dto(version, &versions, now)?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnouncementRequest {
    /// The date of the announcement, `2026-12-01`.
    pub date: String,
    /// website, notice_board, official_letter, social_media or meeting.
    pub channels: Vec<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishRequest {
    /// A future date schedules the version to take effect then; empty or past publishes now.
    pub publish_at: Option<String>,
    pub announcement: AnnouncementRequest,
}

/// Publish the approved version, now or on a date, with its announcement.
#[utoipa::path(post, path = "/api/v1/staff/services/{id}/manual/publication", tag = "manuals", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = PublishRequest,
    responses((status = 200, description = "The published version", body = ManualVersionDto),
              (status = 403, description = "Only a collector of the division or the director publishes", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 409, description = "No approved version", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A field is refused or a required section is missing", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn publish(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PublishRequest>,
) -> Result<Json<ManualVersionDto>, AppError> {
    let catalog = state.catalog().await?;
    if !manuals::allows(&caller, service(&catalog, &id)?, Action::Publish) {
        return Err(AppError::Forbidden);
    }
    let input = PublishInput {
        publish_at: body.publish_at,
        announcement: AnnouncementInput {
            date: body.announcement.date,
            channels: body.announcement.channels,
            note: body.announcement.note,
        },
    };
    let (on, announcement) = input.parse().map_err(AppError::InvalidItems)?;
    let now = OffsetDateTime::now_utc();
    let at = publication_instant(on, now);
    let published = manuals::publish(&state.app, &caller, &id, at, &announcement, &[]).await?;
    state.manuals_changed();
    let versions = all_versions(&state, &id).await?;
    let version = versions.iter().find(|v| v.id == published).ok_or(AppError::NotFound)?;
    Ok(Json(version_dto(version, &versions, now)?))
}
