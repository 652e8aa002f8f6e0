//! What an activity left behind: minutes, photos and follow-ups.

use ruamjai_domain::accounts::policy::Action;
use ruamjai_domain::engagement::outcome::{FollowUpStatus, NewFollowUp};
use ruamjai_domain::text::Text;
use ruamjai_store::engagement::{Activity, FollowUp, NewPhoto, PhotoMeta};

use super::checked;
use crate::{App, Caller, Result};

/// The activity with its photos and follow-ups.
#[tracing::instrument(skip(app, caller))]
pub async fn of(app: &App, caller: &Caller, id: i64) -> Result<(Activity, Vec<PhotoMeta>, Vec<FollowUp>)> {
    let (activity, _) = checked(app, caller, id, Action::Read).await?;
    Ok((activity, app.store().photos(id).await?, app.store().follow_ups(id).await?))
}

#[tracing::instrument(skip(app, caller, minutes))]
pub async fn record_minutes(app: &App, caller: &Caller, id: i64, minutes: &Text) -> Result<()> {
    let (_, actor) = checked(app, caller, id, Action::Write).await?;
    Ok(app.store().record_minutes(&actor, id, minutes, app.now()).await?)
}

/// Adds photos already checked to be images.
#[tracing::instrument(skip(app, caller, photos), fields(count = photos.len()))]
pub async fn add_photos(app: &App, caller: &Caller, id: i64, photos: &[NewPhoto]) -> Result<()> {
    let (_, actor) = checked(app, caller, id, Action::Write).await?;
    for photo in photos {
        app.store().add_photo(&actor, id, photo, app.now()).await?;
    }
    Ok(())
}

/// One photo (or its thumbnail) with its media type.
#[tracing::instrument(skip(app, caller))]
pub async fn photo(
    app: &App,
    caller: &Caller,
    id: i64,
    photo: i64,
    thumbnail: bool,
) -> Result<(String, Vec<u8>)> {
    checked(app, caller, id, Action::Read).await?;
    Ok(app.store().photo(id, photo, thumbnail).await?)
}

#[tracing::instrument(skip(app, caller, new))]
pub async fn add_follow_up(app: &App, caller: &Caller, id: i64, new: &NewFollowUp) -> Result<i64> {
    let (_, actor) = checked(app, caller, id, Action::Write).await?;
    Ok(app.store().add_follow_up(&actor, id, new, app.now()).await?)
}

#[tracing::instrument(skip(app, caller))]
pub async fn set_follow_up_status(
    app: &App,
    caller: &Caller,
    id: i64,
    follow_up: i64,
    status: FollowUpStatus,
) -> Result<()> {
    let (_, actor) = checked(app, caller, id, Action::Write).await?;
    let now = app.now();
    Ok(app.store().set_follow_up_status(&actor, id, follow_up, status, now).await?)
}
