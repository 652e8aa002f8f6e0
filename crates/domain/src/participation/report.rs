//! The participation report of a fiscal year or half: counts by kind,
//! channel, service, group and month; time to first reply and to resolution
//! (median and 90th percentile); and compliance with the reply target.
//!
//! Definitions, so that an evaluator can recompute every figure in Excel:
//! - a submission belongs to the period in which it was filed (Bangkok time);
//! - time to first reply: filing to the first public reply, for those replied to;
//! - time to resolution: filing to the answer, for those now resolved or closed;
//! - median and 90th percentile interpolate between ranks, as Excel's
//!   `MEDIAN` and `PERCENTILE.INC` do;
//! - compliance: of the submissions answered, the share answered within the
//!   service's reply target (paused time not counted).

use std::collections::BTreeMap;

use time::{Date, Duration, Month, OffsetDateTime};

use super::{Channel, Kind, Status};
use crate::calendar::{FiscalHalf, FiscalYear, bangkok_date, bangkok_midnight};

/// The period a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub year: FiscalYear,
    /// `None`: the whole year (the 12-month summary); the first half is the
    /// 6-month summary.
    pub half: Option<FiscalHalf>,
}

impl Period {
    /// The half-open instant range.
    pub fn range(self) -> (OffsetDateTime, OffsetDateTime) {
        match self.half {
            None => (self.year.starts_at(), self.year.ends_at()),
            Some(half) => self.year.half_range(half),
        }
    }

    /// The first day of each month in the period, in order.
    pub fn months(self) -> Vec<Date> {
        let (from, until) = self.range();
        let mut month = bangkok_date(from);
        let mut months = Vec::new();
        while bangkok_midnight(month) < until {
            months.push(month);
            month = first_of_next_month(month);
        }
        months
    }

    /// Parses `2570`, `2570-h1` or `2570-h2`.
    pub fn parse(raw: &str) -> Option<Self> {
        let (year, half) = match raw.trim().split_once('-') {
            Some((year, "h1")) => (year, Some(FiscalHalf::First)),
            Some((year, "h2")) => (year, Some(FiscalHalf::Second)),
            Some(_) => return None,
            None => (raw.trim(), None),
        };
        let year: i32 = year.parse().ok().filter(|y| (2500..=2700).contains(y))?;
        Some(Self { year: FiscalYear::from_be(year), half })
    }

    pub fn code(self) -> String {
        match self.half {
            None => self.year.to_string(),
            Some(FiscalHalf::First) => format!("{}-h1", self.year),
            Some(FiscalHalf::Second) => format!("{}-h2", self.year),
        }
    }
}

fn first_of_next_month(date: Date) -> Date {
    let (year, month) = if date.month() == Month::December {
        (date.year() + 1, Month::January)
    } else {
        (date.year(), date.month().next())
    };
    Date::from_calendar_date(year, month, 1).expect("the first of a month exists")
}

/// What the report needs of one submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub kind: Kind,
    pub channel: Channel,
    /// `None`: general, not about one service.
    pub service: Option<String>,
    pub group: String,
    pub status: Status,
    pub created_at: OffsetDateTime,
    pub first_reply_at: Option<OffsetDateTime>,
    pub answered_at: Option<OffsetDateTime>,
    /// Whether the answer came within the reply target; `None` while unanswered.
    pub reply_met: Option<bool>,
}

/// One cell of the cross-tabulation: how many of one kind, channel, service
/// and group were filed in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub kind: Kind,
    pub channel: Channel,
    pub service: Option<String>,
    pub group: String,
    /// The first day of the month.
    pub month: Date,
    pub count: u64,
}

/// The centre and spread of a set of durations, in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DurationStats {
    pub n: usize,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
}

impl DurationStats {
    fn of(mut durations: Vec<Duration>) -> Self {
        durations.sort_unstable();
        let days: Vec<f64> = durations.iter().map(|d| d.as_seconds_f64() / 86_400.0).collect();
        Self { n: days.len(), median_days: percentile(&days, 0.5), p90_days: percentile(&days, 0.9) }
    }
}

/// The `p` percentile of sorted values, interpolated as `PERCENTILE.INC`.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = p.clamp(0.0, 1.0) * last as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    Some(sorted[low] + (rank - low as f64) * (sorted[high] - sorted[low]))
}

/// Answered within target, out of those answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Compliance {
    pub answered: u64,
    pub met: u64,
}

