//! One submission as staff see it: everything, including the contact details
//! and internal notes, and who may act on it.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::{Channel, Kind, Status, TrackingCode};
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use super::inbox::GENERAL_DIVISION;
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, time_ms};

#[derive(Debug, Clone)]
pub struct SubmissionDetail {
    pub id: i64,
    pub code: TrackingCode,
    pub kind: Kind,
    pub channel: Channel,
    pub status: Status,
    pub service_code: Option<String>,
    /// The division responsible: the service's owner, or General Administration.
    pub division_code: String,
    pub group_code: String,
    pub subject: String,
    pub details: String,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub assignee_id: Option<i64>,
    pub created_at: OffsetDateTime,
    pub reply_due_at: Option<OffsetDateTime>,
    pub update_due_at: Option<OffsetDateTime>,
    pub events: Vec<StaffEvent>,
    pub attachments: Vec<super::AttachmentMeta>,
    /// The submission this one was merged into, when marked as a duplicate.
    pub duplicate_of: Option<TrackingCode>,
    /// When the division's collectors were told the reply target had passed.
    pub escalated_at: Option<OffsetDateTime>,
    /// The "you said, we did" text, when published.
    pub published: Option<(String, String)>,
}

/// One step of the full timeline.
#[derive(Debug, Clone)]
pub struct StaffEvent {
    pub at: OffsetDateTime,
    pub actor_name: Option<String>,
    pub status: Option<Status>,
    pub text: Option<String>,
    pub public: bool,
}

impl Store {
    pub async fn submission_detail(&self, code: TrackingCode) -> Result<SubmissionDetail> {
        let row = sqlx::query(
            "SELECT s.id, s.kind, s.channel, s.status, s.subject, s.details, s.contact_name, s.contact_email,
                    s.contact_phone, s.assignee_id, s.created_at, s.reply_due_at, s.update_due_at, s.escalated_at,
                    s.published_said, s.published_did,
                    v.code AS service_code, d.code AS division_code, g.code AS group_code,
                    p.fiscal_year AS dup_year, p.seq AS dup_seq
             FROM submissions s
             LEFT JOIN submissions p ON p.id = s.duplicate_of
             LEFT JOIN services v ON v.id = s.service_id
             LEFT JOIN divisions d ON d.id = v.division_id
             JOIN stakeholder_groups g ON g.id = s.group_id
             WHERE s.office_id = $1 AND s.fiscal_year = $2 AND s.seq = $3",
        )
        .bind(self.office_id)
        .bind(i64::from(code.year.be()))
        .bind(i64::from(code.seq))
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let (kind, channel, status): (String, String, String) =
            (row.try_get("kind")?, row.try_get("channel")?, row.try_get("status")?);
        let instant = |column: &str| -> Result<Option<OffsetDateTime>> {
            Ok(row.try_get::<Option<i64>, _>(column)?.map(time_ms::from_ms))
        };
        let id: i64 = row.try_get("id")?;
        let duplicate_of =
            match (row.try_get::<Option<i64>, _>("dup_year")?, row.try_get::<Option<i64>, _>("dup_seq")?) {
                (Some(year), Some(seq)) => Some(super::code_of(year, seq)),
                _ => None,
            };
        Ok(SubmissionDetail {
            id,
            code,
            kind: Kind::parse(&kind)?,
            channel: Channel::parse(&channel)?,
            status: Status::parse(&status)?,
            service_code: row.try_get("service_code")?,
            division_code: row
                .try_get::<Option<String>, _>("division_code")?
                .unwrap_or_else(|| GENERAL_DIVISION.into()),
            group_code: row.try_get("group_code")?,
            subject: row.try_get("subject")?,
            details: row.try_get("details")?,
            contact_name: row.try_get("contact_name")?,
            contact_email: row.try_get("contact_email")?,
            contact_phone: row.try_get("contact_phone")?,
            assignee_id: row.try_get("assignee_id")?,
            created_at: time_ms::from_ms(row.try_get("created_at")?),
            reply_due_at: instant("reply_due_at")?,
            update_due_at: instant("update_due_at")?,
            events: self.staff_events(id).await?,
            attachments: self.submission_attachments(id).await?,
            duplicate_of,
            escalated_at: instant("escalated_at")?,
            published: match (row.try_get("published_said")?, row.try_get("published_did")?) {
                (Some(said), Some(did)) => Some((said, did)),
                _ => None,
            },
        })
    }

    pub(super) async fn staff_events(&self, submission_id: i64) -> Result<Vec<StaffEvent>> {
        let rows = sqlx::query(
            "SELECT e.at, e.status, e.body, e.public, u.name AS actor_name
             FROM submission_events e LEFT JOIN users u ON u.id = e.actor_id
             WHERE e.submission_id = $1 ORDER BY e.id",
        )
        .bind(submission_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let status: Option<String> = row.try_get("status")?;
                Ok(StaffEvent {
                    at: time_ms::from_ms(row.try_get("at")?),
                    actor_name: row.try_get("actor_name")?,
                    status: status.as_deref().map(Status::parse).transpose()?,
                    text: row.try_get("body")?,
                    public: row.try_get::<i64, _>("public")? == 1,
                })
            })
            .collect()
    }

    /// Assigns a submission to a staff member (or to nobody).
    pub async fn assign_submission(
        &self,
        actor: &Actor,
        code: TrackingCode,
        assignee: Option<i64>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let current = self.submission_ref(&mut tx, code).await?;
        let before: Option<i64> = sqlx::query_scalar("SELECT assignee_id FROM submissions WHERE id = $1")
            .bind(current.id)
            .fetch_one(&mut *tx)
            .await?;
        if let Some(user_id) = assignee {
            let active: Option<i64> =
                sqlx::query_scalar("SELECT id FROM users WHERE id = $1 AND disabled_at IS NULL")
                    .bind(user_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            active.ok_or(StoreError::InvalidField { field: "assignee", error: FieldError::UnknownChoice })?;
        }
        sqlx::query("UPDATE submissions SET assignee_id = $1 WHERE id = $2")
            .bind(assignee)
            .bind(current.id)
            .execute(&mut *tx)
            .await?;
        let entity_id = code.to_string();
        let change = Change::update(
            "submission",
            &entity_id,
            &json!({ "assignee_id": before }),
            &json!({ "assignee_id": assignee }),
        );
        let change = Change { action: "assign", ..change };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(())
    }
}
