//! Citizen manuals over the API: the published manual of a service, and
//! the staff endpoints that edit a draft and take it through review,
//! approval and publication.

use axum::Json;
use axum::extract::{Path, State};
use ruamjai_domain::calendar::{bangkok_date, bangkok_midnight};
use ruamjai_domain::manual::{Flow, Listing, Manual, ManualInput, Target};
use ruamjai_domain::publication::{Action, AnnouncementInput, Placement, PublishInput, standings};
use ruamjai_store::documents::{DocumentKind, Version};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;

use super::me::ApiUser;
use crate::manuals::{authorize, current, service};
use crate::{AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct DurationDto {
    pub value: u32,
    /// minutes, hours, working_days or days.
    pub unit: String,
}

#[derive(Serialize, ToSchema)]
pub struct StepDto {
    pub number: u32,
    pub title: String,
    pub description: String,
    pub duration: DurationDto,
    pub responsible_unit: String,
    /// task or decision.
    pub kind: String,
    /// A task's next step: a step number or "end".
    #[schema(value_type = Option<String>)]
    pub then: Option<Target>,
    /// A decision's answers: a step number or "end".
    #[schema(value_type = Option<String>)]
    pub yes: Option<Target>,
    #[schema(value_type = Option<String>)]
    pub no: Option<Target>,
}

/// The sum of the durations along the usual path, minutes carried into hours.
#[derive(Serialize, ToSchema)]
pub struct TotalDurationDto {
    pub days: u32,
    pub working_days: u32,
    pub hours: u32,
    pub minutes: u32,
    /// The same in words, in the language asked for.
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ChannelDto {
    pub place: String,
    pub hours: String,
    pub contact: String,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentDto {
    pub name: String,
    pub copies: Option<u32>,
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct FeeDto {
    pub item: String,
    pub baht: u32,
}

#[derive(Serialize, ToSchema)]
pub struct FormDto {
    pub title: String,
    pub url: String,
}

/// A service's citizen manual, in the sections and order of the model.
#[derive(Serialize, ToSchema)]
pub struct ManualDto {
    pub service_id: String,
    pub service_name_th: String,
    pub service_name_en: String,
    pub revision: u32,
    /// When this version took effect (RFC 3339).
    pub published_at: Option<String>,
    pub responsible_unit: String,
    pub legal_basis: String,
    pub channels: Vec<ChannelDto>,
    pub criteria: String,
    pub steps: Vec<StepDto>,
    pub total_duration: TotalDurationDto,
    /// True when the manual says no documents are required.
    pub no_documents_required: bool,
    pub documents: Vec<DocumentDto>,
    /// True when the manual says there is no fee.
    pub no_fee: bool,
    pub fees: Vec<FeeDto>,
    pub complaint_channels: String,
    pub forms: Vec<FormDto>,
    pub notes: String,
    pub page_url: String,
    pub flowchart_url: String,
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

fn step_dto(index: usize, step: &ruamjai_domain::manual::Step) -> StepDto {
    let (kind, then, yes, no) = match step.flow {
        Flow::Task { then } => ("task", Some(then), None, None),
        Flow::Decision { yes, no } => ("decision", None, Some(yes), Some(no)),
    };
    StepDto {
        number: index as u32 + 1,
        title: step.title.clone(),
        description: step.description.clone(),
        duration: DurationDto { value: step.duration.value, unit: step.duration.unit.code().into() },
        responsible_unit: step.responsible_unit.clone(),
        kind: kind.into(),
        then,
        yes,
        no,
    }
}

pub(crate) fn manual_dto(
    state: &AppState,
    locale: crate::i18n::Locale,
    service: &ruamjai_domain::catalog::Service,
    version: &Version,
    manual: Manual,
) -> ManualDto {
    let total = manual.total_duration();
    let base = format!("{}/services/{}", state.config.public_url.trim_end_matches('/'), service.code);
    ManualDto {
        service_id: service.code.clone(),
        service_name_th: service.name_th.clone(),
        service_name_en: service.name_en.clone(),
        revision: version.revision,
        published_at: version.publish_at.map(rfc3339),
        steps: manual.steps.iter().enumerate().map(|(i, s)| step_dto(i, s)).collect(),
        total_duration: TotalDurationDto {
            days: total.days,
            working_days: total.working_days,
            hours: total.hours,
            minutes: total.minutes,
            text: crate::manuals::total_text(locale, total),
        },
        no_documents_required: manual.documents == Listing::None,
        documents: (manual.documents.items().iter())
            .map(|d| DocumentDto { name: d.name.clone(), copies: d.copies, note: d.note.clone() })
            .collect(),
        no_fee: manual.fees == Listing::None,
        fees: manual.fees.items().iter().map(|f| FeeDto { item: f.item.clone(), baht: f.baht }).collect(),
        channels: (manual.channels.into_iter())
            .map(|c| ChannelDto { place: c.place, hours: c.hours, contact: c.contact })
            .collect(),
        forms: manual.forms.into_iter().map(|f| FormDto { title: f.title, url: f.url }).collect(),
        responsible_unit: manual.responsible_unit,
        legal_basis: manual.legal_basis,
        criteria: manual.criteria,
        complaint_channels: manual.complaint_channels,
        notes: manual.notes,
        page_url: format!("{base}/manual"),
        flowchart_url: format!("{base}/flowchart.svg"),
    }
}

/// The published manual of a service, with its steps and total time.
#[utoipa::path(get, path = "/api/v1/services/{id}/manual", tag = "manuals",
    params(("id" = String, Path, description = "A service code")),
    responses((status = 200, description = "The manual in force", body = ManualDto),
              (status = 404, description = "No such service, or no manual published yet", body = super::openapi::Problem, content_type = "application/problem+json")))]
pub async fn published(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<ManualDto>, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    let (version, manual) = current(&state, &id).await?;
    Ok(Json(manual_dto(&state, crate::i18n::api_locale(&headers), service, &version, manual)))
}

/// A version as staff see it.
#[derive(Serialize, ToSchema)]
pub struct VersionDto {
    pub id: i64,
    pub revision: u32,
    /// draft, in_review, approved, scheduled, current or superseded.
    pub standing: String,
    pub change_summary: String,
    pub review_comment: String,
    pub author: Option<String>,
    pub approved_by: Option<String>,
    pub publish_at: Option<String>,
    pub updated_at: String,
    /// Required sections still empty: submitting and publishing are refused until none are.
    pub missing_sections: Vec<String>,
}

/// A draft's content and what changed.
#[derive(Deserialize, ToSchema)]
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
    responses((status = 200, description = "The saved draft", body = VersionDto),
              (status = 403, description = "Not an officer, collector of the service's division, or the director", body = super::openapi::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The open version is in review or approved", body = super::openapi::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A field is refused; `errors` names it (`steps.2.duration.value`)", body = super::openapi::Problem, content_type = "application/problem+json")))]
pub async fn save(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    Json(body): Json<ManualRequest>,
) -> Result<Json<VersionDto>, AppError> {
    let catalog = state.catalog().await?;
    let actor = authorize(&user, service(&catalog, &id)?, Action::Edit)?;
    let manual = body.manual.parse().map_err(AppError::InvalidItems)?;
    let summary = body.change_summary.trim();
    let now = OffsetDateTime::now_utc();
    let version = state.store.save_manual_draft(&actor, &id, &manual, summary, now).await?;
    Ok(Json(version_dto(&version, std::slice::from_ref(&version), now)?))
}

/// Every version of a service's manual, oldest first.
#[utoipa::path(get, path = "/api/v1/staff/services/{id}/manual/versions", tag = "manuals", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "The versions", body = [VersionDto])))]
pub async fn versions(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<VersionDto>>, AppError> {
    let catalog = state.catalog().await?;
    service(&catalog, &id)?;
    let versions = all_versions(&state, &id).await?;
    let now = OffsetDateTime::now_utc();
    versions.iter().map(|v| version_dto(v, &versions, now)).collect::<Result<_, _>>().map(Json)
}

/// A step of review.
#[derive(Deserialize, ToSchema)]
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
    responses((status = 200, description = "The version after the step", body = VersionDto),
              (status = 403, description = "This role may not take this step", body = super::openapi::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The version is not at that stage", body = super::openapi::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Required sections are missing; `errors` lists them", body = super::openapi::Problem, content_type = "application/problem+json")))]