impl Compliance {
    /// `None` when nothing was answered yet.
    pub fn percent(self) -> Option<f64> {
        (self.answered > 0).then(|| 100.0 * self.met as f64 / self.answered as f64)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub period: Period,
    pub total: u64,
    /// Still waiting for an answer.
    pub open: u64,
    pub by_kind: Vec<(Kind, u64)>,
    pub by_channel: Vec<(Channel, u64)>,
    pub by_service: Vec<(Option<String>, u64)>,
    pub by_group: Vec<(String, u64)>,
    pub by_month: Vec<(Date, u64)>,
    /// Every non-empty combination, ordered by month, kind, channel, service, group.
    pub cells: Vec<Cell>,
    pub first_reply: DurationStats,
    pub resolution: DurationStats,
    pub compliance: Compliance,
}

/// What a report is computed from: counts already grouped (by the database,
/// or by [`Report::build`] from facts) and the durations to rank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub cells: Vec<Cell>,
    pub open: u64,
    pub compliance: Compliance,
    pub first_reply: Vec<Duration>,
    pub resolution: Vec<Duration>,
}

impl Report {
    /// Builds the report from the facts of the submissions filed in `period`
    /// (facts outside it are ignored).
    pub fn build(period: Period, facts: &[Fact]) -> Self {
        let (from, until) = period.range();
        let facts: Vec<&Fact> =
            facts.iter().filter(|f| from <= f.created_at && f.created_at < until).collect();
        let mut cells: BTreeMap<(Date, usize, usize, Option<String>, String), u64> = BTreeMap::new();
        for fact in &facts {
            let key = (
                month_of(fact.created_at),
                Kind::ALL.iter().position(|k| *k == fact.kind).unwrap_or_default(),
                Channel::ALL.iter().position(|c| *c == fact.channel).unwrap_or_default(),
                fact.service.clone(),
                fact.group.clone(),
            );
            *cells.entry(key).or_default() += 1;
        }
        let tally = Tally {
            cells: cells
                .into_iter()
                .map(|((month, kind, channel, service, group), count)| Cell {
                    kind: Kind::ALL[kind],
                    channel: Channel::ALL[channel],
                    service,
                    group,
                    month,
                    count,
                })
                .collect(),
            open: facts.iter().filter(|f| !f.status.is_answered()).count() as u64,
            compliance: Compliance {
                answered: facts.iter().filter(|f| f.reply_met.is_some()).count() as u64,
                met: facts.iter().filter(|f| f.reply_met == Some(true)).count() as u64,
            },
            first_reply: facts.iter().filter_map(|f| Some(f.first_reply_at? - f.created_at)).collect(),
            resolution: facts
                .iter()
                .filter(|f| matches!(f.status, Status::Resolved | Status::Closed))
                .filter_map(|f| Some(f.answered_at? - f.created_at))
                .collect(),
        };
        Self::from_tally(period, tally)
    }

