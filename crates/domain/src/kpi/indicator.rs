//! An indicator of a fiscal year's scorecard, as administrators define it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::decimal::Decimal;
use super::rules::Rule;
use super::score::{Direction, Scale};
use crate::accounts::{FieldError, NamedErrors};
use crate::text::Text;

/// Who a line of the sheet names: a position (never a person's name in
/// the product's own data) and an office phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Contact {
    pub position_th: String,
    pub position_en: String,
    pub phone: String,
}

/// One step of a milestone indicator: what it asks, and how it is judged —
/// by a rule over the live facts, or (without a rule) by the director's
/// sign-off alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub criterion_th: String,
    pub criterion_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
}

/// Where a range indicator's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measured {
    /// Entered by a collector per reporting round, with evidence.
    Entered,
    /// Share of the year's answered submissions answered within the service's target.
    AnsweredInTimePct,
    /// Share of the year's five-point answers of 4 or 5.
    SatisfiedPct,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Kind {
    Milestone {
        steps: Vec<Step>,
        /// Thresholds of the steps' rules that differ from the defaults.
        #[serde(default)]
        settings: BTreeMap<String, Decimal>,
    },
    Range {
        /// The values for levels 1, 2 … of the scale.
        targets: Vec<Decimal>,
        direction: Direction,
        /// What a value short of the level-1 target scores: 0, or 1 where the sheet says so.
        #[serde(default)]
        short_of_first: Decimal,
        measured: Measured,
        #[serde(default)]
        unit_th: String,
        #[serde(default)]
        unit_en: String,
    },
}

impl Kind {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Milestone { .. } => "milestone",
            Self::Range { .. } => "range",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    #[serde(default)]
    pub description_th: String,
    #[serde(default)]
    pub description_en: String,
    /// Percent of the scorecard.
    pub weight: Decimal,
    #[serde(flatten)]
    pub kind: Kind,
    /// ผู้กำกับดูแลตัวชี้วัด
    #[serde(default)]
    pub supervisor: Contact,
    /// ผู้จัดเก็บข้อมูล
    #[serde(default)]
    pub collectors: Vec<Contact>,
    /// แหล่งข้อมูล
    #[serde(default)]
    pub source_th: String,
    #[serde(default)]
    pub source_en: String,
    /// Print figures in Thai digits (๑๒๓), as the seed sheet does.
    #[serde(default)]
    pub thai_digits: bool,
}

const CODE_MAX: usize = 20;
const NAME_MAX: usize = 300;
const TEXT_MAX: usize = 5_000;

impl Indicator {
    /// A setting of a milestone indicator's rules: the stored value, else
    /// the rule's default; `None` for a name no step's rule has.
    pub fn setting(&self, name: &str) -> Option<Decimal> {
        let Kind::Milestone { steps, settings } = &self.kind else { return None };
        let default = steps.iter().filter_map(|s| s.rule).find_map(|rule| rule.default_setting(name))?;
        Some(settings.get(name).copied().unwrap_or(default))
    }

    /// Every setting the steps' rules read, with its value in force.
    pub fn settings(&self) -> Vec<(&'static str, Decimal)> {
        let Kind::Milestone { steps, .. } = &self.kind else { return Vec::new() };
        let names =
            steps.iter().filter_map(|s| s.rule).flat_map(|rule| rule.settings().into_iter().map(|(n, _)| n));
        names.filter_map(|name| Some((name, self.setting(name)?))).collect()
    }

