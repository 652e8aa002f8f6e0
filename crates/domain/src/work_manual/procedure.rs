//! The procedure of a work manual: steps of the standard flowchart kinds,
//! where each leads, and its time against what the public was promised.

use serde::{Deserialize, Serialize};

use crate::accounts::FieldError;
use crate::manual::{
    Duration, Flow, PathError, Step, Target, TotalDuration, Unit, check_reachable, total_duration, usual_path,
};

/// The flowchart symbol of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// The rounded terminator where the work begins.
    Start,
    Process,
    /// A question answered yes or no.
    Decision,
    /// A document produced or received.
    Document,
    /// The rounded terminator where the work ends.
    End,
}

impl StepKind {
    pub const ALL: [Self; 5] = [Self::Start, Self::Process, Self::Decision, Self::Document, Self::End];

    pub fn code(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Process => "process",
            Self::Decision => "decision",
            Self::Document => "document",
            Self::End => "end",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "" => Ok(Self::Process),
            raw => Self::ALL.into_iter().find(|k| k.code() == raw).ok_or(FieldError::UnknownChoice),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkStep {
    pub title: String,
    #[serde(default)]
    pub detail: String,
    pub kind: StepKind,
    /// The role or position that does the step.
    #[serde(default)]
    pub responsible: String,
    pub duration: Duration,
    /// The quality standard or control point of the step.
    #[serde(default)]
    pub standard: String,
    /// The forms and documents the step uses or produces.
    #[serde(default)]
    pub forms: String,
    /// Where the work goes next: the following step, the end, or a
    /// decision's two answers.
    pub next: Flow,
}

impl WorkStep {
    /// The step as the citizen manual's path rules see it.
    fn as_path_step(&self) -> Step {
        Step {
            title: String::new(),
            description: String::new(),
            duration: self.duration,
            responsible_unit: String::new(),
            flow: self.next,
        }
    }
}

fn path_steps(steps: &[WorkStep]) -> Vec<Step> {
    steps.iter().map(WorkStep::as_path_step).collect()
}

pub(super) fn total(steps: &[WorkStep]) -> TotalDuration {
    // Parsing refuses a procedure that never ends, so a stored one has a total.
    total_duration(&path_steps(steps)).unwrap_or_default()
}

/// Why the steps do not make a workable procedure, as a step number and a reason.
pub(super) fn check(steps: &[WorkStep]) -> Result<(), (u32, FieldError)> {
    let path = path_steps(steps);
    let named = |e| match e {
        PathError::Loop(n) => (n, FieldError::StepLoop),
        PathError::Unreachable(n) => (n, FieldError::Unreachable),
    };
    // The usual case (each decision's "yes") must end, or the procedure has no standard time.
    usual_path(&path).map_err(named)?;
    check_reachable(&path).map_err(named)?;
    match steps_that_never_end(steps).first() {
        Some(&number) => Err((number, FieldError::StepLoop)),
        None => Ok(()),
    }
}

/// The steps (numbered from 1) from which no branch ever reaches the end:
/// a cycle the work cannot leave. A loop back for a correction is fine as
/// long as one answer leads on.
fn steps_that_never_end(steps: &[WorkStep]) -> Vec<u32> {
    let mut ends = vec![false; steps.len()];
    loop {
        let mut changed = false;
        for (i, step) in steps.iter().enumerate() {
            if !ends[i]
                && step.next.targets().into_iter().any(|t| match t {
                    Target::End => true,
                    Target::Step(n) => ends.get(n as usize - 1).copied().unwrap_or(false),
                })
            {
                ends[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    (0..steps.len()).filter(|&i| !ends[i]).map(|i| i as u32 + 1).collect()
}

/// Minutes of working time in a duration, to compare totals made of
/// different units: a working day is the civil service's seven hours
/// (08:30–16:30 less lunch), and seven calendar days hold five working days.
fn working_minutes(total: TotalDuration) -> u64 {
    const DAY: u64 = 7 * 60;
    let calendar_days = u64::from(total.days) * DAY * 5 / 7;
    calendar_days
        + u64::from(total.working_days) * DAY
        + u64::from(total.hours) * 60
        + u64::from(total.minutes)
}

/// The staff procedure's time beside what the citizen manual promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Promise {
    pub procedure: TotalDuration,
    pub promised: TotalDuration,
    /// The staff take longer than the public was told: a warning, not a refusal.
    pub exceeded: bool,
}

pub fn promise(procedure: TotalDuration, promised: TotalDuration) -> Promise {
    Promise { procedure, promised, exceeded: working_minutes(procedure) > working_minutes(promised) }
}

/// A step's duration when the input gives none: a terminator takes no time.
pub(super) fn no_time() -> Duration {
    Duration { value: 0, unit: Unit::Minutes }
}
