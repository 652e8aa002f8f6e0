//! The staff inbox: what the reader's role covers, filtered, newest first,
//! with the reply clock of each open item.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::participation::inbox;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::clock::{ClockState, state_at};
use ruamjai_domain::participation::{Channel, Kind, Status};
use ruamjai_store::participation::{Assignee, InboxFilter, InboxRow};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::auth::session::Staff;
use crate::kit::{NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

const PAGE_SIZE: i64 = 50;

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/inbox", get(inbox))
}

/// The filters as they travel in the URL; empty means "any".
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct InboxQuery {
    pub show: String,
    pub status: String,
    pub kind: String,
    pub service: String,
    pub channel: String,
    pub group: String,
    pub assignee: String,
    pub q: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<i64>,
}

impl InboxQuery {
    pub fn filter(&self, me: i64) -> InboxFilter {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        InboxFilter {
            status: Status::parse(&self.status).ok(),
            open_only: self.show.is_empty() || self.show == "open",
            kind: Kind::parse(&self.kind).ok(),
            service: some(&self.service),
            channel: Channel::parse(&self.channel).ok(),
            group: some(&self.group),
            assignee: match self.assignee.as_str() {
                "me" => Some(Assignee::User(me)),
                "nobody" => Some(Assignee::Nobody),
                _ => None,
            },
            overdue_only: self.show == "overdue",
            search: some(&self.q),
        }
    }
}

#[derive(Template)]
#[template(path = "participation/staff/inbox.html")]
struct InboxTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    query: &'a InboxQuery,
    rows: Vec<InboxRow>,
    now: OffsetDateTime,
    next_href: Option<String>,
    kinds: [Kind; 5],
    statuses: [Status; 8],
    channels: [Channel; 8],
}

impl InboxTemplate<'_> {
    /// Whether any filter beyond the default "open matters" is in use.
    fn filtered(&self) -> bool {
        let q = self.query;
        let chosen = [&q.status, &q.kind, &q.service, &q.channel, &q.group, &q.assignee, &q.q];
        chosen.iter().any(|v| !v.is_empty()) || !matches!(q.show.as_str(), "" | "open")
    }

    /// `due-soon`, `overdue` or nothing, for the row's reply clock.
    fn due_class(&self, row: &InboxRow) -> &'static str {
        match row.reply_due_at.map(|due| state_at(due, self.now, row.reply_days)) {
            Some(ClockState::Overdue) => "overdue",
            Some(ClockState::DueSoon) => "due-soon",
            _ => "",
        }
    }

    fn service_name(&self, code: &Option<String>) -> String {
        crate::kit::Names { locale: self.page.locale, catalog: self.catalog }
            .numbered_service(code.as_deref())
    }
}

async fn inbox(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(query): Query<InboxQuery>,
) -> Result<Response, AppError> {
    let now = OffsetDateTime::now_utc();
    let filter = query.filter(staff.user().id);
    let rows = inbox::page(&state.app, &staff.caller(), &filter, query.before, PAGE_SIZE).await?;
    let next_href = (rows.len() == PAGE_SIZE as usize).then(|| {
        let next = InboxQuery { before: rows.last().map(|r| r.id), ..query.clone() };
        format!("/staff/inbox?{}", serde_urlencoded::to_string(&next).unwrap_or_default())
    });
    let catalog = state.catalog().await?;
    page.render(&InboxTemplate {
        page: &page,
        nav: nav_for(&staff),
        catalog: &catalog,
        query: &query,
        rows,
        now,
        next_href,
        kinds: Kind::ALL,
        statuses: Status::ALL,
        channels: Channel::ALL,
    })
}
