//! A fiscal year's scorecard evaluated on a day: each indicator's steps or
//! value, its score on the year's scale, and the composite.

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime};

use super::decimal::Decimal;
use super::indicator::{Indicator, Kind};
use super::rules::Rule;
use super::score::{Scale, Weighted, composite, milestone_level, range_level};
use super::verdict::{Gap, Verdict};
use crate::accounts::FieldError;
use crate::calendar::FiscalYear;

/// A reporting round: 6, 9 or 12 months into the fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Round {
    Six,
    Nine,
    Twelve,
}

impl Round {
    pub const ALL: [Round; 3] = [Self::Six, Self::Nine, Self::Twelve];

    pub fn months(self) -> u8 {
        match self {
            Self::Six => 6,
            Self::Nine => 9,
            Self::Twelve => 12,
        }
    }

    pub fn parse(months: &str) -> Result<Self, FieldError> {
        let months: u8 = months.trim().parse().map_err(|_| FieldError::UnknownChoice)?;
        Self::try_from(months)
    }

    /// The round being reported on `day`: the first that has not closed
    /// yet, or the last one once the year is over.
    pub fn reporting_on(year: FiscalYear, day: Date) -> Self {
        Self::ALL.into_iter().find(|r| day <= r.closes_on(year)).unwrap_or(Self::Twelve)
    }

    /// The day the round closes: 31 March, 30 June or 30 September.
    pub fn closes_on(self, year: FiscalYear) -> Date {
        let last_day = year.next().first_day().previous_day().unwrap_or(Date::MIN);
        let (month, day) = match self {
            Self::Six => (Month::March, 31),
            Self::Nine => (Month::June, 30),
            Self::Twelve => (Month::September, 30),
        };
        Date::from_calendar_date(last_day.year(), month, day).unwrap_or(last_day)
    }
}

impl TryFrom<u8> for Round {
    type Error = FieldError;

    fn try_from(months: u8) -> Result<Self, FieldError> {
        match months {
            6 => Ok(Self::Six),
            9 => Ok(Self::Nine),
            12 => Ok(Self::Twelve),
            _ => Err(FieldError::UnknownChoice),
        }
    }
}

impl From<Round> for u8 {
    fn from(round: Round) -> u8 {
        round.months()
    }
}

/// A file a value or a sign-off rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceFile {
    pub id: i64,
    pub name: String,
}

/// The director's judgement of a step. It overrides the step's rule, and
/// always says why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignOff {
    pub met: bool,
    pub reason: String,
    pub by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The evidence files the director gave with it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<EvidenceFile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JudgedBy {
    Rule,
    SignOff,
}

/// One step of a milestone indicator, judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepResult {
    pub number: u8,
    pub met: bool,
    pub judged_by: JudgedBy,
    /// What the rule found (facts, evidence, gaps), even where a sign-off
    /// decided the step: the reader sees both.
    #[serde(flatten)]
    pub verdict: Verdict,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<SignOff>,
}

impl StepResult {
    /// A sign-off decides the step when there is one; else the rule; a step
    /// without either waits for its sign-off.
    pub fn decide(
        number: u8,
        rule: Option<Rule>,
        verdict: Option<Verdict>,
        sign_off: Option<SignOff>,
    ) -> Self {
        let verdict =
            verdict.unwrap_or_else(|| Verdict::of(Vec::new(), vec![Gap::AwaitsSignOff], Vec::new()));
        let (met, judged_by) = match &sign_off {
            Some(s) => (s.met, JudgedBy::SignOff),
            None => (verdict.met, JudgedBy::Rule),
        };
        Self { number, met, judged_by, verdict, rule, sign_off }
    }

    /// A sign-off that says otherwise than the rule.
    pub fn overrides_rule(&self) -> bool {
        self.sign_off.as_ref().is_some_and(|s| self.rule.is_some() && s.met != self.verdict.met)
    }
}

/// The evaluating committee's score of an indicator for a round: the
/// second column of the evaluation form, beside the Center's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub round: Round,
    pub score: Decimal,
    pub note: String,
    pub by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl Assessment {
    /// A committee's score, which lies on the year's scale.
    pub fn check_score(scale: Scale, score: Decimal) -> Result<Decimal, FieldError> {
        if score < Decimal::ZERO || score > scale.top {
            let max = u32::try_from(scale.top.ten_thousandths() / 10_000).unwrap_or(u32::MAX);
            return Err(FieldError::OutOfRange { min: 0, max });
        }
        Ok(score)
    }
}

