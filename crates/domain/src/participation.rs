//! Milestone 1: the channels through which service users and stakeholders
//! take part in the Center's work, each submission tracked to an answer.
//!
//! - `kind`: what a submission is and the channel it came through;
//! - `tracking`: the human code the public sees (`RJ-2570-000123`);
//! - `workflow`: the statuses and which transitions are allowed;
//! - `clock`: the service-level clock (reply and progress targets, paused
//!   while waiting for the submitter, in calendar or working days);
//! - `submission`: a new submission parsed from public or staff input.

pub mod clock;
pub mod consultation;
pub mod kind;
pub mod report;
pub mod submission;
pub mod tracking;
pub mod workflow;
pub mod you_said;

pub use kind::{Channel, Kind};
pub use tracking::TrackingCode;
pub use workflow::{Status, TransitionError};
