//! Improvement actions: what will change because of a weak item, a weak
//! dimension or a dissatisfied comment, who does it and by when, tracked to
//! done; and the service standards they are measured against.

use time::Date;

use crate::accounts::FieldError;
use crate::catalog::{Code, Name};
use crate::participation::consultation::parse_date;
use crate::participation::submission::{FieldErrors, check, optional};
use crate::text::Text;

pub const WHAT_MAX_CHARS: usize = 2_000;
pub const PUBLIC_TEXT_MAX_CHARS: usize = 2_000;

/// What an action answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A five-point item, by its code.
    Item,
    /// A dimension, by its code.
    Dimension,
    /// A dissatisfied respondent's comment, by the response's id.
    Comment,
}

impl Source {
    pub const ALL: [Self; 3] = [Self::Item, Self::Dimension, Self::Comment];

    pub fn code(self) -> &'static str {
        match self {
            Self::Item => "item",
            Self::Dimension => "dimension",
            Self::Comment => "comment",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|s| s.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [Self; 3] = [Self::Planned, Self::InProgress, Self::Done];

    pub fn code(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in-progress",
            Self::Done => "done",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "" => Ok(Self::default()),
            raw => Self::ALL.into_iter().find(|s| s.code() == raw).ok_or(FieldError::UnknownChoice),
        }
    }
}

/// An action as typed.
#[derive(Debug, Clone, Default)]
pub struct ImprovementInput {
    pub source: String,
    pub source_ref: String,
    pub service: String,
    pub what: String,
    pub owner: String,
    pub division: String,
    pub due_on: String,
    pub status: String,
    /// 0–100.
    pub progress: String,
    /// What the public page says, in staff's own words; empty keeps it internal.
    pub public_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewImprovement {
    pub source: Source,
    pub source_ref: String,
    pub service: Option<Code>,
    pub what: Text,
    pub owner: Name,
    pub division: Option<Code>,
    pub due_on: Date,
    pub status: ActionStatus,
    pub progress: u8,
    pub public_text: Option<Text>,
}

impl ImprovementInput {
    pub fn parse(&self) -> Result<NewImprovement, FieldErrors> {
        let mut errors = FieldErrors::new();
        let source = check(&mut errors, "source", Source::parse(&self.source));
        let source_ref = check(&mut errors, "source_ref", reference(&self.source_ref));
        let service = check(&mut errors, "service", optional(&self.service, code));
        let what = check(&mut errors, "what", Text::paragraphs(&self.what, WHAT_MAX_CHARS));
        let owner = check(&mut errors, "owner", Name::parse(&self.owner));
        let division = check(&mut errors, "division", optional(&self.division, code));
        let due_on = check(&mut errors, "due_on", parse_date(&self.due_on));
        let status = check(&mut errors, "status", ActionStatus::parse(&self.status));
        let progress = check(&mut errors, "progress", percent(&self.progress));
        let public_text = check(
            &mut errors,
            "public_text",
            optional(&self.public_text, |t| Text::paragraphs(t, PUBLIC_TEXT_MAX_CHARS)),
        );
        match (source, source_ref, service, what, owner, division, due_on, status, progress, public_text) {
            (
                Some(source),
                Some(source_ref),
                Some(service),
                Some(what),
                Some(owner),
                Some(division),
                Some(due_on),
                Some(status),
                Some(progress),
                Some(public_text),
            ) if errors.is_empty() => {
                // Done is done: the progress says so whatever was typed.
                let progress = if status == ActionStatus::Done { 100 } else { progress };
                Ok(NewImprovement {
                    source,
                    source_ref,
                    service,
                    what,
                    owner,
                    division,
                    due_on,
                    status,
                    progress,
                    public_text,
                })
            }
            _ => Err(errors),
        }
    }
}

fn code(raw: &str) -> Result<Code, FieldError> {
    Code::parse(raw).map_err(|_| FieldError::UnknownChoice)
}

fn reference(raw: &str) -> Result<String, FieldError> {
    let raw = raw.trim();
    let valid =
        !raw.is_empty() && raw.len() <= 60 && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if valid { Ok(raw.to_owned()) } else { Err(FieldError::Required) }
}

fn percent(raw: &str) -> Result<u8, FieldError> {
    let out_of_range = FieldError::OutOfRange { min: 0, max: 100 };
    match raw.trim() {
        "" => Ok(0),
        raw => raw.parse::<u8>().ok().filter(|p| *p <= 100).ok_or(out_of_range),
    }
}

/// A service's standard for a fiscal year, in tenths of a percent and days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standard {
    /// At least this share of answers 4–5, in ‰ (850 = 85.0 %).
    pub satisfied_min_permille: Option<u16>,
    /// At most this share of answers 1–2, in ‰.
    pub dissatisfied_max_permille: Option<u16>,
    /// Resolved within this many days (median).
    pub resolution_days: Option<u16>,
}

#[derive(Debug, Clone, Default)]
pub struct StandardInput {
    pub satisfied_min_pct: String,
    pub dissatisfied_max_pct: String,
    pub resolution_days: String,
}

impl StandardInput {
    pub fn parse(&self) -> Result<Standard, FieldErrors> {
        let mut errors = FieldErrors::new();
        let satisfied = check(&mut errors, "satisfied_min_pct", permille(&self.satisfied_min_pct));
        let dissatisfied = check(&mut errors, "dissatisfied_max_pct", permille(&self.dissatisfied_max_pct));
        let days = check(&mut errors, "resolution_days", days(&self.resolution_days));
        match (satisfied, dissatisfied, days) {
            (Some(satisfied_min_permille), Some(dissatisfied_max_permille), Some(resolution_days))
                if errors.is_empty() =>
            {
                Ok(Standard { satisfied_min_permille, dissatisfied_max_permille, resolution_days })
            }
            _ => Err(errors),
        }
    }
}

