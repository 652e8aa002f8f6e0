//! Forms attached to a manual as files: stored with the service's manual,
//! linked from the draft by their address on this site, and served to the
//! public only while the manual in force links to them.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::manual::{FormLink, Manual};
use ruamjai_domain::text::Text;
use ruamjai_store::audit::Actor;
use ruamjai_store::documents::{DocumentKind, Version};
use ruamjai_store::participation::AttachmentMeta;
use time::OffsetDateTime;

use super::all_versions;
use crate::auth::csrf::Upload;
use crate::{AppError, AppState};

/// The field names of a new form in the editor and the API.
pub(crate) const TITLE_FIELD: &str = "forms.new.title";
pub(crate) const FILE_FIELD: &str = "forms.new.file";

/// A form to attach: its title as the manual shows it, and the file.
pub(crate) struct NewForm {
    pub title: String,
    pub file: NewAttachment,
}

impl NewForm {
    /// The form of a title and an upload, when either was given; a title
    /// without a file, or a file without a title, is refused by name.
    pub(crate) fn check(
        title: &str,
        upload: Option<&Upload>,
    ) -> Result<Option<Self>, Vec<(String, FieldError)>> {
        if title.trim().is_empty() && upload.is_none() {
            return Ok(None);
        }
        let title = Text::line(title, 300).map_err(|e| (TITLE_FIELD.to_owned(), e));
        let file = upload
            .ok_or(FieldError::Required)
            .and_then(|u| NewAttachment::check(&u.file_name, u.content.clone()))
            .map_err(|e| (FILE_FIELD.to_owned(), e));
        match (title, file) {
            (Ok(title), Ok(file)) => Ok(Some(Self { title: title.as_str().to_owned(), file })),
            (title, file) => Err(title.err().into_iter().chain(file.err()).collect()),
        }
    }

    /// Stores the file with the service's manual and links it from `manual`.
    pub(crate) async fn attach(
        self,
        state: &AppState,
        actor: &Actor,
        service: &str,
        manual: &mut Manual,
    ) -> Result<AttachmentMeta, AppError> {
        let now = OffsetDateTime::now_utc();
        let stored = state
            .store
            .attach_document_file(actor, DocumentKind::CitizenManual, service, &self.file, now)
            .await?;
        manual.forms.push(FormLink { title: self.title, url: file_url(service, stored.id) });
        Ok(stored)
    }
}

/// Where the public downloads a form file.
pub(crate) fn file_url(service: &str, file_id: i64) -> String {
    format!("/services/{service}/forms/{file_id}")
}

/// The manual a new form is added to: the open draft, else a new draft
/// from the latest version. A version in review or approved is refused:
/// it must be sent back first.
pub(crate) async fn editable_manual(state: &AppState, service: &str) -> Result<(Manual, String), AppError> {
    let versions = all_versions(state, service).await?;
    match versions.iter().rev().find(|v| v.stage.is_open()) {
        Some(open) if open.stage != ruamjai_domain::publication::Stage::Draft => {
            Err(AppError::Conflict("version-not-draft"))
        }
        Some(open) => Ok((open.manual()?, open.change_summary.clone())),
        None => Ok((versions.last().map(Version::manual).transpose()?.unwrap_or_default(), String::new())),
    }
}
