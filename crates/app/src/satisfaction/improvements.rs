//! The improvement loop: actions taken on what surveys found, and the
//! service standards each service is held to per fiscal year.
//!
//! An action belongs to the division that carries it out; none named, to
//! its service's division, else to its survey's owner, else to the Center.
//! A standard belongs to its service's division.

use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::satisfaction::improvement::{NewImprovement, Standard};
use ruamjai_store::satisfaction::{Improvement, StandardLine};

use std::sync::Arc;

use super::effect::{self, Effect};
use crate::{App, Caller, Error, Result};

/// The division an action belongs to; `None` for the Center.
async fn owning_division(
    app: &App,
    division: Option<&str>,
    service: Option<&str>,
    survey: Option<i64>,
) -> Result<Option<String>> {
    if let Some(division) = division {
        return Ok(Some(division.to_owned()));
    }
    let catalog = app.catalog().await?;
    if let Some(service) = service.and_then(|code| catalog.service(code)) {
        return Ok(Some(service.division_code.clone()));
    }
    let Some(survey) = survey else { return Ok(None) };
    let survey = app.store().survey(survey).await?;
    Ok(match super::surveys::owner(&catalog, &survey.service_codes) {
        Owner::Division(division) => Some(division.to_owned()),
        _ => None,
    })
}

fn owner(division: &Option<String>) -> Owner<'_> {
    division.as_deref().map_or(Owner::Center, Owner::Division)
}

async fn owner_of_stored(app: &App, action: &Improvement) -> Result<Option<String>> {
    let (division, service) = (action.division_code.as_deref(), action.service_code.as_deref());
    owning_division(app, division, service, action.survey_id).await
}

async fn owner_of_new(app: &App, new: &NewImprovement, survey: Option<i64>) -> Result<Option<String>> {
    let division = new.division.as_ref().map(|d| d.as_str());
    owning_division(app, division, new.service.as_ref().map(|s| s.as_str()), survey).await
}

/// The actions, of one survey or of all.
pub async fn list(app: &App, caller: &Caller, survey: Option<i64>) -> Result<Vec<Improvement>> {
    caller.may(Subject::ImprovementAction, Action::Read, Owner::Shared)?;
    Ok(app.store().improvements(survey).await?)
}

/// The actions with what each changed, of one survey or of all.
pub async fn with_effects(
    app: &App,
    caller: &Caller,
    survey: Option<i64>,
) -> Result<Vec<(Improvement, Effect)>> {
    let actions = list(app, caller, survey).await?;
    let effects = effect::effects(app, &actions).await?;
    Ok(actions.into_iter().zip(effects).collect())
}

/// How many actions the public board shows, the newest first.
const PUBLIC_SHOWN: i64 = 50;

/// The actions staff chose to show the public, in their words, with what
/// each changed; computed once between two writes (the board is public).
pub async fn public_board(app: &App) -> Result<Arc<Vec<(Improvement, Effect)>>> {
    let load = async || {
        let actions = app.store().public_improvements(PUBLIC_SHOWN).await?;
        let effects = effect::effects(app, &actions).await?;
        Ok(actions.into_iter().zip(effects).collect())
    };
    app.caches().public_improvements.get_or_load(app, (), load).await
}

pub async fn of(app: &App, caller: &Caller, id: i64) -> Result<Improvement> {
    let action = app.store().improvement(id).await?;
    let division = owner_of_stored(app, &action).await?;
    caller.may(Subject::ImprovementAction, Action::Read, owner(&division))?;
    Ok(action)
}

/// Records an action, from a survey's finding or on its own; says its id.
#[tracing::instrument(skip(app, caller, new))]
pub async fn create(app: &App, caller: &Caller, survey: Option<i64>, new: &NewImprovement) -> Result<i64> {
    let division = owner_of_new(app, new, survey).await?;
    let actor = caller.may(Subject::ImprovementAction, Action::Write, owner(&division))?;
    Ok(app.store().create_improvement(&actor, survey, new, app.now()).await?)
}

/// Updates an action; both the division it had and the one it gets must be
/// the caller's to work.
#[tracing::instrument(skip(app, caller, new))]
pub async fn update(app: &App, caller: &Caller, id: i64, new: &NewImprovement) -> Result<()> {
    let before = app.store().improvement(id).await?;
    let division = owner_of_stored(app, &before).await?;
    caller.may(Subject::ImprovementAction, Action::Write, owner(&division))?;
    let division = owner_of_new(app, new, before.survey_id).await?;
    let actor = caller.may(Subject::ImprovementAction, Action::Write, owner(&division))?;
    Ok(app.store().update_improvement(&actor, id, new, app.now()).await?)
}

/// Every service's standard of the year against what was measured.
pub async fn standards(app: &App, caller: &Caller, year: FiscalYear) -> Result<Vec<StandardLine>> {
    caller.may(Subject::ServiceStandard, Action::Read, Owner::Shared)?;
    Ok(app.store().standards(year).await?)
}

#[tracing::instrument(skip(app, caller, standard))]
pub async fn set_standard(
    app: &App,
    caller: &Caller,
    service: &str,
    year: FiscalYear,
    standard: &Standard,
) -> Result<()> {
    let catalog = app.catalog().await?;
    let division = catalog.services.iter().find(|s| s.code == service).ok_or(Error::NotFound)?;
    let actor =
        caller.may(Subject::ServiceStandard, Action::Write, Owner::Division(&division.division_code))?;
    Ok(app.store().set_standard(&actor, service, year, standard).await?)
}
