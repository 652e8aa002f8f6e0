//! Inviting stakeholders from the directory to an activity, and the list
//! of who was invited.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::Action;
use ruamjai_domain::engagement::registration::RegistrationCode;
use ruamjai_store::engagement::{InvitationLine, InviteOutcome, Invitees};

use super::checked;
use crate::{App, Caller, Error, Result, mail};

/// Invites whole groups of the directory and single contacts; each new
/// invitee with an address is mailed through the outbox in the same
/// transaction, and nobody is invited twice.
#[tracing::instrument(skip_all, fields(activity_id))]
pub async fn invite(
    app: &App,
    caller: &Caller,
    activity_id: i64,
    invitees: Invitees<'_>,
) -> Result<InviteOutcome> {
    let (activity, actor) = checked(app, caller, activity_id, Action::Write).await?;
    if invitees.group_codes.is_empty() && invitees.contact_ids.is_empty() {
        return Err(Error::field("group_ids", FieldError::Required));
    }
    let compose = |invited: &_| mail::invitation(app.public_url(), &activity, invited);
    let now = app.now();
    Ok(app.store().invite(&actor, activity_id, invitees, &compose, now).await?)
}

/// Who was invited, when, and whether they registered. Contacts of the
/// directory are officials of agencies, so this is the workers' list only.
#[tracing::instrument(skip(app, caller))]
pub async fn list(app: &App, caller: &Caller, activity_id: i64) -> Result<Vec<InvitationLine>> {
    checked(app, caller, activity_id, Action::Write).await?;
    Ok(app.store().invitations(activity_id).await?)
}

/// Erases a registrant's name and contacts on their request; the
/// registration still counts in the figures.
#[tracing::instrument(skip(app, caller, code))]
pub async fn erase_registration(app: &App, caller: &Caller, activity_id: i64, code: &str) -> Result<()> {
    let (_, actor) = checked(app, caller, activity_id, Action::Write).await?;
    let code = RegistrationCode::parse(code).map_err(|reason| Error::field("code", reason))?;
    Ok(app.store().erase_registration(&actor, activity_id, &code, app.now()).await?)
}
