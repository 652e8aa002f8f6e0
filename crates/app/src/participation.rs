//! Milestone 1: submissions filed by the public or logged by staff, and
//! worked in the inbox to an answer.
//!
//! A submission belongs to its service's division (general ones to the
//! General Administration division, which triages them): officers and
//! collectors read and work their division's, the director and evaluators
//! read every one, evaluators without the submitter's name and contacts.
//! Consultations are the Center's and worked by every working role.

pub mod consultations;
pub mod filing;
pub mod inbox;
pub mod reports;
