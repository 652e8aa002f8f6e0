//! Public consultations: a draft put to some stakeholder groups for a
//! window, their comments (moderated before they show) and the Center's
//! answer. A consultation speaks for the Center and is worked by every
//! working role, like the directory; evaluators read it without the
//! commenters' names and addresses.

use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::participation::consultation::{Moderation, NewComment, NewConsultation};
use ruamjai_domain::text::Text;
use ruamjai_store::participation::{AttachmentFile, AttachmentMeta, Comment, Consultation};

use crate::{App, Caller, Result};

/// Every consultation, as the public and staff list them.
pub async fn list(app: &App) -> Result<Vec<Consultation>> {
    Ok(app.store().consultations().await?)
}

/// A consultation with its files: public once it is opened.
pub async fn of(app: &App, id: i64) -> Result<(Consultation, Vec<AttachmentMeta>)> {
    Ok((app.store().consultation(id).await?, app.store().consultation_attachments(id).await?))
}

pub async fn attachment(app: &App, id: i64, file: i64) -> Result<AttachmentFile> {
    Ok(app.store().consultation_attachment(id, file).await?)
}

/// The comments the public reads: the published ones, signed as their
/// writers chose.
pub async fn published_comments(app: &App, id: i64) -> Result<Vec<Comment>> {
    Ok(app.store().comments(id, Moderation::Published).await?)
}

/// The comments in one moderation state, for staff: names and e-mail
/// addresses only for those who see personal data.
pub async fn comments(app: &App, caller: &Caller, id: i64, moderation: Moderation) -> Result<Vec<Comment>> {
    caller.may(Subject::Consultation, Action::Read, Owner::Shared)?;
    let mut comments = app.store().comments(id, moderation).await?;
    if !caller.sees_personal_data() {
        for comment in &mut comments {
            comment.name = None;
            comment.email = None;
        }
    }
    Ok(comments)
}

/// Opens a consultation with its draft file, if any; says its id.
#[tracing::instrument(skip_all, fields(files = files.len()))]
pub async fn open(app: &App, caller: &Caller, new: &NewConsultation, files: &[NewAttachment]) -> Result<i64> {
    let actor = caller.may(Subject::Consultation, Action::Write, Owner::Shared)?;
    Ok(app.store().create_consultation(&actor, new, files, app.now()).await?)
}

/// A comment from the public, held for moderation; counted against the
/// address's public writes.
#[tracing::instrument(skip_all, fields(consultation = id))]
pub async fn comment(app: &App, caller: &Caller, id: i64, new: &NewComment) -> Result<()> {
    app.count_public_write(caller)?;
    Ok(app.store().add_comment(id, new, app.now()).await?)
}

/// Publishes or rejects a pending comment.
#[tracing::instrument(skip(app, caller))]
pub async fn moderate(app: &App, caller: &Caller, id: i64, comment: i64, decision: Moderation) -> Result<()> {
    let actor = caller.may(Subject::Consultation, Action::Write, Owner::Shared)?;
    Ok(app.store().moderate_comment(&actor, id, comment, decision, app.now()).await?)
}

/// Publishes the Center's answer once the consultation has closed.
#[tracing::instrument(skip(app, caller, response))]
pub async fn respond(app: &App, caller: &Caller, id: i64, response: &Text) -> Result<()> {
    let actor = caller.may(Subject::Consultation, Action::Write, Owner::Shared)?;
    Ok(app.store().publish_response(&actor, id, response, app.now()).await?)
}
