//! The differences between two revisions, section by section. Thai is
//! written without spaces, so text is compared word by word as the
//! product's segmenter cuts it: a character diff marks half-words and a
//! whitespace diff marks whole paragraphs. Steps are matched by title and
//! their changed fields listed ("duration 2 → 3 working days").

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::procedure::{StepKind, WorkStep};
use super::{Section, WorkManualContent};
use crate::manual::{Duration, Flow, Target};

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

/// A run of words with what happened to it; the runs of one text, read in
/// order and without the deleted ones, give the newer text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextChange {
    pub op: Op,
    pub text: String,
}

/// Compares two texts word by word. A replaced run reads as its deletion
/// then its insertion.
pub fn text_changes(old: &str, new: &str) -> Vec<TextChange> {
    let old_words: Vec<&str> = ruamjai_thai::tokens(old).into_iter().map(|t| t.text).collect();
    let new_words: Vec<&str> = ruamjai_thai::tokens(new).into_iter().map(|t| t.text).collect();
    let mut changes: Vec<TextChange> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        match changes.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&words.concat()),
            _ => changes.push(TextChange { op, text: words.concat() }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_words, &new_words) {
        match op {
            DiffOp::Equal { old_index, len, .. } => push(Op::Equal, &old_words[old_index..old_index + len]),
            DiffOp::Delete { old_index, old_len, .. } => {
                push(Op::Delete, &old_words[old_index..old_index + old_len])
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                push(Op::Insert, &new_words[new_index..new_index + new_len])
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(Op::Delete, &old_words[old_index..old_index + old_len]);
                push(Op::Insert, &new_words[new_index..new_index + new_len]);
            }
        }
    }
    changes
}

/// One section compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionChanges {
    pub name: Section,
    pub changes: Vec<TextChange>,
}

impl SectionChanges {
    pub fn is_changed(&self) -> bool {
        self.changes.iter().any(|c| c.op != Op::Equal)
    }
}

/// What happened to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepChangeKind {
    Added,
    Removed,
    Changed,
}

/// A field's value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Text(String),
    Kind(StepKind),
    Duration(Duration),
    Next(Flow),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The step's field, as the API names it: `duration`, `responsible` …
    pub field: &'static str,
    pub from: Value,
    pub to: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepChange {
    /// The step's number in the newer revision; in the older for a removed one.
    pub number: u32,
    pub change: StepChangeKind,
    pub title: String,
    /// For a changed step, each field that differs, in the order of the form.
    pub fields: Vec<FieldChange>,
}

/// Two revisions compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub sections: Vec<SectionChanges>,
    pub steps: Vec<StepChange>,
}

impl Comparison {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.sections.iter().all(|s| !s.is_changed())
    }
}

/// Compares revision `old` with the newer `new`: every section but the
/// steps word by word, and the steps one by one.
pub fn compare(old: &WorkManualContent, new: &WorkManualContent) -> Comparison {
    let sections = Section::ALL
        .into_iter()
        .filter(|&s| s != Section::Steps)
        .map(|name| SectionChanges {
            name,
            changes: text_changes(&old.section_text(name), &new.section_text(name)),
        })
        .collect();
    Comparison { sections, steps: step_changes(&old.steps, &new.steps) }
}

fn step_changes(old: &[WorkStep], new: &[WorkStep]) -> Vec<StepChange> {
    let old_titles: Vec<&str> = old.iter().map(|s| s.title.as_str()).collect();
    let new_titles: Vec<&str> = new.iter().map(|s| s.title.as_str()).collect();
    let mut changes = Vec::new();
    let added = |i: usize| StepChange {
        number: i as u32 + 1,
        change: StepChangeKind::Added,
        title: new[i].title.clone(),
        fields: Vec::new(),
    };
    let removed = |i: usize| StepChange {
        number: i as u32 + 1,
        change: StepChangeKind::Removed,
        title: old[i].title.clone(),
        fields: Vec::new(),
    };
    let matched = |changes: &mut Vec<StepChange>, o: usize, n: usize| {
        let fields = field_changes((old, o), (new, n));
        if !fields.is_empty() {
            let (number, title) = (n as u32 + 1, new[n].title.clone());
            changes.push(StepChange { number, change: StepChangeKind::Changed, title, fields });
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_titles, &new_titles) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                (0..len).for_each(|k| matched(&mut changes, old_index + k, new_index + k));
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                changes.extend((old_index..old_index + old_len).map(removed))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                changes.extend((new_index..new_index + new_len).map(added))
            }
            // A step retitled in place is the same step, changed; the rest
            // of a longer run was added or removed.
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let paired = old_len.min(new_len);
                (0..paired).for_each(|k| matched(&mut changes, old_index + k, new_index + k));
                changes.extend((old_index + paired..old_index + old_len).map(removed));
                changes.extend((new_index + paired..new_index + new_len).map(added));
            }
        }
    }
    changes
}

fn field_changes((olds, o): (&[WorkStep], usize), (news, n): (&[WorkStep], usize)) -> Vec<FieldChange> {
    let (old, new) = (&olds[o], &news[n]);
    let text = |s: &String| Value::Text(s.clone());
    let candidates = [
        ("title", text(&old.title), text(&new.title)),
        ("detail", text(&old.detail), text(&new.detail)),
        ("kind", Value::Kind(old.kind), Value::Kind(new.kind)),
        ("responsible", text(&old.responsible), text(&new.responsible)),
        ("duration", Value::Duration(old.duration), Value::Duration(new.duration)),
        ("standard", text(&old.standard), text(&new.standard)),
        ("forms", text(&old.forms), text(&new.forms)),
    ];
    let mut changes: Vec<FieldChange> = candidates
        .into_iter()
        .filter(|(_, from, to)| from != to)
        .map(|(field, from, to)| FieldChange { field, from, to })
        .collect();
    // Steps added or removed renumber the others: where a step leads has
    // changed only when it leads elsewhere than on to the following step,
    // and to a different step (by title) than before.
    if leads_to(olds, o) != leads_to(news, n) {
        changes.push(FieldChange { field: "next", from: Value::Next(old.next), to: Value::Next(new.next) });
    }
    changes
}

/// Where a step leads, told by the titles it leads to (`None` for the end).
#[derive(PartialEq)]
enum Leads<'a> {
    OnToTheFollowing,
    Task(Option<&'a str>),
    Decision(Option<&'a str>, Option<&'a str>),
}

fn leads_to(steps: &[WorkStep], index: usize) -> Leads<'_> {
    let title = |t: Target| match t {
        Target::Step(n) => steps.get(n as usize - 1).map(|s| s.title.as_str()),
        Target::End => None,
    };
    match steps[index].next {
        Flow::Task { then: Target::Step(n) } if n as usize == index + 2 => Leads::OnToTheFollowing,
        Flow::Task { then } => Leads::Task(title(then)),
        Flow::Decision { yes, no } => Leads::Decision(title(yes), title(no)),
    }
}

#[cfg(test)]
mod tests;
