//! Files a document offers across its versions: the forms of a citizen
//! manual. A file outlives the draft it was added to, so the next revision
//! can keep linking to it without another upload.

use ruamjai_domain::attachment::NewAttachment;
use time::OffsetDateTime;

use super::DocumentKind;
use crate::audit::Actor;
use crate::participation::attachments::{self, AttachmentFile, AttachmentMeta, Owner};
use crate::{Result, Store, StoreError};

impl Store {
    /// Stores a file of a service's document, starting the document when
    /// none exists yet.
    pub async fn attach_document_file(
        &self,
        actor: &Actor,
        kind: DocumentKind,
        service: &str,
        file: &NewAttachment,
        now: OffsetDateTime,
    ) -> Result<AttachmentMeta> {
        let mut tx = self.begin_write().await?;
        let document_id = self.document_for_service(&mut tx, kind, service, now).await?;
        let owner = (Owner::Document(document_id), "document");
        let meta = attachments::insert_audited(&mut tx, self.office_id, actor, owner, file, now).await?;
        tx.commit().await?;
        Ok(meta)
    }

    /// One file of a service's document, with its content.
    pub async fn document_file(
        &self,
        kind: DocumentKind,
        service: &str,
        attachment_id: i64,
    ) -> Result<AttachmentFile> {
        let document = self.service_document(kind, service).await?.ok_or(StoreError::NotFound)?;
        self.attachment(Owner::Document(document.id), attachment_id).await
    }

    /// The files of a service's document, oldest first, without content.
    pub async fn document_files(&self, kind: DocumentKind, service: &str) -> Result<Vec<AttachmentMeta>> {
        match self.service_document(kind, service).await? {
            Some(document) => self.attachment_list(Owner::Document(document.id)).await,
            None => Ok(Vec::new()),
        }
    }
}
