//! The steps of a service: what happens, how long it takes and who does it,
//! with decision steps that branch; and the total time along the usual path.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::accounts::FieldError;

/// The unit a step's duration is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Minutes,
    Hours,
    WorkingDays,
    Days,
}

impl Unit {
    pub const ALL: [Self; 4] = [Self::Minutes, Self::Hours, Self::WorkingDays, Self::Days];

    pub fn code(self) -> &'static str {
        match self {
            Self::Minutes => "minutes",
            Self::Hours => "hours",
            Self::WorkingDays => "working_days",
            Self::Days => "days",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "" => Err(FieldError::Required),
            raw => Self::ALL.into_iter().find(|u| u.code() == raw).ok_or(FieldError::UnknownChoice),
        }
    }

    /// The longest duration a single step may take in this unit: a day of
    /// minutes, a month of hours, a year of days. More is a typing slip.
    pub fn max(self) -> u32 {
        match self {
            Self::Minutes => 1_440,
            Self::Hours => 720,
            Self::WorkingDays => 260,
            Self::Days => 365,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duration {
    pub value: u32,
    pub unit: Unit,
}

/// Where a step leads: another step, by its number from 1, or the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Step(u32),
    End,
}

impl Target {
    /// "end" or a step number; checked against the steps there are.
    pub fn parse(raw: &str, step_count: usize) -> Result<Self, FieldError> {
        match raw.trim() {
            "" => Err(FieldError::Required),
            "end" => Ok(Self::End),
            raw => {
                let number: u32 = raw.parse().map_err(|_| FieldError::UnknownChoice)?;
                let max = u32::try_from(step_count).unwrap_or(u32::MAX);
                if (1..=max).contains(&number) {
                    Ok(Self::Step(number))
                } else {
                    Err(FieldError::OutOfRange { min: 1, max })
                }
            }
        }
    }

    pub fn code(self) -> String {
        match self {
            Self::Step(number) => number.to_string(),
            Self::End => "end".to_owned(),
        }
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Step(number) => serializer.serialize_u32(*number),
            Self::End => serializer.serialize_str("end"),
        }
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Step(u32),
            Word(String),
        }
        match Repr::deserialize(deserializer)? {
            Repr::Step(number) => Ok(Self::Step(number)),
            Repr::Word(word) if word == "end" => Ok(Self::End),
            Repr::Word(word) => Err(serde::de::Error::custom(format!("not a step target: {word}"))),
        }
    }
}

/// How the work goes on after a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Flow {
    Task {
        then: Target,
    },
    /// A question answered yes or no, each answer leading somewhere.
    Decision {
        yes: Target,
        no: Target,
    },
}

impl Flow {
    /// Where the usual case goes: on from a task, "yes" from a decision.
    pub fn usual(self) -> Target {
        match self {
            Self::Task { then } => then,
            Self::Decision { yes, .. } => yes,
        }
    }

    pub fn targets(self) -> Vec<Target> {
        match self {
            Self::Task { then } => vec![then],
            Self::Decision { yes, no } => vec![yes, no],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub duration: Duration,
    #[serde(default)]
    pub responsible_unit: String,
    #[serde(flatten)]
    pub flow: Flow,
}

/// The total time of a service, as a person would add it up: minutes carry
/// into hours, while hours, working days and days stay apart because they
/// are not the same kind of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct TotalDuration {
    pub days: u32,
    pub working_days: u32,
    pub hours: u32,
    pub minutes: u32,
}

impl TotalDuration {
    fn add(&mut self, duration: Duration) {
        match duration.unit {
            Unit::Minutes => self.minutes += duration.value,
            Unit::Hours => self.hours += duration.value,
            Unit::WorkingDays => self.working_days += duration.value,
            Unit::Days => self.days += duration.value,
        }
        self.hours += self.minutes / 60;
        self.minutes %= 60;
    }

    /// The non-zero parts, largest unit first; "0 minutes" when all are zero.
    pub fn parts(&self) -> Vec<Duration> {
        let parts: Vec<Duration> = [
            (self.days, Unit::Days),
            (self.working_days, Unit::WorkingDays),
            (self.hours, Unit::Hours),
            (self.minutes, Unit::Minutes),
        ]
        .into_iter()
        .filter(|(value, _)| *value > 0)
        .map(|(value, unit)| Duration { value, unit })
        .collect();
        if parts.is_empty() { vec![Duration { value: 0, unit: Unit::Minutes }] } else { parts }
    }
}

/// Why the steps do not make a workable chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// Following the usual path comes back to this step (1-based) and never ends.
    Loop(u32),
    /// No path from the first step reaches this step (1-based).
    Unreachable(u32),
}

