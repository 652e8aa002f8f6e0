//! The staff pages of the KPI engine: the year's scorecard, and each
//! indicator with its steps, facts, evidence, gaps and month-by-month level,
//! where the director signs a step off.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::kpi;
use ruamjai_app::participation::reports::ReportWords;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::{FiscalYear, bangkok_date};
use ruamjai_domain::kpi::score::Weighted;
use ruamjai_domain::kpi::{Evaluation, IndicatorResult, Kind, Measured, Round};
use ruamjai_domain::participation::consultation::parse_date;
use ruamjai_store::kpi::narratives::RoundNarrative;
use serde::Deserialize;

use super::committee::AssessmentForm;
use super::evidence::ValueForm;
use super::sar::NarrativeForm;
use super::view::{StepView, pct_text};
use crate::auth::session::Staff;
use crate::download::{XLSX, built_download};
use crate::kit::{FormErrors, Names, NavItem, YearQuery, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/staff/kpi", get(scorecard))
        .route("/staff/kpi/{fiscal_year}/scorecard.xlsx", get(workbook))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}", get(indicator))
}

/// One line of the scorecard.
pub struct ScoreLine {
    pub code: String,
    pub name: String,
    pub weight: String,
    pub level: Option<u8>,
    pub value: Option<String>,
    pub score: String,
    pub weighted: String,
    pub committee: Option<CommitteeLine>,
}

/// The committee's column of a line: its score, weighted, and the round.
pub struct CommitteeLine {
    pub score: String,
    pub weighted: String,
    pub round: String,
    pub by: String,
    pub at: String,
    pub note: String,
}

impl ScoreLine {
    pub fn of(page: &Page, result: &IndicatorResult) -> Self {
        let i = &result.indicator;
        let committee = result.committee.as_ref().map(|a| CommitteeLine {
            score: a.score.to_string(),
            weighted: Weighted { weight: i.weight, score: a.score }.points().to_string(),
            round: page.locale.ta("kpi-committee-round", &[("round", a.round.months().into())]),
            by: a.by.clone(),
            at: page.locale.datetime(a.at),
            note: a.note.clone(),
        });
        Self {
            code: i.code.clone(),
            name: page.pick(&i.name_th, &i.name_en).to_owned(),
            weight: i.weight.trimmed(),
            level: result.level,
            value: result.value.map(pct_text),
            score: result.score.to_string(),
            weighted: result.weighted().points().to_string(),
            committee,
        }
    }
}

#[derive(Template)]
#[template(path = "kpi/scorecard.html")]
struct ScorecardTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    year: FiscalYear,
    as_of: String,
    lines: Vec<ScoreLine>,
    composite: String,
    /// The committee's composite, or how far its assessment has come.
    committee_composite: Result<String, String>,
    weights: String,
    weights_add_up: bool,
    top: String,
    /// Administrators define the year's indicators from here.
    may_define: bool,
    copy_label: String,
}

async fn scorecard(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(query): Query<YearQuery>,
) -> Result<Response, AppError> {
    let year = query.year();
    let evaluation = kpi::evaluate(&state.app, &staff.caller(), year, None).await?;
    let template = ScorecardTemplate {
        page: &page,
        nav: nav_for(&staff),
        year,
        as_of: page.locale.day(&evaluation.as_of),
        lines: evaluation.indicators.iter().map(|i| ScoreLine::of(&page, i)).collect(),
        composite: evaluation.composite().map_or_else(|| "—".to_owned(), |c| c.to_string()),
        committee_composite: committee_composite(&page, &evaluation),
        weights: evaluation.weights().trimmed(),
        weights_add_up: evaluation.weights_add_up(),
        top: evaluation.scale.top.trimmed(),
        may_define: staff.caller().could(Subject::Indicator, Action::Write),
        copy_label: page.locale.ta("kpi-define-copy", &[("next", year.next().be().into())]),
    };
    page.render(&template)
}

/// The committee's composite, or (`Err`) how far its assessment has come.
fn committee_composite(page: &Page, evaluation: &Evaluation) -> Result<String, String> {
    if let Some(composite) = evaluation.committee_composite() {
        return Ok(composite.to_string());
    }
    let assessed = evaluation.indicators.iter().filter(|i| i.committee.is_some()).count();
    Err(page.locale.ta(
        "kpi-committee-pending",
        &[("assessed", assessed.into()), ("indicators", evaluation.indicators.len().into())],
    ))
}

