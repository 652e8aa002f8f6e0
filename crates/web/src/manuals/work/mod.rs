//! Staff work manuals (milestone 5) on the web: the API now; the staff
//! pages, the print and the public listing build on the same use cases.

pub(crate) mod api;
mod dto;
