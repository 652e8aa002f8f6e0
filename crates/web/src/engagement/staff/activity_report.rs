//! The fiscal year's activities report (page and XLSX) and each activity's
//! printable sign-in sheet.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::engagement::activities::{self, ReportWords};
use ruamjai_app::engagement::attendance::{self, SignInSheet};
use ruamjai_docs::engagement::{report_xlsx, sign_in_sheet};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::engagement::report::EngagementReport;

use crate::auth::session::Staff;
use crate::download::{XLSX, built_download};
use crate::kit::Names;
use crate::kit::{NavItem, YearQuery, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/activities/report", get(page))
        .route("/staff/activities/report.xlsx", get(workbook))
        .route("/staff/activities/{id}/sign-in-sheet.xlsx", get(sheet))
}

#[derive(Template)]
#[template(path = "engagement/staff/activity_report.html")]
struct ReportTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    names: Names<'a>,
    year: FiscalYear,
    report: EngagementReport,
}

impl ReportTemplate<'_> {
    fn kind_label(&self, code: &str) -> String {
        self.page.t(&format!("activity-kind-{code}"))
    }

    fn division_label(&self, code: &Option<String>) -> String {
        code.as_deref().map_or_else(|| self.page.t("engagement-no-division"), |c| self.names.division(c))
    }

    fn completion(&self) -> String {
        self.report
            .follow_up_completion()
            .map_or_else(|| "—".into(), |share| format!("{:.1}%", share * 100.0))
    }
}

async fn page(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    let year = q.year();
    let report = activities::report(&state.app, &staff.caller(), year).await?;
    let catalog = state.catalog().await?;
    let template = ReportTemplate {
        page: &page,
        nav: nav_for(&staff),
        names: Names { locale: page.locale, catalog: &catalog },
        year,
        report,
    };
    page.render(&template)
}

async fn workbook(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    let year = q.year();
    let report = activities::report(&state.app, &staff.caller(), year).await?;
    let labels = ReportWords { locale: page.locale, catalog: state.catalog().await? };
    let title =
        format!("{} {} {}", page.t("activity-report-title"), page.t("activities-fiscal-year"), year.be());
    let name = format!("ruamjai-activities-{}.xlsx", year.be());
    built_download(&name, XLSX, move || report_xlsx(&title, &report, &labels)).await
}

/// Everyone registered or walked in, in order, with a box to sign.
async fn sheet(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let SignInSheet { title, subtitle, headings, rows } =
        attendance::sign_in_sheet(&state.app, &staff.caller(), id, page.locale, &catalog).await?;
    built_download(&format!("sign-in-{id}.xlsx"), XLSX, move || {
        sign_in_sheet(&title, &subtitle, &headings, &rows)
    })
    .await
}
