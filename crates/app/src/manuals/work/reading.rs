//! Reading and acknowledging: when a revision that must be read takes
//! effect, each account it is addressed to is told (home page and mail);
//! "I have read and understood" is recorded once per major revision.

use ruamjai_domain::accounts::policy::Action as Policy;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::participation::consultation::format_iso_date;
use ruamjai_domain::work_manual::control::RevisionNumber;
use ruamjai_store::accounts::StaffUser;
use ruamjai_store::work_manuals::{Revision, WorkManualFilter, WorkManualRecord};
use time::Date;

use super::may;
use super::view::effective;
use crate::{App, Caller, Error, Result};

/// A revision in force that the caller is asked to read.
#[derive(Debug, Clone)]
pub struct ToRead {
    pub record: WorkManualRecord,
    pub revision: Revision,
    /// The number the caller acknowledged last, to show what changed since.
    pub read_before: Option<u32>,
}

/// The revisions in force that the caller is addressed and has not yet
/// acknowledged, for their home page: read once between two writes (three
/// reads per manual, and every home page asks).
pub async fn to_read(app: &App, caller: &Caller) -> Result<Vec<ToRead>> {
    let Some(user) = caller.staff() else { return Ok(Vec::new()) };
    let today = bangkok_date(app.now());
    let kept =
        app.caches().to_read.get_or_load(app, (user.id, today), async || unread(app, user, today).await);
    Ok(kept.await?.as_ref().clone())
}

async fn unread(app: &App, user: &StaffUser, today: Date) -> Result<Vec<ToRead>> {
    let mut out = Vec::new();
    for record in app.store().work_manuals(WorkManualFilter::default()).await? {
        if !record.audience.includes(user.role, user.division_code.as_deref()) {
            continue;
        }
        let revisions = app.store().work_manual_revisions(record.id).await?;
        let Some(revision) = effective(&revisions, today).filter(|r| asks_reading(&revisions, r)).cloned()
        else {
            continue;
        };
        let acknowledged = app.store().work_manual_acknowledgements(record.id).await?;
        let mine: Vec<u32> = acknowledged.iter().filter(|a| a.user_id == user.id).map(|a| a.number).collect();
        if mine.contains(&revision.number.number) {
            continue;
        }
        out.push(ToRead { read_before: mine.into_iter().max(), record, revision });
    }
    Ok(out)
}

/// Whether a revision asks to be read: its own major revision asked for it
/// (a correction keeps what its number asked).
fn asks_reading(revisions: &[Revision], revision: &Revision) -> bool {
    let major = RevisionNumber { number: revision.number.number, correction: 0 };
    revisions.iter().find(|r| r.number == major).is_some_and(|r| r.requires_reading)
}

/// "I have read and understood" revision `number` of a work manual: `true`
/// when recorded now, `false` when it already was.
#[tracing::instrument(skip(app, caller))]
pub async fn acknowledge(app: &App, caller: &Caller, id: i64, number: u32) -> Result<bool> {
    let record = app.store().work_manual(id).await?;
    let actor = may(caller, &record, Policy::Read)?;
    let user = caller.staff().ok_or(Error::Forbidden)?;
    let revisions = app.store().work_manual_revisions(id).await?;
    let in_force = effective(&revisions, bangkok_date(app.now()))
        .filter(|r| r.number.number == number)
        .ok_or(Error::Conflict("not-in-force"))?;
    if !record.audience.includes(user.role, user.division_code.as_deref()) {
        return Err(Error::Refused("not-addressed"));
    }
    Ok(app.store().acknowledge_work_manual(&actor, in_force, app.now()).await?)
}

/// Tells the readers of every revision that must be read and has taken
/// effect by today, once each: at approval for today's, and from the
/// background jobs for those approved for a later date. Says how many
/// revisions were announced.
#[tracing::instrument(skip(app))]
pub async fn announce_effective(app: &App) -> Result<usize> {
    let today = format_iso_date(bangkok_date(app.now()));
    let mut announced = 0;
    for (revision_id, manual_id) in app.store().work_manual_revisions_to_announce(&today).await? {
        let record = app.store().work_manual(manual_id).await?;
        let revisions = app.store().work_manual_revisions(manual_id).await?;
        let Some(revision) = revisions.iter().find(|r| r.id == revision_id) else { continue };
        let readers = app.store().work_manual_readers(&record.audience).await?;
        let mails: Vec<_> = readers
            .iter()
            .filter_map(|r| ruamjai_domain::accounts::Email::parse(&r.email).ok())
            .map(|to| {
                crate::mail::work_manual_reading(app.settings().public_url.as_str(), &record, revision, to)
            })
            .collect();
        if app.store().notify_work_manual_readers(revision_id, &mails, app.now()).await? {
            announced += 1;
        }
    }
    Ok(announced)
}
