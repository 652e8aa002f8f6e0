//! Staff work manuals over the API: start one, save its draft, take it
//! through review and approval, record periodic reviews, compare revisions
//! and acknowledge the one in force. Each handler is a thin adapter of
//! `ruamjai_app::manuals::work`.

use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_app::manuals::work::{self, NewManual};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::consultation::parse_date;
use ruamjai_domain::work_manual::WorkManualInput;
use ruamjai_domain::work_manual::control::{Action, ReviewOutcome, RevisionNumber};
use ruamjai_store::work_manuals::WorkManualFilter;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi, ToSchema};

use super::dto::{
    DiffDto, ReviewDto, WorkManualDto, WorkManualListDto, detail_dto, diff_dto, review_dto, summary_dto,
};
use crate::download::PrintQuery;
use crate::kit::{ApiCaller, ApiJson, BodyRefusals, Conflicted, NotFound, StaffRefusals};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post, put};
    axum::Router::new()
        .route("/staff/work-manuals", get(list).post(create))
        .route("/staff/work-manuals/{id}", get(show).put(update))
        .route("/staff/work-manuals/{id}/draft", put(save_draft))
        .route("/staff/work-manuals/{id}/forms", post(attach_form))
        .route("/staff/work-manuals/{id}/actions", post(act))
        .route("/staff/work-manuals/{id}/reviews", post(review))
        .route("/staff/work-manuals/{id}/diff", get(diff))
        .route("/staff/work-manuals/{id}/public", put(set_public))
        .route("/staff/work-manuals/{id}/revisions/{n}/acknowledgement", post(acknowledge))
        .route("/staff/work-manuals/{id}/revisions/{file}", get(revision_file))
}

#[derive(OpenApi)]
#[openapi(
    paths(list, create, show, update, save_draft, attach_form, act, review, diff, acknowledge, revision_file, set_public),
    tags((name = "work-manuals", description = "Staff work manuals (SOPs): drafting, review, approval, periodic review and acknowledgement"))
)]
pub struct WorkApiDoc;

#[derive(Deserialize, IntoParams)]
pub struct ListParams {
    /// Only this service's manuals.
    pub service_id: Option<String>,
    /// Only this division's manuals.
    pub division: Option<String>,
    /// Only the manuals any of whose revisions holds every one of these
    /// words (Thai-aware full-text search; at most 100 characters).
    pub q: Option<String>,
}

/// The work manuals, in service order.
#[utoipa::path(get, path = "/api/v1/staff/work-manuals", tag = "work-manuals", security(("bearer" = [])),
    params(ListParams),
    responses((status = 200, description = "The manuals", body = WorkManualListDto), StaffRefusals))]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(params): Query<ListParams>,
) -> Result<Json<WorkManualListDto>, AppError> {
    let filter =
        WorkManualFilter { service: params.service_id.as_deref(), division: params.division.as_deref() };
    let lines = match params.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) if q.chars().count() > 100 => {
            return Err(AppError::Invalid(vec![("q", FieldError::TooLong { max: 100 })]));
        }
        Some(q) => work::search(&state.app, &caller, filter, q).await?,
        None => work::list(&state.app, &caller, filter).await?,
    };
    Ok(Json(WorkManualListDto { items: lines.into_iter().map(summary_dto).collect() }))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct WorkManualAudienceRequest {
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub divisions: Vec<String>,
}

/// A new work manual of a service.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkManualRequest {
    #[schema(example = "network-status")]
    pub service_id: String,
    pub title_th: String,
    #[serde(default)]
    pub title_en: String,
    /// The owning division; the service's when left out.
    pub division: Option<String>,
    /// The document code; `WM-<division>-<service>-<nn>` when left out.
    pub code: Option<String>,
    pub audience: WorkManualAudienceRequest,
    /// Start the first draft from the citizen manual's published steps.
    #[serde(default)]
    pub from_citizen_manual: bool,
}

/// Start a work manual (and, if asked, its first draft from the citizen manual).
#[utoipa::path(post, path = "/api/v1/staff/work-manuals", tag = "work-manuals", security(("bearer" = [])),
    request_body = WorkManualRequest,
    responses((status = 201, description = "Started", body = WorkManualDto), StaffRefusals, BodyRefusals))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<WorkManualRequest>,
) -> Result<Response, AppError> {
    let new = NewManual {
        service: body.service_id,
        title_th: body.title_th,
        title_en: body.title_en,
        division: body.division,
        code: body.code,
        roles: body.audience.roles,
        divisions: body.audience.divisions,
        from_citizen_manual: body.from_citizen_manual,
    };
    let record = work::create(&state.app, &caller, new).await?;
    let detail = work::detail(&state.app, &caller, record.id).await?;
    Ok((StatusCode::CREATED, Json(detail_dto(&detail)?)).into_response())
}

