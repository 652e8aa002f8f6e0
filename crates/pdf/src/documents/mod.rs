//! The product's printed documents: each is a template in `templates/` and
//! the data it reads, typed here so the contract between them is in one place.

pub mod manual;
pub mod poster;
pub mod report;
pub mod work_manual;
