//! The files of a work manual's forms. A file belongs to the manual, not to
//! one revision, so the next revision keeps linking to it without another
//! upload, and a superseded revision's links still open.

use ruamjai_domain::attachment::NewAttachment;
use time::OffsetDateTime;

use crate::audit::Actor;
use crate::participation::attachments::{self, AttachmentFile, AttachmentMeta, Owner};
use crate::{Result, Store};

impl Store {
    /// Stores a form file of a work manual.
    pub async fn attach_work_manual_file(
        &self,
        actor: &Actor,
        manual_id: i64,
        file: &NewAttachment,
        now: OffsetDateTime,
    ) -> Result<AttachmentMeta> {
        let mut tx = self.begin_write().await?;
        let owner = (Owner::WorkManual(manual_id), "work-manual");
        let meta = attachments::insert_audited(&mut tx, self.office_id, actor, owner, file, now).await?;
        tx.commit().await?;
        Ok(meta)
    }

    /// One form file of a work manual, with its content.
    pub async fn work_manual_file(&self, manual_id: i64, attachment_id: i64) -> Result<AttachmentFile> {
        self.attachment(Owner::WorkManual(manual_id), attachment_id).await
    }

    /// The form files of a work manual, oldest first, without content.
    pub async fn work_manual_files(&self, manual_id: i64) -> Result<Vec<AttachmentMeta>> {
        self.attachment_list(Owner::WorkManual(manual_id)).await
    }
}
