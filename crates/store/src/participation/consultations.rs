//! Consultations: opened by staff, commented on by the public, moderated,
//! and answered with a published response once closed.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::participation::consultation::{
    Moderation, NewComment, NewConsultation, Phase, format_iso_date, parse_date,
};
use ruamjai_domain::text::Text;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::{Date, OffsetDateTime};

use super::attachments::{self, Owner};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, time_ms};

/// A consultation with what everyone may see of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub id: i64,
    pub title: String,
    pub subject: String,
    pub draft: String,
    pub opens_on: Date,
    pub closes_on: Date,
    /// Codes of the groups invited to comment.
    pub groups: Vec<String>,
    pub response: Option<String>,
    pub responded_at: Option<OffsetDateTime>,
    pub published_comments: i64,
    pub pending_comments: i64,
}

impl Consultation {
    pub fn phase(&self, now: OffsetDateTime) -> Phase {
        Phase::at(self.opens_on, self.closes_on, self.response.is_some(), now)
    }
}

/// A comment, as moderators see it (published ones lose the e-mail when shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: i64,
    pub group: String,
    pub body: String,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub email: Option<String>,
    pub created_at: OffsetDateTime,
    pub moderation: Moderation,
}

const SELECT: &str = "SELECT c.id, c.title, c.subject, c.draft, c.opens_on, c.closes_on, c.response, c.responded_at,
        (SELECT COUNT(*) FROM consultation_comments m WHERE m.consultation_id = c.id AND m.moderation = 'published') AS published,
        (SELECT COUNT(*) FROM consultation_comments m WHERE m.consultation_id = c.id AND m.moderation = 'pending') AS pending
     FROM consultations c";

