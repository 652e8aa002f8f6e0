//! A work manual as staff read it: its revisions with where each stands
//! and who has acknowledged it, the periodic review and when the next is
//! due, and the procedure's time beside the public's promise.

use std::collections::HashSet;

use ruamjai_domain::accounts::policy::{Action as Policy, Subject};
use ruamjai_domain::calendar::{bangkok_date, bangkok_midnight};
use ruamjai_domain::work_manual::control::{
    Placement, ReviewOutcome, RevisionNumber, Stage, Standing, review_due, standings,
};
use ruamjai_domain::work_manual::diff::{Comparison, compare as compare_contents};
use ruamjai_domain::work_manual::{Promise, promise};
use ruamjai_store::documents::DocumentKind;
use ruamjai_store::work_manuals::{
    Acknowledgement, Reader, Review, Revision, WorkManualFilter, WorkManualRecord,
};
use time::Date;

use super::{may, record};
use crate::{App, Caller, Error, Result};

/// A revision with where it stands today and how many of its audience read it.
#[derive(Debug, Clone)]
pub struct RevisionLine {
    pub revision: Revision,
    pub standing: Standing,
    /// Acknowledgements of this revision's number (its corrections keep them).
    pub acknowledged: usize,
}

/// A work manual with everything its page shows.
#[derive(Debug, Clone)]
pub struct Detail {
    pub record: WorkManualRecord,
    pub revisions: Vec<RevisionLine>,
    pub reviews: Vec<Review>,
    /// When the next periodic review is due; none before a revision is in force.
    pub review_due: Option<Date>,
    pub review_overdue: bool,
    /// The procedure of the effective revision (else the draft) against the
    /// citizen manual in force, when the service has one.
    pub promise: Option<Promise>,
    /// The citizen manual was published after the effective revision took effect.
    pub citizen_manual_revised_after: bool,
    /// Who the manual is addressed to today.
    pub readers: Vec<Reader>,
    pub acknowledgements: Vec<Acknowledgement>,
}

impl Detail {
    pub fn effective(&self) -> Option<&RevisionLine> {
        self.revisions.iter().find(|l| l.standing == Standing::Effective)
    }

    /// The revision being worked on.
    pub fn open(&self) -> Option<&RevisionLine> {
        self.revisions.iter().find(|l| l.revision.stage.is_open())
    }

    /// The readers who have not acknowledged revision `number` yet.
    pub fn missing_readers(&self, number: u32) -> Vec<&Reader> {
        let read: HashSet<i64> =
            self.acknowledgements.iter().filter(|a| a.number == number).map(|a| a.user_id).collect();
        self.readers.iter().filter(|r| !read.contains(&r.user_id)).collect()
    }

    /// Acknowledged and addressed per division, for revision `number`.
    pub fn by_division(&self, number: u32) -> Vec<(Option<String>, usize, usize)> {
        let missing: HashSet<i64> = self.missing_readers(number).into_iter().map(|r| r.user_id).collect();
        let mut divisions: Vec<Option<String>> =
            self.readers.iter().map(|r| r.division_code.clone()).collect();
        divisions.sort();
        divisions.dedup();
        divisions
            .into_iter()
            .map(|d| {
                let of: Vec<&Reader> = self.readers.iter().filter(|r| r.division_code == d).collect();
                let read = of.iter().filter(|r| !missing.contains(&r.user_id)).count();
                (d, read, of.len())
            })
            .collect()
    }
}

/// A line of the list of work manuals.
#[derive(Debug, Clone)]
pub struct Summary {
    pub record: WorkManualRecord,
    pub effective: Option<RevisionNumber>,
    pub open: Option<(RevisionNumber, Stage)>,
    pub review_due: Option<Date>,
    pub review_overdue: bool,
}

pub(super) fn placements(revisions: &[Revision]) -> Vec<Placement> {
    revisions
        .iter()
        .map(|r| Placement { revision: r.number, stage: r.stage, effective_on: r.effective_on })
        .collect()
}

/// The revision in force on `today`.
pub(super) fn effective(revisions: &[Revision], today: Date) -> Option<&Revision> {
    let standings = standings(&placements(revisions), today);
    revisions.iter().zip(standings).find(|(_, s)| *s == Standing::Effective).map(|(r, _)| r)
}

/// When the next review is due: a period after the revision in force took
/// effect, or after the last review that found no change, whichever is later.
fn due(app: &App, placements: &[Placement], last_no_change: Option<Date>, today: Date) -> Option<Date> {
    let standings = standings(placements, today);
    let effective = placements.iter().zip(standings).find(|(_, s)| *s == Standing::Effective)?.0;
    Some(review_due(effective.effective_on?, last_no_change, app.settings().work_manual_review_months))
}

fn last_no_change(reviews: &[Review]) -> Option<Date> {
    reviews.iter().filter(|r| r.outcome == ReviewOutcome::NoChange).map(|r| r.reviewed_on).max()
}

