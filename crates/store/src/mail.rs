//! The outbox: mail queued in the transaction that causes it, claimed and
//! sent by a sender, retried with back-off, its body erased once sent.

use ruamjai_domain::mail::{MAX_ATTEMPTS, NewMail, Purpose, retry_delay_secs};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::{Result, Store, WriteTx, time_ms};

/// How long a sender may work on a claimed message before another may try.
const CLAIM_SECS: i64 = 120;

/// A message as administrators see it in the outbox.
#[derive(Debug, Clone)]
pub struct OutboxEntry {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    /// `None` once sent.
    pub body: Option<String>,
    pub purpose: Option<Purpose>,
    pub created_at: OffsetDateTime,
    pub attempts: i64,
    pub sent_at: Option<OffsetDateTime>,
    pub last_error: Option<String>,
}

/// A message claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

/// Queues `mail` in the caller's transaction.
pub(crate) async fn queue(
    tx: &mut WriteTx,
    office_id: i64,
    mail: &NewMail,
    now: OffsetDateTime,
) -> Result<()> {
    queue_at(tx, office_id, mail, now, now).await
}

/// Queues a message that the sender leaves alone until `send_at`.
pub(crate) async fn queue_at(
    tx: &mut WriteTx,
    office_id: i64,
    mail: &NewMail,
    now: OffsetDateTime,
    send_at: OffsetDateTime,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO outbox (office_id, recipient, subject, body, purpose, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(office_id)
    .bind(mail.to.as_str())
    .bind(mail.subject.as_str())
    .bind(mail.body.as_str())
    .bind(mail.purpose.code())
    .bind(time_ms::to_ms(now))
    .bind(time_ms::to_ms(send_at.max(now)))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Queues one message on its own.
    pub async fn queue_mail(&self, mail: &NewMail, now: OffsetDateTime) -> Result<()> {
        let mut tx = self.begin_write().await?;
        queue(&mut tx, self.office_id, mail, now).await?;
        tx.commit().await
    }

    /// The newest messages first, for administrators.
    pub async fn outbox(&self, limit: i64) -> Result<Vec<OutboxEntry>> {
        let rows = sqlx::query(
            "SELECT id, recipient, subject, body, purpose, created_at, attempts, sent_at, last_error
             FROM outbox WHERE office_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(self.office_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(outbox_entry).collect()
    }

    /// How many messages wait to be sent (not sent and not given up).
    pub async fn mail_waiting(&self) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE office_id = $1 AND sent_at IS NULL AND attempts < $2",
        )
        .bind(self.office_id)
        .bind(i64::from(MAX_ATTEMPTS))
        .fetch_one(&self.pool)
        .await?)
    }

    /// Claims up to `limit` messages that are due, so that no other sender
    /// takes them for a while.
    pub async fn claim_due_mail(&self, now: OffsetDateTime, limit: i64) -> Result<Vec<QueuedMail>> {
        let at = time_ms::to_ms(now);
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT id, recipient, subject, body FROM outbox
             WHERE sent_at IS NULL AND next_attempt_at <= $1 AND attempts < $2
               AND (claimed_until IS NULL OR claimed_until < $1)
             ORDER BY next_attempt_at, id LIMIT $3",
        )
        .bind(at)
        .bind(i64::from(MAX_ATTEMPTS))
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let mut claimed = Vec::with_capacity(rows.len());
        for row in rows {
            let id: i64 = row.try_get("id")?;
            let taken = sqlx::query(
                "UPDATE outbox SET claimed_until = $1
                 WHERE id = $2 AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $3)",
            )
            .bind(at + CLAIM_SECS * 1000)
            .bind(id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            if taken.rows_affected() == 1 {
                claimed.push(QueuedMail {
                    id,
                    recipient: row.try_get("recipient")?,
                    subject: row.try_get("subject")?,
                    body: row.try_get::<Option<String>, _>("body")?.unwrap_or_default(),
                });
            }
        }
        tx.commit().await?;
        Ok(claimed)
    }

    /// Records a sent message and erases its body.
    pub async fn mail_sent(&self, id: i64, now: OffsetDateTime) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE outbox SET sent_at = $1, body = NULL, claimed_until = NULL, last_error = NULL,
                 attempts = attempts + 1 WHERE id = $2",
        )
        .bind(time_ms::to_ms(now))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// Records a failed attempt and when to try again.
    pub async fn mail_failed(&self, id: i64, error: &str, now: OffsetDateTime) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let attempts: i64 = sqlx::query_scalar("SELECT attempts FROM outbox WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let delay = retry_delay_secs(u32::try_from(attempts).unwrap_or(u32::MAX));
        let error: String = error.chars().take(500).collect();
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_until = NULL,
                 next_attempt_at = $2 WHERE id = $3",
        )
        .bind(error)
        .bind(time_ms::to_ms(now) + delay * 1000)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
}

fn outbox_entry(row: &AnyRow) -> Result<OutboxEntry> {
    let purpose: String = row.try_get("purpose")?;
    Ok(OutboxEntry {
        id: row.try_get("id")?,
        recipient: row.try_get("recipient")?,
        subject: row.try_get("subject")?,
        body: row.try_get("body")?,
        purpose: Purpose::parse(&purpose),
        created_at: time_ms::from_ms(row.try_get("created_at")?),
        attempts: row.try_get("attempts")?,
        sent_at: row.try_get::<Option<i64>, _>("sent_at")?.map(time_ms::from_ms),
        last_error: row.try_get("last_error")?,
    })
}
