//! Citizen manuals (milestone 4): each service's manual, drafted by the
//! service's division, reviewed, approved and published with the evidence
//! of its announcement. Officers draft and submit; a collector of the
//! division also sends back, approves and publishes; the director does all
//! of it for every service (`domain::accounts::policy`).

pub mod print;
pub mod words;
pub mod work;

use ruamjai_domain::accounts::policy::{self, Owner, Subject};
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::catalog::Service;
use ruamjai_domain::manual::{FormLink, Manual};
use ruamjai_domain::publication::{Action, Announcement, Stage};
use ruamjai_store::audit::Actor;
use ruamjai_store::documents::{DocumentKind, Version};
use ruamjai_store::participation::{AttachmentFile, AttachmentMeta};
use time::OffsetDateTime;

use crate::{App, Caller, Error, Result};

/// A form to attach: its title as the manual shows it, and the file.
#[derive(Debug)]
pub struct NewForm {
    pub title: String,
    pub file: NewAttachment,
}

/// What a step of the workflow asks of the policy: drafting is writing,
/// the rest is approving.
fn policy_action(action: Action) -> policy::Action {
    match action {
        Action::Edit | Action::Submit => policy::Action::Write,
        Action::Return | Action::Approve | Action::Publish => policy::Action::Approve,
    }
}

fn may(caller: &Caller, service: &Service, action: Action) -> Result<Actor> {
    caller.may(Subject::CitizenManual, policy_action(action), Owner::Division(&service.division_code))
}

/// The caller, once they may take `action` on the manual of `service`.
async fn checked(app: &App, caller: &Caller, service: &str, action: Action) -> Result<Actor> {
    let catalog = app.catalog().await?;
    may(caller, catalog.service(service).ok_or(Error::NotFound)?, action)
}

/// Whether the caller may take `action` on the manual of `service`: for
/// offering its buttons.
pub fn allows(caller: &Caller, service: &Service, action: Action) -> bool {
    may(caller, service, action).is_ok()
}

/// Every version of a service's manual, oldest first.
pub async fn versions(app: &App, service: &str) -> Result<Vec<Version>> {
    match app.store().service_document(DocumentKind::CitizenManual, service).await? {
        Some(document) => Ok(app.store().versions(document.id).await?),
        None => Ok(Vec::new()),
    }
}

/// A file that evidences how a version was announced (a signed notice, a
/// photo of the board), for staff who may read the manual.
#[tracing::instrument(skip(app, caller))]
pub async fn announcement_evidence(
    app: &App,
    caller: &Caller,
    service: &str,
    version: i64,
    file: i64,
) -> Result<AttachmentFile> {
    let catalog = app.catalog().await?;
    let owner = Owner::Division(&catalog.service(service).ok_or(Error::NotFound)?.division_code);
    caller.may(Subject::CitizenManual, policy::Action::Read, owner)?;
    let found = app.store().version(version).await?;
    if found.document.service_code.as_deref() != Some(service) {
        return Err(Error::NotFound);
    }
    Ok(app.store().announcement_file(version, file).await?)
}

/// The version being worked on; a conflict when every version is published.
pub async fn open_version(app: &App, service: &str) -> Result<Version> {
    let versions = versions(app, service).await?;
    versions.into_iter().find(|v| v.stage.is_open()).ok_or(Error::Conflict("transition"))
}

/// The manual a new form is added to: the open draft, else a new draft
/// from the latest version. A version in review or approved is refused:
/// it must be sent back first.
pub async fn editable(app: &App, service: &str) -> Result<(Manual, String)> {
    let versions = versions(app, service).await?;
    match versions.iter().rev().find(|v| v.stage.is_open()) {
        Some(open) if open.stage != Stage::Draft => Err(Error::Conflict("version-not-draft")),
        Some(open) => Ok((open.manual()?, open.change_summary.clone())),
        None => Ok((versions.last().map(Version::manual).transpose()?.unwrap_or_default(), String::new())),
    }
}

/// Where the public downloads a form file.
pub fn form_url(service: &str, file_id: i64) -> String {
    format!("/services/{service}/forms/{file_id}")
}

async fn attach(
    app: &App,
    actor: &Actor,
    service: &str,
    form: NewForm,
    manual: &mut Manual,
) -> Result<AttachmentMeta> {
    let now = app.now();
    let stored = app
        .store()
        .attach_document_file(actor, DocumentKind::CitizenManual, service, &form.file, now)
        .await?;
    manual.forms.push(FormLink { title: form.title, url: form_url(service, stored.id) });
    Ok(stored)
}

/// Saves the draft (a new revision when none is open), with a new form
/// attached to it when one is given.
#[tracing::instrument(skip(app, caller, manual, summary, form))]
pub async fn save_draft(
    app: &App,
    caller: &Caller,
    service: &str,
    mut manual: Manual,
    summary: &str,
    form: Option<NewForm>,
) -> Result<Version> {
    let actor = checked(app, caller, service, Action::Edit).await?;
    if let Some(form) = form {
        // Refused before the file is stored when the version is in review.
        editable(app, service).await?;
        attach(app, &actor, service, form, &mut manual).await?;
    }
    Ok(app.store().save_manual_draft(&actor, service, &manual, summary, app.now()).await?)
}

/// Attaches a form to the draft as it stands; says the file and its address.
#[tracing::instrument(skip(app, caller, form))]
pub async fn attach_form(
    app: &App,
    caller: &Caller,
    service: &str,
    form: NewForm,
) -> Result<(AttachmentMeta, String)> {
    let actor = checked(app, caller, service, Action::Edit).await?;
    let (mut manual, summary) = editable(app, service).await?;
    let stored = attach(app, &actor, service, form, &mut manual).await?;
    let url = manual.forms.last().map(|f| f.url.clone()).unwrap_or_default();
    app.store().save_manual_draft(&actor, service, &manual, &summary, app.now()).await?;
    Ok((stored, url))
}

/// A version with a required section missing goes no further than a draft.
fn refuse_if_incomplete(version: &Version) -> Result<()> {
    let missing = version.manual()?.missing_errors();
    if missing.is_empty() { Ok(()) } else { Err(Error::InvalidItems(missing)) }
}

/// Submits the open version for review, sends it back, or approves it;
/// says which version.
#[tracing::instrument(skip(app, caller, comment))]
pub async fn act(app: &App, caller: &Caller, service: &str, action: Action, comment: &str) -> Result<i64> {
    let actor = checked(app, caller, service, action).await?;
    let open = open_version(app, service).await?;
    if action != Action::Return {
        refuse_if_incomplete(&open)?;
    }
    app.store().act_on_version(&actor, open.id, action, comment.trim(), app.now()).await?;
    Ok(open.id)
}

/// Publishes the approved version at `at` (now, or a future Bangkok
/// midnight) with its announcement and the files that evidence it.
#[tracing::instrument(skip(app, caller, announcement, evidence), fields(evidence = evidence.len()))]
pub async fn publish(
    app: &App,
    caller: &Caller,
    service: &str,
    at: OffsetDateTime,
    announcement: &Announcement,
    evidence: &[NewAttachment],
) -> Result<i64> {
    let actor = checked(app, caller, service, Action::Publish).await?;
    let open = open_version(app, service).await?;
    refuse_if_incomplete(&open)?;
    app.store().publish_version(&actor, open.id, at, announcement, evidence, app.now()).await?;
    Ok(open.id)
}
