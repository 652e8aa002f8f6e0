//! Files attached to submissions, consultations, announcements and
//! documents: stored with their owner, listed without their content, read
//! one at a time for download.

use ruamjai_domain::attachment::{MediaType, NewAttachment};
use ruamjai_domain::hash::sha256_hex;
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// What a list shows of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentMeta {
    pub id: i64,
    pub file_name: String,
    pub media_type: MediaType,
    pub size_bytes: i64,
}

/// A file to download.
#[derive(Debug, Clone)]
pub struct AttachmentFile {
    pub meta: AttachmentMeta,
    pub content: Vec<u8>,
    /// The SHA-256 the file was stored with: what an evidence pack checks
    /// the content against before it vouches for it.
    pub sha256: String,
}

/// What a file belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Owner {
    Submission(i64),
    Consultation(i64),
    Announcement(i64),
    Document(i64),
    WorkManual(i64),
    KpiValue(i64),
    KpiSignOff(i64),
}

impl Owner {
    /// The owner's column: one of these constants, never input.
    pub(crate) fn column_and_id(self) -> (&'static str, i64) {
        match self {
            Self::Submission(id) => ("submission_id", id),
            Self::Consultation(id) => ("consultation_id", id),
            Self::Announcement(id) => ("announcement_id", id),
            Self::Document(id) => ("document_id", id),
            Self::WorkManual(id) => ("work_manual_id", id),
            Self::KpiValue(id) => ("kpi_value_id", id),
            Self::KpiSignOff(id) => ("kpi_sign_off_id", id),
        }
    }
}

/// Stores a file; returns its id.
pub(crate) async fn insert(
    tx: &mut WriteTx,
    office_id: i64,
    owner: Owner,
    file: &NewAttachment,
    now: OffsetDateTime,
) -> Result<i64> {
    let (owner_column, owner_id) = owner.column_and_id();
    let row = sqlx::query(&format!(
        "INSERT INTO attachments (office_id, {owner_column}, file_name, media_type, size_bytes, sha256, content,
             created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    ))
    .bind(office_id)
    .bind(owner_id)
    .bind(file.file_name.as_str())
    .bind(file.media_type.mime())
    .bind(i64::try_from(file.content.len()).expect("attachments are size-limited"))
    .bind(sha256_hex(&file.content))
    .bind(file.content.as_slice())
    .bind(time_ms::to_ms(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(sqlx::Row::try_get(&row, 0)?)
}

/// Stores a file of a document or work manual with its "attach-file" audit
/// entry in the same transaction; returns what a list shows of it.
pub(crate) async fn insert_audited(
    tx: &mut WriteTx,
    office_id: i64,
    actor: &Actor,
    (owner, entity): (Owner, &str),
    file: &NewAttachment,
    now: OffsetDateTime,
) -> Result<AttachmentMeta> {
    let id = insert(tx, office_id, owner, file, now).await?;
    let change = Change {
        action: "attach-file",
        entity,
        entity_id: &owner.column_and_id().1.to_string(),
        before: json!(null),
        after: json!({ "attachment_id": id, "file_name": file.file_name, "media_type": file.media_type.mime() }),
    };
    append(tx, office_id, actor, change).await?;
    Ok(AttachmentMeta {
        id,
        file_name: file.file_name.clone(),
        media_type: file.media_type,
        size_bytes: i64::try_from(file.content.len()).expect("attachments are size-limited"),
    })
}

impl Store {
    /// The files of a submission, oldest first, without their content.
    pub async fn submission_attachments(&self, submission_id: i64) -> Result<Vec<AttachmentMeta>> {
        self.attachment_list(Owner::Submission(submission_id)).await
    }

    /// One file of a submission, with its content.
    pub async fn submission_attachment(
        &self,
        submission_id: i64,
        attachment_id: i64,
    ) -> Result<AttachmentFile> {
        self.attachment(Owner::Submission(submission_id), attachment_id).await
    }

    /// The files of a consultation's draft, without their content.
    pub async fn consultation_attachments(&self, consultation_id: i64) -> Result<Vec<AttachmentMeta>> {
        self.attachment_list(Owner::Consultation(consultation_id)).await
    }

    /// One file of a consultation's draft, with its content.
    pub async fn consultation_attachment(
        &self,
        consultation_id: i64,
        attachment_id: i64,
    ) -> Result<AttachmentFile> {
        self.attachment(Owner::Consultation(consultation_id), attachment_id).await
    }

    pub(crate) async fn attachment_list(&self, owner: Owner) -> Result<Vec<AttachmentMeta>> {
        let (owner_column, owner_id) = owner.column_and_id();
        let sql = format!(
            "SELECT id, file_name, media_type, size_bytes FROM attachments
             WHERE office_id = $1 AND {owner_column} = $2 ORDER BY id"
        );
        let rows = sqlx::query(&sql).bind(self.office_id).bind(owner_id).fetch_all(&self.pool).await?;
        rows.iter().map(meta).collect()
    }

    pub(crate) async fn attachment(&self, owner: Owner, attachment_id: i64) -> Result<AttachmentFile> {
        let (owner_column, owner_id) = owner.column_and_id();
        let sql = format!(
            "SELECT id, file_name, media_type, size_bytes, sha256, content FROM attachments
             WHERE office_id = $1 AND {owner_column} = $2 AND id = $3"
        );
        let row = sqlx::query(&sql)
            .bind(self.office_id)
            .bind(owner_id)
            .bind(attachment_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(AttachmentFile {
            meta: meta(&row)?,
            content: row.try_get("content")?,
            sha256: row.try_get("sha256")?,
        })
    }
}

fn meta(row: &sqlx::any::AnyRow) -> Result<AttachmentMeta> {
    let mime: String = row.try_get("media_type")?;
    Ok(AttachmentMeta {
        id: row.try_get("id")?,
        file_name: row.try_get("file_name")?,
        media_type: MediaType::from_mime(&mime).ok_or(StoreError::NotFound)?,
        size_bytes: row.try_get("size_bytes")?,
    })
}
