//! The forms a work manual's procedure uses, attached as files to its
//! draft. The file is kept with the manual; the draft links to it by its
//! address, which the public may open once a public revision in force links
//! to it, and staff who may read the manual at any time.

use ruamjai_domain::accounts::policy::Action as Policy;
use ruamjai_domain::manual::FormLink;
use ruamjai_domain::work_manual::Draft;
use ruamjai_domain::work_manual::control::Stage;
use ruamjai_store::participation::{AttachmentFile, AttachmentMeta};

use super::{may, open, published_detail, write_draft};
use crate::manuals::NewForm;
use crate::{App, Caller, Error, Result};

/// Where a work manual's form file is served.
pub fn form_url(manual_id: i64, file_id: i64) -> String {
    format!("/work-manuals/{manual_id}/forms/{file_id}")
}

/// Stores the file and adds its link to the open draft's forms; returns
/// the file and its address. Refused before the file is stored when no
/// draft is open or the open revision is in review.
#[tracing::instrument(skip(app, caller, form), fields(file = %form.file.file_name))]
pub async fn attach_form(
    app: &App,
    caller: &Caller,
    id: i64,
    form: NewForm,
) -> Result<(AttachmentMeta, String)> {
    let record = app.store().work_manual(id).await?;
    let actor = may(caller, &record, Policy::Write)?;
    let revisions = app.store().work_manual_revisions(id).await?;
    let draft = match open(&revisions) {
        None => return Err(Error::Conflict("no-draft")),
        Some(r) if r.stage != Stage::Draft => return Err(Error::Conflict("version-not-draft")),
        Some(r) => r,
    };
    let mut content = draft.content()?;
    let stored = app.store().attach_work_manual_file(&actor, id, &form.file, app.now()).await?;
    let url = form_url(id, stored.id);
    content.forms.push(FormLink { title: form.title, url: url.clone() });
    let draft = Draft {
        content,
        change_summary: draft.change_summary.clone(),
        requires_reading: draft.requires_reading,
        change: draft.change.clone(),
    };
    write_draft(app, &actor, &record, &draft).await?;
    Ok((stored, url))
}

/// A form file of a work manual. Staff who may read the manual get any of
/// its files; anyone else only a file the public revision in force links to.
pub async fn form_file(app: &App, caller: Option<&Caller>, id: i64, file_id: i64) -> Result<AttachmentFile> {
    let record = app.store().work_manual(id).await?;
    let staff_may = caller.is_some_and(|c| may(c, &record, Policy::Read).is_ok());
    if !staff_may {
        let detail = published_detail(app, id).await.map_err(|_| Error::NotFound)?;
        let in_force = detail.effective().ok_or(Error::NotFound)?.revision.content()?;
        let url = form_url(id, file_id);
        if !in_force.forms.iter().any(|f| f.url == url) {
            return Err(Error::NotFound);
        }
    }
    Ok(app.store().work_manual_file(id, file_id).await?)
}