/// The step indexes (from 0) along the usual path, from the first step to the end.
pub fn usual_path(steps: &[Step]) -> Result<Vec<usize>, PathError> {
    let mut path = Vec::new();
    let mut next = if steps.is_empty() { Target::End } else { Target::Step(1) };
    while let Target::Step(number) = next {
        let index = number as usize - 1;
        if path.contains(&index) {
            return Err(PathError::Loop(number));
        }
        path.push(index);
        next = steps.get(index).map_or(Target::End, |s| s.flow.usual());
    }
    Ok(path)
}

/// The sum of the durations along the usual path: branches taken only when
/// something is missing or refused do not count towards the standard time.
pub fn total_duration(steps: &[Step]) -> Result<TotalDuration, PathError> {
    let mut total = TotalDuration::default();
    for index in usual_path(steps)? {
        total.add(steps[index].duration);
    }
    Ok(total)
}

/// Every step must be reachable from the first, along any branch.
pub fn check_reachable(steps: &[Step]) -> Result<(), PathError> {
    let mut seen = vec![false; steps.len()];
    let mut stack = vec![0_usize];
    while let Some(index) = stack.pop() {
        if index >= steps.len() || std::mem::replace(&mut seen[index], true) {
            continue;
        }
        for target in steps[index].flow.targets() {
            if let Target::Step(number) = target {
                stack.push(number as usize - 1);
            }
        }
    }
    match seen.iter().position(|s| !s) {
        Some(index) => Err(PathError::Unreachable(index as u32 + 1)),
        None => Ok(()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn task(title: &str, value: u32, unit: Unit, then: Target) -> Step {
        Step {
            title: title.to_owned(),
            description: String::new(),
            duration: Duration { value, unit },
            responsible_unit: String::new(),
            flow: Flow::Task { then },
        }
    }

    pub(crate) fn decision(title: &str, yes: Target, no: Target) -> Step {
        Step { flow: Flow::Decision { yes, no }, ..task(title, 10, Unit::Minutes, Target::End) }
    }

    /// Receive, check (missing papers: ask for them and stop), do, reply.
    pub(crate) fn with_a_refusal_branch() -> Vec<Step> {
        vec![
            task("รับคำขอ", 15, Unit::Minutes, Target::Step(2)),
            decision("เอกสารครบถ้วนหรือไม่", Target::Step(3), Target::Step(5)),
            task("ดำเนินการ", 2, Unit::WorkingDays, Target::Step(4)),
            task("แจ้งผล", 40, Unit::Minutes, Target::End),
            task("แจ้งให้ส่งเอกสารเพิ่ม", 1, Unit::Days, Target::End),
        ]
    }

    #[test]
    fn the_total_follows_the_usual_path_and_carries_minutes_into_hours() {
        let total = total_duration(&with_a_refusal_branch()).unwrap();
        assert_eq!(total, TotalDuration { days: 0, working_days: 2, hours: 1, minutes: 5 });
        assert_eq!(
            total.parts(),
            [
                Duration { value: 2, unit: Unit::WorkingDays },
                Duration { value: 1, unit: Unit::Hours },
                Duration { value: 5, unit: Unit::Minutes }
            ]
        );
        assert_eq!(total_duration(&[]).unwrap().parts(), [Duration { value: 0, unit: Unit::Minutes }]);
    }

    #[test]
    fn a_usual_path_that_comes_back_on_itself_is_a_loop() {
        let mut steps = with_a_refusal_branch();
        steps[3].flow = Flow::Task { then: Target::Step(2) };
        assert_eq!(total_duration(&steps), Err(PathError::Loop(2)));
    }

    #[test]
    fn a_branch_back_to_an_earlier_step_is_not_a_loop() {
        let mut steps = with_a_refusal_branch();
        steps[4].flow = Flow::Task { then: Target::Step(1) };
        assert!(total_duration(&steps).is_ok());
        assert_eq!(check_reachable(&steps), Ok(()));
    }

    #[test]
    fn a_step_no_branch_leads_to_is_unreachable() {
        let mut steps = with_a_refusal_branch();
        steps[1].flow = Flow::Task { then: Target::Step(3) };
        assert_eq!(check_reachable(&steps), Err(PathError::Unreachable(5)));
    }

    #[test]
    fn steps_are_stored_with_their_kind_and_targets() {
        let step = &with_a_refusal_branch()[1];
        let json = serde_json::to_string(step).unwrap();
        assert!(json.contains(r#""kind":"decision""#), "{json}");
        assert!(json.contains(r#""yes":3"#) && json.contains(r#""no":5"#), "{json}");
        assert_eq!(&serde_json::from_str::<Step>(&json).unwrap(), step);
        assert!(serde_json::from_str::<Target>(r#""later""#).is_err());
    }
}
