//! Milestone 2: relationship activities with service users and stakeholders
//! (meetings, trainings, visits …), their registration and attendance.
//!
//! - `activity`: what an activity is, its status and registration window;
//! - `registration`: a person registering, and the code they check in with.

pub mod activity;
pub mod outcome;
pub mod registration;
pub mod report;
