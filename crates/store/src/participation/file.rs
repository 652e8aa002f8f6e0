//! Filing a submission: a tracking code from the fiscal year's sequence, the
//! submission, its first timeline event, its files, its acknowledgement mail
//! and its idempotency key, in one transaction.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::mail::NewMail;
use ruamjai_domain::participation::Status;
use ruamjai_domain::participation::TrackingCode;
use ruamjai_domain::participation::submission::NewSubmission;
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use super::attachments;
use super::cells::{self, Cell, Gain};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, mail, time_ms};

const SERVICE_ID: &str = "SELECT id FROM services WHERE office_id = $1 AND code = $2";
const GROUP_ID: &str = "SELECT id FROM stakeholder_groups WHERE office_id = $1 AND code = $2";

/// A filed submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filed {
    pub id: i64,
    pub code: TrackingCode,
}

/// Everything filed with a submission.
pub struct Filing<'a> {
    pub new: &'a NewSubmission,
    /// SHA-256 of the secret token given with the tracking code.
    pub token_hash: &'a str,
    /// The staff member recording a telephone, letter, walk-in or meeting
    /// submission (that is audited); `None` for the public form and API.
    pub logged_by: Option<&'a Actor>,
    pub now: OffsetDateTime,
    pub attachments: &'a [NewAttachment],
    /// The acknowledgement to mail, written once the code is known.
    pub acknowledgement: Option<&'a (dyn Fn(TrackingCode) -> NewMail + Sync)>,
    pub idempotency: Option<&'a IdempotencyKey>,
}

impl<'a> Filing<'a> {
    /// A filing with nothing but the submission.
    pub fn plain(new: &'a NewSubmission, token_hash: &'a str, now: OffsetDateTime) -> Self {
        Self {
            new,
            token_hash,
            logged_by: None,
            now,
            attachments: &[],
            acknowledgement: None,
            idempotency: None,
        }
    }
}

/// What is kept of a client's `Idempotency-Key`: hashes only, and the salt
/// from which the first result's token is derived again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey {
    pub key_hash: String,
    /// A hash of the request body: the same key with another body is refused.
    pub request_hash: String,
    pub salt: String,
}

/// What filing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilingOutcome {
    Filed(Filed),
    /// The idempotency key was seen before with the same request: the first
    /// submission, and the salt its token was derived with.
    Replayed {
        filed: Filed,
        salt: String,
    },
}

impl Store {
    /// Files a submission with nothing else (no files, mail or key).
    pub async fn file_submission(
        &self,
        new: &NewSubmission,
        token_hash: &str,
        logged_by: Option<&Actor>,
        now: OffsetDateTime,
    ) -> Result<Filed> {
        let filing = Filing { logged_by, ..Filing::plain(new, token_hash, now) };
        match self.file(&filing).await? {
            FilingOutcome::Filed(filed) | FilingOutcome::Replayed { filed, .. } => Ok(filed),
        }
    }

    /// Files a submission with its files, acknowledgement and idempotency key.
    pub async fn file(&self, filing: &Filing<'_>) -> Result<FilingOutcome> {
        let mut tx = self.begin_write().await?;
        if let Some(key) = filing.idempotency
            && let Some(replayed) = self.replay(&mut tx, key).await?
        {
            return Ok(replayed);
        }
        let filed = match self.insert_submission(&mut tx, filing).await {
            Err(StoreError::Conflict(_)) if filing.idempotency.is_some() => {
                // Another request with the same key won the race: answer as it did.
                drop(tx);
                let mut tx = self.begin_write().await?;
                let key = filing.idempotency.expect("checked above");
                return self.replay(&mut tx, key).await?.ok_or(StoreError::Conflict("idempotency-key"));
            }
            other => other?,
        };
        tx.commit().await?;
        Ok(FilingOutcome::Filed(filed))
    }