/// The scorecard as Excel, as of today.
async fn workbook(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(be): Path<i32>,
) -> Result<Response, AppError> {
    let evaluation = kpi::evaluate(&state.app, &staff.caller(), FiscalYear::from_be(be), None).await?;
    let catalog = state.catalog().await?;
    let locale = page.locale;
    let name = format!("ruamjai-scorecard-{be}-{}.xlsx", evaluation.as_of);
    built_download(&name, XLSX, move || {
        let names = Names { locale, catalog: &catalog };
        let gaps = |code: &str, number: u8| -> Vec<String> {
            let step = evaluation.indicator(code).and_then(|i| i.steps.iter().find(|s| s.number == number));
            step.map(|s| s.verdict.missing.iter().map(|g| names.gap(g)).collect()).unwrap_or_default()
        };
        let labels = ReportWords { locale, catalog: &catalog };
        ruamjai_docs::kpi::scorecard_xlsx(&evaluation, &labels, &gaps)
    })
    .await
}

#[derive(Deserialize)]
struct AsOfQuery {
    as_of: Option<String>,
}

/// A month of the chart: its last day, and the level reached by then.
struct MonthLevel {
    label: String,
    level: u8,
}

#[derive(Template)]
#[template(path = "kpi/indicator.html")]
struct IndicatorTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    year: FiscalYear,
    as_of: String,
    as_of_iso: String,
    line: ScoreLine,
    description: String,
    steps: Vec<StepView>,
    months: Vec<MonthLevel>,
    may_sign_off: bool,
    /// The form sent back, when it was refused.
    retry: Retry,
    supervisor: String,
    collectors: Vec<String>,
    rounds: Vec<RoundLine>,
    may_write_narrative: bool,
    /// What the narrative form holds: the refused text, or the current round's.
    narrative: NarrativeForm,
    may_assess: bool,
    /// What the committee's form holds: the refused entry, or the current round.
    assessment: AssessmentForm,
    top: String,
    score_label: String,
    may_define: bool,
    /// Collectors enter a range indicator's value whose value is entered.
    may_enter_value: bool,
    /// What the value form holds: the refused entry, or the current round.
    value: ValueForm,
    /// The evidence files of the entered value in force.
    value_files: Vec<ruamjai_domain::kpi::EvidenceFile>,
    evidence_max: usize,
    /// Per sealed round whose result moved since: the steps that differ now.
    changed_since_sealing: Vec<String>,
}

/// A refused form, shown again with why.
#[derive(Default)]
pub(super) enum Retry {
    #[default]
    Nothing,
    /// A step's sign-off.
    SignOff(u8, FormErrors),
    /// A range indicator's value.
    Value(ValueForm, FormErrors),
    Narrative(NarrativeForm, FormErrors),
    /// The committee's score.
    Assessment(AssessmentForm, FormErrors),
}

/// A reporting round: its report, and who last wrote its narrative.
struct RoundLine {
    months: u8,
    label: String,
    written: Option<String>,
}

impl IndicatorTemplate<'_> {
    fn refused_for(&self, step: &u8) -> Option<&FormErrors> {
        match &self.retry {
            Retry::SignOff(n, errors) if n == step => Some(errors),
            _ => None,
        }
    }

    fn narrative_error(&self, field: &str) -> Option<String> {
        match &self.retry {
            Retry::Narrative(_, errors) => errors.get(field).map(str::to_owned),
            _ => None,
        }
    }

    fn narrative_refused(&self) -> bool {
        matches!(self.retry, Retry::Narrative(..))
    }

    fn value_error(&self, field: &str) -> Option<String> {
        match &self.retry {
            Retry::Value(_, errors) => errors.get(field).map(str::to_owned),
            _ => None,
        }
    }

    fn evidence_hint(&self) -> String {
        self.page.locale.ta("kpi-evidence-files-hint", &[("max", self.evidence_max.into())])
    }

    fn value_refused(&self) -> bool {
        matches!(self.retry, Retry::Value(..))
    }

    fn assessment_error(&self, field: &str) -> Option<String> {
        match &self.retry {
            Retry::Assessment(_, errors) => errors.get(field).map(str::to_owned),
            _ => None,
        }
    }
}

async fn indicator(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((be, code)): Path<(i32, String)>,
    Query(query): Query<AsOfQuery>,
) -> Result<Response, AppError> {
    let as_of = match query.as_of.as_deref().filter(|d| !d.is_empty()) {
        Some(day) => Some(parse_date(day).map_err(|e| AppError::Invalid(vec![("as_of", e)]))?),
        None => None,
    };
    render_indicator(&state, &page, &staff, (FiscalYear::from_be(be), &code), as_of, Retry::Nothing).await
}

