//! "You said, we did": publishing chosen resolved submissions, and the
//! public list, which carries nothing but the staff's own words.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::you_said::{YouSaid, can_publish};
use ruamjai_domain::participation::{Kind, TrackingCode};
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use super::{GENERAL_DIVISION, InboxScope};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, time_ms};

/// One published item as the public sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub kind: Kind,
    pub service_code: Option<String>,
    pub said: String,
    pub did: String,
    pub published_at: OffsetDateTime,
}

/// A resolved suggestion or complaint not yet published, for staff to consider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub code: TrackingCode,
    pub kind: Kind,
    pub subject: String,
    pub answered_at: Option<OffsetDateTime>,
}

impl Store {
    /// Publishes (or rewrites) the "you said, we did" text of a submission.
    pub async fn publish_you_said(
        &self,
        actor: &Actor,
        code: TrackingCode,
        text: &YouSaid,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let current = self.submission_ref(&mut tx, code).await?;
        if !can_publish(current.kind, current.status) {
            return Err(StoreError::Conflict("not-publishable"));
        }
        sqlx::query(
            "UPDATE submissions SET published_said = $1, published_did = $2, published_at = $3 WHERE id = $4",
        )
        .bind(text.said.as_str())
        .bind(text.did.as_str())
        .bind(time_ms::to_ms(now))
        .bind(current.id)
        .execute(&mut *tx)
        .await?;
        let change = Change {
            action: "publish",
            entity: "you-said-we-did",
            entity_id: &code.to_string(),
            before: json!(null),
            after: json!({ "said": text.said.as_str(), "did": text.did.as_str() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// Takes an item off the public page.
    pub async fn unpublish_you_said(&self, actor: &Actor, code: TrackingCode) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let current = self.submission_ref(&mut tx, code).await?;
        sqlx::query(
            "UPDATE submissions SET published_said = NULL, published_did = NULL, published_at = NULL WHERE id = $1",
        )
        .bind(current.id)
        .execute(&mut *tx)
        .await?;
        let change = Change {
            action: "unpublish",
            entity: "you-said-we-did",
            entity_id: &code.to_string(),
            before: json!(null),
            after: json!(null),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// The published items, newest first.
    pub async fn you_said_we_did(&self, limit: i64) -> Result<Vec<Published>> {
        let rows = sqlx::query(
            "SELECT s.kind, s.published_said, s.published_did, s.published_at, v.code AS service_code
             FROM submissions s LEFT JOIN services v ON v.id = s.service_id
             WHERE s.office_id = $1 AND s.published_at IS NOT NULL ORDER BY s.published_at DESC LIMIT $2",
        )
        .bind(self.office_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                Ok(Published {
                    kind: Kind::parse(&kind)?,
                    service_code: row.try_get("service_code")?,
                    said: row.try_get("published_said")?,
                    did: row.try_get("published_did")?,
                    published_at: time_ms::from_ms(row.try_get("published_at")?),
                })
            })
            .collect()
    }

    /// Resolved suggestions and complaints not published yet, newest answer
    /// first, of the submissions `scope` covers.
    pub async fn you_said_candidates(&self, scope: &InboxScope, limit: i64) -> Result<Vec<Candidate>> {
        let (division, general) = match scope {
            InboxScope::Everything => (None, 0_i64),
            InboxScope::Division(code) => (Some(code.as_str()), i64::from(code == GENERAL_DIVISION)),
        };
        let rows = sqlx::query(
            "SELECT s.fiscal_year, s.seq, s.kind, s.subject, s.answered_at FROM submissions s
             WHERE s.office_id = $1 AND s.published_at IS NULL AND s.kind IN ('suggestion', 'complaint')
               AND s.status IN ('resolved', 'closed')
               AND ($3 IS NULL
                    OR s.service_id IN (SELECT sv.id FROM services sv JOIN divisions d ON d.id = sv.division_id
                                        WHERE d.code = $3)
                    OR (s.service_id IS NULL AND $4 = 1))
             ORDER BY s.answered_at DESC, s.id DESC LIMIT $2",
        )
        .bind(self.office_id)
        .bind(limit)
        .bind(division)
        .bind(general)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                Ok(Candidate {
                    code: super::code_of(row.try_get("fiscal_year")?, row.try_get("seq")?),
                    kind: Kind::parse(&kind).map_err(|_: FieldError| StoreError::NotFound)?,
                    subject: row.try_get("subject")?,
                    answered_at: row.try_get::<Option<i64>, _>("answered_at")?.map(time_ms::from_ms),
                })
            })
            .collect()
    }
}