/// The manuals past their yearly review that the caller answers for: their
/// division's for officers and collectors, every one for the director.
pub async fn reviews_overdue(app: &App, caller: &Caller) -> Result<Vec<Summary>> {
    if !caller.could(Subject::WorkManual, Policy::Write) {
        return Ok(Vec::new());
    }
    let filter = WorkManualFilter { division: caller.own_division(), ..Default::default() };
    let lines = list(app, caller, filter).await?;
    Ok(lines.into_iter().filter(|l| l.review_overdue).collect())
}

/// The work manuals the caller may read, of one service or division or all.
pub async fn list(app: &App, caller: &Caller, filter: WorkManualFilter<'_>) -> Result<Vec<Summary>> {
    if !caller.could(Subject::WorkManual, Policy::Read) {
        return Err(Error::Forbidden);
    }
    let today = bangkok_date(app.now());
    // Two reads for the whole list, not two per manual.
    let reviewed = app.store().work_manual_last_no_change(filter).await?;
    let mut lines = Vec::new();
    for (record, revisions) in app.store().work_manuals_placed(filter).await? {
        if may(caller, &record, Policy::Read).is_err() {
            continue;
        }
        let revisions = revisions.as_slice();
        let review_due = due(app, revisions, reviewed.get(&record.id).copied(), today);
        let standings = standings(revisions, today);
        let effective = revisions.iter().zip(&standings).find(|(_, s)| **s == Standing::Effective);
        lines.push(Summary {
            effective: effective.map(|(p, _)| p.revision),
            open: revisions.iter().find(|p| p.stage.is_open()).map(|p| (p.revision, p.stage)),
            review_overdue: review_due.is_some_and(|d| d < today),
            review_due,
            record,
        });
    }
    Ok(lines)
}

/// The listed manuals any of whose revisions holds every word of `query`,
/// found by the same Thai-aware full-text search as the citizen manuals.
pub async fn search(
    app: &App,
    caller: &Caller,
    filter: WorkManualFilter<'_>,
    query: &str,
) -> Result<Vec<Summary>> {
    let terms = ruamjai_domain::search::query_terms(query);
    let found: HashSet<i64> =
        app.store().search_work_manuals(&terms).await?.into_iter().map(|r| r.id).collect();
    let mut lines = list(app, caller, filter).await?;
    lines.retain(|l| found.contains(&l.record.id));
    Ok(lines)
}

/// A work manual with its revisions, reviews and readers.
#[tracing::instrument(skip(app, caller))]
pub async fn detail(app: &App, caller: &Caller, id: i64) -> Result<Detail> {
    let record = record(app, caller, id).await?;
    detail_of(app, record).await
}

/// The detail of a manual the caller has been allowed to see.
pub(super) async fn detail_of(app: &App, record: WorkManualRecord) -> Result<Detail> {
    let id = record.id;
    let store = app.store();
    let revisions = store.work_manual_revisions(id).await?;
    let reviews = store.work_manual_reviews(id).await?;
    let acknowledgements = store.work_manual_acknowledgements(id).await?;
    let readers = store.work_manual_readers(&record.audience).await?;
    let today = bangkok_date(app.now());
    let review_due = due(app, &placements(&revisions), last_no_change(&reviews), today);
    let citizen = store.current_version(DocumentKind::CitizenManual, &record.service_code, app.now()).await?;
    let effective = effective(&revisions, today);
    let measured = effective.or_else(|| revisions.last());
    let promise = match (&citizen, measured) {
        (Some(citizen), Some(revision)) => {
            Some(promise(revision.content()?.total_duration(), citizen.manual()?.total_duration()))
        }
        _ => None,
    };
    let citizen_manual_revised_after = match (&citizen, effective.and_then(|r| r.effective_on)) {
        (Some(citizen), Some(on)) => citizen.publish_at.is_some_and(|at| at > bangkok_midnight(on)),
        _ => false,
    };
    let standings = standings(&placements(&revisions), today);
    let lines = revisions
        .into_iter()
        .zip(standings)
        .map(|(revision, standing)| RevisionLine {
            acknowledged: acknowledgements.iter().filter(|a| a.number == revision.number.number).count(),
            revision,
            standing,
        })
        .collect();
    Ok(Detail {
        record,
        revisions: lines,
        reviews,
        review_overdue: review_due.is_some_and(|d| d < today),
        review_due,
        promise,
        citizen_manual_revised_after,
        readers,
        acknowledgements,
    })
}

/// Revision `from` compared with revision `to`, section by section.
#[tracing::instrument(skip(app, caller))]
pub async fn compare(
    app: &App,
    caller: &Caller,
    id: i64,
    from: RevisionNumber,
    to: RevisionNumber,
) -> Result<Comparison> {
    record(app, caller, id).await?;
    let revisions = app.store().work_manual_revisions(id).await?;
    let find = |number: RevisionNumber, field: &'static str| {
        revisions
            .iter()
            .find(|r| r.number == number)
            .ok_or(Error::field(field, ruamjai_domain::accounts::FieldError::UnknownChoice))
    };
    let (old, new) = (find(from, "from")?, find(to, "to")?);
    Ok(compare_contents(&old.content()?, &new.content()?))
}
