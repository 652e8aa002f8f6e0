//! The store's behaviour, specified once and run against both backends:
//! SQLite always, PostgreSQL when `RUAMJAI_TEST_POSTGRES_URL` is set.

mod accounts;
mod audit;
mod backup;
mod catalog;
mod consultations;
mod directory;
mod engagement;
mod filing;
mod followup;
mod inbox;
mod manuals;
mod participation;
mod questionnaires;
mod report;
mod satisfaction;
mod submission_cells;
mod support;
mod survey_analysis;
mod survey_ingest;
mod survey_invitations;
mod upgrade;
mod work_manuals;
