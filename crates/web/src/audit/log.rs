//! The audit log as evidence: its latest entries and whether the chain holds.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use ruamjai_store::audit::{AuditEntryView, AuditReport};

use crate::auth::session::Staff;
use crate::kit::{NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/audit", get(audit_log))
}

#[derive(Template)]
#[template(path = "audit/audit.html")]
struct AuditTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    report: AuditReport,
    entries: Vec<AuditEntryView>,
}

async fn audit_log(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let (report, entries) = ruamjai_app::accounts::audit(&state.app, &staff.caller(), 100).await?;
    page.render(&AuditTemplate { page: &page, nav: nav_for(&staff), report, entries })
}
