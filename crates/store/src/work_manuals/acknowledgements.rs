//! "I have read and understood" (อ่านและเข้าใจแล้ว): once per account and
//! major revision, with the hash of what was read; and the staff a manual
//! is addressed to, told once when a revision they must read takes effect.

use ruamjai_domain::accounts::Role;
use ruamjai_domain::mail::NewMail;
use ruamjai_domain::work_manual::Audience;
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use super::Revision;
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, mail, time_ms};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgement {
    pub user_id: i64,
    pub name: String,
    pub division_code: Option<String>,
    /// The major revision acknowledged; its corrections keep it.
    pub number: u32,
    pub revision_id: i64,
    pub content_hash: String,
    pub at: OffsetDateTime,
}

/// An active account a manual is addressed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub division_code: Option<String>,
}

impl Store {
    /// Records that the account read `revision`; `false` when it already
    /// had (the first acknowledgement stands, nothing is duplicated).
    pub async fn acknowledge_work_manual(
        &self,
        actor: &Actor,
        revision: &Revision,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let user_id = actor.user_id.ok_or(StoreError::NotFound)?;
        let mut tx = self.begin_write().await?;
        let inserted = sqlx::query(
            "INSERT INTO work_manual_acknowledgements (work_manual_id, number, revision_id, content_hash, user_id, acknowledged_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (work_manual_id, number, user_id) DO NOTHING",
        )
        .bind(revision.work_manual_id)
        .bind(i64::from(revision.number.number))
        .bind(revision.id)
        .bind(&revision.content_hash)
        .bind(user_id)
        .bind(time_ms::to_ms(now))
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Ok(false);
        }
        let change = Change {
            action: "acknowledge",
            entity: "work-manual-revision",
            entity_id: &revision.id.to_string(),
            before: json!(null),
            after: json!({ "work_manual": revision.work_manual_id, "revision": revision.number.label(),
                           "content_hash": revision.content_hash }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every acknowledgement of a manual, by revision number, then by time.
    pub async fn work_manual_acknowledgements(&self, manual_id: i64) -> Result<Vec<Acknowledgement>> {
        let rows = sqlx::query(
            "SELECT a.user_id, u.name, d.code AS division_code, a.number, a.revision_id, a.content_hash, a.acknowledged_at
             FROM work_manual_acknowledgements a JOIN work_manuals m ON m.id = a.work_manual_id
             JOIN users u ON u.id = a.user_id LEFT JOIN divisions d ON d.id = u.division_id
             WHERE m.office_id = $1 AND m.id = $2 ORDER BY a.number, a.acknowledged_at, a.id",
        )
        .bind(self.office_id)
        .bind(manual_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Acknowledgement {
                    user_id: row.try_get("user_id")?,
                    name: row.try_get("name")?,
                    division_code: row.try_get("division_code")?,
                    number: u32::try_from(row.try_get::<i64, _>("number")?).unwrap_or(0),
                    revision_id: row.try_get("revision_id")?,
                    content_hash: row.try_get("content_hash")?,
                    at: time_ms::from_ms(row.try_get("acknowledged_at")?),
                })
            })
            .collect()
    }

    /// The active accounts a manual is addressed to, by name. Read at the
    /// moment of asking, so an account that joins the audience is asked too.
    pub async fn work_manual_readers(&self, audience: &Audience) -> Result<Vec<Reader>> {
        let users = self.list_users().await?;
        let mut readers: Vec<Reader> = users
            .into_iter()
            .filter(|u| !u.disabled && audience.includes(u.role, u.division_code.as_deref()))
            .map(|u| Reader {
                user_id: u.id,
                name: u.name,
                email: u.email,
                role: u.role,
                division_code: u.division_code,
            })
            .collect();
        readers.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(readers)
    }

    /// Queues the mail that tells the readers to read `revision_id`, once:
    /// `false` when they were already told.
    pub async fn notify_work_manual_readers(
        &self,
        revision_id: i64,
        mails: &[NewMail],
        now: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let marked = sqlx::query(
            "UPDATE work_manual_revisions SET readers_notified_at = $1 WHERE id = $2 AND readers_notified_at IS NULL
             AND work_manual_id IN (SELECT id FROM work_manuals WHERE office_id = $3)",
        )
        .bind(time_ms::to_ms(now))
        .bind(revision_id)
        .bind(self.office_id)
        .execute(&mut *tx)
        .await?;
        if marked.rows_affected() == 0 {
            return Ok(false);
        }
        for message in mails {
            mail::queue(&mut tx, self.office_id, message, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Approved revisions that require reading, in force by `today` (an ISO
    /// date), whose readers have not been told yet: for the job that tells them.
    pub async fn work_manual_revisions_to_announce(&self, today: &str) -> Result<Vec<(i64, i64)>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT r.id, r.work_manual_id FROM work_manual_revisions r JOIN work_manuals m ON m.id = r.work_manual_id
             WHERE m.office_id = $1 AND r.stage = 'approved' AND r.requires_reading = 1
             AND r.readers_notified_at IS NULL AND r.effective_on <= $2 ORDER BY r.id",
        )
        .bind(self.office_id)
        .bind(today)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }
}
