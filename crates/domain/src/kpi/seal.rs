//! What a seal freezes of each step, and how a sealed round is compared
//! with the same round evaluated again: the steps whose result differs.

use serde::{Deserialize, Serialize};

use super::Evaluation;

/// One step's result: met or not, for an indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepOutcome {
    pub code: String,
    pub step: u8,
    pub met: bool,
}

/// Every milestone step's result in an evaluation.
pub fn outcomes(evaluation: &Evaluation) -> Vec<StepOutcome> {
    evaluation
        .indicators
        .iter()
        .flat_map(|r| {
            r.steps.iter().map(|s| StepOutcome { code: r.indicator.code.clone(), step: s.number, met: s.met })
        })
        .collect()
}

/// The steps of `now` whose result is not what was sealed, and the sealed
/// steps that no longer exist (given as they were sealed).
pub fn changed_since(sealed: &[StepOutcome], now: &[StepOutcome]) -> Vec<StepOutcome> {
    let same_step = |a: &StepOutcome, b: &StepOutcome| a.code == b.code && a.step == b.step;
    let differ = now.iter().filter(|n| !sealed.iter().any(|s| same_step(s, n) && s.met == n.met));
    let gone = sealed.iter().filter(|s| !now.iter().any(|n| same_step(s, n)));
    differ.chain(gone).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(step: u8, met: bool) -> StepOutcome {
        StepOutcome { code: "4".into(), step, met }
    }

    #[test]
    fn only_the_steps_whose_result_moved_are_named() {
        let sealed = [step(1, true), step(2, true), step(3, false)];
        assert_eq!(changed_since(&sealed, &sealed), []);
        assert_eq!(
            changed_since(&sealed, &[step(1, true), step(2, false), step(3, false)]),
            [step(2, false)]
        );
        assert_eq!(
            changed_since(&sealed, &[step(1, true), step(2, true)]),
            [step(3, false)],
            "a step taken away"
        );
        assert_eq!(
            changed_since(&sealed[..1], &[step(1, true), step(2, true)]),
            [step(2, true)],
            "a step added"
        );
    }
}
