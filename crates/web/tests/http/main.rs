//! The web application through HTTP, on a fresh database per test.

mod activities;
mod api;
mod consultations;
mod directory;
mod filing;
mod followup;
mod inbox;
mod login;
mod manual_editor;
mod manuals;
mod observability;
mod participation;
mod postgres;
mod public;
mod questionnaires;
mod reports;
mod staff;
mod staff_api;
mod support;
mod survey_api_intake;
mod survey_exports;
mod survey_invitations;
mod survey_print;
mod surveys;
mod work_api;
mod work_manuals_api;
