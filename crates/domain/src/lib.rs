//! Pure domain types and rules of ruamjai.
//!
//! Nothing here does IO, reads the clock or draws random numbers: callers pass
//! time and identifiers in. That keeps every rule a plain function that is fast
//! to compile and easy to test exhaustively.

pub mod accounts;
pub mod attachment;
pub mod audit;
pub mod calendar;
pub mod catalog;
pub mod engagement;
pub mod hash;
pub mod kpi;
pub mod mail;
pub mod manual;
pub mod participation;
pub mod publication;
pub mod satisfaction;
pub mod search;
pub mod text;
pub mod work_manual;
