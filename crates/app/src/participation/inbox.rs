//! The inbox: what the caller's division covers, each submission's detail,
//! and the work on it (replies, notes, transitions, assignment, merging a
//! duplicate).

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Owner, Reach, Subject, permits, reach};
use ruamjai_domain::participation::you_said::YouSaid;
use ruamjai_domain::participation::{Status, TrackingCode};
use ruamjai_store::accounts::StaffUser;
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::{
    AttachmentFile, Candidate, InboxFilter, InboxRow, InboxScope, Step, SubmissionDetail,
};

use crate::{App, Caller, Error, Result};

/// Which submissions the caller's inbox holds.
pub fn scope(caller: &Caller) -> Result<InboxScope> {
    let Caller::Staff(user) = caller else {
        return match caller {
            Caller::Command(_) => Ok(InboxScope::Everything),
            _ => Err(Error::Unauthenticated),
        };
    };
    match (reach(user.role, Subject::Submission, Action::Read), &user.division_code) {
        (Reach::Center, _) => Ok(InboxScope::Everything),
        (Reach::Division, Some(division)) => Ok(InboxScope::Division(division.clone())),
        _ => Err(Error::Forbidden),
    }
}

/// One page of the inbox, newest first.
#[tracing::instrument(skip(app, caller, filter))]
pub async fn page(
    app: &App,
    caller: &Caller,
    filter: &InboxFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<InboxRow>> {
    let scope = scope(caller)?;
    Ok(app.store().inbox(&scope, filter, app.now(), before, limit).await?)
}

/// A submission the caller may do `action` to; an unreadable code is not found.
async fn checked(
    app: &App,
    caller: &Caller,
    code: &str,
    action: Action,
) -> Result<(SubmissionDetail, Actor)> {
    let code = TrackingCode::parse(code.trim()).map_err(|_| Error::NotFound)?;
    let detail = app.store().submission_detail(code).await?;
    let actor = caller.may(Subject::Submission, action, Owner::Division(&detail.division_code))?;
    Ok((detail, actor))
}

/// The submission with its history; without the submitter's name and
/// contacts for callers who may not see them.
#[tracing::instrument(skip(app, caller))]
pub async fn detail(app: &App, caller: &Caller, code: &str) -> Result<SubmissionDetail> {
    let (mut detail, _) = checked(app, caller, code, Action::Read).await?;
    if !caller.sees_personal_data() {
        detail.contact_name = None;
        detail.contact_email = None;
        detail.contact_phone = None;
    }
    Ok(detail)
}

/// Whether the caller may work this submission (to offer the forms).
pub fn may_work(caller: &Caller, detail: &SubmissionDetail) -> bool {
    caller.may(Subject::Submission, Action::Write, Owner::Division(&detail.division_code)).is_ok()
}

/// The submissions merged into this one as duplicates.
pub async fn merged_into(app: &App, detail: &SubmissionDetail) -> Result<Vec<TrackingCode>> {
    Ok(app.store().merged_duplicates(detail.id).await?)
}

/// One attached file.
#[tracing::instrument(skip(app, caller))]
pub async fn attachment(app: &App, caller: &Caller, code: &str, id: i64) -> Result<AttachmentFile> {
    let (detail, _) = checked(app, caller, code, Action::Read).await?;
    Ok(app.store().submission_attachment(detail.id, id).await?)
}

/// A reply, a note, a transition, or a transition with its note; says the
/// status it leaves.
#[tracing::instrument(skip(app, caller, step), fields(to = ?step.to.map(Status::code), public = step.public))]
pub async fn step(app: &App, caller: &Caller, code: &str, step: Step<'_>) -> Result<(TrackingCode, Status)> {
    let (detail, actor) = checked(app, caller, code, Action::Write).await?;
    if step.to.is_none() && step.text.is_none_or(|t| t.trim().is_empty()) {
        return Err(Error::field("text", FieldError::Required));
    }
    let status = app.store().step_submission(&actor, detail.code, step, app.now()).await?;
    Ok((detail.code, status))
}

/// Who a submission may be given to: the enabled accounts that may work it
/// (its division's officers and collectors, and the director).
pub async fn assignees(app: &App, detail: &SubmissionDetail) -> Result<Vec<StaffUser>> {
    let owner = Owner::Division(&detail.division_code);
    let works = |u: &StaffUser| {
        !u.disabled && permits(u.role, u.division_code.as_deref(), Subject::Submission, Action::Write, owner)
    };
    Ok(app.store().list_users().await?.into_iter().filter(works).collect())
}

/// Assigns the submission to a colleague who may work it, or to nobody.
#[tracing::instrument(skip(app, caller))]
pub async fn assign(app: &App, caller: &Caller, code: &str, assignee: Option<i64>) -> Result<TrackingCode> {
    let (detail, actor) = checked(app, caller, code, Action::Write).await?;
    if let Some(id) = assignee
        && !assignees(app, &detail).await?.iter().any(|u| u.id == id)
    {
        return Err(Error::field("assignee", FieldError::UnknownChoice));
    }
    app.store().assign_submission(&actor, detail.code, assignee).await?;
    Ok(detail.code)
}

/// Marks the submission as a duplicate of another the caller also works.
#[tracing::instrument(skip(app, caller, reason))]
pub async fn merge(app: &App, caller: &Caller, code: &str, into: &str, reason: &str) -> Result<TrackingCode> {
    let (duplicate, actor) = checked(app, caller, code, Action::Write).await?;
    let into = TrackingCode::parse(into.trim())
        .map_err(|_| Error::field("into", FieldError::InvalidTrackingCode))?;
    match checked(app, caller, &into.to_string(), Action::Write).await {
        Ok(_) => {}
        Err(Error::NotFound) => return Err(Error::field("into", FieldError::UnknownChoice)),
        Err(other) => return Err(other),
    }
    app.store().merge_duplicate(&actor, duplicate.code, into, reason, app.now()).await?;
    Ok(duplicate.code)
}

/// What may go on "you said, we did" next: the resolved suggestions and
/// complaints of the submissions the caller's inbox holds.
#[tracing::instrument(skip(app, caller))]
pub async fn you_said_candidates(app: &App, caller: &Caller, limit: i64) -> Result<Vec<Candidate>> {
    Ok(app.store().you_said_candidates(&scope(caller)?, limit).await?)
}

/// Publishes the submission on "you said, we did" in staff's own words.
#[tracing::instrument(skip(app, caller, text))]
pub async fn publish_you_said(
    app: &App,
    caller: &Caller,
    code: &str,
    text: &YouSaid,
) -> Result<TrackingCode> {
    let (detail, actor) = checked(app, caller, code, Action::Write).await?;
    app.store().publish_you_said(&actor, detail.code, text, app.now()).await?;
    Ok(detail.code)
}

/// Takes the submission off "you said, we did".
#[tracing::instrument(skip(app, caller))]
pub async fn unpublish_you_said(app: &App, caller: &Caller, code: &str) -> Result<TrackingCode> {
    let (detail, actor) = checked(app, caller, code, Action::Write).await?;
    app.store().unpublish_you_said(&actor, detail.code).await?;
    Ok(detail.code)
}
