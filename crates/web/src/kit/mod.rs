//! What the areas' pages and API handlers share, so that no area imports
//! another: the staff navigation, labels of codes, form refusals and the
//! refused form shown again, the confirmation after a write, common query inputs, the bearer-token
//! extractors, the JSON body extractor and the problem schema.

pub(crate) mod bearer;
pub(crate) mod flash;
pub(crate) mod form;
pub(crate) mod json;
pub(crate) mod labels;
pub(crate) mod nav;
pub(crate) mod problem;
pub(crate) mod query;
pub(crate) mod refusal;

pub(crate) use bearer::{ApiCaller, ApiUser};
pub(crate) use flash::Flash;
pub(crate) use form::FormErrors;
pub(crate) use json::{ApiJson, RawJson};
pub(crate) use labels::Names;
pub(crate) use nav::{NavItem, nav_for};
pub(crate) use problem::{BodyRefusals, Conflicted, NotFound, Problem, StaffRefusals};
pub(crate) use query::{YearQuery, local_instant};
pub(crate) use refusal::Refusal;
