//! Handing a round in over the API: a pack requested (202 and a job to
//! follow), the finished ZIP, the director's seals with what changed since,
//! and the committee's remarks on a sealed step.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_app::kpi::rounds::{self, SealView};
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;
use ruamjai_store::kpi::packs::{PackJob, PackState};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::kit::json::rfc3339;
use crate::kit::{ApiCaller, BodyRefusals, Conflicted, NotFound, RawJson, StaffRefusals};
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/staff/kpi/{fiscal_year}/packs", post(request_pack))
        .route("/staff/kpi/{fiscal_year}/packs/{file}", get(pack_zip))
        .route("/staff/jobs/{job_id}", get(job))
        .route("/staff/kpi/{fiscal_year}/seals", post(seal).get(seals))
        .route("/staff/kpi/{fiscal_year}/seals/{round}/steps/{n}/comments", post(comment))
}

fn round_of(raw: i64) -> Result<Round, AppError> {
    Round::parse(&raw.to_string()).map_err(|e| AppError::Invalid(vec![("round", e)]))
}

#[derive(Deserialize, ToSchema)]
pub struct KpiPackRequest {
    /// The reporting round: 6, 9 or 12 months.
    #[schema(example = 12, minimum = 6, maximum = 12)]
    pub round: i64,
}

#[derive(Serialize, ToSchema)]
pub struct KpiJobCreatedDto {
    #[schema(example = 7)]
    pub job_id: i64,
}

/// Pack a round's evidence in the background (collectors and the director):
/// follow it at `GET /api/v1/staff/jobs/{job_id}`.
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/packs", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E.", example = 2570)),
    request_body = KpiPackRequest,
    responses((status = 202, description = "Queued", body = KpiJobCreatedDto), StaffRefusals, BodyRefusals))]
pub async fn request_pack(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(be): Path<i32>,
    body: RawJson,
) -> Result<Response, AppError> {
    let body: KpiPackRequest = body.parse_for(&caller, (Subject::IndicatorValue, Action::Write))?;
    let round = round_of(body.round)?;
    let job_id =
        rounds::request_pack(&state.app, &caller, (FiscalYear::from_be(be), round), super::pack_json())
            .await?;
    Ok((StatusCode::ACCEPTED, Json(KpiJobCreatedDto { job_id })).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct KpiJobDto {
    /// `queued`, `running`, `done` or `failed`.
    #[schema(example = "running")]
    pub state: &'static str,
    /// Documents and files written, of all.
    #[schema(example = 12)]
    pub done: i64,
    #[schema(example = 49)]
    pub total: i64,
    #[schema(example = 4_255_569)]
    pub bytes: i64,
    /// Where the finished pack is downloaded.
    #[schema(example = "/api/v1/staff/kpi/2570/packs/7.zip")]
    pub href: Option<String>,
    /// Why a failed pack failed.
    pub error: Option<String>,
    #[schema(example = 2570)]
    pub fiscal_year: i32,
    #[schema(example = 12)]
    pub round: u8,
    /// The SHA-256 of the pack's `manifest-sha256.txt`, once done.
    pub manifest_sha256: Option<String>,
}

fn job_dto(job: &PackJob) -> KpiJobDto {
    let be = job.year.be();
    KpiJobDto {
        state: job.state.code(),
        done: job.done,
        total: job.total,
        bytes: job.bytes,
        href: (job.state == PackState::Done).then(|| format!("/api/v1/staff/kpi/{be}/packs/{}.zip", job.id)),
        error: job.error.clone(),
        fiscal_year: be,
        round: job.round.months(),
        manifest_sha256: job.manifest_sha256.clone(),
    }
}

/// A background job: an evidence pack's progress.
#[utoipa::path(get, path = "/api/v1/staff/jobs/{job_id}", tag = "kpi", security(("bearer" = [])),
    params(("job_id" = i64, Path, description = "The job, as its request gave it")),
    responses((status = 200, description = "The job", body = KpiJobDto), StaffRefusals, NotFound))]
pub async fn job(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<KpiJobDto>, AppError> {
    Ok(Json(job_dto(&rounds::job(&state.app, &caller, id).await?)))
}

/// A finished evidence pack: a ZIP holding one BagIt bag (RFC 8493).
#[utoipa::path(get, path = "/api/v1/staff/kpi/{fiscal_year}/packs/{file}", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."),
        ("file" = String, Path, description = "`{id}.zip`", example = "7.zip")),
    responses((status = 200, description = "The pack", content_type = "application/zip"), StaffRefusals, NotFound,
        Conflicted, (status = 410, description = "The pack's file is no longer kept", body = crate::kit::Problem,
            content_type = "application/problem+json")))]
pub async fn pack_zip(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, file)): Path<(i32, String)>,
) -> Result<Response, AppError> {
    super::rounds::pack_download(&state, &caller, be, &file).await
}

#[derive(Deserialize, ToSchema)]
pub struct KpiSealRequest {
    #[schema(example = 12, minimum = 6, maximum = 12)]
    pub round: i64,
    /// Required when the round was sealed before.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct KpiCreatedIdDto {
    #[schema(example = 3)]
    pub id: i64,
}

