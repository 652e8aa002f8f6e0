//! Escalation: a submission still unanswered when its reply target passes is
//! reported once to the collectors (division directors) of the division that
//! owns it, by mail, and the inbox shows when that happened.

use ruamjai_domain::accounts::{Email, Role};
use ruamjai_domain::mail::NewMail;
use ruamjai_domain::participation::TrackingCode;
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use super::GENERAL_DIVISION;
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, mail, time_ms};

/// An overdue submission, as the escalation mail describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    pub code: TrackingCode,
    pub subject: String,
    pub division_code: String,
    pub reply_due_at: OffsetDateTime,
}

impl Store {
    /// Escalates every unanswered submission whose reply target has passed
    /// and that was not escalated before; returns how many. Each one is
    /// marked, mailed to its division's collectors and audited together.
    pub async fn escalate_overdue(
        &self,
        now: OffsetDateTime,
        compose: &(dyn Fn(&Overdue, Email) -> NewMail + Sync),
    ) -> Result<usize> {
        let at = time_ms::to_ms(now);
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT s.id, s.fiscal_year, s.seq, s.subject, s.reply_due_at, d.code AS division_code
             FROM submissions s
             LEFT JOIN services v ON v.id = s.service_id
             LEFT JOIN divisions d ON d.id = v.division_id
             WHERE s.office_id = $1 AND s.answered_at IS NULL AND s.escalated_at IS NULL
               AND s.reply_due_at IS NOT NULL AND s.reply_due_at <= $2
             ORDER BY s.reply_due_at LIMIT 500",
        )
        .bind(self.office_id)
        .bind(at)
        .fetch_all(&mut *tx)
        .await?;
        let actor = Actor::command("escalation");
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let overdue = Overdue {
                code: super::code_of(row.try_get("fiscal_year")?, row.try_get("seq")?),
                subject: row.try_get("subject")?,
                division_code: row
                    .try_get::<Option<String>, _>("division_code")?
                    .unwrap_or_else(|| GENERAL_DIVISION.into()),
                reply_due_at: time_ms::from_ms(row.try_get("reply_due_at")?),
            };
            let collectors: Vec<String> = sqlx::query_scalar(
                "SELECT u.email FROM users u JOIN divisions d ON d.id = u.division_id
                 WHERE u.office_id = $1 AND u.role = $2 AND d.code = $3 AND u.disabled_at IS NULL ORDER BY u.id",
            )
            .bind(self.office_id)
            .bind(Role::Collector.as_str())
            .bind(overdue.division_code.as_str())
            .fetch_all(&mut *tx)
            .await?;
            for address in &collectors {
                if let Ok(to) = Email::parse(address) {
                    mail::queue(&mut tx, self.office_id, &compose(&overdue, to), now).await?;
                }
            }
            sqlx::query("UPDATE submissions SET escalated_at = $1 WHERE id = $2")
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let change = Change {
                action: "escalate",
                entity: "submission",
                entity_id: &overdue.code.to_string(),
                before: json!(null),
                after: json!({ "division": overdue.division_code, "collectors": collectors.len() }),
            };
            append(&mut tx, self.office_id, &actor, change).await?;
        }
        tx.commit().await?;
        Ok(rows.len())
    }
}
