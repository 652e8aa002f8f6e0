//! The KPI engine: a fiscal year's scorecard evaluated on a day from the
//! live work of every area, and the writes that steer it — definitions
//! (administrators), values per round (collectors) and step sign-offs (the
//! director).

mod define;
mod facts;
pub mod pack;
mod report;
pub mod rounds;
pub mod sar;

pub use define::{amend, copy_year, create, definition};
pub use report::{
    EVIDENCE_MAX, assess, attach_evidence, enter_value, evidence_file, narratives, sign_off, write_narrative,
};
use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::calendar::{FiscalYear, bangkok_date};
use ruamjai_domain::kpi::{Evaluation, Indicator, IndicatorResult, Kind, Measured, Scale, StepResult};
pub use ruamjai_store::kpi::EntryRef;
use ruamjai_store::kpi::facts::AsOf;
use std::sync::Arc;

use time::Date;

use crate::{App, Caller, Error, Result};

/// The year as it stood at the end of `as_of` (today when not given).
#[tracing::instrument(skip(app, caller))]
pub async fn evaluate(
    app: &App,
    caller: &Caller,
    year: FiscalYear,
    as_of: Option<Date>,
) -> Result<Arc<Evaluation>> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    let today = bangkok_date(app.now());
    evaluate_at(app, AsOf::new(year, as_of.unwrap_or(today))).await
}

/// The year evaluated at the end of each month so far: the chart of the
/// level month by month.
#[tracing::instrument(skip(app, caller))]
pub async fn by_month(app: &App, caller: &Caller, year: FiscalYear) -> Result<Vec<Arc<Evaluation>>> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    let today = bangkok_date(app.now());
    let mut months = Vec::new();
    let mut first = year.first_day();
    while first <= today && FiscalYear::of_date(first) == year {
        let next = first.checked_add(time::Duration::days(32)).and_then(|d| d.replace_day(1).ok());
        let Some(next) = next else { break };
        let last = next.previous_day().unwrap_or(first);
        months.push(evaluate_at(app, AsOf::new(year, last.min(today))).await?);
        first = next;
    }
    Ok(months)
}

/// The evaluation as of `at`, computed once between two writes: the home
/// pages, the indicator page and its month chart all ask for it.
async fn evaluate_at(app: &App, at: AsOf) -> Result<Arc<Evaluation>> {
    app.caches().evaluations.get_or_load(app, at, async || evaluate_now(app, at).await).await
}

async fn evaluate_now(app: &App, at: AsOf) -> Result<Evaluation> {
    let store = app.store();
    let card = store.scorecard(at.year).await?;
    let sign_offs = store.step_sign_offs(at.year, at.until()).await?;
    let values = store.indicator_values(at.year, at.until()).await?;
    let assessments = store.committee_assessments(at.year, at.until()).await?;
    let mut facts = facts::Facts::new(store, at);
    let mut indicators = Vec::with_capacity(card.indicators.len());
    for indicator in card.indicators {
        let result = match &indicator.kind {
            Kind::Milestone { steps, .. } => {
                let mut judged = Vec::with_capacity(steps.len());
                for (number, step) in (1..=u8::MAX).zip(steps) {
                    let verdict = match step.rule {
                        Some(rule) => Some(facts.judge(rule, &indicator).await?),
                        None => None,
                    };
                    let newest =
                        sign_offs.iter().rev().find(|s| s.code == indicator.code && s.step == number);
                    judged.push(StepResult::decide(
                        number,
                        step.rule,
                        verdict,
                        newest.map(|s| s.sign_off.clone()),
                    ));
                }
                IndicatorResult::milestone(indicator, card.scale, judged)
            }
            Kind::Range { measured, .. } => {
                let (value, files) = match measured {
                    Measured::Entered => {
                        let entered = values.iter().rev().find(|v| v.code == indicator.code);
                        (entered.map(|v| v.value), entered.map(|v| v.files.clone()).unwrap_or_default())
                    }
                    Measured::AnsweredInTimePct => (facts.answered_in_time_pct().await?, Vec::new()),
                    Measured::SatisfiedPct => (facts.satisfied_pct().await?, Vec::new()),
                };
                IndicatorResult { value_files: files, ..IndicatorResult::range(indicator, card.scale, value) }
            }
        };
        let committee = assessments.iter().rev().find(|a| a.code == result.indicator.code);
        indicators.push(IndicatorResult { committee: committee.map(|a| a.assessment.clone()), ..result });
    }
    Ok(Evaluation { fiscal_year: at.year, as_of: at.day, scale: card.scale, indicators })
}

/// The scale the year's scorecard scores on.
pub async fn scale(app: &App, caller: &Caller, year: FiscalYear) -> Result<Scale> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    Ok(app.store().scorecard(year).await?.scale)
}

/// An indicator of the year, as stored or predefined.
async fn find(app: &App, year: FiscalYear, code: &str) -> Result<Indicator> {
    let card = app.store().scorecard(year).await?;
    card.indicators.into_iter().find(|i| i.code == code).ok_or(Error::NotFound)
}
