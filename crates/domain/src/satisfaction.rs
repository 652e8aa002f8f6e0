//! Milestone 3: satisfaction and dissatisfaction, measured per service and
//! stakeholder group, and turned into improvement.
//!
//! - `questionnaire`, `standard`: what is asked, and the built-in Thai standard;
//! - `drafting`: a questionnaire as typed, checked, with codes kept across versions;
//! - `response`: an answer sheet checked item by item;
//! - `paper`: paper responses keyed into a spreadsheet, read back all or nothing;
//! - `survey`: a questionnaire put to services and groups, in a privacy mode;
//! - `invitation`: who of the people served is invited, when, and until when;
//! - `stats`: the report's figures from counts that merge by addition;
//! - `improvement`: actions against weak items and the service standards they serve;
//! - `tally`, `report`: what a response adds to the cells, and the report read from them.

pub mod drafting;
pub mod improvement;
pub mod invitation;
pub mod paper;
pub mod questionnaire;
pub mod report;
pub mod response;
pub mod standard;
pub mod stats;
pub mod survey;
pub mod tally;
pub mod terms;
