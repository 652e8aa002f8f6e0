//! What an activity led to: its minutes and the follow-up actions decided
//! there, each tracked to done and linkable to a submission.

use time::Date;

use crate::accounts::FieldError;
use crate::catalog::Name;
use crate::participation::TrackingCode;
use crate::participation::consultation::parse_date;
use crate::participation::submission::{FieldErrors, check, optional};
use crate::text::Text;

pub const MINUTES_MAX_CHARS: usize = 50_000;
pub const ACTION_MAX_CHARS: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpStatus {
    Open,
    Done,
}

impl FollowUpStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Done => "done",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "open" => Ok(Self::Open),
            "done" => Ok(Self::Done),
            _ => Err(FieldError::UnknownChoice),
        }
    }
}

/// A follow-up action as typed.
#[derive(Debug, Clone, Default)]
pub struct FollowUpInput {
    pub what: String,
    pub owner: String,
    pub due_on: String,
    /// A tracking code such as `RJ-2570-000123`, or empty.
    pub submission: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFollowUp {
    pub what: Text,
    pub owner: Name,
    pub due_on: Date,
    pub submission: Option<TrackingCode>,
}

impl FollowUpInput {
    pub fn parse(&self) -> Result<NewFollowUp, FieldErrors> {
        let mut errors = FieldErrors::new();
        let what = check(&mut errors, "what", Text::line(&self.what, ACTION_MAX_CHARS));
        let owner = check(&mut errors, "owner", Name::parse(&self.owner));
        let due_on = check(&mut errors, "due_on", parse_date(&self.due_on));
        let submission = check(&mut errors, "submission", optional(&self.submission, TrackingCode::parse));
        match (what, owner, due_on, submission) {
            (Some(what), Some(owner), Some(due_on), Some(submission)) if errors.is_empty() => {
                Ok(NewFollowUp { what, owner, due_on, submission })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_needs_what_who_and_when_and_may_point_to_a_submission() {
        let input = FollowUpInput {
            what: "จัดทำคู่มือการจองห้องประชุมทางไกลฉบับจังหวัด".into(),
            owner: "ส่วนเทคโนโลยีการสื่อสาร".into(),
            due_on: "2027-02-28".into(),
            submission: "rj-2570-000012".into(),
        };
        let parsed = input.parse().unwrap();
        assert_eq!(parsed.submission.unwrap().to_string(), "RJ-2570-000012");
        let empty = FollowUpInput { submission: "12".into(), ..FollowUpInput::default() };
        let fields: Vec<_> = empty.parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["what", "owner", "due_on", "submission"]);
    }
}
