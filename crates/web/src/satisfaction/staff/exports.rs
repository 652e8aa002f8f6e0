//! A survey report taken away: the workbook (figures, sample and a chart),
//! the figures as CSV, the report as JSON (the API's shape), and the chart
//! the report page shows.

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::satisfaction::surveys;
use ruamjai_app::satisfaction::words::SurveyWords;
use ruamjai_docs::satisfaction::{report_csv, report_xlsx};
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_store::satisfaction::Survey;

use super::surveys::FilterQuery;
use crate::auth::session::Staff;
use crate::download::{CSV, XLSX, file_download};
use crate::page::Page;
use crate::satisfaction::api::surveys::SurveyReport;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/surveys/{id}/report.xlsx", get(workbook))
        .route("/staff/surveys/{id}/report.csv", get(csv))
        .route("/staff/surveys/{id}/report.json", get(json))
}

async fn figures(
    state: &AppState,
    staff: &Staff,
    id: i64,
    query: &FilterQuery,
) -> Result<(Survey, SatisfactionReport), AppError> {
    let caller = staff.caller();
    let survey = surveys::of(&state.app, &caller, id).await?;
    let report = surveys::report(&state.app, &caller, id, &query.filter()?).await?;
    Ok((survey, report))
}

/// A download of the report, made by `build` in the page's language.
async fn export(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    id: i64,
    query: &FilterQuery,
    (extension, mime): (&str, &'static str),
    build: impl FnOnce(&Survey, &SatisfactionReport, &SurveyWords<'_>) -> Result<Vec<u8>, AppError>,
) -> Result<Response, AppError> {
    let (survey, report) = figures(state, staff, id, query).await?;
    let catalog = state.catalog().await?;
    let words = SurveyWords { locale: page.locale, catalog: &catalog, survey: &survey };
    // A few dozen rows: built here rather than on the blocking pool.
    let content = build(&survey, &report, &words)?;
    Ok(file_download(&format!("survey-{id}-report.{extension}"), mime, content))
}

async fn workbook(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<FilterQuery>,
) -> Result<Response, AppError> {
    export(&state, &page, &staff, id, &query, ("xlsx", XLSX), |survey, report, words| {
        report_xlsx(&survey.name, report, words).map_err(|e| AppError::Internal(e.to_string()))
    })
    .await
}

async fn csv(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<FilterQuery>,
) -> Result<Response, AppError> {
    export(&state, &page, &staff, id, &query, ("csv", CSV), |_, report, words| Ok(report_csv(report, words)))
        .await
}

async fn json(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<FilterQuery>,
) -> Result<Json<SurveyReport>, AppError> {
    let (_, report) = figures(&state, &staff, id, &query).await?;
    Ok(Json(report.into()))
}
