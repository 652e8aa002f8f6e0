//! Milestone 3: surveys answered by the public and the paper sheets staff
//! key in; later the questionnaires, the analysis and improvement actions.

pub mod responses;
