//! Milestone 2: relationship activities with service users and stakeholders
//! (meetings, trainings, visits …), their registration and attendance.
//!
//! - `activity`: what an activity is, its status and registration window;
//! - `registration`: a person registering, and the code they check in with;
//! - `directory`, `directory_import`: the organisations and contacts invited.

pub mod activity;
pub mod directory;
pub mod directory_import;
pub mod outcome;
pub mod registration;
pub mod report;