/// A percentage as typed (`85`, `85.5`, `85,5`), in tenths.
fn permille(raw: &str) -> Result<Option<u16>, FieldError> {
    let raw = raw.trim().trim_end_matches('%').replace(',', ".");
    if raw.is_empty() {
        return Ok(None);
    }
    let value: f64 = raw.parse().map_err(|_| FieldError::NotANumber)?;
    if !(0.0..=100.0).contains(&value) {
        return Err(FieldError::OutOfRange { min: 0, max: 100 });
    }
    Ok(Some((value * 10.0).round() as u16))
}

fn days(raw: &str) -> Result<Option<u16>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        raw => raw
            .parse::<u16>()
            .ok()
            .filter(|d| (1..=365).contains(d))
            .map(Some)
            .ok_or(FieldError::OutOfRange { min: 1, max: 365 }),
    }
}

/// Whether a measured value meets its target: `None` when either is unknown.
/// What was measured of a service in a fiscal year, beside its standard.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Measured {
    /// Share of five-point answers that were 4 or 5, in %.
    pub satisfied_pct: Option<f64>,
    /// Share that were 1 or 2, in %.
    pub dissatisfied_pct: Option<f64>,
    /// Submissions answered within the reply target, of those answered, in %.
    pub in_time_pct: Option<f64>,
    pub median_resolution_days: Option<f64>,
}

/// Whether each target of a standard is met; `None` where there is no
/// target or nothing was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdicts {
    pub satisfied: Option<bool>,
    pub dissatisfied: Option<bool>,
    pub resolution: Option<bool>,
}

impl Standard {
    pub fn verdicts(&self, measured: &Measured) -> Verdicts {
        let pct = |permille: Option<u16>| permille.map(|p| f64::from(p) / 10.0);
        Verdicts {
            satisfied: meets_minimum(measured.satisfied_pct, pct(self.satisfied_min_permille)),
            dissatisfied: meets_maximum(measured.dissatisfied_pct, pct(self.dissatisfied_max_permille)),
            resolution: meets_maximum(measured.median_resolution_days, self.resolution_days.map(f64::from)),
        }
    }
}

pub fn meets_minimum(measured: Option<f64>, target: Option<f64>) -> Option<bool> {
    Some(measured? >= target?)
}

pub fn meets_maximum(measured: Option<f64>, target: Option<f64>) -> Option<bool> {
    Some(measured? <= target?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_standard_is_met_target_by_target_and_unjudged_without_a_measure() {
        let standard = Standard {
            satisfied_min_permille: Some(850),
            dissatisfied_max_permille: Some(50),
            resolution_days: None,
        };
        let measured =
            Measured { satisfied_pct: Some(85.0), dissatisfied_pct: Some(5.1), ..Measured::default() };
        let verdicts = standard.verdicts(&measured);
        assert_eq!(verdicts, Verdicts { satisfied: Some(true), dissatisfied: Some(false), resolution: None });
        assert_eq!(
            standard.verdicts(&Measured::default()).satisfied,
            None,
            "nothing measured, nothing judged"
        );
    }

    fn action() -> ImprovementInput {
        ImprovementInput {
            source: "item".into(),
            source_ref: "process-2".into(),
            service: "video-conference".into(),
            what: "ทดสอบระบบก่อนประชุม 60 นาที และแจ้งผู้ใช้เมื่อพร้อม".into(),
            owner: "ส่วนเทคโนโลยีการสื่อสาร".into(),
            due_on: "2027-03-31".into(),
            progress: "40".into(),
            ..ImprovementInput::default()
        }
    }

    #[test]
    fn an_action_answers_an_item_and_done_means_all_the_way() {
        let planned = action().parse().unwrap();
        assert_eq!(
            (planned.source, planned.status, planned.progress),
            (Source::Item, ActionStatus::Planned, 40)
        );
        assert_eq!(planned.public_text, None, "internal unless staff write the public words");
        let done = ImprovementInput { status: "done".into(), ..action() }.parse().unwrap();
        assert_eq!(done.progress, 100);
    }

    #[test]
    fn an_action_names_each_wrong_field() {
        let wrong = ImprovementInput {
            source: "rumour".into(),
            progress: "140".into(),
            due_on: "soon".into(),
            ..action()
        };
        let fields: Vec<_> = wrong.parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["source", "due_on", "progress"]);
    }

    #[test]
    fn standards_read_percentages_as_typed_and_judge_both_ways() {
        let standard = StandardInput {
            satisfied_min_pct: "85,5".into(),
            dissatisfied_max_pct: "5%".into(),
            resolution_days: "15".into(),
        }
        .parse()
        .unwrap();
        assert_eq!(
            standard,
            Standard {
                satisfied_min_permille: Some(855),
                dissatisfied_max_permille: Some(50),
                resolution_days: Some(15)
            }
        );
        assert_eq!(meets_minimum(Some(86.0), Some(85.5)), Some(true));
        assert_eq!(meets_maximum(Some(6.2), Some(5.0)), Some(false));
        assert_eq!(meets_minimum(None, Some(85.0)), None);
        let wrong = StandardInput {
            satisfied_min_pct: "120".into(),
            resolution_days: "0".into(),
            ..StandardInput::default()
        };
        let fields: Vec<_> = wrong.parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["satisfied_min_pct", "resolution_days"]);
    }
}
