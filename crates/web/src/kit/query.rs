//! Inputs that pages of several areas read the same way.

/// `?year=2570`: a fiscal year by its B.E. name, the current one by default.
#[derive(serde::Deserialize)]
pub(crate) struct YearQuery {
    year: Option<i32>,
}

impl YearQuery {
    pub(crate) fn year(&self) -> ruamjai_domain::calendar::FiscalYear {
        use ruamjai_domain::calendar::FiscalYear;
        self.year.map_or_else(|| FiscalYear::of(time::OffsetDateTime::now_utc()), FiscalYear::from_be)
    }
}

/// A `datetime-local` field read as Bangkok time: `None` when empty, and
/// when it does not parse (after recording why under `field`).
pub(crate) fn local_instant(
    errors: &mut Vec<(&'static str, ruamjai_domain::accounts::FieldError)>,
    field: &'static str,
    raw: &str,
) -> Option<time::OffsetDateTime> {
    match (raw.trim(), ruamjai_domain::calendar::parse_instant(raw)) {
        ("", _) => None,
        (_, None) => {
            errors.push((field, ruamjai_domain::accounts::FieldError::InvalidDate));
            None
        }
        (_, parsed) => parsed,
    }
}
