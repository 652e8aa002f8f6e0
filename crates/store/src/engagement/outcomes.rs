//! After an activity: its minutes, photos and follow-up actions.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::MediaType;
use ruamjai_domain::engagement::outcome::{FollowUpStatus, NewFollowUp};
use ruamjai_domain::participation::TrackingCode;
use ruamjai_domain::participation::consultation::{format_iso_date, parse_date};
use ruamjai_domain::text::Text;
use serde_json::json;
use sqlx::Row;
use time::{Date, OffsetDateTime};

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, time_ms};

/// A photo to keep, already checked to be an image and thumbnailed.
#[derive(Debug, Clone)]
pub struct NewPhoto {
    pub file_name: String,
    pub media_type: MediaType,
    pub content: Vec<u8>,
    pub thumbnail: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct PhotoMeta {
    pub id: i64,
    pub file_name: String,
    pub size_bytes: i64,
}

#[derive(Debug, Clone)]
pub struct FollowUp {
    pub id: i64,
    pub what: String,
    pub owner: String,
    pub due_on: Date,
    pub status: FollowUpStatus,
    pub submission: Option<TrackingCode>,
    pub done_at: Option<OffsetDateTime>,
}

impl Store {
    /// Records (or replaces) the minutes of an activity; audited.
    pub async fn record_minutes(
        &self,
        actor: &Actor,
        activity_id: i64,
        minutes: &Text,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE activities SET minutes = $1, minutes_at = $2 WHERE office_id = $3 AND id = $4",
        )
        .bind(minutes.as_str())
        .bind(time_ms::to_ms(now))
        .bind(self.office_id)
        .bind(activity_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let change = Change {
            action: "record-minutes",
            entity: "activity",
            entity_id: &activity_id.to_string(),
            before: json!(null),
            after: json!({ "chars": minutes.as_str().chars().count() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    pub async fn add_photo(
        &self,
        actor: &Actor,
        activity_id: i64,
        photo: &NewPhoto,
        now: OffsetDateTime,
    ) -> Result<i64> {
        self.activity(activity_id).await?;
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO activity_photos (activity_id, file_name, media_type, size_bytes, content, thumbnail, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(activity_id)
        .bind(photo.file_name.as_str())
        .bind(photo.media_type.mime())
        .bind(i64::try_from(photo.content.len()).unwrap_or(i64::MAX))
        .bind(photo.content.as_slice())
        .bind(photo.thumbnail.as_slice())
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        let change = Change {
            action: "add-photo",
            entity: "activity",
            entity_id: &activity_id.to_string(),
            before: json!(null),
            after: json!({ "photo": id, "file_name": photo.file_name }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn photos(&self, activity_id: i64) -> Result<Vec<PhotoMeta>> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT id, file_name, size_bytes FROM activity_photos WHERE activity_id = $1 ORDER BY id",
        )
        .bind(activity_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, file_name, size_bytes)| PhotoMeta { id, file_name, size_bytes })
            .collect())
    }

    /// A photo's bytes (or its thumbnail's, a JPEG) with its MIME type.
    pub async fn photo(&self, activity_id: i64, photo_id: i64, thumbnail: bool) -> Result<(String, Vec<u8>)> {
        let column = if thumbnail { "thumbnail" } else { "content" };
        let row = sqlx::query(&format!(
            "SELECT p.media_type, p.{column} AS bytes FROM activity_photos p JOIN activities a ON a.id = p.activity_id
             WHERE a.office_id = $1 AND p.activity_id = $2 AND p.id = $3"
        ))
        .bind(self.office_id)
        .bind(activity_id)
        .bind(photo_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let media_type = if thumbnail { "image/jpeg".to_owned() } else { row.try_get("media_type")? };
        Ok((media_type, row.try_get("bytes")?))
    }

    /// Adds a follow-up action; a linked submission must exist.
    pub async fn add_follow_up(
        &self,
        actor: &Actor,
        activity_id: i64,
        new: &NewFollowUp,
        now: OffsetDateTime,
    ) -> Result<i64> {
        self.activity(activity_id).await?;
        let mut tx = self.begin_write().await?;
        let submission_id: Option<i64> = match &new.submission {
            None => None,
            Some(code) => Some(
                sqlx::query_scalar(
                    "SELECT id FROM submissions WHERE office_id = $1 AND fiscal_year = $2 AND seq = $3",
                )
                .bind(self.office_id)
                .bind(i64::from(code.year.be()))
                .bind(i64::from(code.seq))
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::InvalidField {
                    field: "submission",
                    error: FieldError::InvalidTrackingCode,
                })?,
            ),
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO follow_ups (activity_id, what, owner, due_on, status, submission_id, created_at)
             VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING id",
        )
        .bind(activity_id)
        .bind(new.what.as_str())
        .bind(new.owner.as_str())
        .bind(format_iso_date(new.due_on))
        .bind(submission_id)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        let change = Change {
            action: "add-follow-up",
            entity: "activity",
            entity_id: &activity_id.to_string(),
            before: json!(null),
            after: json!({ "follow_up": id, "what": new.what.as_str(), "owner": new.owner.as_str() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn set_follow_up_status(
        &self,
        actor: &Actor,
        activity_id: i64,
        follow_up_id: i64,
        status: FollowUpStatus,
        now: OffsetDateTime,
    ) -> Result<()> {
        self.activity(activity_id).await?;
        let mut tx = self.begin_write().await?;
        let done_at = (status == FollowUpStatus::Done).then(|| time_ms::to_ms(now));
        let updated =
            sqlx::query("UPDATE follow_ups SET status = $1, done_at = $2 WHERE activity_id = $3 AND id = $4")
                .bind(status.code())
                .bind(done_at)
                .bind(activity_id)
                .bind(follow_up_id)
                .execute(&mut *tx)
                .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let change = Change {
            action: "set-follow-up-status",
            entity: "activity",
            entity_id: &activity_id.to_string(),
            before: json!(null),
            after: json!({ "follow_up": follow_up_id, "status": status.code() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    pub async fn follow_ups(&self, activity_id: i64) -> Result<Vec<FollowUp>> {
        let rows = sqlx::query(
            "SELECT f.id, f.what, f.owner, f.due_on, f.status, s.fiscal_year, s.seq, f.done_at
             FROM follow_ups f LEFT JOIN submissions s ON s.id = f.submission_id
             WHERE f.activity_id = $1 ORDER BY f.id",
        )
        .bind(activity_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(FollowUp {
                    id: row.try_get("id")?,
                    what: row.try_get("what")?,
                    owner: row.try_get("owner")?,
                    due_on: parse_date(&row.try_get::<String, _>("due_on")?)?,
                    status: FollowUpStatus::parse(&row.try_get::<String, _>("status")?)?,
                    submission: match (
                        row.try_get::<Option<i64>, _>("fiscal_year")?,
                        row.try_get::<Option<i64>, _>("seq")?,
                    ) {
                        (Some(year), Some(seq)) => Some(crate::participation::code_of(year, seq)),
                        _ => None,
                    },
                    done_at: row.try_get::<Option<i64>, _>("done_at")?.map(time_ms::from_ms),
                })
            })
            .collect()
    }
}
