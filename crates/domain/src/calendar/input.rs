//! Instants as people and programs type them.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

use super::BANGKOK;

/// An instant from RFC 3339 with its own offset (the API), or from a
/// `datetime-local` field (`2027-01-20T09:00`, seconds optional), read as
/// Bangkok time because that is the clock the person looked at.
pub fn parse_instant(raw: &str) -> Option<OffsetDateTime> {
    let raw = raw.trim();
    if let Ok(instant) = OffsetDateTime::parse(raw, &Rfc3339) {
        return Some(instant);
    }
    let minutes = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let seconds = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    PrimitiveDateTime::parse(raw, minutes)
        .or_else(|_| PrimitiveDateTime::parse(raw, seconds))
        .ok()
        .map(|local| local.assume_offset(BANGKOK))
}

/// The value a `datetime-local` field shows for an instant, in Bangkok time.
pub fn local_input_value(instant: OffsetDateTime) -> String {
    let local = instant.to_offset(BANGKOK);
    local.format(format_description!("[year]-[month]-[day]T[hour]:[minute]")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn a_form_field_is_bangkok_time_and_the_api_carries_its_offset() {
        assert_eq!(parse_instant("2027-01-20T09:00"), Some(datetime!(2027-01-20 09:00 +7)));
        assert_eq!(parse_instant("2027-01-20T09:00:30"), Some(datetime!(2027-01-20 09:00:30 +7)));
        assert_eq!(parse_instant("2027-01-20T02:00:00Z"), Some(datetime!(2027-01-20 09:00 +7)));
        assert_eq!(parse_instant("20/01/2570 09:00"), None);
        assert_eq!(parse_instant(""), None);
        assert_eq!(local_input_value(datetime!(2027-01-20 02:00 UTC)), "2027-01-20T09:00");
    }
}