/// A work manual with every revision, the draft and the periodic reviews.
#[utoipa::path(get, path = "/api/v1/staff/work-manuals/{id}", tag = "work-manuals", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "The manual", body = WorkManualDto), StaffRefusals, NotFound))]
pub async fn show(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<WorkManualDto>, AppError> {
    Ok(Json(detail_dto(&work::detail(&state.app, &caller, id).await?)?))
}

/// A manual's details as they are to be.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkManualDetailsRequest {
    #[schema(example = "WM-INFRASTRUCTURE-NETWORK-STATUS-01")]
    pub code: String,
    pub title_th: String,
    #[serde(default)]
    pub title_en: String,
    pub audience: WorkManualAudienceRequest,
}

/// Change the manual's code, titles and audience. The audience may change
/// at any time (who joins it is asked to read the revision in force); the
/// code and titles only until a revision goes to review (409 after).
#[utoipa::path(put, path = "/api/v1/staff/work-manuals/{id}", tag = "work-manuals", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = WorkManualDetailsRequest,
    responses((status = 200, description = "The manual", body = WorkManualDto),
              StaffRefusals, NotFound, Conflicted, BodyRefusals))]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<WorkManualDetailsRequest>,
) -> Result<Json<WorkManualDto>, AppError> {
    let details = work::Details {
        code: body.code,
        title_th: body.title_th,
        title_en: body.title_en,
        roles: body.audience.roles,
        divisions: body.audience.divisions,
    };
    work::update_details(&state.app, &caller, id, details).await?;
    Ok(Json(detail_dto(&work::detail(&state.app, &caller, id).await?)?))
}

/// Save the draft (a new revision after the one in force when none is open).
#[utoipa::path(put, path = "/api/v1/staff/work-manuals/{id}/draft", tag = "work-manuals", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = super::schema::WorkManualDraftRequest,
    responses((status = 200, description = "The manual with its saved draft", body = WorkManualDto),
              StaffRefusals, NotFound, Conflicted, BodyRefusals))]
pub async fn save_draft(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<WorkManualInput>,
) -> Result<Json<WorkManualDto>, AppError> {
    work::record(&state.app, &caller, id).await?;
    let draft = body.parse().map_err(AppError::InvalidItems)?;
    work::save_draft(&state.app, &caller, id, &draft).await?;
    Ok(Json(detail_dto(&work::detail(&state.app, &caller, id).await?)?))
}

/// Attach a form file (PDF, Word, Excel, JPEG or PNG, at most 10 MiB) to
/// the open draft, as multipart fields `title` and `file`: the draft's forms
/// gain a link to it.
#[utoipa::path(post, path = "/api/v1/staff/work-manuals/{id}/forms", tag = "work-manuals", security(("bearer" = [])),
    params(("id" = i64, Path)),
    request_body(content_type = "multipart/form-data", description = "`title` (text) and `file` (the form)"),
    responses((status = 201, description = "The form, linked from the draft", body = crate::manuals::api::forms::FormFileDto),
              (status = 403, description = "Not an officer or collector of the manual's division, or the director", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such manual", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 409, description = "No draft is open, or it is in review", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 413, description = "The file is over the limit", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "`forms.new.title` or `forms.new.file` is missing or refused", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn attach_form(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let record = work::record(&state.app, &caller, id).await?;
    if !work::may_edit(&caller, &record) {
        return Err(AppError::Forbidden);
    }
    let new_form = match crate::manuals::api::forms::read_form(multipart).await? {
        Ok(new_form) => new_form,
        Err(refused) => return Ok(refused),
    };
    let title = new_form.title.clone();
    let (stored, url) = work::attach_form(&state.app, &caller, id, new_form).await?;
    Ok(crate::manuals::api::forms::created(title, url, stored))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkManualActionRequest {
    /// submit (the author), review (the division's collector), return (with
    /// a comment) or approve (the director, with the effective date).
    #[schema(example = "submit")]
    pub action: String,
    #[serde(default)]
    pub comment: String,
    #[schema(example = "2027-01-01")]
    pub effective_date: Option<String>,
}

/// Take the open revision one step of its workflow.
#[utoipa::path(post, path = "/api/v1/staff/work-manuals/{id}/actions", tag = "work-manuals", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = WorkManualActionRequest,
    responses((status = 200, description = "The manual after the step", body = WorkManualDto),
              StaffRefusals, NotFound, Conflicted, BodyRefusals))]