/// An indicator of the scorecard, evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorResult {
    pub indicator: Indicator,
    pub score: Decimal,
    /// A milestone indicator's level.
    pub level: Option<u8>,
    /// A range indicator's measured value, when there is one.
    pub value: Option<Decimal>,
    /// The evidence files of an entered value.
    pub value_files: Vec<EvidenceFile>,
    pub steps: Vec<StepResult>,
    /// The committee's newest assessment, once there is one.
    pub committee: Option<Assessment>,
}

impl IndicatorResult {
    pub fn milestone(indicator: Indicator, scale: Scale, steps: Vec<StepResult>) -> Self {
        let met: Vec<bool> = steps.iter().map(|s| s.met).collect();
        let level = milestone_level(&met);
        let score = scale.score_of_level(Decimal::from_int(i64::from(level)));
        Self {
            indicator,
            score,
            level: Some(level),
            value: None,
            value_files: Vec::new(),
            steps,
            committee: None,
        }
    }

    /// Scores 0 while nothing is measured.
    pub fn range(indicator: Indicator, scale: Scale, value: Option<Decimal>) -> Self {
        let score = match (&indicator.kind, value) {
            (Kind::Range { targets, direction, short_of_first, .. }, Some(v)) => {
                scale.score_of_level(range_level(targets, *direction, *short_of_first, v))
            }
            _ => Decimal::ZERO,
        };
        Self {
            indicator,
            score,
            level: None,
            value,
            value_files: Vec::new(),
            steps: Vec::new(),
            committee: None,
        }
    }

    /// What the indicator adds to the composite: score × weight ⁄ 100.
    pub fn weighted(&self) -> Weighted {
        Weighted { weight: self.indicator.weight, score: self.score }
    }

    /// The first step not met: what blocks the next level.
    pub fn blocking_step(&self) -> Option<&StepResult> {
        self.steps.iter().find(|s| !s.met)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub fiscal_year: FiscalYear,
    pub as_of: Date,
    pub scale: Scale,
    pub indicators: Vec<IndicatorResult>,
}

impl Evaluation {
    pub fn composite(&self) -> Option<Decimal> {
        composite(&self.indicators.iter().map(IndicatorResult::weighted).collect::<Vec<_>>())
    }

    /// The composite of the committee's scores, once it has assessed every
    /// indicator: a partial one would compare unlike with unlike.
    pub fn committee_composite(&self) -> Option<Decimal> {
        let lines: Option<Vec<Weighted>> = self
            .indicators
            .iter()
            .map(|i| i.committee.as_ref().map(|a| Weighted { weight: i.indicator.weight, score: a.score }))
            .collect();
        composite(&lines?)
    }

    /// The sum of the weights, which should be 100 and is shown when it is not.
    pub fn weights(&self) -> Decimal {
        let sum = self.indicators.iter().map(|i| i.indicator.weight.ten_thousandths()).sum();
        Decimal::from_ten_thousandths(sum)
    }

    pub fn weights_add_up(&self) -> bool {
        self.weights() == Decimal::from_int(100)
    }

