//! Staff work on submissions over the API, with a bearer token: the inbox,
//! workflow transitions, replies and notes, assignment. The same division
//! scope and audit as on the web.

use axum::Json;
use axum::extract::{Path, Query, State};
use ruamjai_app::participation::inbox;
use ruamjai_domain::participation::Status;
use ruamjai_store::accounts::StaffUser;
use ruamjai_store::participation::{InboxRow, Step};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::kit::ApiJson;
use crate::kit::ApiUser;
use crate::kit::json::rfc3339;
use crate::participation::staff::inbox::InboxQuery;
use crate::{AppError, AppState};

const PAGE_SIZE: i64 = 50;

/// Inbox filters; every one optional.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxParams {
    /// `open` (default), `overdue` or `all`.
    #[serde(default)]
    show: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    kind: String,
    /// Service code.
    #[serde(default)]
    service: String,
    #[serde(default)]
    channel: String,
    /// Stakeholder group code.
    #[serde(default)]
    group: String,
    /// `me` or `nobody`.
    #[serde(default)]
    assignee: String,
    /// Words in the subject or details.
    #[serde(default)]
    q: String,
    /// `next_before` of the previous page.
    before: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct InboxPage {
    pub items: Vec<InboxItem>,
    /// Pass as `before` for the next page; absent on the last page.
    pub next_before: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct InboxItem {
    pub code: String,
    pub kind: String,
    pub channel: String,
    pub status: String,
    pub service_id: Option<String>,
    pub group_id: String,
    pub subject: String,
    pub created_at: String,
    pub reply_due_at: Option<String>,
    pub assignee: Option<String>,
}

fn item(row: InboxRow) -> InboxItem {
    InboxItem {
        code: row.code.to_string(),
        kind: row.kind.code().into(),
        channel: row.channel.code().into(),
        status: row.status.code().into(),
        service_id: row.service_code,
        group_id: row.group_code,
        subject: row.subject,
        created_at: rfc3339(row.created_at),
        reply_due_at: row.reply_due_at.map(rfc3339),
        assignee: row.assignee_name,
    }
}

/// The inbox the token's role covers, newest first, 50 at a time.
#[utoipa::path(get, path = "/api/v1/staff/submissions", tag = "staff", security(("bearer" = [])), params(InboxParams),
    responses((status = 200, description = "One page of the inbox", body = InboxPage),
              (status = 401, description = "No valid token", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(p): Query<InboxParams>,
) -> Result<Json<InboxPage>, AppError> {
    let query = InboxQuery {
        show: p.show,
        status: p.status,
        kind: p.kind,
        service: p.service,
        channel: p.channel,
        group: p.group,
        assignee: p.assignee,
        q: p.q,
        before: p.before,
    };
    let caller = ruamjai_app::Caller::Staff(user.clone());
    let rows = inbox::page(&state.app, &caller, &query.filter(user.id), p.before, PAGE_SIZE).await?;
    let next_before = (rows.len() == PAGE_SIZE as usize).then(|| rows.last().map(|r| r.id)).flatten();
    Ok(Json(InboxPage { items: rows.into_iter().map(item).collect(), next_before }))
}

/// A workflow transition, optionally with a note or a public reply.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    /// The new status, e.g. `in_progress`, `resolved`, `rejected`.
    pub to: String,
    /// Required for `rejected` and `duplicate`.
    pub note: Option<String>,
    /// Show the note to the submitter.
    #[serde(default)]
    pub public: bool,
}

/// A reply or internal note without a status change.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyRequest {
    pub text: String,
    #[serde(default)]
    pub public: bool,
}

#[derive(Serialize, ToSchema)]
pub struct StatusDto {
    pub code: String,
    pub status: String,
}

async fn apply(
    state: &AppState,
    user: &StaffUser,
    code: &str,
    step: Step<'_>,
) -> Result<Json<StatusDto>, AppError> {
    let caller = ruamjai_app::Caller::Staff(user.clone());
    let (code, status) = inbox::step(&state.app, &caller, code, step).await?;
    Ok(Json(StatusDto { code: code.to_string(), status: status.code().into() }))
}

/// Move a submission through the workflow.
#[utoipa::path(post, path = "/api/v1/staff/submissions/{code}/transitions", tag = "staff", security(("bearer" = [])),
    params(("code" = String, Path)), request_body = TransitionRequest,
    responses((status = 200, description = "The new status", body = StatusDto),
              (status = 409, description = "Not allowed from the current status", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Unknown status, or a missing reason", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn transition(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<TransitionRequest>,
) -> Result<Json<StatusDto>, AppError> {
    let to = Status::parse(&body.to).map_err(|e| AppError::Invalid(vec![("to", e)]))?;
    apply(&state, &user, &code, Step { to: Some(to), text: body.note.as_deref(), public: body.public }).await
}

/// Reply to the submitter (`public: true`) or add an internal note.
#[utoipa::path(post, path = "/api/v1/staff/submissions/{code}/replies", tag = "staff", security(("bearer" = [])),
    params(("code" = String, Path)), request_body = ReplyRequest,
    responses((status = 200, description = "Recorded", body = StatusDto),
              (status = 422, description = "Empty text", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn reply(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<ReplyRequest>,
) -> Result<Json<StatusDto>, AppError> {
    if body.text.trim().is_empty() {
        return Err(AppError::Invalid(vec![("text", ruamjai_domain::accounts::FieldError::Required)]));
    }
    apply(&state, &user, &code, Step { to: None, text: Some(&body.text), public: body.public }).await
}

/// Whom to assign; `null` for nobody.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    pub user_id: Option<i64>,
}

/// Assign a submission to a staff member.
#[utoipa::path(put, path = "/api/v1/staff/submissions/{code}/assignee", tag = "staff", security(("bearer" = [])),
    params(("code" = String, Path)), request_body = AssignRequest,
    responses((status = 200, description = "Assigned", body = StatusDto),
              (status = 422, description = "No such active account", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn assign(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<AssignRequest>,
) -> Result<Json<StatusDto>, AppError> {
    let caller = ruamjai_app::Caller::Staff(user);
    let code = inbox::assign(&state.app, &caller, &code, body.user_id).await?;
    let detail = inbox::detail(&state.app, &caller, &code.to_string()).await?;
    Ok(Json(StatusDto { code: code.to_string(), status: detail.status.code().into() }))
}
