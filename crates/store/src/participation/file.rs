//! Filing a submission: a tracking code from the fiscal year's sequence, the
//! submission and its first timeline event, in one transaction.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::participation::Status;
use ruamjai_domain::participation::TrackingCode;
use ruamjai_domain::participation::submission::NewSubmission;
use serde_json::json;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

const SERVICE_ID: &str = "SELECT id FROM services WHERE office_id = $1 AND code = $2";
const GROUP_ID: &str = "SELECT id FROM stakeholder_groups WHERE office_id = $1 AND code = $2";

/// A filed submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filed {
    pub id: i64,
    pub code: TrackingCode,
}

impl Store {
    /// Files a submission. `logged_by` is the staff member recording a
    /// telephone, letter, walk-in or meeting submission (that is audited);
    /// `None` for the public form and API.
    pub async fn file_submission(
        &self,
        new: &NewSubmission,
        token_hash: &str,
        logged_by: Option<&Actor>,
        now: OffsetDateTime,
    ) -> Result<Filed> {
        let mut tx = self.begin_write().await?;
        let service_id = match &new.service {
            Some(code) => Some(self.catalog_id(&mut tx, SERVICE_ID, code.as_str(), "service").await?),
            None => None,
        };
        let group_id = self.catalog_id(&mut tx, GROUP_ID, new.group.as_str(), "group").await?;
        let year = FiscalYear::of(now);
        let seq = self.next_tracking_seq(&mut tx, year).await?;
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
        .bind(token_hash)
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
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO submission_events (submission_id, at, actor_id, status, public) VALUES ($1, $2, $3, $4, 1)")
            .bind(id)
            .bind(at)
            .bind(logged_by.and_then(|a| a.user_id))
            .bind(Status::Received.code())
            .execute(&mut *tx)
            .await?;
        self.refresh_due_dates(&mut tx, id).await?;
        let code = TrackingCode::new(year, u32::try_from(seq).expect("sequences stay below u32::MAX"));
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
            append(&mut tx, self.office_id, actor, change).await?;
        }
        tx.commit().await?;
        Ok(Filed { id, code })
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