    pub fn indicator(&self, code: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.indicator.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::indicator4;

    fn step(number: u8, met: bool) -> StepResult {
        let gaps = if met { Vec::new() } else { vec![Gap::NoSurvey] };
        StepResult::decide(
            number,
            Some(Rule::Satisfaction),
            Some(Verdict::of(Vec::new(), gaps, Vec::new())),
            None,
        )
    }

    fn sign_off(met: bool) -> SignOff {
        SignOff {
            met,
            reason: "ตรวจเอกสารแล้ว".into(),
            by: "ผู้อำนวยการ".into(),
            at: OffsetDateTime::UNIX_EPOCH,
            files: Vec::new(),
        }
    }

    #[test]
    fn rounds_close_at_the_end_of_march_june_and_september() {
        let year = FiscalYear::from_be(2570);
        let closes = Round::ALL.map(|r| r.closes_on(year).to_string());
        assert_eq!(closes, ["2027-03-31", "2027-06-30", "2027-09-30"]);
        assert_eq!(Round::parse("9"), Ok(Round::Nine));
        assert_eq!(Round::parse("3"), Err(FieldError::UnknownChoice));
        assert_eq!(Round::parse("six"), Err(FieldError::UnknownChoice));
    }

    #[test]
    fn the_round_reported_is_the_first_still_open() {
        let year = FiscalYear::from_be(2570);
        let on = |y, m, d| Round::reporting_on(year, Date::from_calendar_date(y, m, d).unwrap());
        assert_eq!(on(2026, Month::October, 1), Round::Six);
        assert_eq!(on(2027, Month::March, 31), Round::Six);
        assert_eq!(on(2027, Month::April, 1), Round::Nine);
        assert_eq!(on(2027, Month::September, 30), Round::Twelve);
        assert_eq!(on(2027, Month::December, 1), Round::Twelve, "after the year, its last round");
    }

    #[test]
    fn a_sign_off_decides_and_shows_that_it_overrides_the_rule() {
        let overridden = StepResult::decide(
            1,
            Some(Rule::Channels),
            Some(Verdict::of(Vec::new(), vec![Gap::NothingAnswered], Vec::new())),
            Some(sign_off(true)),
        );
        assert!(overridden.met && overridden.judged_by == JudgedBy::SignOff && overridden.overrides_rule());
        assert_eq!(overridden.verdict.missing, [Gap::NothingAnswered], "the rule's finding stays visible");
        let manual = StepResult::decide(2, None, None, None);
        assert!(!manual.met);
        assert_eq!(manual.verdict.missing, [Gap::AwaitsSignOff]);
        assert!(StepResult::decide(2, None, None, Some(sign_off(true))).met);
    }

    #[test]
    fn indicator_4_scores_its_level_and_weighs_a_quarter() {
        let steps = vec![step(1, true), step(2, true), step(3, true), step(4, true), step(5, false)];
        let four = IndicatorResult::milestone(indicator4::definition(), Scale::default(), steps);
        assert_eq!((four.level, four.score.trimmed()), (Some(4), "4".to_owned()));
        assert_eq!(four.weighted().points().trimmed(), "1");
        assert_eq!(four.blocking_step().map(|s| s.number), Some(5));
        let year = Evaluation {
            fiscal_year: FiscalYear::from_be(2570),
            as_of: Date::from_calendar_date(2027, Month::March, 31).unwrap(),
            scale: Scale::default(),
            indicators: vec![four],
        };
        assert_eq!(year.composite().map(Decimal::trimmed), Some("4".to_owned()));
        assert!(!year.weights_add_up(), "25 of 100");
    }

    fn assessed(weight: &str, score: &str) -> IndicatorResult {
        let mut indicator = indicator4::definition();
        indicator.weight = Decimal::parse(weight).unwrap();
        let mut result = IndicatorResult::range(indicator, Scale::default(), None);
        result.committee = Some(Assessment {
            round: Round::Six,
            score: Decimal::parse(score).unwrap(),
            note: String::new(),
            by: "คณะกรรมการ".into(),
            at: OffsetDateTime::UNIX_EPOCH,
        });
        result
    }

    #[test]
    fn the_committee_composite_waits_for_every_indicator_and_weighs_as_the_centre_s() {
        let mut year = Evaluation {
            fiscal_year: FiscalYear::from_be(2570),
            as_of: Date::from_calendar_date(2027, Month::March, 31).unwrap(),
            scale: Scale::default(),
            indicators: vec![assessed("25", "4"), assessed("75", "3.5")],
        };
        // (25 × 4 + 75 × 3.5) ⁄ 100 = 3.625.
        assert_eq!(year.committee_composite().map(Decimal::trimmed), Some("3.625".to_owned()));
        assert_eq!(
            year.composite().map(Decimal::trimmed),
            Some("0".to_owned()),
            "the Center measured nothing"
        );
        year.indicators[1].committee = None;
        assert_eq!(year.committee_composite(), None);
    }

    #[test]
    fn a_committee_score_lies_on_the_year_s_scale() {
        let d = |s| Decimal::parse(s).unwrap();
        let five = Scale::default();
        assert_eq!(Assessment::check_score(five, d("4.5")), Ok(d("4.5")));
        assert_eq!(Assessment::check_score(five, d("0")), Ok(d("0")));
        assert_eq!(
            Assessment::check_score(five, d("5.0001")),
            Err(FieldError::OutOfRange { min: 0, max: 5 })
        );
        assert_eq!(Assessment::check_score(five, d("-1")), Err(FieldError::OutOfRange { min: 0, max: 5 }));
        let hundred = Scale { levels: 4, top: d("100") };
        assert_eq!(Assessment::check_score(hundred, d("87.5")), Ok(d("87.5")));
    }
}
