//! Dates as people read them: Buddhist Era years, Thai or English month names.

use time::OffsetDateTime;

use super::{BANGKOK, THAI_MONTHS_FULL, THAI_MONTHS_SHORT, be_year};

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "24 พฤศจิกายน 2569" / "24 November 2569 BE".
    Long,
    /// "24 พ.ย. 2569" / "24 Nov 2569 BE".
    Short,
}

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats the Bangkok date of an instant with a B.E. year. `thai` picks
/// Thai month names; English keeps the B.E. year, marked "BE".
pub fn format_date(instant: OffsetDateTime, style: DateStyle, thai: bool) -> String {
    let local = instant.to_offset(BANGKOK);
    let month = usize::from(u8::from(local.month())) - 1;
    let year = be_year(local.year());
    match (thai, style) {
        (true, DateStyle::Long) => format!("{} {} {}", local.day(), THAI_MONTHS_FULL[month], year),
        (true, DateStyle::Short) => format!("{} {} {}", local.day(), THAI_MONTHS_SHORT[month], year),
        (false, DateStyle::Long) => format!("{} {} {} BE", local.day(), ENGLISH_MONTHS[month], year),
        (false, DateStyle::Short) => format!("{} {} {} BE", local.day(), &ENGLISH_MONTHS[month][..3], year),
    }
}

/// A month as reports name it: "ต.ค. 2569" / "Oct 2569 BE".
pub fn format_month(date: time::Date, thai: bool) -> String {
    let month = usize::from(u8::from(date.month())) - 1;
    let year = be_year(date.year());
    if thai {
        format!("{} {year}", THAI_MONTHS_SHORT[month])
    } else {
        format!("{} {year} BE", &ENGLISH_MONTHS[month][..3])
    }
}

/// A short date followed by the Bangkok clock time ("24 พ.ย. 2569 14:05 น.").
pub fn format_datetime(instant: OffsetDateTime, thai: bool) -> String {
    let local = instant.to_offset(BANGKOK);
    let date = format_date(instant, DateStyle::Short, thai);
    let suffix = if thai { " น." } else { "" };
    format!("{date} {:02}:{:02}{suffix}", local.hour(), local.minute())
}
