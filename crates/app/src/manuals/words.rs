//! A citizen manual in the reader's words: durations, the total time, fees,
//! the responsible unit, and the flowchart laid out and drawn with them.
//! The manual page, its PDF, the poster and the evidence pack say the same.

use ruamjai_domain::catalog::{Catalog, Service};
use ruamjai_domain::manual::flowchart::{Chart, Metrics, Words, layout};
use ruamjai_domain::manual::{Duration, Listing, Manual, TotalDuration, Unit};
use ruamjai_i18n::Locale;

/// "15 นาที", "2 working days".
pub fn duration_text(locale: Locale, duration: Duration) -> String {
    let key = match duration.unit {
        Unit::Minutes => "unit-minutes",
        Unit::Hours => "unit-hours",
        Unit::WorkingDays => "unit-working-days",
        Unit::Days => "unit-days",
    };
    locale.ta(key, &[("n", duration.value.into())])
}

/// "2 วันทำการ 1 ชั่วโมง 5 นาที".
pub fn total_text(locale: Locale, total: TotalDuration) -> String {
    let parts: Vec<String> = total.parts().into_iter().map(|d| duration_text(locale, d)).collect();
    parts.join(" ")
}

/// "ค่าถ่ายเอกสาร 2 บาท, …", or "no fee".
pub fn fee_text(locale: Locale, manual: &Manual) -> String {
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
pub fn unit_text(locale: Locale, catalog: &Catalog, service: &Service, manual: &Manual) -> String {
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

/// The manual's flowchart, laid out with the reader's words.
pub fn chart(locale: Locale, manual: &Manual) -> Chart {
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
pub fn flowchart_svg(locale: Locale, service: &Service, manual: &Manual) -> String {
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