pub async fn act(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<WorkManualActionRequest>,
) -> Result<Json<WorkManualDto>, AppError> {
    let action = Action::parse(&body.action).map_err(|e| AppError::Invalid(vec![("action", e)]))?;
    let effective = match body.effective_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(parse_date(raw).map_err(|e| AppError::Invalid(vec![("effective_date", e)]))?),
    };
    work::act(&state.app, &caller, id, action, &body.comment, effective).await?;
    Ok(Json(detail_dto(&work::detail(&state.app, &caller, id).await?)?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkManualReviewRequest {
    /// no_change (the revision stays) or revise (a draft is opened).
    #[schema(example = "no_change")]
    pub outcome: String,
    #[serde(default)]
    pub note: String,
}

/// Record the periodic review of the revision in force.
#[utoipa::path(post, path = "/api/v1/staff/work-manuals/{id}/reviews", tag = "work-manuals", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = WorkManualReviewRequest,
    responses((status = 201, description = "Recorded", body = ReviewDto), StaffRefusals, NotFound, Conflicted, BodyRefusals))]
pub async fn review(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<WorkManualReviewRequest>,
) -> Result<Response, AppError> {
    let outcome = ReviewOutcome::parse(&body.outcome).map_err(|e| AppError::Invalid(vec![("outcome", e)]))?;
    let review = work::review(&state.app, &caller, id, outcome, &body.note).await?;
    Ok((StatusCode::CREATED, Json(review_dto(&review))).into_response())
}

#[derive(Deserialize, IntoParams)]
pub struct DiffParams {
    /// The older revision ("1" or "1.1").
    pub from: String,
    /// The newer revision.
    pub to: String,
}

fn revision_number(field: &'static str, raw: &str) -> Result<RevisionNumber, AppError> {
    RevisionNumber::parse(raw).map_err(|e: FieldError| AppError::Invalid(vec![(field, e)]))
}

/// Two revisions compared: sections word by word, steps field by field.
#[utoipa::path(get, path = "/api/v1/staff/work-manuals/{id}/diff", tag = "work-manuals", security(("bearer" = [])),
    params(("id" = i64, Path), DiffParams),
    responses((status = 200, description = "The differences", body = DiffDto), StaffRefusals, NotFound, BodyRefusals))]
pub async fn diff(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    Query(params): Query<DiffParams>,
) -> Result<Json<DiffDto>, AppError> {
    let (from, to) = (revision_number("from", &params.from)?, revision_number("to", &params.to)?);
    Ok(Json(diff_dto(&work::compare(&state.app, &caller, id, from, to).await?)))
}

/// "I have read and understood" the revision in force: 201 the first time, 200 after.
#[utoipa::path(post, path = "/api/v1/staff/work-manuals/{id}/revisions/{n}/acknowledgement", tag = "work-manuals",
    security(("bearer" = [])), params(("id" = i64, Path), ("n" = u32, Path, description = "The major revision's number")),
    responses((status = 201, description = "Recorded"), (status = 200, description = "Already recorded"),
              StaffRefusals, NotFound, Conflicted))]
pub async fn acknowledge(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((id, n)): Path<(i64, u32)>,
) -> Result<StatusCode, AppError> {
    let recorded = work::acknowledge(&state.app, &caller, id, n).await?;
    Ok(if recorded { StatusCode::CREATED } else { StatusCode::OK })
}

/// A revision printed: `{n}.pdf` in the Thai SOP layout (cover, approval
/// block, revision history, contents, workflow table with its symbols,
/// the content hash at every foot; "obsolete" across a superseded one), or
/// `{n}.docx` for Word. `?digits=thai` writes numbers in Thai digits.
#[utoipa::path(get, path = "/api/v1/staff/work-manuals/{id}/revisions/{file}", tag = "work-manuals",
    security(("bearer" = [])),
    params(("id" = i64, Path), ("file" = String, Path, description = "The revision and the format: `2.pdf`, `2.1.docx`"),
           ("digits" = Option<String>, Query, description = "`thai` for Thai digits")),
    responses((status = 200, description = "The file", content(
        (Vec<u8> = "application/pdf"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))),
        StaffRefusals, NotFound))]
pub async fn revision_file(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    page: Page,
    Path((id, file)): Path<(i64, String)>,
    Query(print): Query<PrintQuery>,
) -> Result<Response, AppError> {
    super::files::revision_file(&state, &caller, &page, id, &file, &print).await
}

/// Whether the manual is published.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkManualPublicRequest {
    /// True: its revision in force is listed on the public site and its
    /// service's manual page. False: internal again.
    pub public: bool,
}

/// Publish the manual to the public, or take it back (the division's
/// collector or the director).
#[utoipa::path(put, path = "/api/v1/staff/work-manuals/{id}/public", tag = "work-manuals",
    security(("bearer" = [])), params(("id" = i64, Path)), request_body = WorkManualPublicRequest,
    responses((status = 200, description = "The manual", body = WorkManualDto), StaffRefusals, NotFound, BodyRefusals))]
pub async fn set_public(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<WorkManualPublicRequest>,
) -> Result<Json<WorkManualDto>, AppError> {
    work::set_public(&state.app, &caller, id, body.public).await?;
    Ok(Json(detail_dto(&work::detail(&state.app, &caller, id).await?)?))
}
