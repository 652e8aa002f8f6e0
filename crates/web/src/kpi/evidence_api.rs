//! Evidence files over the API: a value or a sign-off is recorded as JSON
//! (its id comes back), and its files follow as `multipart/form-data`, each
//! part named `evidence`.

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_app::kpi::{self, EVIDENCE_MAX, EntryRef};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::attachment::{MAX_BYTES, NewAttachment};
use ruamjai_domain::calendar::FiscalYear;

use super::dto::{KpiEvidenceFileDto, file_dto};
use crate::auth::csrf::read_parts;
use crate::kit::{ApiCaller, BodyRefusals, NotFound, StaffRefusals};
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    use axum::routing::post;
    let limit = DefaultBodyLimit::max(EVIDENCE_MAX * (MAX_BYTES + 64 * 1024) + 64 * 1024);
    axum::Router::new()
        .route("/staff/kpi/{fiscal_year}/values/{id}/evidence", post(value_evidence).layer(limit))
        .route("/staff/kpi/{fiscal_year}/sign-offs/{id}/evidence", post(sign_off_evidence).layer(limit))
}

/// Attach evidence files (PDF, JPEG, PNG, Word or Excel, 10 MiB each, five
/// in all) to a value a collector entered.
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/values/{id}/evidence", tag = "kpi",
    security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."), ("id" = i64, Path, description = "The value's id, as its POST gave it")),
    request_body(content_type = "multipart/form-data", description = "One `evidence` part per file"),
    responses((status = 201, description = "The files", body = [KpiEvidenceFileDto]), StaffRefusals, BodyRefusals, NotFound))]
pub async fn value_evidence(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, id)): Path<(i32, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    if !caller.could(Subject::IndicatorValue, Action::Write) {
        return Err(AppError::Forbidden);
    }
    attach(&state, &caller, be, EntryRef::Value(id), multipart).await
}

/// Attach evidence files to a step's sign-off (the director).
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/sign-offs/{id}/evidence", tag = "kpi",
    security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."), ("id" = i64, Path, description = "The sign-off's id, as its POST gave it")),
    request_body(content_type = "multipart/form-data", description = "One `evidence` part per file"),
    responses((status = 201, description = "The files", body = [KpiEvidenceFileDto]), StaffRefusals, BodyRefusals, NotFound))]
pub async fn sign_off_evidence(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, id)): Path<(i32, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    if !caller.could(Subject::Indicator, Action::Approve) {
        return Err(AppError::Forbidden);
    }
    attach(&state, &caller, be, EntryRef::SignOff(id), multipart).await
}

async fn attach(
    state: &AppState,
    caller: &ruamjai_app::Caller,
    be: i32,
    entry: EntryRef,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (_, uploads) = match read_parts(multipart).await {
        Ok(parts) => parts,
        Err(refused) => return Ok(refused),
    };
    let (files, refused) = NewAttachment::check_all(uploads.iter().map(|u| u.parts()), EVIDENCE_MAX);
    if !refused.is_empty() {
        let fields: Vec<(&'static str, FieldError)> = refused.into_iter().map(|e| ("evidence", e)).collect();
        return Err(AppError::Invalid(fields));
    }
    let stored = kpi::attach_evidence(&state.app, caller, FiscalYear::from_be(be), entry, &files).await?;
    let year = FiscalYear::from_be(be);
    let dto: Vec<KpiEvidenceFileDto> = stored.iter().map(|f| file_dto(year, f)).collect();
    Ok((StatusCode::CREATED, Json(dto)).into_response())
}
