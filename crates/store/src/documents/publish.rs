//! Publishing an approved version with its announcement and the evidence
//! files, all in one transaction: a version is never published without the
//! record of how it was announced.

use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::participation::consultation::{format_iso_date, parse_date};
use ruamjai_domain::publication::{Announcement, Channel};
use serde_json::json;
use sqlx::Row;
use time::{Date, OffsetDateTime};

use crate::audit::{Actor, Change, append};
use crate::participation::attachments::{self, Owner};
use crate::participation::{AttachmentFile, AttachmentMeta};
use crate::{Result, Store, StoreError, time_ms};

/// An announcement as recorded, with its evidence files (without content).
#[derive(Debug, Clone)]
pub struct StoredAnnouncement {
    pub id: i64,
    pub date: Date,
    pub channels: Vec<Channel>,
    pub note: String,
    pub evidence: Vec<AttachmentMeta>,
}

impl Store {
    /// Publishes an approved version to take effect at `publish_at` (now or
    /// later). The version it replaces is superseded from that instant on.
    pub async fn publish_version(
        &self,
        actor: &Actor,
        version_id: i64,
        publish_at: OffsetDateTime,
        announcement: &Announcement,
        evidence: &[NewAttachment],
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE document_versions SET stage = 'published', publish_at = $1, published_by = $2, updated_at = $3
             WHERE id = $4 AND stage = 'approved' AND document_id IN (SELECT id FROM documents WHERE office_id = $5)",
        )
        .bind(time_ms::to_ms(publish_at))
        .bind(actor.user_id)
        .bind(time_ms::to_ms(now))
        .bind(version_id)
        .bind(self.office_id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            self.version(version_id).await?;
            return Err(StoreError::Conflict("transition"));
        }
        let channels: Vec<&str> = announcement.channels.iter().map(|c| c.code()).collect();
        let announcement_id: i64 = sqlx::query_scalar(
            "INSERT INTO announcements (office_id, version_id, announced_on, channels, note, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(self.office_id)
        .bind(version_id)
        .bind(format_iso_date(announcement.date))
        .bind(channels.join(","))
        .bind(&announcement.note)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        for file in evidence {
            attachments::insert(&mut tx, self.office_id, Owner::Announcement(announcement_id), file, now)
                .await?;
        }
        let change = Change {
            action: "publish",
            entity: "document-version",
            entity_id: &version_id.to_string(),
            before: json!({ "stage": "approved" }),
            after: json!({
                "stage": "published", "publish_at": time_ms::to_ms(publish_at),
                "announced_on": format_iso_date(announcement.date), "channels": channels,
                "evidence_files": evidence.len(),
            }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// How a published version was announced.
    pub async fn announcement(&self, version_id: i64) -> Result<Option<StoredAnnouncement>> {
        let row = sqlx::query(
            "SELECT id, announced_on, channels, note FROM announcements WHERE office_id = $1 AND version_id = $2",
        )
        .bind(self.office_id)
        .bind(version_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("id")?;
        let channels: String = row.try_get("channels")?;
        Ok(Some(StoredAnnouncement {
            id,
            date: parse_date(&row.try_get::<String, _>("announced_on")?)?,
            channels: channels.split(',').filter_map(|c| Channel::parse(c).ok()).collect(),
            note: row.try_get("note")?,
            evidence: self.attachment_list(Owner::Announcement(id)).await?,
        }))
    }

    /// One evidence file of a version's announcement, with its content.
    pub async fn announcement_file(&self, version_id: i64, attachment_id: i64) -> Result<AttachmentFile> {
        let announcement = self.announcement(version_id).await?.ok_or(StoreError::NotFound)?;
        self.attachment(Owner::Announcement(announcement.id), attachment_id).await
    }
}
