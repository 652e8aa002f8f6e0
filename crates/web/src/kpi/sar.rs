//! The self-assessment report of a round as a PDF, and the collectors'
//! narrative of the round written on the indicator page.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use ruamjai_app::kpi::{self, sar};
use ruamjai_domain::calendar::{FiscalYear, bangkok_date};
use ruamjai_domain::kpi::{Narrative, Round};
use serde::Deserialize;
use time::OffsetDateTime;

use super::pages::{Retry, render_indicator};
use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::download::{PDF, PrintQuery, built_download};
use crate::kit::{Flash, FormErrors};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/staff/kpi/{fiscal_year}/sar.pdf", get(sar_pdf))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/narrative", post(write))
}

#[derive(Deserialize)]
struct RoundQuery {
    #[serde(default)]
    round: String,
}

fn round_of(raw: &str) -> Result<Round, AppError> {
    Round::parse(raw).map_err(|e| AppError::Invalid(vec![("round", e)]))
}

async fn sar_pdf(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(be): Path<i32>,
    Query(query): Query<RoundQuery>,
    Query(print): Query<PrintQuery>,
) -> Result<Response, AppError> {
    let year = FiscalYear::from_be(be);
    let round = round_of(&query.round)?;
    let sar = sar::sar(&state.app, &staff.caller(), year, round).await?;
    let catalog = state.catalog().await?;
    let report = sar::document(&sar, page.locale, &catalog, state.app.now());
    // Printed with Thai digits where the indicator asks for them, or when the reader does.
    let thai_numerals = print.thai_numerals() || sar.thai_digits();
    let today = bangkok_date(OffsetDateTime::now_utc());
    let name = format!("sar-{be}-{}.pdf", round.months());
    built_download(&name, PDF, move || {
        let engine = ruamjai_pdf::shared().map_err(|e| e.to_string())?;
        report.render(engine, today, thai_numerals).map_err(|e| e.to_string())
    })
    .await
}

#[derive(Deserialize, Default, Clone)]
pub(super) struct NarrativeForm {
    #[serde(default)]
    pub round: String,
    #[serde(default)]
    pub performance: String,
    #[serde(default)]
    pub explanation: String,
    #[serde(default)]
    pub factors: String,
    #[serde(default)]
    pub obstacles: String,
}

async fn write(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((be, code)): Path<(i32, String)>,
    CsrfForm(form): CsrfForm<NarrativeForm>,
) -> Result<Response, AppError> {
    let year = FiscalYear::from_be(be);
    let typed = Narrative {
        performance: form.performance.clone(),
        explanation: form.explanation.clone(),
        factors: form.factors.clone(),
        obstacles: form.obstacles.clone(),
    };
    let outcome = match Round::parse(&form.round) {
        Ok(round) => kpi::write_narrative(&state.app, &staff.caller(), year, &code, round, &typed).await,
        Err(error) => Err(ruamjai_app::Error::field("round", error)),
    };
    match outcome {
        Ok(()) => Ok(page.redirect(&format!("/staff/kpi/{be}/indicators/{code}#sar-heading"), Flash::Saved)),
        Err(ruamjai_app::Error::Invalid(refused)) => {
            let retry = Retry::Narrative(form, FormErrors::of(page.locale, &refused));
            render_indicator(&state, &page, &staff, (year, &code), None, retry).await
        }
        Err(other) => Err(other.into()),
    }
}