impl Store {
    /// Opens a consultation with its draft file (if any); audited.
    pub async fn create_consultation(
        &self,
        actor: &Actor,
        new: &NewConsultation,
        files: &[NewAttachment],
        now: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO consultations (office_id, title, subject, draft, opens_on, closes_on, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(self.office_id)
        .bind(new.title.as_str())
        .bind(new.subject.code())
        .bind(new.draft.as_str())
        .bind(format_iso_date(new.opens_on))
        .bind(format_iso_date(new.closes_on))
        .bind(actor.user_id)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        for group in &new.groups {
            let inserted = sqlx::query(
                "INSERT INTO consultation_groups (consultation_id, group_id)
                 SELECT $1, id FROM stakeholder_groups WHERE office_id = $2 AND code = $3",
            )
            .bind(id)
            .bind(self.office_id)
            .bind(group.as_str())
            .execute(&mut *tx)
            .await?;
            if inserted.rows_affected() == 0 {
                return Err(StoreError::InvalidField { field: "groups", error: FieldError::UnknownChoice });
            }
        }
        for file in files {
            attachments::insert(&mut tx, self.office_id, Owner::Consultation(id), file, now).await?;
        }
        let after = json!({ "title": new.title.as_str(), "opens_on": format_iso_date(new.opens_on),
            "closes_on": format_iso_date(new.closes_on), "groups": new.groups.iter().map(|g| g.as_str()).collect::<Vec<_>>() });
        let change = Change {
            action: "create",
            entity: "consultation",
            entity_id: &id.to_string(),
            before: json!(null),
            after,
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every consultation, newest first.
    pub async fn consultations(&self) -> Result<Vec<Consultation>> {
        let rows = sqlx::query(&format!("{SELECT} WHERE c.office_id = $1 ORDER BY c.id DESC"))
            .bind(self.office_id)
            .fetch_all(&self.pool)
            .await?;
        let mut list = Vec::with_capacity(rows.len());
        for row in &rows {
            list.push(self.consultation_from(row).await?);
        }
        Ok(list)
    }

    pub async fn consultation(&self, id: i64) -> Result<Consultation> {
        let row = sqlx::query(&format!("{SELECT} WHERE c.office_id = $1 AND c.id = $2"))
            .bind(self.office_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        self.consultation_from(&row).await
    }

    async fn consultation_from(&self, row: &AnyRow) -> Result<Consultation> {
        let id: i64 = row.try_get("id")?;
        let groups = sqlx::query_scalar(
            "SELECT g.code FROM consultation_groups cg JOIN stakeholder_groups g ON g.id = cg.group_id
             WHERE cg.consultation_id = $1 ORDER BY g.id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let date = |column: &str| -> Result<Date> {
            let raw: String = row.try_get(column)?;
            Ok(parse_date(&raw)?)
        };
        Ok(Consultation {
            id,
            title: row.try_get("title")?,
            subject: row.try_get("subject")?,
            draft: row.try_get("draft")?,
            opens_on: date("opens_on")?,
            closes_on: date("closes_on")?,
            groups,
            response: row.try_get("response")?,
            responded_at: row.try_get::<Option<i64>, _>("responded_at")?.map(time_ms::from_ms),
            published_comments: row.try_get("published")?,
            pending_comments: row.try_get("pending")?,
        })
    }

    /// A comment from the public, pending moderation. Refused unless the
    /// consultation is open today and the commenter's group was invited.
    pub async fn add_comment(
        &self,
        consultation_id: i64,
        comment: &NewComment,
        now: OffsetDateTime,
    ) -> Result<()> {
        let consultation = self.consultation(consultation_id).await?;
        if consultation.phase(now) != Phase::Open {
            return Err(StoreError::InvalidField { field: "body", error: FieldError::NotOpen });
        }
        if !consultation.groups.iter().any(|g| g == comment.group.as_str()) {
            return Err(StoreError::InvalidField { field: "group", error: FieldError::UnknownChoice });
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO consultation_comments (consultation_id, group_id, body, name, organisation, email, created_at, moderation)
             SELECT $1, id, $2, $3, $4, $5, $6, $7 FROM stakeholder_groups WHERE office_id = $8 AND code = $9",
        )
        .bind(consultation_id)
        .bind(comment.body.as_str())
        .bind(comment.name.as_ref().map(|n| n.as_str().to_owned()))
        .bind(comment.organisation.as_ref().map(|o| o.as_str().to_owned()))
        .bind(comment.email.as_ref().map(|e| e.as_str().to_owned()))
        .bind(time_ms::to_ms(now))
        .bind(Moderation::Pending.code())
        .bind(self.office_id)
        .bind(comment.group.as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// The comments of a consultation in one moderation state, oldest first.
    pub async fn comments(&self, consultation_id: i64, moderation: Moderation) -> Result<Vec<Comment>> {
        let rows = sqlx::query(
            "SELECT m.id, g.code AS group_code, m.body, m.name, m.organisation, m.email, m.created_at, m.moderation
             FROM consultation_comments m JOIN stakeholder_groups g ON g.id = m.group_id
             JOIN consultations c ON c.id = m.consultation_id
             WHERE c.office_id = $1 AND m.consultation_id = $2 AND m.moderation = $3 ORDER BY m.id",
        )
        .bind(self.office_id)
        .bind(consultation_id)
        .bind(moderation.code())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let moderation: String = row.try_get("moderation")?;
                Ok(Comment {
                    id: row.try_get("id")?,
                    group: row.try_get("group_code")?,
                    body: row.try_get("body")?,
                    name: row.try_get("name")?,
                    organisation: row.try_get("organisation")?,
                    email: row.try_get("email")?,
                    created_at: time_ms::from_ms(row.try_get("created_at")?),
                    moderation: Moderation::parse(&moderation)?,
                })
            })
            .collect()
    }

    /// Publishes or rejects a pending comment; audited without its text.
    pub async fn moderate_comment(
        &self,
        actor: &Actor,
        consultation_id: i64,
        comment_id: i64,
        decision: Moderation,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE consultation_comments SET moderation = $1, moderated_by = $2, moderated_at = $3
             WHERE id = $4 AND consultation_id = $5 AND moderation = 'pending'
               AND consultation_id IN (SELECT id FROM consultations WHERE office_id = $6)",
        )
        .bind(decision.code())
        .bind(actor.user_id)
        .bind(time_ms::to_ms(now))
        .bind(comment_id)
        .bind(consultation_id)
        .bind(self.office_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let change = Change {
            action: "moderate",
            entity: "consultation-comment",
            entity_id: &comment_id.to_string(),
            before: json!({ "moderation": "pending" }),
            after: json!({ "moderation": decision.code(), "consultation": consultation_id }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// Publishes what changed because of the comments; only once closed.
    pub async fn publish_response(
        &self,
        actor: &Actor,
        consultation_id: i64,
        response: &Text,
        now: OffsetDateTime,
    ) -> Result<()> {
        let consultation = self.consultation(consultation_id).await?;
        if consultation.phase(now) == Phase::Open || consultation.phase(now) == Phase::Upcoming {
            return Err(StoreError::Conflict("consultation-open"));
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE consultations SET response = $1, responded_at = $2 WHERE id = $3 AND office_id = $4",
        )
        .bind(response.as_str())
        .bind(time_ms::to_ms(now))
        .bind(consultation_id)
        .bind(self.office_id)
        .execute(&mut *tx)
        .await?;
        let change = Change {
            action: "respond",
            entity: "consultation",
            entity_id: &consultation_id.to_string(),
            before: json!({ "response": consultation.response }),
            after: json!({ "response": response.as_str() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }
}
