//! Surveys: one run of a questionnaire over some services and groups, in a
//! window. A survey belongs to the division of its services when they are
//! all one division's, else to the Center (the director's).

use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::accounts::{Email, FieldError};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::satisfaction::invitation::InvitationRule;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::survey::{Mode, NewSurvey};
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::{ReportFilter, Survey};

use crate::secrets::{random_token, token_hash};
use crate::{App, Caller, Error, Result, mail};

/// At most this many single-use links in one call.
pub const MAX_LINKS: usize = 1_000;

/// Who a survey of these services belongs to.
pub(crate) fn owner<'a>(catalog: &'a Catalog, services: &[impl AsRef<str>]) -> Owner<'a> {
    let mut divisions = services.iter().map(|code| {
        catalog.services.iter().find(|s| s.code == code.as_ref()).map(|s| s.division_code.as_str())
    });
    match divisions.next() {
        Some(Some(first)) if divisions.all(|d| d == Some(first)) => Owner::Division(first),
        _ => Owner::Center,
    }
}

/// The survey, once the caller may do `action` to it.
pub(crate) async fn checked(app: &App, caller: &Caller, id: i64, action: Action) -> Result<(Survey, Actor)> {
    let survey = app.store().survey(id).await?;
    let catalog = app.catalog().await?;
    let actor = caller.may(Subject::Survey, action, owner(&catalog, &survey.service_codes))?;
    Ok((survey, actor))
}

/// Whether the caller may do `action` to this survey: for offering its forms.
pub async fn allows(app: &App, caller: &Caller, survey: &Survey, action: Action) -> Result<bool> {
    let catalog = app.catalog().await?;
    Ok(caller.may(Subject::Survey, action, owner(&catalog, &survey.service_codes)).is_ok())
}

/// Every survey, newest first.
pub async fn list(app: &App, caller: &Caller) -> Result<Vec<Survey>> {
    caller.may(Subject::Survey, Action::Read, Owner::Shared)?;
    Ok(app.store().surveys().await?)
}

pub async fn of(app: &App, caller: &Caller, id: i64) -> Result<Survey> {
    Ok(checked(app, caller, id, Action::Read).await?.0)
}

/// Launches a survey; says its id.
#[tracing::instrument(skip_all, fields(services = new.services.len()))]
pub async fn launch(app: &App, caller: &Caller, new: &NewSurvey) -> Result<i64> {
    let catalog = app.catalog().await?;
    let services: Vec<&str> = new.services.iter().map(|c| c.as_str()).collect();
    let actor = caller.may(Subject::Survey, Action::Write, owner(&catalog, &services))?;
    Ok(app.store().create_survey(&actor, new, app.now()).await?)
}

/// The report of a survey, read from its aggregate cells.
pub async fn report(
    app: &App,
    caller: &Caller,
    id: i64,
    filter: &ReportFilter,
) -> Result<SatisfactionReport> {
    checked(app, caller, id, Action::Read).await?;
    Ok(app.store().satisfaction_report(id, filter).await?)
}

/// The link a survey is answered at.
pub fn public_link(app: &App, id: i64) -> String {
    format!("{}/surveys/{id}", app.public_url().trim_end_matches('/'))
}

/// Sets which share of resolved requests of each service is invited, when
/// and for how long.
#[tracing::instrument(skip(app, caller, rules))]
pub async fn set_invitation_rules(
    app: &App,
    caller: &Caller,
    id: i64,
    rules: &[(String, InvitationRule)],
) -> Result<()> {
    let (_, actor) = checked(app, caller, id, Action::Write).await?;
    Ok(app.store().set_invitation_rules(&actor, id, rules).await?)
}

/// A token survey, once the caller may hand out its links.
async fn token_survey(app: &App, caller: &Caller, id: i64) -> Result<(Survey, Actor)> {
    let (survey, actor) = checked(app, caller, id, Action::Write).await?;
    if survey.mode != Mode::Token {
        return Err(Error::Conflict("not-a-token-survey"));
    }
    Ok((survey, actor))
}

/// Mails a single-use link to each address; says (mailed, skipped): an
/// address that already had one is skipped.
#[tracing::instrument(skip(app, caller, addresses), fields(count = addresses.len()))]
pub async fn mail_links(
    app: &App,
    caller: &Caller,
    id: i64,
    addresses: Vec<Email>,
) -> Result<(usize, usize)> {
    let (survey, actor) = token_survey(app, caller, id).await?;
    if addresses.len() > MAX_LINKS {
        return Err(Error::field("recipients", FieldError::TooManyRows { max: MAX_LINKS }));
    }
    if addresses.is_empty() {
        return Ok((0, 0));
    }
    let mails: Vec<_> =
        addresses.into_iter().map(|to| mail::survey_link(app.public_url(), &survey, to)).collect();
    Ok(app.store().mail_survey_tokens(&actor, id, &mails, app.now()).await?)
}

/// `count` single-use links for staff to hand out, each answering once.
#[tracing::instrument(skip(app, caller))]
pub async fn hand_out_links(app: &App, caller: &Caller, id: i64, count: usize) -> Result<Vec<String>> {
    token_survey(app, caller, id).await?;
    if count > MAX_LINKS {
        return Err(Error::field("count", FieldError::TooManyRows { max: MAX_LINKS }));
    }
    let now = app.now();
    let mut links = Vec::with_capacity(count);
    for _ in 0..count {
        let token = random_token();
        app.store().issue_survey_token(id, &token_hash(&token), None, now).await?;
        links.push(format!("{}?t={token}", public_link(app, id)));
    }
    Ok(links)
}

/// Rebuilds a survey's report cells from its stored answers; says how many
/// responses were counted and whether the cells already agreed.
#[tracing::instrument(skip(app, caller))]
pub async fn recompute(app: &App, caller: &Caller, id: i64) -> Result<(u64, bool)> {
    let (_, actor) = checked(app, caller, id, Action::Write).await?;
    let before = app.store().cell_sums(id, &ReportFilter::default()).await?;
    let counted = app.store().recompute_cells(&actor, id).await?;
    let after = app.store().cell_sums(id, &ReportFilter::default()).await?;
    Ok((counted, before == after))
}
