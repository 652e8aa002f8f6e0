//! The service-level clock of a submission.
//!
//! The Royal Decree on Good Governance (B.E. 2546) expects a reply within 15
//! days and, while a matter is pending, news of its progress every 7 days.
//! Those are the default targets; each service may set its own, counted in
//! calendar days or in working days (Monday to Friday, less public holidays,
//! on the Bangkok calendar). Time spent waiting for the submitter does not
//! count. A clock reads "due soon" at 75 % of its target and "overdue" at 100 %.
//!
//! The clock is computed from the stored timeline each time it is read, so
//! changing a target later re-reads the same history and loses nothing.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime, Weekday};

use crate::calendar::{bangkok_date, bangkok_midnight};

/// How a target's days are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    Calendar,
    Working,
}

/// A service's targets for answering and for keeping the person informed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceTargets {
    pub reply_days: u32,
    pub update_days: u32,
    pub count: DayCount,
}

impl Default for ServiceTargets {
    fn default() -> Self {
        Self { reply_days: 15, update_days: 7, count: DayCount::Calendar }
    }
}

/// Public holidays on the Bangkok calendar (set by an administrator each year).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holidays(BTreeSet<Date>);

impl Holidays {
    pub fn new(dates: impl IntoIterator<Item = Date>) -> Self {
        Self(dates.into_iter().collect())
    }

    /// Monday to Friday, and not a holiday.
    pub fn is_working_day(&self, date: Date) -> bool {
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.0.contains(&date)
    }
}

/// A stretch of time during which the clock stood still; `until: None` means
/// it has not resumed yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub from: OffsetDateTime,
    pub until: Option<OffsetDateTime>,
}

/// How a clock stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    OnTrack,
    /// 75 % of the target is used: highlighted in the inbox.
    DueSoon,
    /// The target has passed: escalated to the division's collectors.
    Overdue,
}

/// A clock read at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockReading {
    pub consumed: Duration,
    pub target: Duration,
    pub state: ClockState,
}

impl ClockReading {
    pub fn new(consumed: Duration, target_days: u32) -> Self {
        let target = Duration::days(i64::from(target_days));
        let state = if consumed >= target {
            ClockState::Overdue
        } else if consumed * 4 >= target * 3 {
            ClockState::DueSoon
        } else {
            ClockState::OnTrack
        };
        Self { consumed, target, state }
    }

    /// Share of the target used, in whole percent (may pass 100).
    pub fn percent(&self) -> i64 {
        if self.target.is_zero() {
            100
        } else {
            self.consumed.whole_seconds() * 100 / self.target.whole_seconds()
        }
    }
}

/// How a stored deadline stands at `now`, for a target of `target_days`:
/// due soon in its last quarter, overdue once passed.
pub fn state_at(due: OffsetDateTime, now: OffsetDateTime, target_days: u32) -> ClockState {
    let target = Duration::days(i64::from(target_days));
    ClockReading::new(target - (due - now), target_days).state
}

/// The time that counts against the Center between `start` and `now`.
pub fn consumed(
    start: OffsetDateTime,
    now: OffsetDateTime,
    pauses: &[Pause],
    count: DayCount,
    holidays: &Holidays,
) -> Duration {
    running_intervals(start, now, pauses)
        .into_iter()
        .map(|(from, until)| match count {
            DayCount::Calendar => until - from,
            DayCount::Working => working_time(from, until, holidays),
        })
        .fold(Duration::ZERO, |total, d| total + d)
}

/// The instant the clock reaches `target`, if it keeps running; `None` while
/// a pause is open (the deadline moves for as long as the clock stands still).
/// Stored with each submission so that the inbox finds overdue items in SQL.
pub fn deadline(
    start: OffsetDateTime,
    pauses: &[Pause],
    count: DayCount,
    holidays: &Holidays,
    target: Duration,
) -> Option<OffsetDateTime> {
    if pauses.iter().any(|p| p.until.is_none()) {
        return None;
    }
    let mut stops: Vec<(OffsetDateTime, OffsetDateTime)> =
        pauses.iter().filter_map(|p| Some((p.from.max(start), p.until?))).filter(|(f, u)| f < u).collect();
    stops.sort();
    let mut left = target;
    let mut cursor = start;
    for (from, until) in stops.into_iter().chain(std::iter::once((FAR_FUTURE, FAR_FUTURE))) {
        if from > cursor {
            match reach(cursor, from, left, count, holidays) {
                Ok(at) => return Some(at),
                Err(remaining) => left = remaining,
            }
        }
        cursor = cursor.max(until);
    }
    None
}

/// A limit for open-ended walks: far beyond any service-level target.
const FAR_FUTURE: OffsetDateTime = time::macros::datetime!(9000-01-01 00:00 UTC);

/// Walks `[from, until)` until `left` has run out: `Ok(instant)` where it
/// did, or `Err(what is still left)` at the end of the stretch.
fn reach(
    from: OffsetDateTime,
    until: OffsetDateTime,
    left: Duration,
    count: DayCount,
    holidays: &Holidays,
) -> Result<OffsetDateTime, Duration> {
    if count == DayCount::Calendar {
        return if until - from >= left { Ok(from + left) } else { Err(left - (until - from)) };
    }
    let mut left = left;
    let mut cursor = from;
    while cursor < until {
        let day = bangkok_date(cursor);
        let piece_end = bangkok_midnight(day.next_day().expect("dates in range")).min(until);
        if holidays.is_working_day(day) {
            if piece_end - cursor >= left {
                return Ok(cursor + left);
            }
            left -= piece_end - cursor;
        }
        cursor = piece_end;
    }
    Err(left)
}

/// `[start, now)` less the pauses, as sorted, disjoint intervals.
fn running_intervals(
    start: OffsetDateTime,
    now: OffsetDateTime,
    pauses: &[Pause],
) -> Vec<(OffsetDateTime, OffsetDateTime)> {
    if now <= start {
        return Vec::new();
    }
    let mut stops: Vec<(OffsetDateTime, OffsetDateTime)> = pauses
        .iter()
        .map(|p| (p.from.max(start), p.until.unwrap_or(now).min(now)))
        .filter(|(from, until)| from < until)
        .collect();
    stops.sort();
    let mut running = Vec::new();
    let mut cursor = start;
    for (from, until) in stops {
        if from > cursor {
            running.push((cursor, from));
        }
        cursor = cursor.max(until);
    }
    if cursor < now {
        running.push((cursor, now));
    }
    running
}

/// The part of `[from, until)` that falls on working days in Bangkok.
fn working_time(from: OffsetDateTime, until: OffsetDateTime, holidays: &Holidays) -> Duration {
    let mut total = Duration::ZERO;
    let mut cursor = from;
    while cursor < until {
        let day = bangkok_date(cursor);
        let day_ends = bangkok_midnight(day.next_day().expect("dates in range"));
        let piece_end = day_ends.min(until);
        if holidays.is_working_day(day) {
            total += piece_end - cursor;
        }
        cursor = piece_end;
    }
    total
}

#[cfg(test)]
mod tests;
