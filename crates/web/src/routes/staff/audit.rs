//! The audit log as evidence: its latest entries and whether the chain holds.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use ruamjai_domain::accounts::Role;
use ruamjai_store::audit::{AuditEntryView, AuditReport};

use super::{NavItem, nav_for};
use crate::auth::session::Staff;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/audit", get(audit_log))
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    report: AuditReport,
    entries: Vec<AuditEntryView>,
}

async fn audit_log(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    staff.require(Role::can_read_audit)?;
    let report = state.store.verify_audit().await?;
    let entries = state.store.recent_audit(100).await?;
    page.render(&AuditTemplate { page: &page, nav: nav_for(&staff), report, entries })
}
