//! Submissions: filing, public tracking and the staff workflow.

pub(crate) mod attachments;
mod cells;
mod clock;
mod consultations;
mod detail;
mod escalation;
mod file;
mod inbox;
mod merge;
mod report;
mod targets;
mod track;
mod workflow;
mod you_said;

pub use attachments::{AttachmentFile, AttachmentMeta};
pub(crate) use cells::day_number;
pub use consultations::{Comment, Consultation};
pub use detail::{StaffEvent, SubmissionDetail};
pub use escalation::Overdue;
pub use file::{Filed, Filing, FilingOutcome, IdempotencyKey};
pub use inbox::{Assignee, GENERAL_DIVISION, InboxFilter, InboxRow, InboxScope};
pub use targets::ServiceTargetRow;
pub use track::{PublicEvent, TrackedSubmission};
pub use workflow::{REQUEST_RESOLVED, Step};
pub use you_said::{Candidate, Published};

use ruamjai_domain::participation::{Kind, Status, TrackingCode};
use sqlx::Row;

use crate::{Result, Store, StoreError, WriteTx};

/// The row behind a tracking code, as the workflow needs it.
struct SubmissionRef {
    id: i64,
    code: TrackingCode,
    kind: Kind,
    status: Status,
}

impl Store {
    async fn submission_ref(&self, tx: &mut WriteTx, code: TrackingCode) -> Result<SubmissionRef> {
        let row = sqlx::query(
            "SELECT id, kind, status FROM submissions WHERE office_id = $1 AND fiscal_year = $2 AND seq = $3",
        )
        .bind(self.office_id)
        .bind(i64::from(code.year.be()))
        .bind(i64::from(code.seq))
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let (kind, status): (String, String) = (row.try_get("kind")?, row.try_get("status")?);
        Ok(SubmissionRef {
            id: row.try_get("id")?,
            code,
            kind: Kind::parse(&kind)?,
            status: Status::parse(&status)?,
        })
    }
}

pub(crate) fn code_of(fiscal_year: i64, seq: i64) -> TrackingCode {
    TrackingCode::new(
        ruamjai_domain::calendar::FiscalYear::from_be(i32::try_from(fiscal_year).unwrap_or_default()),
        u32::try_from(seq).unwrap_or_default(),
    )
}