    /// What is wrong with the definition on `scale`, field by field.
    pub fn check(&self, scale: Scale) -> Result<(), NamedErrors> {
        let mut errors = NamedErrors::new();
        let mut field = |name: &str, error: Option<FieldError>| {
            if let Some(error) = error {
                errors.push((name.to_owned(), error));
            }
        };
        field("code", code_error(&self.code));
        field("name_th", text_error(&self.name_th, NAME_MAX, true));
        field("name_en", text_error(&self.name_en, NAME_MAX, true));
        field("description_th", text_error(&self.description_th, TEXT_MAX, false));
        field("description_en", text_error(&self.description_en, TEXT_MAX, false));
        let hundred = Decimal::from_int(100);
        if self.weight < Decimal::ZERO || self.weight > hundred {
            field("weight", Some(FieldError::OutOfRange { min: 0, max: 100 }));
        }
        let levels = usize::from(scale.levels);
        match &self.kind {
            Kind::Milestone { steps, settings } => {
                if steps.is_empty() || steps.len() > levels {
                    field("steps", Some(FieldError::OutOfRange { min: 1, max: u32::from(scale.levels) }));
                }
                for (index, step) in steps.iter().enumerate() {
                    field(
                        &format!("steps.{}.criterion_th", index + 1),
                        text_error(&step.criterion_th, TEXT_MAX, true),
                    );
                    field(
                        &format!("steps.{}.criterion_en", index + 1),
                        text_error(&step.criterion_en, TEXT_MAX, false),
                    );
                }
                for (name, value) in settings {
                    let rule =
                        steps.iter().filter_map(|s| s.rule).find(|r| r.default_setting(name).is_some());
                    let error = match rule {
                        None => Some(FieldError::UnknownField),
                        Some(rule) => rule.setting_error(name, *value),
                    };
                    field(&format!("settings.{name}"), error);
                }
            }
            Kind::Range { targets, direction, short_of_first, .. } => {
                if targets.len() != levels {
                    let n = u32::from(scale.levels);
                    field("targets", Some(FieldError::OutOfRange { min: n, max: n }));
                } else if !monotonic(targets, *direction) {
                    field("targets", Some(FieldError::NotMonotonic));
                }
                if *short_of_first != Decimal::ZERO && *short_of_first != Decimal::from_int(1) {
                    field("short_of_first", Some(FieldError::OutOfRange { min: 0, max: 1 }));
                }
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// Strictly rising or strictly falling, as `direction` says.
fn monotonic(targets: &[Decimal], direction: Direction) -> bool {
    targets.windows(2).all(|pair| match direction {
        Direction::Rising => pair[0] < pair[1],
        Direction::Falling => pair[0] > pair[1],
    })
}

/// Codes as agencies number indicators: `4`, `2.1`, `KPI-4`.
fn code_error(code: &str) -> Option<FieldError> {
    if code.is_empty() {
        return Some(FieldError::Required);
    }
    if code.chars().count() > CODE_MAX {
        return Some(FieldError::TooLong { max: CODE_MAX });
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    (!code.chars().all(allowed)).then_some(FieldError::InvalidDocumentCode)
}

fn text_error(text: &str, max: usize, required: bool) -> Option<FieldError> {
    match Text::paragraphs(text, max) {
        Err(FieldError::Required) if !required => None,
        outcome => outcome.err(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(targets: [&str; 5], direction: Direction) -> Indicator {
        let mut indicator = super::super::indicator4::definition();
        indicator.code = "2.1".into();
        indicator.kind = Kind::Range {
            targets: targets.iter().map(|t| Decimal::parse(t).unwrap()).collect(),
            direction,
            short_of_first: Decimal::ZERO,
            measured: Measured::SatisfiedPct,
            unit_th: "ร้อยละ".into(),
            unit_en: "%".into(),
        };
        indicator
    }

    fn refused(indicator: &Indicator) -> Vec<(String, FieldError)> {
        indicator.check(Scale::default()).err().unwrap_or_default()
    }

    #[test]
    fn targets_must_run_one_way_and_fill_the_scale() {
        assert_eq!(refused(&range(["60", "65", "70", "75", "80"], Direction::Rising)), []);
        assert_eq!(refused(&range(["15", "12", "9", "6", "3"], Direction::Falling)), []);
        let flat = refused(&range(["60", "65", "65", "75", "80"], Direction::Rising));
        assert_eq!(flat, [("targets".to_owned(), FieldError::NotMonotonic)]);
        let backwards = refused(&range(["60", "65", "70", "75", "80"], Direction::Falling));
        assert_eq!(backwards, [("targets".to_owned(), FieldError::NotMonotonic)]);
        let mut four_targets = range(["60", "65", "70", "75", "80"], Direction::Rising);
        if let Kind::Range { targets, .. } = &mut four_targets.kind {
            targets.pop();
        }
        assert_eq!(
            refused(&four_targets),
            [("targets".to_owned(), FieldError::OutOfRange { min: 5, max: 5 })]
        );
    }

    #[test]
    fn weights_codes_and_names_are_checked() {
        let mut indicator = range(["60", "65", "70", "75", "80"], Direction::Rising);
        indicator.weight = Decimal::from_int(101);
        indicator.code = "4 a".into();
        indicator.name_th = " ".into();
        let names: Vec<String> = refused(&indicator).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["code", "name_th", "weight"]);
        indicator.weight = Decimal::from_int(-1);
        assert!(
            refused(&indicator).contains(&("weight".to_owned(), FieldError::OutOfRange { min: 0, max: 100 }))
        );
    }

    #[test]
    fn a_definition_reads_back_from_its_json() {
        let four = super::super::indicator4::definition();
        let json = serde_json::to_value(&four).unwrap();
        assert_eq!(json["kind"], "milestone");
        assert_eq!(json["weight"], 25);
        assert_eq!(json["steps"][0]["rule"], "channels");
        assert_eq!(serde_json::from_value::<Indicator>(json).unwrap(), four);
    }
}
