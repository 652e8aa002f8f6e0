//! A survey report taken away: the workbook (figures, sample and a chart),
//! the figures as CSV, the report as JSON (the API's shape), and the chart
//! the report page shows.

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_docs::chart::{Bar, StackedText, stacked_bars};
use ruamjai_docs::satisfaction::{SurveyLabels, report_csv, report_xlsx};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::stats::ScaleSummary;
use ruamjai_store::satisfaction::Survey;

use super::surveys::FilterQuery;
use crate::auth::session::Staff;
use crate::download::{CSV, XLSX, file_download};
use crate::kit::Names;
use crate::page::Page;
use crate::satisfaction::api::surveys::SurveyReport;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/surveys/{id}/report.xlsx", get(workbook))
        .route("/staff/surveys/{id}/report.csv", get(csv))
        .route("/staff/surveys/{id}/report.json", get(json))
}

/// The report's words in the page's language.
pub(super) struct ReportWords<'a> {
    pub(super) page: &'a Page,
    pub(super) catalog: &'a Catalog,
    pub(super) survey: &'a Survey,
}

impl SurveyLabels for ReportWords<'_> {
    fn text(&self, key: &str) -> String {
        self.page.t(key)
    }

    fn item(&self, code: &str) -> String {
        let item = self.survey.questionnaire.item(code);
        item.map_or_else(|| code.to_owned(), |i| self.page.pick(&i.text_th, &i.text_en).to_owned())
    }

    fn dimension(&self, code: &str) -> String {
        match self.survey.questionnaire.sections.iter().find(|s| s.code == code) {
            Some(s) => self.page.pick(&s.title_th, &s.title_en).to_owned(),
            None => self.page.t("survey-overall"),
        }
    }

    fn group(&self, code: &str) -> String {
        Names { page: self.page, catalog: self.catalog }.group(code)
    }

    fn band(&self, summary: &ScaleSummary) -> String {
        summary.band.map_or_else(|| "—".to_owned(), |b| self.page.t(&format!("band-{}", b.code())))
    }
}

impl ReportWords<'_> {
    /// Dissatisfied, neutral and satisfied shares per dimension and overall.
    pub(super) fn dimension_chart(&self, report: &SatisfactionReport) -> String {
        let labels: Vec<String> = report
            .dimensions
            .iter()
            .chain(std::iter::once(&report.overall))
            .map(|d| self.dimension(&d.dimension))
            .collect();
        let bars: Vec<Bar<'_>> = report
            .dimensions
            .iter()
            .chain(std::iter::once(&report.overall))
            .zip(&labels)
            .map(|(d, label)| {
                let s = &d.summary.dist;
                Bar { label, parts: [s[0] + s[1], s[2], s[3] + s[4]] }
            })
            .collect();
        let (title, description) = (self.page.t("survey-chart-title"), self.page.t("survey-chart-desc"));
        let parts = ["survey-chart-dissatisfied", "survey-chart-neutral", "survey-chart-satisfied"]
            .map(|k| self.page.t(k));
        let words = StackedText {
            title: &title,
            description: &description,
            parts: [&parts[0], &parts[1], &parts[2]],
        };
        stacked_bars(&bars, &words)
    }
}

async fn figures(
    state: &AppState,
    id: i64,
    query: &FilterQuery,
) -> Result<(Survey, SatisfactionReport), AppError> {
    let survey = state.store.survey(id).await?;
    let report = state.store.satisfaction_report(id, &query.filter()?).await?;
    Ok((survey, report))
}

/// A download of the report, made by `build` in the page's language.
async fn export(
    state: &AppState,
    page: &Page,
    id: i64,
    query: &FilterQuery,
    (extension, mime): (&str, &'static str),
    build: impl FnOnce(&Survey, &SatisfactionReport, &ReportWords<'_>) -> Result<Vec<u8>, AppError>,
) -> Result<Response, AppError> {
    let (survey, report) = figures(state, id, query).await?;
    let catalog = state.catalog().await?;
    let words = ReportWords { page, catalog: &catalog, survey: &survey };
    // A few dozen rows: built here rather than on the blocking pool.
    let content = build(&survey, &report, &words)?;
    Ok(file_download(&format!("survey-{id}-report.{extension}"), mime, content))
}

async fn workbook(
    State(state): State<AppState>,
    page: Page,
    _staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<FilterQuery>,
) -> Result<Response, AppError> {
    export(&state, &page, id, &query, ("xlsx", XLSX), |survey, report, words| {
        report_xlsx(&survey.name, report, words).map_err(|e| AppError::Internal(e.to_string()))
    })
    .await
}

async fn csv(
    State(state): State<AppState>,
    page: Page,
    _staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<FilterQuery>,
) -> Result<Response, AppError> {
    export(&state, &page, id, &query, ("csv", CSV), |_, report, words| Ok(report_csv(report, words))).await
}

async fn json(
    State(state): State<AppState>,
    _staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<FilterQuery>,
) -> Result<Json<SurveyReport>, AppError> {
    let (_, report) = figures(&state, id, &query).await?;
    Ok(Json(report.into()))
}
