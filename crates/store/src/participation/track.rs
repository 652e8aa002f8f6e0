//! What the public sees with a tracking code and its token: the status
//! timeline and public replies, never internal notes or personal data.

use ruamjai_domain::participation::{Kind, Status, TrackingCode};
use sqlx::Row;
use time::OffsetDateTime;

use crate::{Result, Store, time_ms};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedSubmission {
    pub code: TrackingCode,
    pub kind: Kind,
    pub status: Status,
    pub service_code: Option<String>,
    pub subject: String,
    pub created_at: OffsetDateTime,
    pub events: Vec<PublicEvent>,
}

/// One public step of the timeline: a status change, a reply, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicEvent {
    pub at: OffsetDateTime,
    pub status: Option<Status>,
    pub reply: Option<String>,
}

impl Store {
    /// The submission behind a code, if `token_hash` matches. A wrong token
    /// and an unknown code give the same `None`, so codes cannot be probed.
    pub async fn tracked_submission(
        &self,
        code: TrackingCode,
        token_hash: &str,
    ) -> Result<Option<TrackedSubmission>> {
        let row = sqlx::query(
            "SELECT s.id, s.token_hash, s.kind, s.status, s.subject, s.created_at, v.code AS service_code
             FROM submissions s LEFT JOIN services v ON v.id = s.service_id
             WHERE s.office_id = $1 AND s.fiscal_year = $2 AND s.seq = $3",
        )
        .bind(self.office_id)
        .bind(i64::from(code.year.be()))
        .bind(i64::from(code.seq))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let stored: String = row.try_get("token_hash")?;
        if !same_hash(&stored, token_hash) {
            return Ok(None);
        }
        let id: i64 = row.try_get("id")?;
        let (kind, status): (String, String) = (row.try_get("kind")?, row.try_get("status")?);
        Ok(Some(TrackedSubmission {
            code,
            kind: Kind::parse(&kind)?,
            status: Status::parse(&status)?,
            service_code: row.try_get("service_code")?,
            subject: row.try_get("subject")?,
            created_at: time_ms::from_ms(row.try_get("created_at")?),
            events: self.public_events(id).await?,
        }))
    }

    /// The steps shown to the submitter: the staff timeline without internal notes.
    async fn public_events(&self, submission_id: i64) -> Result<Vec<PublicEvent>> {
        let events = self.staff_events(submission_id).await?;
        Ok(events
            .into_iter()
            .filter(|e| e.public)
            .map(|e| PublicEvent { at: e.at, status: e.status, reply: e.text })
            .collect())
    }
}

/// Compares two hex hashes without an early exit.
fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Store {
    /// Replaces a submission's token when `email` is the address given at
    /// submission, and queues the mail carrying the new link, in one
    /// transaction. Says nothing about whether it matched: the caller shows
    /// the same answer either way, so codes and addresses cannot be probed.
    pub async fn renew_tracking_token(
        &self,
        code: TrackingCode,
        email: &ruamjai_domain::accounts::Email,
        new_token_hash: &str,
        mail: &ruamjai_domain::mail::NewMail,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let renewed = sqlx::query(
            "UPDATE submissions SET token_hash = $1
             WHERE office_id = $2 AND fiscal_year = $3 AND seq = $4 AND contact_email = $5",
        )
        .bind(new_token_hash)
        .bind(self.office_id)
        .bind(i64::from(code.year.be()))
        .bind(i64::from(code.seq))
        .bind(email.as_str())
        .execute(&mut *tx)
        .await?;
        if renewed.rows_affected() == 1 {
            crate::mail::queue(&mut tx, self.office_id, mail, now).await?;
        }
        tx.commit().await
    }
}
