//! Work manuals published to the public: transparency assessments ask an
//! agency to publish how its staff do the work. A manual marked public
//! shows its revision in force, never a draft, and nothing of who has read
//! it.

use std::sync::Arc;

use ruamjai_domain::accounts::policy::Action as Policy;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::work_manual::control::{RevisionNumber, Standing, standings};
use ruamjai_store::work_manuals::{WorkManualFilter, WorkManualRecord};
use time::Date;

use super::may;
use super::view::{Detail, detail_of};
use crate::{App, Caller, Error, Result};

/// A public manual with the revision in force.
#[derive(Debug, Clone)]
pub struct Published {
    pub record: WorkManualRecord,
    pub revision: RevisionNumber,
    pub effective_on: Date,
}

/// Marks a manual public or internal: the division's collector or the
/// director decides, as they approve.
#[tracing::instrument(skip(app, caller))]
pub async fn set_public(app: &App, caller: &Caller, id: i64, public: bool) -> Result<WorkManualRecord> {
    let record = app.store().work_manual(id).await?;
    let actor = may(caller, &record, Policy::Approve)?;
    let record = app.store().set_work_manual_public(&actor, id, public, app.now()).await?;
    app.work_manuals_changed();
    Ok(record)
}

/// The public manuals that have a revision in force, of one service or all,
/// in service order. One read, whatever the number of manuals.
pub async fn published(app: &App, service: Option<&str>) -> Result<Vec<Published>> {
    let filter = WorkManualFilter { service, ..Default::default() };
    let today = bangkok_date(app.now());
    let mut listed = Vec::new();
    for (record, revisions) in app.store().work_manuals_placed(filter).await? {
        if record.public_since.is_none() {
            continue;
        }
        let in_force =
            revisions.iter().zip(standings(&revisions, today)).find(|(_, s)| *s == Standing::Effective);
        if let Some((placement, _)) = in_force
            && let Some(effective_on) = placement.effective_on
        {
            listed.push(Published { record, revision: placement.revision, effective_on });
        }
    }
    Ok(listed)
}

/// A public manual with everything needed to show or print its revision in
/// force; not found when it is internal or has none. Kept between requests:
/// the public page and PDF are read far more often than manuals change.
pub async fn published_detail(app: &App, id: i64) -> Result<Arc<Detail>> {
    app.public_work_manual(id, async || load_published(app, id).await).await
}

async fn load_published(app: &App, id: i64) -> Result<Detail> {
    let record = app.store().work_manual(id).await?;
    if record.public_since.is_none() {
        return Err(Error::NotFound);
    }
    let mut detail = detail_of(app, record).await?;
    if detail.effective().is_none() {
        return Err(Error::NotFound);
    }
    // Who must read it and who has is the staff's business.
    detail.readers.clear();
    detail.acknowledgements.clear();
    detail.revisions.retain(|l| !l.revision.stage.is_open());
    Ok(detail)
}
