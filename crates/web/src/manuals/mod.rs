//! Milestone 4 on the web: the citizen manuals — the charter and each
//! service's published manual with its PDF and flowchart for the public; the
//! editor, review steps and publication for staff; and the manuals API. This
//! module holds what they share: durations in the reader's words, the
//! flowchart in the reader's language and the version in force.

use ruamjai_domain::calendar::{bangkok_date, bangkok_midnight};
use ruamjai_domain::catalog::{Catalog, Service};
use ruamjai_domain::manual::flowchart::{Chart, Metrics, Words, layout};
use ruamjai_domain::manual::{Duration, Listing, Manual, TotalDuration, Unit};
use ruamjai_domain::publication::{Placement, Standing, standings};
use ruamjai_store::documents::Version;

use std::sync::Arc;

use self::published::PublishedManual;
use time::OffsetDateTime;

use crate::i18n::Locale;
use crate::{AppError, AppState};

pub(crate) mod api;
pub(crate) mod attached;
pub(crate) mod form;
pub(crate) mod print;
pub(crate) mod public;
pub(crate) mod published;
mod staff;

pub fn router() -> axum::Router<AppState> {
    axum::Router::new().merge(public::router()).merge(staff::router())
}

pub use api::{ApiDoc, router as api};

/// "15 นาที", "2 working days".
pub(crate) fn duration_text(locale: Locale, duration: Duration) -> String {
    let key = match duration.unit {
        Unit::Minutes => "unit-minutes",
        Unit::Hours => "unit-hours",
        Unit::WorkingDays => "unit-working-days",
        Unit::Days => "unit-days",
    };
    locale.ta(key, &[("n", duration.value.into())])
}

/// "2 วันทำการ 1 ชั่วโมง 5 นาที".
pub(crate) fn total_text(locale: Locale, total: TotalDuration) -> String {
    let parts: Vec<String> = total.parts().into_iter().map(|d| duration_text(locale, d)).collect();
    parts.join(" ")
}

/// "ค่าถ่ายเอกสาร 2 บาท, …", or "no fee".
pub(crate) fn fee_text(locale: Locale, manual: &Manual) -> String {
    match &manual.fees {
        Listing::Items(fees) => {
            let parts: Vec<String> = fees
                .iter()
                .map(|f| format!("{} {}", f.item, locale.ta("manual-baht", &[("n", f.baht.into())])))
                .collect();
            parts.join(", ")
        }
        Listing::None | Listing::Unset => locale.t("manual-no-fee"),
    }
}

/// The manual's responsible unit, with the catalog's division after it
/// when the unit's own words do not already name it.
pub(crate) fn unit_text(locale: Locale, catalog: &Catalog, service: &Service, manual: &Manual) -> String {
    let division = catalog
        .division(&service.division_code)
        .map(|d| locale.pick(&d.name_th, &d.name_en))
        .unwrap_or_default();
    if division.is_empty() || manual.responsible_unit.contains(division) {
        manual.responsible_unit.clone()
    } else {
        format!("{} ({division})", manual.responsible_unit)
    }
}

/// The address of a service's manual page, for print and QR codes.
pub(crate) fn page_url(state: &AppState, service: &str) -> String {
    format!("{}/services/{service}/manual", state.config.public_url.trim_end_matches('/'))
}

/// The manual's flowchart, laid out with the reader's words.
pub(crate) fn chart(locale: Locale, manual: &Manual) -> Chart {
    let (start, end, yes, no) = (
        locale.t("flowchart-start"),
        locale.t("flowchart-end"),
        locale.t("flowchart-yes"),
        locale.t("flowchart-no"),
    );
    let duration = |d: Duration| duration_text(locale, d);
    let total = |t: TotalDuration| locale.ta("flowchart-total", &[("total", total_text(locale, t).into())]);
    let words = Words { start: &start, end: &end, yes: &yes, no: &no, duration: &duration, total: &total };
    layout(&manual.steps, manual.total_duration(), &words, Metrics::STANDARD)
}

/// The flowchart as accessible SVG, titled with the service's name.
pub(crate) fn flowchart_svg(locale: Locale, service: &Service, manual: &Manual) -> String {
    let name = locale.pick(&service.name_th, &service.name_en);
    let title = locale.ta("flowchart-title", &[("service", name.into())]);
    let description = locale.ta(
        "flowchart-description",
        &[
            ("steps", manual.steps.len().into()),
            ("total", total_text(locale, manual.total_duration()).into()),
        ],
    );
    ruamjai_docs::flowchart::svg(&chart(locale, manual), &title, &description)
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