/// Seal a round on its newest finished pack (the director).
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/seals", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E.")),
    request_body = KpiSealRequest,
    responses((status = 201, description = "Sealed", body = KpiCreatedIdDto), StaffRefusals, BodyRefusals, Conflicted))]
pub async fn seal(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(be): Path<i32>,
    body: RawJson,
) -> Result<Response, AppError> {
    let body: KpiSealRequest = body.parse_for(&caller, (Subject::Indicator, Action::Approve))?;
    let round = round_of(body.round)?;
    let id = rounds::seal(&state.app, &caller, (FiscalYear::from_be(be), round), &body.reason).await?;
    Ok((StatusCode::CREATED, Json(KpiCreatedIdDto { id })).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct KpiStepOutcomeDto {
    #[schema(example = "4")]
    pub code: String,
    #[schema(example = 2)]
    pub step: u8,
    pub met: bool,
}

#[derive(Serialize, ToSchema)]
pub struct KpiSealCommentDto {
    pub step: u8,
    pub text: String,
    pub by: String,
    /// The author's role: `evaluator`, `director` or `collector`.
    pub role: String,
    pub at: String,
}

#[derive(Serialize, ToSchema)]
pub struct KpiSealDto {
    #[schema(example = 12)]
    pub round: u8,
    /// RFC 3339.
    pub sealed_at: String,
    pub by: String,
    pub reason: String,
    pub pack_id: i64,
    pub manifest_sha256: String,
    pub audit_seq: i64,
    pub audit_head: String,
    /// The evaluation as the API gave it when the pack was made.
    #[schema(value_type = Object)]
    pub evaluation: serde_json::Value,
    /// The steps whose result, evaluated again now, differs from the sealed one.
    pub changed_steps: Vec<KpiStepOutcomeDto>,
    /// A later seal of the same round replaced this one.
    pub superseded: bool,
    pub comments: Vec<KpiSealCommentDto>,
}

fn seal_dto(view: &SealView) -> KpiSealDto {
    let seal = &view.seal;
    KpiSealDto {
        round: seal.round.months(),
        sealed_at: rfc3339(seal.at),
        by: seal.by.clone(),
        reason: seal.reason.clone(),
        pack_id: seal.pack_id,
        manifest_sha256: seal.manifest_sha256.clone(),
        audit_seq: seal.audit_seq,
        audit_head: seal.audit_head.clone(),
        evaluation: serde_json::from_str(&seal.evaluation_json).unwrap_or(serde_json::Value::Null),
        changed_steps: view
            .changed_steps
            .iter()
            .map(|s| KpiStepOutcomeDto { code: s.code.clone(), step: s.step, met: s.met })
            .collect(),
        superseded: view.superseded,
        comments: view
            .comments
            .iter()
            .map(|c| KpiSealCommentDto {
                step: c.step,
                text: c.body.clone(),
                by: c.by.clone(),
                role: c.role.clone(),
                at: rfc3339(c.at),
            })
            .collect(),
    }
}

/// The year's seals, each with the steps that changed since and its remarks.
#[utoipa::path(get, path = "/api/v1/staff/kpi/{fiscal_year}/seals", tag = "kpi", security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E.")),
    responses((status = 200, description = "The seals, by round and oldest first", body = [KpiSealDto]), StaffRefusals))]
pub async fn seals(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(be): Path<i32>,
) -> Result<Json<Vec<KpiSealDto>>, AppError> {
    let views = rounds::seals(&state.app, &caller, FiscalYear::from_be(be)).await?;
    Ok(Json(views.iter().map(seal_dto).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct KpiCommentRequest {
    #[schema(min_length = 1, max_length = 2000, example = "ขอดูรายชื่อผู้เข้าร่วมกิจกรรม")]
    pub text: String,
}

/// Remark on a step of the round's newest seal (evaluators), or answer one
/// (the director and the collectors).
#[utoipa::path(post, path = "/api/v1/staff/kpi/{fiscal_year}/seals/{round}/steps/{n}/comments", tag = "kpi",
    security(("bearer" = [])),
    params(("fiscal_year" = i32, Path, description = "Fiscal year, B.E."),
        ("round" = i64, Path, description = "6, 9 or 12"), ("n" = u8, Path, description = "The step")),
    request_body = KpiCommentRequest,
    responses((status = 201, description = "Written", body = KpiCreatedIdDto), StaffRefusals, BodyRefusals, NotFound))]
pub async fn comment(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((be, round, n)): Path<(i32, i64, u8)>,
    body: RawJson,
) -> Result<Response, AppError> {
    let body: KpiCommentRequest = body.parse_for(&caller, (Subject::RoundComment, Action::Write))?;
    let round = round_of(round)?;
    let id = rounds::comment(&state.app, &caller, (FiscalYear::from_be(be), round, n), &body.text).await?;
    Ok((StatusCode::CREATED, Json(KpiCreatedIdDto { id })).into_response())
}