    async fn insert_submission(&self, tx: &mut WriteTx, filing: &Filing<'_>) -> Result<Filed> {
        let (new, now, logged_by) = (filing.new, filing.now, filing.logged_by);
        let service_id = match &new.service {
            Some(code) => Some(self.catalog_id(tx, SERVICE_ID, code.as_str(), "service").await?),
            None => None,
        };
        let group_id = self.catalog_id(tx, GROUP_ID, new.group.as_str(), "group").await?;
        let year = FiscalYear::of(now);
        let seq = self.next_tracking_seq(tx, year).await?;
        let at = time_ms::to_ms(now);
        let contact = &new.contact;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO submissions (office_id, fiscal_year, seq, token_hash, kind, channel, service_id, group_id,
                 subject, details, contact_name, contact_email, contact_phone, status, logged_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id",
        )
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .bind(seq)
        .bind(filing.token_hash)
        .bind(new.kind.code())
        .bind(new.channel.code())
        .bind(service_id)
        .bind(group_id)
        .bind(new.subject.as_str())
        .bind(new.details.as_str())
        .bind(contact.name.as_ref().map(|n| n.as_str().to_owned()))
        .bind(contact.email.as_ref().map(|e| e.as_str().to_owned()))
        .bind(contact.phone.as_ref().map(|p| p.as_str().to_owned()))
        .bind(Status::Received.code())
        .bind(logged_by.and_then(|a| a.user_id))
        .bind(at)
        .fetch_one(&mut **tx)
        .await?;
        sqlx::query("INSERT INTO submission_events (submission_id, at, actor_id, status, public) VALUES ($1, $2, $3, $4, 1)")
            .bind(id)
            .bind(at)
            .bind(logged_by.and_then(|a| a.user_id))
            .bind(Status::Received.code())
            .execute(&mut **tx)
            .await?;
        let cell = Cell {
            office_id: self.office_id,
            fiscal_year: i64::from(year.be()),
            channel: new.channel.code(),
            day: cells::day_of_ms(at),
        };
        cells::add(tx, &cell, Gain { received: 1, ..Gain::default() }).await?;
        self.refresh_due_dates(tx, id).await?;
        for file in filing.attachments {
            attachments::insert(tx, self.office_id, attachments::Owner::Submission(id), file, now).await?;
        }
        let code = TrackingCode::new(year, u32::try_from(seq).expect("sequences stay below u32::MAX"));
        if let Some(acknowledgement) = filing.acknowledgement {
            mail::queue(tx, self.office_id, &acknowledgement(code), now).await?;
        }
        if let Some(key) = filing.idempotency {
            sqlx::query(
                "INSERT INTO idempotency_keys (office_id, key_hash, request_hash, salt, submission_id, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(self.office_id)
            .bind(key.key_hash.as_str())
            .bind(key.request_hash.as_str())
            .bind(key.salt.as_str())
            .bind(id)
            .bind(at)
            .execute(&mut **tx)
            .await?;
        }
        if let Some(actor) = logged_by {
            // No personal data in the audit log: what was logged, not by whom it was sent.
            let after = json!({ "code": code.to_string(), "kind": new.kind, "channel": new.channel });
            let change = Change {
                action: "log",
                entity: "submission",
                entity_id: &code.to_string(),
                before: json!(null),
                after,
            };
            append(tx, self.office_id, actor, change).await?;
        }
        Ok(Filed { id, code })
    }

    /// The first result for an idempotency key seen before, or a refusal when
    /// the key came with another request.
    async fn replay(&self, tx: &mut WriteTx, key: &IdempotencyKey) -> Result<Option<FilingOutcome>> {
        let row = sqlx::query(
            "SELECT k.request_hash, k.salt, s.id, s.fiscal_year, s.seq
             FROM idempotency_keys k JOIN submissions s ON s.id = k.submission_id
             WHERE k.office_id = $1 AND k.key_hash = $2",
        )
        .bind(self.office_id)
        .bind(key.key_hash.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let request_hash: String = row.try_get("request_hash")?;
        if request_hash != key.request_hash {
            return Err(StoreError::InvalidField { field: "idempotency_key", error: FieldError::KeyReused });
        }
        let filed = Filed {
            id: row.try_get("id")?,
            code: super::code_of(row.try_get("fiscal_year")?, row.try_get("seq")?),
        };
        Ok(Some(FilingOutcome::Replayed { filed, salt: row.try_get("salt")? }))
    }

    /// Forgets idempotency keys older than `before` (clients retry within minutes).
    pub async fn purge_idempotency_keys(&self, before: OffsetDateTime) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM idempotency_keys WHERE office_id = $1 AND created_at < $2")
            .bind(self.office_id)
            .bind(time_ms::to_ms(before))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    /// The next sequence of a fiscal year; the row lock serializes concurrent filings.
    async fn next_tracking_seq(&self, tx: &mut WriteTx, year: FiscalYear) -> Result<i64> {
        sqlx::query(
            "INSERT INTO tracking_sequences (office_id, fiscal_year, last_seq) VALUES ($1, $2, 0)
             ON CONFLICT (office_id, fiscal_year) DO NOTHING",
        )
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .execute(&mut **tx)
        .await?;
        let seq = sqlx::query_scalar(
            "UPDATE tracking_sequences SET last_seq = last_seq + 1
             WHERE office_id = $1 AND fiscal_year = $2 RETURNING last_seq",
        )
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .fetch_one(&mut **tx)
        .await?;
        Ok(seq)
    }

    /// The id of a catalog entry by code, or a refusal naming the field.
    async fn catalog_id(
        &self,
        tx: &mut WriteTx,
        sql: &'static str,
        code: &str,
        field: &'static str,
    ) -> Result<i64> {
        sqlx::query_scalar(sql)
            .bind(self.office_id)
            .bind(code)
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(StoreError::InvalidField { field, error: FieldError::UnknownChoice })
    }
}
