//! What the manual pages, the API and the PDFs share: durations in the
//! reader's words, the flowchart in the reader's language, who may do what
//! to a service's manual, and the version in force.

use ruamjai_domain::catalog::{Catalog, Service};
use ruamjai_domain::manual::flowchart::{Chart, Metrics, Words, layout};
use ruamjai_domain::manual::{Duration, Manual, TotalDuration, Unit};
use ruamjai_domain::publication::{Action, may};
use ruamjai_store::accounts::StaffUser;
use ruamjai_store::audit::Actor;
use ruamjai_store::documents::{DocumentKind, Version};
use time::OffsetDateTime;

use crate::i18n::Locale;
use crate::{AppError, AppState};

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

/// The staff member as the actor of `action` on the manual of `service`,
/// if their role and division allow it.
pub(crate) fn authorize(user: &StaffUser, service: &Service, action: Action) -> Result<Actor, AppError> {
    if may(user.role, user.division_code.as_deref(), &service.division_code, action) {
        Ok(Actor::user(user.id, &user.email))
    } else {
        Err(AppError::Forbidden)
    }
}

/// The published manual in force for a service, with its content.
pub(crate) async fn current(state: &AppState, service: &str) -> Result<(Version, Manual), AppError> {
    let version = state
        .store
        .current_version(DocumentKind::CitizenManual, service, OffsetDateTime::now_utc())
        .await?
        .ok_or(AppError::NotFound)?;
    let manual = version.manual()?;
    Ok((version, manual))
}
