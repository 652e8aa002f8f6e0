//! Periodic reviews: each manual is reviewed a year (a setting) after its
//! latest effective date; "no change" keeps the revision and starts the
//! year again, "revise" opens a draft (the app's decision).

use ruamjai_domain::participation::consultation::format_iso_date as format_date;
use ruamjai_domain::work_manual::control::ReviewOutcome;
use serde_json::json;
use sqlx::Row;
use time::{Date, OffsetDateTime};

use super::{WorkManualFilter, stored_date};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, time_ms};

/// A periodic review of the revision in force, to record.
#[derive(Debug, Clone, Copy)]
pub struct NewReview<'a> {
    pub revision_id: i64,
    pub reviewed_on: Date,
    pub outcome: ReviewOutcome,
    pub note: &'a str,
}

/// A periodic review as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub id: i64,
    pub revision_id: i64,
    pub reviewed_on: Date,
    pub reviewer: String,
    pub outcome: ReviewOutcome,
    pub note: String,
}

impl Store {
    /// The latest review that found no change, by manual (ISO dates sort as dates).
    pub async fn work_manual_last_no_change(
        &self,
        filter: WorkManualFilter<'_>,
    ) -> Result<std::collections::HashMap<i64, Date>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT w.work_manual_id, MAX(w.reviewed_on) FROM work_manual_reviews w
             JOIN work_manuals m ON m.id = w.work_manual_id
             JOIN services s ON s.id = m.service_id JOIN divisions d ON d.id = m.division_id
             WHERE m.office_id = $1 AND w.outcome = 'no_change' AND ($2 IS NULL OR s.code = $2) AND ($3 IS NULL OR d.code = $3)
             GROUP BY w.work_manual_id",
        )
        .bind(self.office_id)
        .bind(filter.service)
        .bind(filter.division)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|(manual, on)| Ok((manual, stored_date(&on)?))).collect()
    }

    /// Records a periodic review of the revision in force.
    pub async fn record_work_manual_review(
        &self,
        actor: &Actor,
        manual_id: i64,
        review: &NewReview<'_>,
        now: OffsetDateTime,
    ) -> Result<Review> {
        let NewReview { revision_id, reviewed_on, outcome, note } = *review;
        let reviewer = actor.user_id.ok_or(StoreError::NotFound)?;
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO work_manual_reviews (work_manual_id, revision_id, reviewed_on, reviewer_id, outcome, note, created_at)
             SELECT $1, r.id, $2, $3, $4, $5, $6 FROM work_manual_revisions r JOIN work_manuals m ON m.id = r.work_manual_id
             WHERE r.id = $7 AND m.id = $1 AND m.office_id = $8 RETURNING id",
        )
        .bind(manual_id)
        .bind(format_date(reviewed_on))
        .bind(reviewer)
        .bind(outcome.code())
        .bind(note)
        .bind(time_ms::to_ms(now))
        .bind(revision_id)
        .bind(self.office_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let change = Change {
            action: "review",
            entity: "work-manual",
            entity_id: &manual_id.to_string(),
            before: json!(null),
            after: json!({ "revision": revision_id, "reviewed_on": format_date(reviewed_on), "outcome": outcome.code() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        self.work_manual_reviews(manual_id)
            .await?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or(StoreError::NotFound)
    }

    /// The periodic reviews of a manual, oldest first.
    pub async fn work_manual_reviews(&self, manual_id: i64) -> Result<Vec<Review>> {
        let rows = sqlx::query(
            "SELECT w.id, w.revision_id, w.reviewed_on, u.name AS reviewer, w.outcome, w.note
             FROM work_manual_reviews w JOIN work_manuals m ON m.id = w.work_manual_id JOIN users u ON u.id = w.reviewer_id
             WHERE m.office_id = $1 AND m.id = $2 ORDER BY w.reviewed_on, w.id",
        )
        .bind(self.office_id)
        .bind(manual_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let outcome: String = row.try_get("outcome")?;
                Ok(Review {
                    id: row.try_get("id")?,
                    revision_id: row.try_get("revision_id")?,
                    reviewed_on: stored_date(&row.try_get::<String, _>("reviewed_on")?)?,
                    reviewer: row.try_get("reviewer")?,
                    outcome: ReviewOutcome::parse(&outcome).map_err(|_| StoreError::Corrupt(outcome))?,
                    note: row.try_get("note")?,
                })
            })
            .collect()
    }
}
