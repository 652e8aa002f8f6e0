//! Submissions: filing, public tracking and the staff workflow.

mod file;
mod track;
mod workflow;

pub use file::Filed;
pub use track::{PublicEvent, TrackedSubmission};
pub use workflow::Step;

use ruamjai_domain::participation::{Status, TrackingCode};
use sqlx::Row;

use crate::{Result, Store, StoreError, WriteTx};

/// The row behind a tracking code, as the workflow needs it.
struct SubmissionRef {
    id: i64,
    status: Status,
}

impl Store {
    async fn submission_ref(&self, tx: &mut WriteTx, code: TrackingCode) -> Result<SubmissionRef> {
        let row = sqlx::query(
            "SELECT id, status FROM submissions WHERE office_id = $1 AND fiscal_year = $2 AND seq = $3",
        )
        .bind(self.office_id)
        .bind(i64::from(code.year.be()))
        .bind(i64::from(code.seq))
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let status: String = row.try_get("status")?;
        Ok(SubmissionRef { id: row.try_get("id")?, status: Status::parse(&status)? })
    }
}
