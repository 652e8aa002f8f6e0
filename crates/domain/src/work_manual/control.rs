//! Document control of work manuals: revisions and their numbers, the
//! workflow with its separation of duties, which revision is in force on a
//! day, and when the manual is due for its periodic review.
//!
//! ```text
//! draft → in review → reviewed → approved (effective on its date) → superseded
//!   ↑  author  │ collector │ director
//!   └─ returned with a comment ─┘
//! ```
//!
//! The author, the reviewer and the approver of a revision are three
//! different people.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::accounts::FieldError;

/// How a revision relates to the one before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Numbered up; the staff addressed acknowledge it anew.
    Major,
    /// A correction under the same number; acknowledgements are kept.
    Minor { reason: String },
}

impl Change {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Major => "major",
            Self::Minor { .. } => "minor",
        }
    }
}

/// A revision's number: 0, 1, 2 … for each major revision, and a
/// correction counted under it ("2.1").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RevisionNumber {
    pub number: u32,
    pub correction: u32,
}

impl RevisionNumber {
    pub const FIRST: Self = Self { number: 0, correction: 0 };

    /// The number of a new revision after `previous` (none: the first).
    /// The first revision is major whatever was asked: there is nothing to correct.
    pub fn after(previous: Option<Self>, change: &Change) -> Self {
        match (previous, change) {
            (None, _) => Self::FIRST,
            (Some(p), Change::Major) => Self { number: p.number + 1, correction: 0 },
            (Some(p), Change::Minor { .. }) => Self { number: p.number, correction: p.correction + 1 },
        }
    }

    /// "2", or "2.1" for a correction.
    pub fn label(self) -> String {
        match self.correction {
            0 => self.number.to_string(),
            c => format!("{}.{c}", self.number),
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let (number, correction) = raw.trim().split_once('.').unwrap_or((raw.trim(), "0"));
        let part = |p: &str| p.parse::<u32>().map_err(|_| FieldError::NotANumber);
        Ok(Self { number: part(number)?, correction: part(correction)? })
    }
}

/// Where a revision stands in its workflow, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Draft,
    InReview,
    /// The division's collector has reviewed it: on to the director.
    Reviewed,
    /// Approved with its effective date.
    Approved,
}

impl Stage {
    pub const ALL: [Self; 4] = [Self::Draft, Self::InReview, Self::Reviewed, Self::Approved];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Reviewed => "reviewed",
            Self::Approved => "approved",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == raw)
    }

    /// Still being worked on: at most one such revision per manual.
    pub fn is_open(self) -> bool {
        self != Self::Approved
    }
}

/// A step of the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The author sends the draft for review.
    Submit,
    /// The division's collector has reviewed it and sends it to the director.
    Review,
    /// The reviewer or the approver sends it back to the author, with a comment.
    Return,
    /// The director approves it, with the date it takes effect.
    Approve,
}

impl Action {
    pub const ALL: [Self; 4] = [Self::Submit, Self::Review, Self::Return, Self::Approve];

    pub fn code(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Review => "review",
            Self::Return => "return",
            Self::Approve => "approve",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|a| a.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }

    /// The stage after the action, or `None` when the revision is not where
    /// the action applies.
    pub fn apply(self, from: Stage) -> Option<Stage> {
        match (self, from) {
            (Self::Submit, Stage::Draft) => Some(Stage::InReview),
            (Self::Review, Stage::InReview) => Some(Stage::Reviewed),
            (Self::Return, Stage::InReview | Stage::Reviewed) => Some(Stage::Draft),
            (Self::Approve, Stage::Reviewed) => Some(Stage::Approved),
            _ => None,
        }
    }

    /// Whether the action is the Center's to take (the director's), rather
    /// than the division's. Returning from "reviewed" is the approver's.
    pub fn is_center_wide(self, from: Stage) -> bool {
        matches!((self, from), (Self::Approve, _) | (Self::Return, Stage::Reviewed))
    }

    /// Writing (the author's) rather than approving (the reviewers').
    pub fn is_writing(self) -> bool {
        self == Self::Submit
    }
}

