//! The outbox as administrators see it: what was sent, what waits, what
//! failed and why. Without SMTP this is where acknowledgements stay.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use ruamjai_domain::mail::MAX_ATTEMPTS;
use ruamjai_store::mail::OutboxEntry;

use crate::auth::session::Staff;
use crate::kit::{NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/outbox", get(outbox))
}

#[derive(Template)]
#[template(path = "audit/outbox.html")]
struct OutboxTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    entries: Vec<OutboxEntry>,
    waiting: i64,
}

impl OutboxTemplate<'_> {
    fn state_key(&self, entry: &OutboxEntry) -> &'static str {
        match (entry.sent_at, entry.attempts) {
            (Some(_), _) => "outbox-sent",
            (None, n) if n >= i64::from(MAX_ATTEMPTS) => "outbox-given-up",
            (None, 0) => "outbox-waiting",
            (None, _) => "outbox-retrying",
        }
    }

    fn purpose_key(&self, entry: &OutboxEntry) -> String {
        entry
            .purpose
            .map_or_else(|| "outbox-purpose-other".to_owned(), |p| format!("outbox-purpose-{}", p.code()))
    }
}

async fn outbox(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let (entries, waiting) = ruamjai_app::accounts::outbox(&state.app, &staff.caller(), 200).await?;
    page.render(&OutboxTemplate { page: &page, nav: nav_for(&staff), entries, waiting })
}
