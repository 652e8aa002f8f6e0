//! The participation report of a fiscal year or half, for every staff role:
//! on the page and as an XLSX workbook. The first half is the executives'
//! 6-month summary, the whole year the 12-month one.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::participation::reports::{self, ReportWords};
use ruamjai_docs::Labels;
use ruamjai_domain::calendar::{FiscalHalf, FiscalYear};
use ruamjai_domain::participation::Kind;
use ruamjai_domain::participation::report::{Period, Report};
use serde::Deserialize;
use time::{Date, OffsetDateTime};

use crate::auth::session::Staff;
use crate::download::{XLSX, built_download};
use crate::i18n::Locale;
use crate::kit::{NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/reports", get(page)).route("/staff/reports.xlsx", get(workbook))
}

#[derive(Deserialize)]
struct ReportQuery {
    period: Option<String>,
}

impl ReportQuery {
    /// The asked-for period, or the current fiscal year.
    fn period(&self) -> Result<Period, AppError> {
        match self.period.as_deref().filter(|p| !p.is_empty()) {
            None => Ok(Period { year: FiscalYear::of(OffsetDateTime::now_utc()), half: None }),
            Some(raw) => Period::parse(raw).ok_or(AppError::NotFound),
        }
    }
}

#[derive(Template)]
#[template(path = "participation/staff/reports.html")]
struct ReportTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    report: Report,
    labels: ReportWords<'a>,
    /// The periods offered: this year and the two before, each whole and by half.
    periods: Vec<(String, String)>,
}

impl ReportTemplate<'_> {
    fn days(&self, value: &Option<f64>) -> String {
        value.map_or_else(|| "–".to_owned(), |d| format!("{d:.1}"))
    }

    fn compliance(&self) -> String {
        self.report.compliance.percent().map_or_else(|| "–".to_owned(), |p| format!("{p:.1}%"))
    }

    fn max_month(&self) -> u64 {
        self.report.by_month.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1)
    }

    fn kind_in_month(&self, month: &Date, kind: &Kind) -> u64 {
        self.report.cells.iter().filter(|c| c.month == *month && c.kind == *kind).map(|c| c.count).sum()
    }

    fn is_current(&self, code: &str) -> bool {
        self.report.period.code() == code
    }
}

fn period_choices(locale: Locale) -> Vec<(String, String)> {
    let this_year = FiscalYear::of(OffsetDateTime::now_utc());
    let mut choices = Vec::new();
    for year in [this_year, this_year.previous(), this_year.previous().previous()] {
        for half in [None, Some(FiscalHalf::First), Some(FiscalHalf::Second)] {
            let period = Period { year, half };
            choices.push((period.code(), period_label(locale, period)));
        }
    }
    choices
}

fn period_label(locale: Locale, period: Period) -> String {
    let key = match period.half {
        None => "report-period-year",
        Some(FiscalHalf::First) => "report-period-h1",
        Some(FiscalHalf::Second) => "report-period-h2",
    };
    locale.ta(key, &[("year", period.year.be().into())])
}

async fn page(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(q): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let period = q.period()?;
    let report = reports::of(&state.app, &staff.caller(), period).await?;
    let catalog = state.catalog().await?;
    let template = ReportTemplate {
        page: &page,
        nav: nav_for(&staff),
        report,
        labels: ReportWords { locale: page.locale, catalog: &catalog },
        periods: period_choices(page.locale),
    };
    page.render(&template)
}

async fn workbook(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(q): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let period = q.period()?;
    let report = reports::of(&state.app, &staff.caller(), period).await?;
    let catalog = state.catalog().await?;
    let locale = page.locale;
    let name = format!("ruamjai-participation-{}.xlsx", period.code());
    built_download(&name, XLSX, move || {
        ruamjai_docs::participation::report_xlsx(&report, &ReportWords { locale, catalog: &catalog })
    })
    .await
}