/// Who has signed a revision so far, by account id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Signatures {
    pub author: Option<i64>,
    pub reviewer: Option<i64>,
}

/// Why someone may not take a step of a revision they already had a hand in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DutyError {
    #[error("only the author submits a draft")]
    NotTheAuthor,
    #[error("the author does not review or approve their own revision")]
    OwnRevision,
    #[error("the reviewer does not also approve")]
    AlreadyReviewed,
}

/// Separation of duties: the author submits; someone else reviews; a third
/// person approves. Returning is for the reviewer's and approver's side.
pub fn check_duties(action: Action, actor: i64, signed: Signatures) -> Result<(), DutyError> {
    let is_author = signed.author == Some(actor);
    match action {
        Action::Submit if !is_author => Err(DutyError::NotTheAuthor),
        Action::Review | Action::Return | Action::Approve if is_author => Err(DutyError::OwnRevision),
        Action::Approve if signed.reviewer == Some(actor) => Err(DutyError::AlreadyReviewed),
        _ => Ok(()),
    }
}

/// An approval takes effect today or later: an approval does not rewrite
/// what staff were told to do in the past.
pub fn check_effective_date(date: Date, today: Date) -> Result<Date, FieldError> {
    if date < today { Err(FieldError::BeforeToday) } else { Ok(date) }
}

/// What a revision is on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Draft,
    InReview,
    Reviewed,
    /// Approved, with its effective date still to come.
    Scheduled,
    /// The revision staff work by.
    Effective,
    /// Effective once, then replaced by a later one.
    Superseded,
}

impl Standing {
    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Reviewed => "reviewed",
            Self::Scheduled => "scheduled",
            Self::Effective => "effective",
            Self::Superseded => "superseded",
        }
    }
}

/// A revision's stage and effective date, enough to place it among its siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub revision: RevisionNumber,
    pub stage: Stage,
    pub effective_on: Option<Date>,
}

/// The standing of each revision on `today`, in the order given: the
/// effective one is the approved revision with the latest date not after today.
pub fn standings(revisions: &[Placement], today: Date) -> Vec<Standing> {
    let in_force = |p: &Placement| p.stage == Stage::Approved && p.effective_on.is_some_and(|d| d <= today);
    let current = revisions.iter().filter(|p| in_force(p)).max_by_key(|p| (p.effective_on, p.revision));
    revisions
        .iter()
        .map(|p| match p.stage {
            Stage::Draft => Standing::Draft,
            Stage::InReview => Standing::InReview,
            Stage::Reviewed => Standing::Reviewed,
            Stage::Approved if !in_force(p) => Standing::Scheduled,
            Stage::Approved if Some(p) == current => Standing::Effective,
            Stage::Approved => Standing::Superseded,
        })
        .collect()
}

/// What a periodic review found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// Still right as it is: the revision stays and the next review is due
    /// a period after this one.
    NoChange,
    /// Needs changing: a draft is opened from the revision in force.
    Revise,
}

impl ReviewOutcome {
    pub const ALL: [Self; 2] = [Self::NoChange, Self::Revise];

    pub fn code(self) -> &'static str {
        match self {
            Self::NoChange => "no_change",
            Self::Revise => "revise",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|o| o.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }
}

/// When the next periodic review is due: `months` after the latest of the
/// effective date of the revision in force and the last review that found
/// no change.
pub fn review_due(effective_on: Date, last_no_change: Option<Date>, months: u32) -> Date {
    let from = last_no_change.map_or(effective_on, |reviewed| reviewed.max(effective_on));
    add_months(from, months)
}