pub async fn act(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    Json(body): Json<ActionRequest>,
) -> Result<Json<VersionDto>, AppError> {
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
    let catalog = state.catalog().await?;
    let actor = authorize(&user, service(&catalog, &id)?, action)?;
    let open = open_version(&state, &id).await?;
    if action != Action::Return {
        refuse_if_incomplete(&open)?;
    }
    let now = OffsetDateTime::now_utc();
    state.store.act_on_version(&actor, open.id, action, body.comment.trim(), now).await?;
    let versions = all_versions(&state, &id).await?;
    let version = versions.iter().find(|v| v.id == open.id).ok_or(AppError::NotFound)?;
    Ok(Json(version_dto(version, &versions, now)?))
}

#[derive(Deserialize, ToSchema)]
pub struct AnnouncementRequest {
    /// The date of the announcement, `2026-12-01`.
    pub date: String,
    /// website, notice_board, official_letter, social_media or meeting.
    pub channels: Vec<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize, ToSchema)]
pub struct PublishRequest {
    /// A future date schedules the version to take effect then; empty or past publishes now.
    pub publish_at: Option<String>,
    pub announcement: AnnouncementRequest,
}

/// Publish the approved version, now or on a date, with its announcement.
#[utoipa::path(post, path = "/api/v1/staff/services/{id}/manual/publication", tag = "manuals", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = PublishRequest,
    responses((status = 200, description = "The published version", body = VersionDto),
              (status = 403, description = "Only a collector of the division or the director publishes", body = super::openapi::Problem, content_type = "application/problem+json"),
              (status = 409, description = "No approved version", body = super::openapi::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A field is refused or a required section is missing", body = super::openapi::Problem, content_type = "application/problem+json")))]
pub async fn publish(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    Json(body): Json<PublishRequest>,
) -> Result<Json<VersionDto>, AppError> {
    let catalog = state.catalog().await?;
    let actor = authorize(&user, service(&catalog, &id)?, Action::Publish)?;
    let input = PublishInput {
        publish_at: body.publish_at,
        announcement: AnnouncementInput {
            date: body.announcement.date,
            channels: body.announcement.channels,
            note: body.announcement.note,
        },
    };
    let (on, announcement) = input.parse().map_err(AppError::InvalidItems)?;
    let open = open_version(&state, &id).await?;
    refuse_if_incomplete(&open)?;
    let now = OffsetDateTime::now_utc();
    let at = publication_instant(on, now);
    state.store.publish_version(&actor, open.id, at, &announcement, &[], now).await?;
    let versions = all_versions(&state, &id).await?;
    let version = versions.iter().find(|v| v.id == open.id).ok_or(AppError::NotFound)?;
    Ok(Json(version_dto(version, &versions, now)?))
}

/// Midnight in Bangkok of a future date; at once for today or a past date.
pub(crate) fn publication_instant(on: Option<time::Date>, now: OffsetDateTime) -> OffsetDateTime {
    match on {
        Some(date) if date > bangkok_date(now) => bangkok_midnight(date),
        _ => now,
    }
}

pub(crate) fn refuse_if_incomplete(version: &Version) -> Result<(), AppError> {
    let missing = version.manual()?.missing_errors();
    if missing.is_empty() { Ok(()) } else { Err(AppError::InvalidItems(missing)) }
}

pub(crate) async fn all_versions(state: &AppState, service: &str) -> Result<Vec<Version>, AppError> {
    match state.store.service_document(DocumentKind::CitizenManual, service).await? {
        Some(document) => Ok(state.store.versions(document.id).await?),
        None => Ok(Vec::new()),
    }
}

/// The version being worked on, or 409 when every version is published.
pub(crate) async fn open_version(state: &AppState, service: &str) -> Result<Version, AppError> {
    let versions = all_versions(state, service).await?;
    versions.into_iter().find(|v| v.stage.is_open()).ok_or(AppError::Conflict("transition"))
}

fn version_dto(version: &Version, siblings: &[Version], now: OffsetDateTime) -> Result<VersionDto, AppError> {
    let placements: Vec<Placement> = siblings
        .iter()
        .map(|v| Placement { revision: v.revision, stage: v.stage, publish_at: v.publish_at })
        .collect();
    let standing = siblings
        .iter()
        .zip(standings(&placements, now))
        .find(|(v, _)| v.id == version.id)
        .map_or("draft", |(_, s)| s.code());
    Ok(VersionDto {
        id: version.id,
        revision: version.revision,
        standing: standing.into(),
        change_summary: version.change_summary.clone(),
        review_comment: version.review_comment.clone(),
        author: version.author.clone(),
        approved_by: version.approved_by.clone(),
        publish_at: version.publish_at.map(rfc3339),
        updated_at: rfc3339(version.updated_at),
        missing_sections: version.manual()?.missing().into_iter().map(|s| s.code().to_owned()).collect(),
    })
}
