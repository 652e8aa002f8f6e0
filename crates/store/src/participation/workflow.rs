//! Staff move submissions through the workflow and answer them. Each step is
//! a timeline event and an audit entry, written together. Resolving a request
//! records the event milestone 3 turns into a satisfaction-survey invitation.

use ruamjai_domain::participation::{Kind, Status, TrackingCode};
use serde_json::json;
use time::OffsetDateTime;

use super::SubmissionRef;
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, WriteTx, time_ms};

/// The domain event a resolved request leaves for the survey invitations.
pub const REQUEST_RESOLVED: &str = "request-resolved";

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
        let status = self.apply_step(&mut tx, actor, &current, step, now).await?;
        tx.commit().await?;
        Ok(status)
    }

    /// One step inside the caller's transaction.
    pub(super) async fn apply_step(
        &self,
        tx: &mut WriteTx,
        actor: &Actor,
        current: &SubmissionRef,
        step: Step<'_>,
        now: OffsetDateTime,
    ) -> Result<Status> {
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
        .execute(&mut **tx)
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
        .execute(&mut **tx)
        .await?;
        self.refresh_due_dates(tx, current.id).await?;
        if current.kind == Kind::Request && step.to == Some(Status::Resolved) {
            self.request_resolved(tx, current.id, at).await?;
        }
        let entity_id = current.code.to_string();
        let before = json!({ "status": current.status });
        let after = json!({ "status": status, "public": step.public, "text": text.is_some() });
        let change = Change { action: "step", entity: "submission", entity_id: &entity_id, before, after };
        append(tx, self.office_id, actor, change).await?;
        Ok(status)
    }

    /// Fires the survey hook once per request, however often it is reopened
    /// and resolved again: one person, one invitation.
    async fn request_resolved(&self, tx: &mut WriteTx, submission_id: i64, at: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO domain_events (office_id, kind, submission_id, at)
             SELECT $1, $2, $3, $4 WHERE NOT EXISTS
                 (SELECT 1 FROM domain_events WHERE kind = $2 AND submission_id = $3)",
        )
        .bind(self.office_id)
        .bind(REQUEST_RESOLVED)
        .bind(submission_id)
        .bind(at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Requests resolved and not yet taken up by the survey invitations,
    /// oldest first: `(event id, tracking code)`.
    pub async fn pending_resolved_requests(&self, limit: i64) -> Result<Vec<(i64, TrackingCode)>> {
        let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT e.id, s.fiscal_year, s.seq FROM domain_events e JOIN submissions s ON s.id = e.submission_id
             WHERE e.office_id = $1 AND e.kind = $2 AND e.processed_at IS NULL ORDER BY e.id LIMIT $3",
        )
        .bind(self.office_id)
        .bind(REQUEST_RESOLVED)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id, year, seq)| (id, super::code_of(year, seq))).collect())
    }
}
