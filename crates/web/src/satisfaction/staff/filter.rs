//! The report's filter: service, group and a range of months, as the page,
//! its exports and the API take it.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::calendar::bangkok_midnight;
use ruamjai_store::satisfaction::ReportFilter;
use serde::Deserialize;
use time::{Date, Month, OffsetDateTime};

use crate::AppError;

/// The report's filter as the query string carries it (`from`/`to` as `2026-12`).
#[derive(Debug, Default, Deserialize)]
pub struct FilterQuery {
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

impl FilterQuery {
    pub fn filter(&self) -> Result<ReportFilter, AppError> {
        let month = |field: &'static str, raw: &str| -> Result<Option<OffsetDateTime>, AppError> {
            if raw.trim().is_empty() {
                return Ok(None);
            }
            first_of_month(raw).map(Some).ok_or(AppError::Invalid(vec![(field, FieldError::InvalidDate)]))
        };
        let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        Ok(ReportFilter {
            service: some(&self.service),
            group: some(&self.group),
            from: month("from", &self.from)?,
            to: month("to", &self.to)?,
        })
    }
}

/// `2026-12` (or a full date in that month) as the month's first Bangkok midnight.
fn first_of_month(raw: &str) -> Option<OffsetDateTime> {
    let mut parts = raw.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, 1).ok()?;
    Some(bangkok_midnight(date))
}

impl FilterQuery {
    /// The range of months as asked, for the documents to say what they cover.
    pub fn months(&self) -> Option<String> {
        let (from, to) = (self.from.trim(), self.to.trim());
        (!from.is_empty() || !to.is_empty()).then(|| format!("{from} – {to}"))
    }
}

/// `service=…&group=…&from=…&to=…`, escaped.
impl FilterQuery {
    pub(super) fn as_query_string(&self) -> String {
        let query = self;
        let escape = |v: &str| -> String {
            v.bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect()
        };
        format!(
            "service={}&group={}&from={}&to={}",
            escape(&query.service),
            escape(&query.group),
            escape(&query.from),
            escape(&query.to)
        )
    }
}
