//! The use cases specified against both backends: SQLite always, PostgreSQL
//! when `RUAMJAI_TEST_POSTGRES_URL` is set. Each test reads as the rule it
//! holds: who may do what, and what it leaves behind.

mod accounts;
mod engagement;
mod home;
mod kpi;
mod kpi_facts;
mod kpi_pack;
mod kpi_rounds;
mod participation;
mod satisfaction;
mod satisfaction_work;
mod support;
mod work_manual_details;
mod work_manuals;
