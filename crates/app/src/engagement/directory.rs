//! The stakeholder directory: organisations and their contacts, imported
//! from the sheet staff keep in Excel, exported back, erased on request.
//! Every division invites from the same directory.

use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::engagement::directory::{NewContact, NewOrganisation};
use ruamjai_domain::engagement::directory_import::ImportRow;
use ruamjai_store::audit::Actor;
use ruamjai_store::engagement::{ImportSummary, Organisation};

use crate::{App, Caller, Result};

fn may(caller: &Caller, action: Action) -> Result<Actor> {
    caller.may(Subject::Directory, action, Owner::Shared)
}

/// The organisations with their contacts, of one stakeholder group or all.
#[tracing::instrument(skip(app, caller))]
pub async fn list(app: &App, caller: &Caller, group: Option<&str>) -> Result<Vec<Organisation>> {
    may(caller, Action::Read)?;
    Ok(app.store().directory(group).await?)
}

#[tracing::instrument(skip_all)]
pub async fn create_organisation(app: &App, caller: &Caller, new: &NewOrganisation) -> Result<i64> {
    let actor = may(caller, Action::Write)?;
    Ok(app.store().create_organisation(&actor, new, app.now()).await?)
}

#[tracing::instrument(skip(app, caller, new))]
pub async fn add_contact(app: &App, caller: &Caller, organisation_id: i64, new: &NewContact) -> Result<i64> {
    let actor = may(caller, Action::Write)?;
    Ok(app.store().add_contact(&actor, organisation_id, new, app.now()).await?)
}

/// Erases a contact on their request; says which organisation it was of.
#[tracing::instrument(skip(app, caller))]
pub async fn erase_contact(app: &App, caller: &Caller, contact_id: i64) -> Result<i64> {
    let actor = may(caller, Action::Write)?;
    let contact = app.store().contact(contact_id).await?;
    app.store().erase_contact(&actor, contact_id, app.now()).await?;
    Ok(contact.organisation_id)
}

/// Takes every row of a checked sheet, or none.
#[tracing::instrument(skip_all, fields(rows = rows.len()))]
pub async fn import(app: &App, caller: &Caller, rows: &[ImportRow]) -> Result<ImportSummary> {
    let actor = may(caller, Action::Write)?;
    Ok(app.store().import_directory(&actor, rows, app.now()).await?)
}
