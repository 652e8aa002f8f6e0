//! Planning activities: create, edit, set the status; and reading them.

use std::sync::Arc;

use ruamjai_docs::engagement::ReportLabels;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::catalog::{Catalog, Code};
use ruamjai_domain::engagement::activity::{MAX_CAPACITY, NewActivity, Status};
use ruamjai_domain::engagement::report::EngagementReport;
use ruamjai_i18n::Locale;
use ruamjai_store::StoreError;
use ruamjai_store::engagement::{Activity, ActivityCounts, ActivityFilter, RegistrationView};

use super::{checked, owner};
use crate::{App, Caller, Error, Result};

/// Activities as staff list them.
#[tracing::instrument(skip_all)]
pub async fn list(app: &App, caller: &Caller, filter: ActivityFilter) -> Result<Vec<Activity>> {
    caller.may(Subject::Activity, Action::Read, Owner::Shared)?;
    Ok(app.store().activities(filter).await?)
}

/// The fiscal year's activities with their registrations and attendance by
/// group, for the engagement report (counts only, no one's name).
#[tracing::instrument(skip(app, caller), fields(year = year.be()))]
pub async fn report(app: &App, caller: &Caller, year: FiscalYear) -> Result<EngagementReport> {
    caller.may(Subject::Activity, Action::Read, Owner::Shared)?;
    Ok(EngagementReport::build(&app.store().engagement_lines(year).await?))
}

/// One activity with its counts (registered, waitlisted, attended, by group).
#[tracing::instrument(skip(app, caller))]
pub async fn detail(app: &App, caller: &Caller, id: i64) -> Result<(Activity, ActivityCounts)> {
    let (activity, _) = checked(app, caller, id, Action::Read).await?;
    Ok((activity, app.store().activity_counts(id).await?))
}

/// Plans an activity. An officer's or collector's activity without a
/// division is their own division's.
#[tracing::instrument(skip_all)]
pub async fn create(app: &App, caller: &Caller, mut new: NewActivity) -> Result<i64> {
    if new.division.is_none() {
        new.division = caller.own_division().and_then(|d| Code::parse(d).ok());
    }
    let division = new.division.as_ref().map(Code::as_str);
    let actor =
        caller.may(Subject::Activity, Action::Write, division.map_or(Owner::Center, Owner::Division))?;
    Ok(app.store().create_activity(&actor, &new, app.now()).await?)
}

/// Replaces an activity's details: the caller must reach both the activity
/// as it is and the division it is moved to. The capacity cannot drop below
/// the places taken.
#[tracing::instrument(skip(app, caller, new))]
pub async fn update(app: &App, caller: &Caller, id: i64, mut new: NewActivity) -> Result<Activity> {
    let (before, actor) = checked(app, caller, id, Action::Write).await?;
    if new.division.is_none() {
        new.division = before.division_code.as_deref().and_then(|d| Code::parse(d).ok());
    }
    let moved_to = new.division.as_ref().map(Code::as_str).map_or(Owner::Center, Owner::Division);
    caller.may(Subject::Activity, Action::Write, moved_to)?;
    match app.store().update_activity(&actor, id, &new, app.now()).await {
        Ok(()) => Ok(app.store().activity(id).await?),
        Err(StoreError::Conflict("capacity-below-registered")) => {
            let registered = app.store().activity(id).await?.registered;
            let min = u32::try_from(registered).unwrap_or(u32::MAX);
            let reason = FieldError::OutOfRange { min, max: MAX_CAPACITY };
            Err(Error::ConflictOn { key: "capacity-below-registered", field: "capacity", reason })
        }
        Err(other) => Err(other.into()),
    }
}

/// Sets the status; cancelling or postponing stops registration.
#[tracing::instrument(skip(app, caller))]
pub async fn set_status(app: &App, caller: &Caller, id: i64, status: Status) -> Result<Activity> {
    let (_, actor) = checked(app, caller, id, Action::Write).await?;
    app.store().set_activity_status(&actor, id, status).await?;
    Ok(app.store().activity(id).await?)
}

/// Every registration of an activity, in the order they came; the public's
/// names and contacts are left out for callers who may not see them.
#[tracing::instrument(skip(app, caller))]
pub async fn registrations(app: &App, caller: &Caller, id: i64) -> Result<Vec<RegistrationView>> {
    checked(app, caller, id, Action::Read).await?;
    let mut rows = app.store().registrations(id).await?;
    if !caller.sees_personal_data() {
        rows.iter_mut().for_each(mask);
    }
    Ok(rows)
}

fn mask(row: &mut RegistrationView) {
    row.name = None;
    row.email = None;
    row.phone = None;
}

/// Whether the caller may change this activity (to offer the buttons).
pub fn may_write(caller: &Caller, activity: &Activity) -> bool {
    caller.may(Subject::Activity, Action::Write, owner(activity)).is_ok()
}

/// The engagement report's words in the reader's language.
pub struct ReportWords {
    pub locale: Locale,
    pub catalog: Arc<Catalog>,
}

impl ReportLabels for ReportWords {
    fn text(&self, key: &str) -> String {
        self.locale.t(key)
    }

    fn kind(&self, code: &str) -> String {
        self.locale.t(&format!("activity-kind-{code}"))
    }

    fn division(&self, code: Option<&str>) -> String {
        match code.and_then(|c| self.catalog.division(c)) {
            Some(d) => self.locale.pick(&d.name_th, &d.name_en).to_owned(),
            None => self.locale.t("engagement-no-division"),
        }
    }

    fn group(&self, code: &str) -> String {
        ruamjai_i18n::Names { locale: self.locale, catalog: &self.catalog }.group(code)
    }
}
