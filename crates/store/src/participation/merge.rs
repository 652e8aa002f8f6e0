//! Merging duplicates: the duplicate is answered with a reason that names the
//! submission it joins, and keeps a link to it; the work goes on there.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::{Status, TrackingCode};
use serde_json::json;
use time::OffsetDateTime;

use super::Step;
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError};

impl Store {
    /// Marks `duplicate` as a duplicate of `primary` with `reason` (shown to
    /// its submitter) and links the two. A submission cannot be merged into
    /// itself or into one that is itself a duplicate.
    pub async fn merge_duplicate(
        &self,
        actor: &Actor,
        duplicate: TrackingCode,
        primary: TrackingCode,
        reason: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let dup = self.submission_ref(&mut tx, duplicate).await?;
        let into = self.submission_ref(&mut tx, primary).await.map_err(|error| match error {
            StoreError::NotFound => {
                StoreError::InvalidField { field: "into", error: FieldError::UnknownChoice }
            }
            other => other,
        })?;
        if dup.id == into.id || into.status == Status::Duplicate {
            return Err(StoreError::InvalidField { field: "into", error: FieldError::MergeTarget });
        }
        let step = Step { to: Some(Status::Duplicate), text: Some(reason), public: true };
        self.apply_step(&mut tx, actor, &dup, step, now).await?;
        sqlx::query("UPDATE submissions SET duplicate_of = $1 WHERE id = $2")
            .bind(into.id)
            .bind(dup.id)
            .execute(&mut *tx)
            .await?;
        let change = Change {
            action: "merge",
            entity: "submission",
            entity_id: &duplicate.to_string(),
            before: json!(null),
            after: json!({ "into": primary.to_string() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// The submissions merged into one, oldest first.
    pub async fn merged_duplicates(&self, primary_id: i64) -> Result<Vec<TrackingCode>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT fiscal_year, seq FROM submissions WHERE office_id = $1 AND duplicate_of = $2 ORDER BY id",
        )
        .bind(self.office_id)
        .bind(primary_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(year, seq)| super::code_of(year, seq)).collect())
    }
}
