//! Milestone 3: satisfaction and dissatisfaction, measured per service and
//! stakeholder group, and turned into improvement.
//!
//! - `questionnaire`, `standard`: what is asked, and the built-in Thai standard;
//! - `response`: an answer sheet checked item by item;
//! - `stats`: the report's figures from counts that merge by addition.

pub mod questionnaire;
pub mod response;
pub mod standard;
pub mod stats;
