//! The Thai government calendar: Buddhist Era years, fiscal years and halves,
//! Thai numerals and month names.
//!
//! Instants are stored in UTC and interpreted in Asia/Bangkok (UTC+7, no
//! daylight saving). A fiscal year runs 1 October – 30 September and is named
//! after the B.E. year in which it ends: FY 2570 = 1 Oct 2026 – 30 Sep 2027.

mod format;
mod input;
mod numerals;

pub use format::{DateStyle, format_date, format_datetime, format_month};
pub use input::{local_input_value, parse_instant};
pub use numerals::{THAI_MONTHS_FULL, THAI_MONTHS_SHORT, thai_digits};

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Asia/Bangkok is UTC+7 all year round.
pub const BANGKOK: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+7 is a valid offset"),
};

/// Years between the Common Era and the Buddhist Era.
pub const BE_OFFSET: i32 = 543;

/// The B.E. year of a C.E. year.
pub const fn be_year(ce_year: i32) -> i32 {
    ce_year + BE_OFFSET
}

/// The calendar date of an instant in Bangkok.
pub fn bangkok_date(instant: OffsetDateTime) -> Date {
    instant.to_offset(BANGKOK).date()
}

/// A Thai government fiscal year, named by its B.E. year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FiscalYear(i32);

/// One half of a fiscal year: ครึ่งปีแรก (Oct–Mar) or ครึ่งปีหลัง (Apr–Sep).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FiscalHalf {
    First,
    Second,
}

impl FiscalYear {
    /// The fiscal year named by a B.E. year (e.g. 2570).
    pub const fn from_be(be_year: i32) -> Self {
        Self(be_year)
    }

    /// The B.E. year that names this fiscal year.
    pub const fn be(self) -> i32 {
        self.0
    }

    /// The fiscal year a Bangkok calendar date belongs to.
    pub fn of_date(date: Date) -> Self {
        let ends_in_ce = if date.month() >= Month::October { date.year() + 1 } else { date.year() };
        Self(be_year(ends_in_ce))
    }

    /// The fiscal year an instant belongs to, read on the Bangkok clock.
    pub fn of(instant: OffsetDateTime) -> Self {
        Self::of_date(bangkok_date(instant))
    }

    /// The first day (1 October of the previous C.E. year).
    pub fn first_day(self) -> Date {
        october_first(self.0 - BE_OFFSET - 1)
    }

    /// The last day (30 September).
    pub fn last_day(self) -> Date {
        self.next().first_day().previous_day().expect("30 September exists")
    }

    /// The instant the year starts: 1 October 00:00 in Bangkok.
    pub fn starts_at(self) -> OffsetDateTime {
        bangkok_midnight(self.first_day())
    }

    /// The instant the next year starts; the range is half-open.
    pub fn ends_at(self) -> OffsetDateTime {
        self.next().starts_at()
    }

    pub fn next(self) -> Self {
        Self(self.0 + 1)
    }

    pub fn previous(self) -> Self {
        Self(self.0 - 1)
    }

    pub fn contains(self, instant: OffsetDateTime) -> bool {
        self.starts_at() <= instant && instant < self.ends_at()
    }

    /// The half of this year that holds a Bangkok date, if the date is in the year.
    pub fn half_of_date(self, date: Date) -> Option<FiscalHalf> {
        (Self::of_date(date) == self).then(|| FiscalHalf::of_date(date))
    }

    /// The half-open instant range of one half.
    pub fn half_range(self, half: FiscalHalf) -> (OffsetDateTime, OffsetDateTime) {
        let april_first = bangkok_midnight(
            Date::from_calendar_date(self.0 - BE_OFFSET, Month::April, 1).expect("1 April exists"),
        );
        match half {
            FiscalHalf::First => (self.starts_at(), april_first),
            FiscalHalf::Second => (april_first, self.ends_at()),
        }
    }
}

impl std::fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl FiscalHalf {
    /// October to March is the first half; April to September the second.
    pub fn of_date(date: Date) -> Self {
        match date.month() {
            Month::April | Month::May | Month::June | Month::July | Month::August | Month::September => {
                Self::Second
            }
            _ => Self::First,
        }
    }

    pub fn of(instant: OffsetDateTime) -> Self {
        Self::of_date(bangkok_date(instant))
    }
}

fn october_first(ce_year: i32) -> Date {
    Date::from_calendar_date(ce_year, Month::October, 1).expect("1 October exists")
}

/// The instant a Bangkok calendar day starts.
pub fn bangkok_midnight(date: Date) -> OffsetDateTime {
    PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_offset(BANGKOK).to_offset(UtcOffset::UTC)
}

#[cfg(test)]
mod tests;
