//! The web application through HTTP, on a fresh database per test.

mod api;
mod login;
mod public;
mod staff;
mod support;
