//! Milestone 3 in the database: surveys, responses with the cells they
//! add to (in the same transaction), and reports read from cells alone.

mod cells;
mod comments;
mod export;
mod improvements;
mod invitations;
mod questionnaires;
mod queue;
mod recompute;
mod report;
mod responses;
mod standards;
mod surveys;
mod tokens;

pub use export::{ResponseRow, StoredAnswer};
pub use improvements::Improvement;
pub use invitations::{Compose, Draw, Invitations};
pub use questionnaires::{QuestionnaireDetail, QuestionnaireSummary, SavedVersion, VersionSummary};
pub use queue::ResponseQueue;
pub use report::ReportFilter;
pub use responses::{Incoming, Respondent, Source};
pub use standards::StandardLine;
pub use surveys::Survey;

/// The Bangkok month (yyyymm) an instant falls in: the cells' time grain.
pub(crate) fn month_of(instant: time::OffsetDateTime) -> i64 {
    let day = ruamjai_domain::calendar::bangkok_date(instant);
    i64::from(day.year()) * 100 + i64::from(u8::from(day.month()))
}
