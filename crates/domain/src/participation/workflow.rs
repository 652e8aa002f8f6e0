//! The life of a submission:
//!
//! ```text
//! received → acknowledged → in progress ⇄ waiting for the submitter → resolved → closed
//!        ↘ rejected (with a reason)      ↘ duplicate (with a reason)        ↘ reopened: in progress
//! ```
//!
//! Waiting for the submitter pauses the service-level clock. Resolved,
//! closed, rejected and duplicate are answered: the reply clock stops there.

use serde::{Deserialize, Serialize};

use crate::accounts::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Acknowledged,
    InProgress,
    WaitingForSubmitter,
    Resolved,
    Closed,
    Rejected,
    Duplicate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("a submission cannot go from {from:?} to {to:?}")]
    NotAllowed { from: Status, to: Status },
    #[error("rejecting or marking as duplicate needs a reason")]
    ReasonRequired,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Self::Received,
        Self::Acknowledged,
        Self::InProgress,
        Self::WaitingForSubmitter,
        Self::Resolved,
        Self::Closed,
        Self::Rejected,
        Self::Duplicate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Acknowledged => "acknowledged",
            Self::InProgress => "in_progress",
            Self::WaitingForSubmitter => "waiting_for_submitter",
            Self::Resolved => "resolved",
            Self::Closed => "closed",
            Self::Rejected => "rejected",
            Self::Duplicate => "duplicate",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|s| s.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }

    /// The person has had their answer: the reply clock no longer runs.
    pub fn is_answered(self) -> bool {
        matches!(self, Self::Resolved | Self::Closed | Self::Rejected | Self::Duplicate)
    }

    /// Nothing more can happen to it.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }

    /// Time spent here does not count against the Center.
    pub fn pauses_clock(self) -> bool {
        self == Self::WaitingForSubmitter
    }

    /// Where a submission may go from here.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Received => &[Acknowledged, InProgress, WaitingForSubmitter, Resolved, Rejected, Duplicate],
            Acknowledged => &[InProgress, WaitingForSubmitter, Resolved, Rejected, Duplicate],
            InProgress => &[WaitingForSubmitter, Resolved, Rejected, Duplicate],
            WaitingForSubmitter => &[InProgress, Resolved, Rejected, Closed],
            Resolved => &[Closed, InProgress],
            Closed | Rejected | Duplicate => &[],
        }
    }

    /// Checks a transition; rejecting and marking as duplicate must say why.
    pub fn transition(self, to: Status, reason: Option<&str>) -> Result<Status, TransitionError> {
        if !self.next().contains(&to) {
            return Err(TransitionError::NotAllowed { from: self, to });
        }
        let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
        if matches!(to, Self::Rejected | Self::Duplicate) && !has_reason {
            return Err(TransitionError::ReasonRequired);
        }
        Ok(to)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_usual_path_runs_from_received_to_closed() {
        let path = [
            Status::Acknowledged,
            Status::InProgress,
            Status::WaitingForSubmitter,
            Status::InProgress,
            Status::Resolved,
            Status::Closed,
        ];
        let end = path.iter().try_fold(Status::Received, |at, &to| at.transition(to, None));
        assert_eq!(end, Ok(Status::Closed));
    }

    #[test]
    fn rejecting_needs_a_reason() {
        assert_eq!(Status::Received.transition(Status::Rejected, None), Err(TransitionError::ReasonRequired));
        assert_eq!(
            Status::Received.transition(Status::Rejected, Some("  ")),
            Err(TransitionError::ReasonRequired)
        );
        assert_eq!(
            Status::Received.transition(Status::Rejected, Some("ไม่อยู่ในขอบเขตงาน")),
            Ok(Status::Rejected)
        );
    }

    #[test]
    fn closed_rejected_and_duplicate_are_final() {
        for status in [Status::Closed, Status::Rejected, Status::Duplicate] {
            assert!(status.is_final() && status.is_answered());
        }
        assert!(!Status::Resolved.is_final(), "a resolved submission can be reopened");
    }

    #[test]
    fn only_waiting_for_the_submitter_pauses_the_clock() {
        let pausing: Vec<_> = Status::ALL.into_iter().filter(|s| s.pauses_clock()).collect();
        assert_eq!(pausing, [Status::WaitingForSubmitter]);
    }

    proptest! {
        #[test]
        fn nothing_returns_to_received_and_nothing_stays_put(from in 0_usize..8, to in 0_usize..8) {
            let (from, to) = (Status::ALL[from], Status::ALL[to]);
            let result = from.transition(to, Some("reason"));
            if to == Status::Received || from == to {
                prop_assert!(result.is_err());
            }
            prop_assert_eq!(result.is_ok(), from.next().contains(&to));
        }

        #[test]
        fn every_status_round_trips_through_its_code(i in 0_usize..8) {
            prop_assert_eq!(Status::parse(Status::ALL[i].code()), Ok(Status::ALL[i]));
        }
    }
}
