//! Milestone 2: activities with their invitations, registrations,
//! attendance and outcomes, and the stakeholder directory.
//!
//! An activity belongs to its division: officers and collectors work their
//! own division's activities, the director every one; an activity of no
//! division is the director's. The directory is shared by every division.

pub mod activities;
pub mod attendance;
pub mod directory;
pub mod directory_sheet;
pub mod invitations;
pub mod outcomes;
pub mod registrations;

use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_store::audit::Actor;
use ruamjai_store::engagement::Activity;

use crate::{App, Caller, Result};

/// Who an activity belongs to.
fn owner(activity: &Activity) -> Owner<'_> {
    activity.division_code.as_deref().map_or(Owner::Center, Owner::Division)
}

/// The activity, once the caller may do `action` to it.
async fn checked(app: &App, caller: &Caller, id: i64, action: Action) -> Result<(Activity, Actor)> {
    let activity = app.store().activity(id).await?;
    let actor = caller.may(Subject::Activity, action, owner(&activity))?;
    Ok((activity, actor))
}
