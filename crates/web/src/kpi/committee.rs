//! The evaluating committee's column: an evaluator scores an indicator for
//! a round on the indicator page, and the scorecard shows it beside the
//! Center's own assessment.

use axum::extract::{Path, State};
use axum::response::Response;
use ruamjai_app::kpi;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;
use serde::Deserialize;

use super::pages::{Retry, render_indicator};
use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::kit::{Flash, FormErrors};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/assessment", axum::routing::post(assess))
}

#[derive(Deserialize, Default, Clone)]
pub(super) struct AssessmentForm {
    #[serde(default)]
    pub round: String,
    #[serde(default)]
    pub score: String,
    #[serde(default)]
    pub note: String,
}

impl AssessmentForm {
    pub(super) fn for_round(round: Round) -> Self {
        Self { round: round.months().to_string(), ..Self::default() }
    }
}

async fn assess(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((be, code)): Path<(i32, String)>,
    CsrfForm(form): CsrfForm<AssessmentForm>,
) -> Result<Response, AppError> {
    let year = FiscalYear::from_be(be);
    let typed = (form.round.as_str(), form.score.as_str(), form.note.as_str());
    let outcome = kpi::assess(&state.app, &staff.caller(), year, &code, typed).await;
    match outcome {
        Ok(()) => Ok(page.redirect(&format!("/staff/kpi/{be}/indicators/{code}#committee"), Flash::Saved)),
        Err(ruamjai_app::Error::Invalid(refused)) => {
            let retry = Retry::Assessment(form, FormErrors::of(page.locale, &refused));
            render_indicator(&state, &page, &staff, (year, &code), None, retry).await
        }
        Err(other) => Err(other.into()),
    }
}
