//! Milestone 3: questionnaires (the instrument), surveys (one run of one),
//! the responses they collect on the web and on paper, and the improvement
//! actions and service standards that close the loop.
//!
//! Questionnaires are shared by every division; a survey belongs to its
//! services' division (or to the Center when they span several); an action
//! to the division that carries it out; a standard to its service's.

pub mod effect;
pub mod export;
pub mod findings;
pub mod improvements;
pub mod paper;
pub mod questionnaires;
pub mod responses;
pub mod summary;
pub mod surveys;
pub mod trend;
pub mod words;
