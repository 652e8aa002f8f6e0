//! The indicator on the staff home: the level now, each step met or not,
//! and what stands before the next level, each gap a sentence.

use ruamjai_app::kpi;
use ruamjai_domain::calendar::{FiscalYear, bangkok_date};
use ruamjai_domain::kpi::indicator4;

use crate::kit::Names;
use crate::page::Page;
use crate::{AppError, AppState};

pub struct StepMark {
    pub number: u8,
    pub met: bool,
}

pub struct Panel {
    pub year: i32,
    pub code: String,
    /// "Indicator 4: level 3 of 5".
    pub title: String,
    pub name: String,
    pub steps: Vec<StepMark>,
    /// What stands before the next level: its heading, and each gap.
    pub blocking: Option<(String, Vec<String>)>,
    pub composite: String,
}

/// The panel of the year's predefined indicator (4), when the caller may read it.
pub async fn panel(
    state: &AppState,
    page: &Page,
    caller: &ruamjai_app::Caller,
) -> Result<Option<Panel>, AppError> {
    let year = FiscalYear::of_date(bangkok_date(state.app.now()));
    let evaluation = match kpi::evaluate(&state.app, caller, year, None).await {
        Ok(evaluation) => evaluation,
        Err(ruamjai_app::Error::Forbidden | ruamjai_app::Error::Unauthenticated) => return Ok(None),
        Err(other) => return Err(other.into()),
    };
    let Some(result) = evaluation.indicator(indicator4::CODE).or_else(|| evaluation.indicators.first())
    else {
        return Ok(None);
    };
    let catalog = state.catalog().await?;
    let names = Names { locale: page.locale, catalog: &catalog };
    let i = &result.indicator;
    let level = result.level.unwrap_or_default();
    let title = page.locale.ta(
        "kpi-home-title",
        &[("code", i.code.clone().into()), ("level", level.into()), ("steps", result.steps.len().into())],
    );
    let blocking = result.blocking_step().map(|s| {
        let heading = page.locale.ta("kpi-home-blocked", &[("next", (level + 1).into())]);
        (heading, s.verdict.missing.iter().map(|g| names.gap(g)).collect())
    });
    Ok(Some(Panel {
        year: year.be(),
        code: i.code.clone(),
        title,
        name: page.pick(&i.name_th, &i.name_en).to_owned(),
        steps: result.steps.iter().map(|s| StepMark { number: s.number, met: s.met }).collect(),
        blocking,
        composite: evaluation.composite().map_or_else(|| "—".to_owned(), |c| c.to_string()),
    }))
}
