//! The catalog the whole product reads: divisions, services, stakeholder
//! groups, and each service's reply targets with the holiday calendar.
//! Administrators keep it; every change forgets the cached catalog.

use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::catalog::{Division, DivisionEdit, NamesEdit, Service, ServiceEdit, StakeholderGroup};
use ruamjai_domain::participation::clock::ServiceTargets;
use ruamjai_store::participation::ServiceTargetRow;
use time::Date;

use crate::{App, Caller, Result};

fn keeper(caller: &Caller) -> Result<ruamjai_store::audit::Actor> {
    caller.may(Subject::Catalog, Action::Write, Owner::Center)
}

/// The catalog as its keepers edit it (the public reads it everywhere).
pub async fn for_editing(
    app: &App,
    caller: &Caller,
) -> Result<std::sync::Arc<ruamjai_domain::catalog::Catalog>> {
    keeper(caller)?;
    app.catalog().await
}

#[tracing::instrument(skip(app, caller, edit))]
pub async fn edit_division(app: &App, caller: &Caller, code: &str, edit: DivisionEdit) -> Result<Division> {
    let division = app.store().update_division(&keeper(caller)?, code, edit).await?;
    app.catalog_changed();
    Ok(division)
}

/// Renames a service or moves it to another division.
#[tracing::instrument(skip(app, caller, edit))]
pub async fn edit_service(app: &App, caller: &Caller, code: &str, edit: ServiceEdit) -> Result<Service> {
    let service = app.store().update_service(&keeper(caller)?, code, edit).await?;
    app.catalog_changed();
    Ok(service)
}

#[tracing::instrument(skip(app, caller, edit))]
pub async fn edit_group(app: &App, caller: &Caller, code: &str, edit: NamesEdit) -> Result<StakeholderGroup> {
    let group = app.store().update_group(&keeper(caller)?, code, edit).await?;
    app.catalog_changed();
    Ok(group)
}

/// Every service's reply targets.
pub async fn targets(app: &App, caller: &Caller) -> Result<Vec<ServiceTargetRow>> {
    caller.may(Subject::Catalog, Action::Read, Owner::Center)?;
    Ok(app.store().service_targets().await?)
}

/// The days marked as holidays, with their names.
pub async fn holidays(app: &App, caller: &Caller) -> Result<Vec<(Date, String)>> {
    caller.may(Subject::Catalog, Action::Read, Owner::Center)?;
    Ok(app.store().holidays().await?)
}

/// Sets a service's reply targets; open submissions are re-timed.
#[tracing::instrument(skip(app, caller))]
pub async fn set_targets(app: &App, caller: &Caller, service: &str, targets: ServiceTargets) -> Result<()> {
    Ok(app.store().set_service_targets(&keeper(caller)?, service, targets).await?)
}

/// Marks a day as a holiday (with its name) or, with no name, a working day again.
#[tracing::instrument(skip(app, caller))]
pub async fn set_holiday(app: &App, caller: &Caller, day: Date, name: Option<&str>) -> Result<()> {
    Ok(app.store().set_holiday(&keeper(caller)?, day, name).await?)
}
