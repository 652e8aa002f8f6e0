//! What goes into a pack, in order, decided from the evaluation alone:
//! each step's folder holds the evidence its verdict names and the files
//! its sign-off carries. Knowing the list first gives the progress its total.

use std::collections::HashSet;

use ruamjai_domain::kpi::{Evaluation, Evidence, EvidenceFile, IndicatorResult, Kind, StepResult};
use ruamjai_store::kpi::{EnteredValue, StepSignOff};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Item {
    Sar,
    Json,
    /// The documents of one piece of evidence a step rests on.
    Evidence {
        folder: String,
        evidence: Evidence,
    },
    /// A file staff uploaded with a sign-off or a value.
    Upload {
        folder: String,
        file: EvidenceFile,
    },
    Audit,
    Index,
}

/// What staff uploaded in the year up to the evaluation day: every
/// sign-off's files (the earlier ones too, as history) and every value's.
#[derive(Debug, Default)]
pub(super) struct Uploads<'a> {
    pub sign_offs: &'a [StepSignOff],
    pub values: &'a [EnteredValue],
}

pub(super) fn items(evaluation: &Evaluation, uploads: &Uploads<'_>) -> Vec<Item> {
    let mut items = vec![Item::Sar, Item::Json];
    let mut uploaded = HashSet::new();
    for (folder, result, step) in step_folders(evaluation) {
        let mut seen = HashSet::new();
        for evidence in step.verdict.evidence.iter().filter(|e| seen.insert(*e)) {
            items.push(Item::Evidence { folder: folder.clone(), evidence: evidence.clone() });
        }
        let signed =
            uploads.sign_offs.iter().filter(|s| s.code == result.indicator.code && s.step == step.number);
        let files = signed.flat_map(|s| &s.sign_off.files).filter(|f| uploaded.insert(f.id));
        items.extend(
            files.map(|file| Item::Upload { folder: format!("{folder}/uploaded"), file: file.clone() }),
        );
    }
    for result in &evaluation.indicators {
        let folder = value_folder(result);
        let entered = uploads.values.iter().filter(|v| v.code == result.indicator.code);
        let files = entered.flat_map(|v| &v.files).filter(|f| uploaded.insert(f.id));
        items.extend(files.map(|file| Item::Upload { folder: folder.clone(), file: file.clone() }));
    }
    items.extend([Item::Audit, Item::Index]);
    items
}

/// Each milestone step with its folder: `step-1-channels`, or `step-6` for
/// a step judged by its sign-off alone. One milestone indicator (the usual
/// scorecard) keeps its steps at the top, as evaluators expect; more are
/// told apart by their code.
pub(super) fn step_folders(evaluation: &Evaluation) -> Vec<(String, &IndicatorResult, &StepResult)> {
    let milestones =
        evaluation.indicators.iter().filter(|r| matches!(r.indicator.kind, Kind::Milestone { .. })).count();
    let mut folders = Vec::new();
    for result in &evaluation.indicators {
        let prefix =
            if milestones == 1 { String::new() } else { format!("indicator-{}/", result.indicator.code) };
        for step in &result.steps {
            let folder = match step.rule {
                Some(rule) => format!("{prefix}step-{}-{}", step.number, rule.code().replace('_', "-")),
                None => format!("{prefix}step-{}", step.number),
            };
            folders.push((folder, result, step));
        }
    }
    folders
}

/// Where the files of a range indicator's entered value go.
pub(super) fn value_folder(result: &IndicatorResult) -> String {
    format!("indicator-{}/uploaded", result.indicator.code)
}

/// A file's name made safe to be one segment of a path in the bag.
pub(super) fn file_name(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c == '/' || c == '\\' || c.is_control() { '_' } else { c }).collect();
    match cleaned.trim().trim_start_matches('.') {
        "" => "file".to_owned(),
        kept => kept.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_cannot_climb_out_of_its_folder() {
        assert_eq!(file_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(file_name("ภาพ กิจกรรม.jpg"), "ภาพ กิจกรรม.jpg");
        assert_eq!(file_name(".."), "file");
        assert_eq!(file_name("a\nb.pdf"), "a_b.pdf");
    }
}
