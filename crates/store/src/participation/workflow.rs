//! Staff move submissions through the workflow and answer them. Each step is
//! a timeline event and an audit entry, written together.

use ruamjai_domain::participation::{Status, TrackingCode};
use serde_json::json;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, time_ms};

/// A staff action on a submission: a new status, a text, or both.
#[derive(Debug, Clone)]
pub struct Step<'a> {
    pub to: Option<Status>,
    /// A reply (public) or a note (internal); required to reject or mark as duplicate.
    pub text: Option<&'a str>,
    pub public: bool,
}

impl Store {
    /// Applies one step; refuses transitions the workflow does not allow.
    pub async fn step_submission(
        &self,
        actor: &Actor,
        code: TrackingCode,
        step: Step<'_>,
        now: OffsetDateTime,
    ) -> Result<Status> {
        let mut tx = self.begin_write().await?;
        let current = self.submission_ref(&mut tx, code).await?;
        let text = step.text.map(str::trim).filter(|t| !t.is_empty());
        let status = match step.to {
            Some(to) => current.status.transition(to, text)?,
            None => current.status,
        };
        let at = time_ms::to_ms(now);
        sqlx::query(
            "UPDATE submissions SET status = $1, updated_at = $2,
                 answered_at = CASE WHEN $3 = 1 AND answered_at IS NULL THEN $2 ELSE answered_at END,
                 first_public_reply_at = CASE WHEN $4 = 1 AND first_public_reply_at IS NULL THEN $2 ELSE first_public_reply_at END
             WHERE id = $5",
        )
        .bind(status.code())
        .bind(at)
        .bind(i64::from(status.is_answered()))
        .bind(i64::from(step.public && text.is_some()))
        .bind(current.id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO submission_events (submission_id, at, actor_id, status, body, public) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(current.id)
        .bind(at)
        .bind(actor.user_id)
        .bind(step.to.map(Status::code))
        .bind(text)
        .bind(i64::from(step.public))
        .execute(&mut *tx)
        .await?;
        self.refresh_due_dates(&mut tx, current.id).await?;
        let entity_id = code.to_string();
        let before = json!({ "status": current.status });
        let after = json!({ "status": status, "public": step.public, "text": text.is_some() });
        let change = Change { action: "step", entity: "submission", entity_id: &entity_id, before, after };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(status)
    }
}
