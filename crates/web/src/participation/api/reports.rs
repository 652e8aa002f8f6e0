//! The participation report over the API: what the report page and its
//! workbook show, as numbers for a dashboard or a spreadsheet.

use axum::Json;
use axum::extract::{Query, State};
use ruamjai_app::participation::reports;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::participation::report::{DurationStats, Period, Report};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use crate::kit::{ApiCaller, StaffRefusals};
use crate::{AppError, AppState};

#[derive(Deserialize, IntoParams)]
pub struct ReportParams {
    /// A fiscal year in the Buddhist Era (`2570`) or one of its halves
    /// (`2570-h1`, `2570-h2`); the current fiscal year when left out.
    pub period: Option<String>,
}

/// One count of the report.
#[derive(Serialize, ToSchema)]
pub struct Count {
    /// The code counted (a kind, channel, service, group or `YYYY-MM`);
    /// `null` for submissions about no particular service.
    pub key: Option<String>,
    pub count: u64,
}

/// The centre and spread of answer times, in days.
#[derive(Serialize, ToSchema)]
pub struct Times {
    pub n: usize,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
}

impl From<DurationStats> for Times {
    fn from(s: DurationStats) -> Self {
        Self { n: s.n, median_days: s.median_days, p90_days: s.p90_days }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ParticipationReport {
    /// As asked: `2570`, `2570-h1` or `2570-h2`.
    pub period: String,
    pub total: u64,
    /// Still waiting for an answer.
    pub open: u64,
    pub by_kind: Vec<Count>,
    pub by_channel: Vec<Count>,
    pub by_service: Vec<Count>,
    pub by_group: Vec<Count>,
    pub by_month: Vec<Count>,
    pub first_reply: Times,
    pub resolution: Times,
    /// Answered, and answered within the service's reply target.
    pub answered: u64,
    pub answered_in_time: u64,
    pub answered_in_time_pct: Option<f64>,
}

fn counts<K>(rows: Vec<(K, u64)>, key: impl Fn(K) -> Option<String>) -> Vec<Count> {
    rows.into_iter().map(|(k, count)| Count { key: key(k), count }).collect()
}

fn dto(report: Report) -> ParticipationReport {
    ParticipationReport {
        period: report.period.code(),
        total: report.total,
        open: report.open,
        by_kind: counts(report.by_kind, |k| Some(k.code().into())),
        by_channel: counts(report.by_channel, |c| Some(c.code().into())),
        by_service: counts(report.by_service, |s| s),
        by_group: counts(report.by_group, Some),
        by_month: counts(report.by_month, |m| Some(format!("{:04}-{:02}", m.year(), u8::from(m.month())))),
        first_reply: report.first_reply.into(),
        resolution: report.resolution.into(),
        answered: report.compliance.answered,
        answered_in_time: report.compliance.met,
        answered_in_time_pct: report.compliance.percent(),
    }
}

/// The participation report of a fiscal year or half.
#[utoipa::path(get, path = "/api/v1/staff/reports/participation", tag = "participation", security(("bearer" = [])),
    params(ReportParams),
    responses((status = 200, description = "The report", body = ParticipationReport),
              (status = 422, description = "`period` is not a fiscal year or half", body = crate::kit::Problem, content_type = "application/problem+json"),
              StaffRefusals))]
pub async fn participation(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(params): Query<ReportParams>,
) -> Result<Json<ParticipationReport>, AppError> {
    let period = match params.period.as_deref().filter(|p| !p.trim().is_empty()) {
        None => Period { year: FiscalYear::of(OffsetDateTime::now_utc()), half: None },
        Some(raw) => Period::parse(raw).ok_or(AppError::Invalid(vec![(
            "period",
            ruamjai_domain::accounts::FieldError::UnknownChoice,
        )]))?,
    };
    Ok(Json(dto(reports::of(&state.app, &caller, period).await?)))
}