    /// Builds the report from grouped counts and durations.
    pub fn from_tally(period: Period, mut tally: Tally) -> Self {
        tally.cells.sort_by(|a, b| {
            let key = |c: &Cell| {
                (
                    c.month,
                    Kind::ALL.iter().position(|k| *k == c.kind),
                    Channel::ALL.iter().position(|x| *x == c.channel),
                    c.service.clone(),
                    c.group.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        let cells = tally.cells;
        let sum = |matches: &dyn Fn(&Cell) -> bool| {
            cells.iter().filter(|c| matches(c)).map(|c| c.count).sum::<u64>()
        };
        let mut services: BTreeMap<Option<String>, u64> = BTreeMap::new();
        let mut groups: BTreeMap<String, u64> = BTreeMap::new();
        for cell in &cells {
            *services.entry(cell.service.clone()).or_default() += cell.count;
            *groups.entry(cell.group.clone()).or_default() += cell.count;
        }
        Self {
            period,
            total: sum(&|_| true),
            open: tally.open,
            by_kind: Kind::ALL.into_iter().map(|k| (k, sum(&|c| c.kind == k))).collect(),
            by_channel: Channel::ALL.into_iter().map(|ch| (ch, sum(&|c| c.channel == ch))).collect(),
            by_service: services.into_iter().collect(),
            by_group: groups.into_iter().collect(),
            by_month: period.months().into_iter().map(|m| (m, sum(&|c| c.month == m))).collect(),
            first_reply: DurationStats::of(tally.first_reply),
            resolution: DurationStats::of(tally.resolution),
            compliance: tally.compliance,
            cells,
        }
    }
}

/// The first day of the Bangkok month an instant falls in.
fn month_of(at: OffsetDateTime) -> Date {
    let date = bangkok_date(at);
    Date::from_calendar_date(date.year(), date.month(), 1).expect("the first of a month exists")
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    const FY2570: Period = Period { year: FiscalYear::from_be(2570), half: None };

    fn fact(kind: Kind, channel: Channel, filed: OffsetDateTime) -> Fact {
        Fact {
            kind,
            channel,
            service: Some("msat".into()),
            group: "provinces".into(),
            status: Status::Received,
            created_at: filed,
            first_reply_at: None,
            answered_at: None,
            reply_met: None,
        }
    }

    fn answered(mut fact: Fact, after_days: i64, met: bool) -> Fact {
        fact.status = Status::Resolved;
        fact.first_reply_at = Some(fact.created_at + Duration::days(after_days));
        fact.answered_at = fact.first_reply_at;
        fact.reply_met = Some(met);
        fact
    }

    #[test]
    fn percentiles_match_excel() {
        // =MEDIAN(1,2,3,4) is 2.5; =PERCENTILE.INC({1,2,3,4,5,6,7,8,9,10},0.9) is 9.1.
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.5));
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert!((percentile(&ten, 0.9).unwrap() - 9.1).abs() < 1e-9);
        assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    #[test]
    fn periods_cover_twelve_or_six_months_from_october() {
        let months = FY2570.months();
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], time::macros::date!(2026 - 10 - 01));
        assert_eq!(months[11], time::macros::date!(2027 - 09 - 01));
        let first_half = Period::parse("2570-h1").unwrap();
        assert_eq!(first_half.months().len(), 6);
        assert_eq!(first_half.months()[5], time::macros::date!(2027 - 03 - 01));
        assert_eq!(Period::parse("2570-h2").unwrap().months()[0], time::macros::date!(2027 - 04 - 01));
        assert_eq!(Period::parse("2570").unwrap(), FY2570);
        assert_eq!(Period::parse("2570-h3"), None);
        assert_eq!(Period::parse("abc"), None);
        assert_eq!(Period::parse("2570-h1").unwrap().code(), "2570-h1");
    }

    #[test]
    fn counts_cross_kind_channel_service_group_and_month() {
        let facts = [
            fact(Kind::Complaint, Channel::Web, datetime!(2026-10-01 00:30 +7)),
            fact(Kind::Complaint, Channel::Web, datetime!(2026-10-31 23:59 +7)),
            fact(Kind::Request, Channel::Telephone, datetime!(2026-11-01 00:00 +7)),
            // Filed a minute before the fiscal year began: another year's.
            fact(Kind::Complaint, Channel::Web, datetime!(2026-09-30 23:59 +7)),
        ];
        let report = Report::build(FY2570, &facts);
        assert_eq!(report.total, 3);
        assert_eq!(report.by_month[0], (time::macros::date!(2026 - 10 - 01), 2));
        assert_eq!(report.by_month[1].1, 1);
        assert_eq!(report.by_kind.iter().find(|(k, _)| *k == Kind::Complaint).unwrap().1, 2);
        assert_eq!(report.by_channel.iter().find(|(c, _)| *c == Channel::Telephone).unwrap().1, 1);
        assert_eq!(report.cells.len(), 2);
        assert_eq!((report.cells[0].kind, report.cells[0].count), (Kind::Complaint, 2));
        assert_eq!(report.cells.iter().map(|c| c.count).sum::<u64>(), report.total, "the cells add up");
    }

    #[test]
    fn reply_times_and_compliance_count_only_what_was_answered() {
        let filed = datetime!(2026-11-02 09:00 +7);
        let facts = [
            answered(fact(Kind::Request, Channel::Web, filed), 2, true),
            answered(fact(Kind::Request, Channel::Web, filed), 4, true),
            answered(fact(Kind::Request, Channel::Web, filed), 20, false),
            fact(Kind::Request, Channel::Web, filed),
        ];
        let report = Report::build(FY2570, &facts);
        assert_eq!(report.open, 1);
        assert_eq!(report.first_reply.n, 3);
        assert_eq!(report.first_reply.median_days, Some(4.0));
        assert!((report.first_reply.p90_days.unwrap() - 16.8).abs() < 1e-9, "4 + 0.8 × 16");
        assert_eq!(report.compliance, Compliance { answered: 3, met: 2 });
        assert!((report.compliance.percent().unwrap() - 66.666_666).abs() < 1e-3);
        assert_eq!(Report::build(FY2570, &[]).compliance.percent(), None, "no answers, no percentage");
    }
}
