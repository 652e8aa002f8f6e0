//! iCalendar feeds: every upcoming activity, or one activity, for Google
//! Calendar, Outlook and phones. Thai first in each text, then English.

use axum::Router;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use ruamjai_docs::ical::{Event, calendar};
use ruamjai_domain::engagement::activity::Status;
use ruamjai_store::engagement::{Activity, ActivityFilter};
use time::OffsetDateTime;

use crate::i18n::Locale;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    // One route: axum cannot tell `/activities/{id}` from `/activities/{id}.ics`.
    Router::new().route("/activities.ics", get(all))
}

/// `GET /activities/{id}.ics`, reached from the activity page's route.
pub async fn one(state: &AppState, raw_id: &str) -> Result<Response, AppError> {
    let id: i64 = raw_id.parse().map_err(|_| AppError::NotFound)?;
    let activity = state.store.activity(id).await?;
    let now = OffsetDateTime::now_utc();
    let events = [event(state, &activity, now)];
    Ok(feed(&activity.title, &events, &format!("activity-{id}.ics")))
}

async fn all(State(state): State<AppState>) -> Result<Response, AppError> {
    let now = OffsetDateTime::now_utc();
    let activities = state.store.activities(ActivityFilter::Upcoming(now)).await?;
    let events: Vec<_> = activities.iter().map(|a| event(&state, a, now)).collect();
    let name = format!("{} / {}", Locale::Th.t("activities-title"), Locale::En.t("activities-title"));
    Ok(feed(&name, &events, "activities.ics"))
}

fn event<'a>(state: &AppState, activity: &'a Activity, now: OffsetDateTime) -> Event<'a> {
    let url = format!("{}/activities/{}", state.config.public_url.trim_end_matches('/'), activity.id);
    let kind = |locale: Locale| locale.t(&format!("activity-kind-{}", activity.kind.code()));
    Event {
        uid: format!("activity-{}@{}", activity.id, host(&state.config.public_url)),
        title: &activity.title,
        starts_at: activity.starts_at,
        ends_at: activity.ends_at,
        location: &activity.venue,
        description: format!("{} / {}\n{url}", kind(Locale::Th), kind(Locale::En)),
        url,
        cancelled: activity.status == Status::Cancelled,
        stamp: now,
    }
}

fn host(public_url: &str) -> &str {
    let rest = public_url.split_once("://").map_or(public_url, |(_, rest)| rest);
    rest.split(['/', ':']).next().unwrap_or("ruamjai")
}

fn feed(name: &str, events: &[Event<'_>], file_name: &str) -> Response {
    (
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, format!("inline; filename=\"{file_name}\"")),
            (CACHE_CONTROL, "public, max-age=300".to_owned()),
        ],
        calendar(name, events),
    )
        .into_response()
}
