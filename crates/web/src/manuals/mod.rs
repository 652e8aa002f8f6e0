//! Milestone 4 on the web: the citizen manuals — the charter and each
//! service's published manual with its PDF and flowchart for the public; the
//! editor, review steps and publication for staff; and the manuals API. This
//! module holds what they share: durations in the reader's words, the
//! flowchart in the reader's language and the version in force.

use ruamjai_domain::calendar::{bangkok_date, bangkok_midnight};
use ruamjai_domain::catalog::{Catalog, Service};
use ruamjai_domain::publication::{Placement, Standing, standings};
use ruamjai_store::documents::Version;

use std::sync::Arc;

use self::published::PublishedManual;
use time::OffsetDateTime;

use crate::{AppError, AppState};

pub(crate) mod api;
pub(crate) mod attached;
pub(crate) mod form;
pub(crate) mod public;
pub(crate) mod published;
mod staff;
pub(crate) mod work;

pub fn router() -> axum::Router<AppState> {
    axum::Router::new().merge(public::router()).merge(staff::router()).merge(work::router())
}

pub use api::{ApiDoc, router as api};
pub(crate) use ruamjai_app::manuals::print;
pub(crate) use ruamjai_app::manuals::words::{duration_text, fee_text, flowchart_svg, total_text, unit_text};
pub use work::api::WorkApiDoc;

/// The address of a service's manual page, for print and QR codes.
pub(crate) fn page_url(state: &AppState, service: &str) -> String {
    format!("{}/services/{service}/manual", state.config.public_url.trim_end_matches('/'))
}

pub(crate) fn service<'a>(catalog: &'a Catalog, code: &str) -> Result<&'a Service, AppError> {
    catalog.service(code).ok_or(AppError::NotFound)
}

/// The published manual in force for a service, with its content.
pub(crate) async fn current(state: &AppState, service: &str) -> Result<Arc<PublishedManual>, AppError> {
    state.published_manuals().await?.get(service).ok_or(AppError::NotFound)
}

/// Midnight in Bangkok of a future date; at once for today or a past date.
pub(crate) fn publication_instant(on: Option<time::Date>, now: OffsetDateTime) -> OffsetDateTime {
    match on {
        Some(date) if date > bangkok_date(now) => bangkok_midnight(date),
        _ => now,
    }
}

pub(crate) async fn all_versions(state: &AppState, service: &str) -> Result<Vec<Version>, AppError> {
    Ok(ruamjai_app::manuals::versions(&state.app, service).await?)
}

/// Where each version stands (draft … current, superseded), in order.
pub(crate) fn version_standings(versions: &[Version], now: OffsetDateTime) -> Vec<Standing> {
    let placements: Vec<Placement> = versions
        .iter()
        .map(|v| Placement { revision: v.revision, stage: v.stage, publish_at: v.publish_at })
        .collect();
    standings(&placements, now)
}