pub(super) async fn render_indicator(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    (year, code): (FiscalYear, &str),
    as_of: Option<time::Date>,
    retry: Retry,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let evaluation = kpi::evaluate(&state.app, &caller, year, as_of).await?;
    let result = evaluation.indicator(code).ok_or(AppError::NotFound)?;
    let catalog = state.catalog().await?;
    let names = Names { locale: page.locale, catalog: &catalog };
    let months = kpi::by_month(&state.app, &caller, year).await?;
    let narratives: Vec<_> =
        kpi::narratives(&state.app, &caller, year).await?.into_iter().filter(|n| n.code == code).collect();
    let today = bangkok_date(state.app.now());
    let changed_since_sealing = super::rounds_view::changed_since_sealing(
        page,
        &ruamjai_app::kpi::rounds::seals(&state.app, &caller, year).await?,
        code,
    );
    let i = &result.indicator;
    let contact = |c: &ruamjai_domain::kpi::Contact| {
        let position = page.pick(&c.position_th, &c.position_en);
        if c.phone.is_empty() { position.to_owned() } else { format!("{position} · {}", c.phone) }
    };
    let template = IndicatorTemplate {
        page,
        nav: nav_for(staff),
        year,
        as_of: page.locale.day(&evaluation.as_of),
        as_of_iso: evaluation.as_of.to_string(),
        line: ScoreLine::of(page, result),
        description: page.pick(&i.description_th, &i.description_en).to_owned(),
        steps: result.steps.iter().map(|s| StepView::of(&names, year, result, s)).collect(),
        months: month_levels(page, &months, code),
        may_sign_off: caller.could(Subject::Indicator, Action::Approve),
        supervisor: contact(&i.supervisor),
        collectors: i.collectors.iter().map(contact).collect(),
        rounds: Round::ALL
            .into_iter()
            .map(|round| RoundLine {
                months: round.months(),
                label: page.locale.ta("sar-round", &[("round", round.months().into())]),
                written: narratives
                    .iter()
                    .find(|n| n.round == round)
                    .map(|n| format!("{} · {}", n.by, page.locale.datetime(n.at))),
            })
            .collect(),
        may_write_narrative: caller.could(Subject::IndicatorValue, Action::Write),
        narrative: match retry {
            Retry::Narrative(ref form, _) => form.clone(),
            _ => current_narrative(&narratives, Round::reporting_on(year, today)),
        },
        may_assess: caller.could(Subject::CommitteeAssessment, Action::Write),
        assessment: match retry {
            Retry::Assessment(ref form, _) => form.clone(),
            _ => AssessmentForm::for_round(Round::reporting_on(year, today)),
        },
        top: evaluation.scale.top.trimmed(),
        changed_since_sealing,
        may_define: caller.could(Subject::Indicator, Action::Write),
        may_enter_value: caller.could(Subject::IndicatorValue, Action::Write)
            && matches!(i.kind, Kind::Range { measured: Measured::Entered, .. }),
        value: match retry {
            Retry::Value(ref form, _) => form.clone(),
            _ => ValueForm::for_round(Round::reporting_on(year, today)),
        },
        value_files: result.value_files.clone(),
        evidence_max: kpi::EVIDENCE_MAX,
        score_label: page.locale.ta("kpi-committee-score", &[("top", evaluation.scale.top.trimmed().into())]),
        retry,
    };
    let refused = !matches!(template.retry, Retry::Nothing);
    let status = if refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    page.render_with_status(status, &template)
}

/// The round being reported, with what was last written for it.
fn current_narrative(narratives: &[RoundNarrative], round: Round) -> NarrativeForm {
    let written =
        narratives.iter().find(|n| n.round == round).map(|n| n.narrative.clone()).unwrap_or_default();
    NarrativeForm {
        round: round.months().to_string(),
        performance: written.performance,
        explanation: written.explanation,
        factors: written.factors,
        obstacles: written.obstacles,
    }
}

fn month_levels(page: &Page, months: &[std::sync::Arc<Evaluation>], code: &str) -> Vec<MonthLevel> {
    months
        .iter()
        .filter_map(|e| {
            let result = e.indicator(code)?;
            Some(MonthLevel { label: page.locale.day(&e.as_of), level: result.level? })
        })
        .collect()
}