/// The same day `months` later, or the month's last day when it has fewer
/// (31 January + 1 month is 28 or 29 February).
pub fn add_months(date: Date, months: u32) -> Date {
    let total = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months as i32;
    let (year, month) =
        (total.div_euclid(12), Month::try_from((total.rem_euclid(12) + 1) as u8).expect("1..=12"));
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).expect("a day within the month")
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn revisions_number_up_for_a_major_change_and_count_corrections_under_it() {
        let minor = Change::Minor { reason: "typo".into() };
        assert_eq!(RevisionNumber::after(None, &minor), RevisionNumber::FIRST, "the first is 0");
        let one = RevisionNumber::after(Some(RevisionNumber::FIRST), &Change::Major);
        assert_eq!(one.label(), "1");
        let one_one = RevisionNumber::after(Some(one), &minor);
        assert_eq!(one_one.label(), "1.1");
        assert_eq!(RevisionNumber::after(Some(one_one), &Change::Major).label(), "2");
        assert_eq!(RevisionNumber::parse("1.1"), Ok(one_one));
        assert_eq!(RevisionNumber::parse("3"), Ok(RevisionNumber { number: 3, correction: 0 }));
        assert_eq!(RevisionNumber::parse("x"), Err(FieldError::NotANumber));
    }

    #[test]
    fn the_workflow_goes_through_review_to_the_director() {
        use Stage::*;
        assert_eq!(Action::Submit.apply(Draft), Some(InReview));
        assert_eq!(Action::Review.apply(InReview), Some(Reviewed));
        assert_eq!(Action::Approve.apply(Reviewed), Some(Approved));
        assert_eq!(Action::Approve.apply(InReview), None, "not before the collector has reviewed it");
        assert_eq!(Action::Return.apply(Reviewed), Some(Draft));
        assert_eq!(Action::Return.apply(Draft), None);
        assert_eq!(Action::Submit.apply(Approved), None);
        assert!(Action::Return.is_center_wide(Reviewed) && !Action::Return.is_center_wide(InReview));
    }

    #[test]
    fn author_reviewer_and_approver_are_three_people() {
        let signed = Signatures { author: Some(1), reviewer: Some(2) };
        assert_eq!(check_duties(Action::Submit, 1, signed), Ok(()));
        assert_eq!(check_duties(Action::Submit, 2, signed), Err(DutyError::NotTheAuthor));
        assert_eq!(check_duties(Action::Review, 1, signed), Err(DutyError::OwnRevision));
        assert_eq!(check_duties(Action::Approve, 1, signed), Err(DutyError::OwnRevision));
        assert_eq!(check_duties(Action::Approve, 2, signed), Err(DutyError::AlreadyReviewed));
        assert_eq!(check_duties(Action::Approve, 3, signed), Ok(()));
        assert_eq!(check_duties(Action::Return, 1, signed), Err(DutyError::OwnRevision));
    }

    #[test]
    fn the_effective_revision_is_the_latest_approved_on_or_before_today() {
        let at = |n: u32, stage, effective_on| Placement {
            revision: RevisionNumber { number: n, correction: 0 },
            stage,
            effective_on,
        };
        let revisions = [
            at(0, Stage::Approved, Some(date!(2025 - 10 - 01))),
            at(1, Stage::Approved, Some(date!(2026 - 03 - 01))),
            at(2, Stage::Approved, Some(date!(2027 - 01 - 01))),
            at(3, Stage::InReview, None),
        ];
        assert_eq!(
            standings(&revisions, date!(2026 - 12 - 07)),
            [Standing::Superseded, Standing::Effective, Standing::Scheduled, Standing::InReview]
        );
        assert_eq!(standings(&revisions, date!(2027 - 01 - 01))[2], Standing::Effective, "on its date");
    }

    #[test]
    fn a_review_is_due_a_period_after_the_later_of_taking_effect_and_the_last_no_change() {
        assert_eq!(review_due(date!(2026 - 01 - 31), None, 12), date!(2027 - 01 - 31));
        assert_eq!(review_due(date!(2026 - 01 - 31), Some(date!(2026 - 06 - 15)), 12), date!(2027 - 06 - 15));
        assert_eq!(review_due(date!(2026 - 06 - 15), Some(date!(2026 - 01 - 01)), 12), date!(2027 - 06 - 15));
        assert_eq!(add_months(date!(2027 - 01 - 31), 1), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2027 - 11 - 30), 3), date!(2028 - 02 - 29));
    }

    #[test]
    fn approval_dates_start_today() {
        let today = date!(2026 - 12 - 07);
        assert_eq!(check_effective_date(today, today), Ok(today));
        assert_eq!(check_effective_date(date!(2026 - 12 - 06), today), Err(FieldError::BeforeToday));
    }
}
