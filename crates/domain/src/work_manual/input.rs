//! A work manual's draft as the API sends it (and the staff form, with the
//! same field names), checked field by field. Errors name their field the
//! way the API does: `steps.3.duration.value`, `definitions.2.term`.

use serde::Deserialize;

use super::control::Change;
use super::procedure::{self, StepKind, WorkStep, no_time};
use super::{Definition, Responsibility, WorkManualContent};
use crate::accounts::{FieldError, NamedErrors};
use crate::manual::form::{FormField, form_field, row_at as at};
use crate::manual::input::{Errors, FormInput, form_rows, number, rows, step_target};
use crate::manual::{Duration, DurationInput, Flow, Loose, Target, Unit};

pub const MAX_STEPS: usize = 200;
pub const MAX_ROWS: usize = 100;
/// The longest a section may be: several printed pages.
pub const SECTION_MAX: usize = 20_000;
const TITLE_MAX: usize = 200;
const LINE_MAX: usize = 300;
const PARAGRAPH_MAX: usize = 4_000;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DefinitionInput {
    pub term: String,
    pub meaning: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ResponsibilityInput {
    pub role: String,
    pub duties: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StepInput {
    pub title: String,
    pub detail: String,
    /// start, process (the default), decision, document or end.
    pub kind: String,
    pub responsible: String,
    pub duration: DurationInput,
    pub standard: String,
    pub forms: String,
    /// Where a step other than a decision leads when it is not the
    /// following one (a step number or "end"); empty for the following.
    pub then: Loose,
    pub yes: Loose,
    pub no: Loose,
}

/// The draft: its sections and what the revision changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkManualInput {
    pub objective: String,
    pub scope: String,
    pub definitions: Vec<DefinitionInput>,
    pub responsibilities: Vec<ResponsibilityInput>,
    pub steps: Vec<StepInput>,
    pub standards: String,
    pub monitoring: String,
    pub references: String,
    /// Forms by title and address (an attached file's, or a web address).
    pub forms: Vec<FormInput>,
    pub change_summary: String,
    /// Whether the staff addressed must read this revision again.
    pub requires_reading: bool,
    /// "major" (the default: numbered up, acknowledgements start again) or
    /// "minor" (a correction that keeps them).
    pub change: String,
    /// Why a minor change is minor.
    pub change_reason: String,
}

impl Default for WorkManualInput {
    fn default() -> Self {
        Self {
            objective: String::new(),
            scope: String::new(),
            definitions: Vec::new(),
            responsibilities: Vec::new(),
            steps: Vec::new(),
            standards: String::new(),
            monitoring: String::new(),
            references: String::new(),
            forms: Vec::new(),
            change_summary: String::new(),
            requires_reading: true,
            change: String::new(),
            change_reason: String::new(),
        }
    }
}

/// A draft as checked: the content and what the revision says of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub content: WorkManualContent,
    pub change_summary: String,
    pub requires_reading: bool,
    pub change: Change,
}

impl WorkManualInput {
    /// The draft, or every field that is wrong. Empty sections are allowed:
    /// a draft may be saved half done; submitting asks for them.
    pub fn parse(&self) -> Result<Draft, NamedErrors> {
        let mut errors = Errors::default();
        let e = &mut errors;
        let section = |e: &mut Errors, name: &str, raw: &str| e.text(name, raw, SECTION_MAX, true);
        let content = WorkManualContent {
            objective: section(e, "objective", &self.objective),
            scope: section(e, "scope", &self.scope),
            definitions: rows(
                e,
                "definitions",
                MAX_ROWS,
                &self.definitions,
                |d| d.term.trim().is_empty() && d.meaning.trim().is_empty(),
                |e, at, d| Definition {
                    term: e.required(&format!("{at}.term"), &d.term, TITLE_MAX),
                    meaning: paragraph(e, &format!("{at}.meaning"), &d.meaning, true),
                },
            ),
            responsibilities: rows(
                e,
                "responsibilities",
                MAX_ROWS,
                &self.responsibilities,
                |r| r.role.trim().is_empty() && r.duties.trim().is_empty(),
                |e, at, r| Responsibility {
                    role: e.required(&format!("{at}.role"), &r.role, TITLE_MAX),
                    duties: paragraph(e, &format!("{at}.duties"), &r.duties, true),
                },
            ),
            steps: steps(e, &self.steps),
            standards: section(e, "standards", &self.standards),
            monitoring: section(e, "monitoring", &self.monitoring),
            references: section(e, "references", &self.references),
            forms: form_rows(e, &self.forms),
        };
        let change_summary = e.text("change_summary", &self.change_summary, PARAGRAPH_MAX, true);
        let change = match self.change.trim() {
            "" | "major" => Some(Change::Major),
            "minor" => {
                let reason = paragraph(e, "change_reason", &self.change_reason, true);
                (!reason.is_empty()).then_some(Change::Minor { reason })
            }
            _ => e.check(|| "change".to_owned(), Err(FieldError::UnknownChoice)),
        };
        match (errors.0.is_empty(), change) {
            (true, Some(change)) => {
                Ok(Draft { content, change_summary, requires_reading: self.requires_reading, change })
            }
            _ => Err(errors.0),
        }
    }
}

/// A paragraph that must be given (`required`) or may be left empty.
fn paragraph(e: &mut Errors, field: &str, raw: &str, required: bool) -> String {
    if required && raw.trim().is_empty() {
        e.0.push((field.to_owned(), FieldError::Required));
        return String::new();
    }
    e.text(field, raw, PARAGRAPH_MAX, true)
}

fn steps(e: &mut Errors, inputs: &[StepInput]) -> Vec<WorkStep> {
    let is_blank = |s: &StepInput| s.title.trim().is_empty() && s.detail.trim().is_empty();
    let filled: Vec<&StepInput> = inputs.iter().filter(|s| !is_blank(s)).collect();
    if filled.len() > MAX_STEPS {
        e.0.push(("steps".to_owned(), FieldError::TooManyRows { max: MAX_STEPS }));
        return Vec::new();
    }
    let before = e.0.len();
    let steps: Vec<WorkStep> =
        filled.iter().enumerate().filter_map(|(i, input)| step(e, i, filled.len(), input)).collect();
    if e.0.len() == before
        && let Err((number, error)) = procedure::check(&steps)
    {
        e.0.push((format!("steps.{number}"), error));
    }
    steps
}

fn step(e: &mut Errors, index: usize, count: usize, input: &StepInput) -> Option<WorkStep> {
    let at = format!("steps.{}", index + 1);
    let title = e.required(&format!("{at}.title"), &input.title, TITLE_MAX);
    let detail = e.text(&format!("{at}.detail"), &input.detail, PARAGRAPH_MAX, true);
    let responsible = e.text(&format!("{at}.responsible"), &input.responsible, LINE_MAX, false);
    let standard = e.text(&format!("{at}.standard"), &input.standard, PARAGRAPH_MAX, true);
    let forms = e.text(&format!("{at}.forms"), &input.forms, PARAGRAPH_MAX, true);
    let kind = e.check(|| format!("{at}.kind"), StepKind::parse(&input.kind))?;
    let duration = duration(e, &at, kind, &input.duration);
    let mut target =
        |name: &str, raw: &Loose, default| step_target(e, (&at, name), raw, default, (index, count));
    let following = if index + 1 < count { Target::Step(index as u32 + 2) } else { Target::End };
    let next = match kind {
        StepKind::End => Some(Flow::Task { then: Target::End }),
        StepKind::Decision => {
            let yes = target("yes", &input.yes, None);
            let no = target("no", &input.no, None);
            yes.zip(no).map(|(yes, no)| Flow::Decision { yes, no })
        }
        _ => target("then", &input.then, Some(following)).map(|then| Flow::Task { then }),
    };
    Some(WorkStep { title, detail, kind, responsible, duration: duration?, standard, forms, next: next? })
}

/// A step's duration; a start or an end given none takes no time.
fn duration(e: &mut Errors, at: &str, kind: StepKind, input: &DurationInput) -> Option<Duration> {
    let terminator = matches!(kind, StepKind::Start | StepKind::End);
    if terminator && input.value.text().is_empty() && input.unit.trim().is_empty() {
        return Some(no_time());
    }
    let unit = e.check(|| format!("{at}.duration.unit"), Unit::parse(&input.unit));
    let value = unit.and_then(|unit| {
        e.check(|| format!("{at}.duration.value"), number(&input.value.text(), 0, unit.max()))
    });
    value.zip(unit).map(|(value, unit)| Duration { value, unit })
}

/// Rows beyond this in a form are ignored: the form never has this many,
/// and a crafted request must not make us allocate for row 1,000,000.
const FORM_ROWS_READ: usize = MAX_STEPS + 1;

impl WorkManualInput {
    /// The draft as the staff form sends it: fields named as the API's
    /// JSON is (`steps.3.duration.value`, rows counted from 1), so one
    /// parser reads both and its errors point at the form's own fields.
    pub fn from_fields(fields: &[(String, String)]) -> Self {
        let mut input = Self { requires_reading: false, ..Self::default() };
        for (name, value) in fields {
            let value = value.clone();
            let (section, row, field) = match form_field(name, FORM_ROWS_READ) {
                FormField::Whole(section) => {
                    match section {
                        "objective" => input.objective = value,
                        "scope" => input.scope = value,
                        "standards" => input.standards = value,
                        "monitoring" => input.monitoring = value,
                        "references" => input.references = value,
                        "change_summary" => input.change_summary = value,
                        "requires_reading" => input.requires_reading = true,
                        "change" => input.change = value,
                        "change_reason" => input.change_reason = value,
                        _ => {}
                    }
                    continue;
                }
                FormField::Row(section, row, field) => (section, row, field),
                FormField::Beyond => continue,
            };
            match (section, field) {
                ("definitions", "term") => at(&mut input.definitions, row).term = value,
                ("definitions", "meaning") => at(&mut input.definitions, row).meaning = value,
                ("responsibilities", "role") => at(&mut input.responsibilities, row).role = value,
                ("responsibilities", "duties") => at(&mut input.responsibilities, row).duties = value,
                ("steps", field) => set_step(at(&mut input.steps, row), field, value),
                ("forms", "title") => at(&mut input.forms, row).title = value,
                ("forms", "url") => at(&mut input.forms, row).url = value,
                _ => {}
            }
        }
        input
    }
}

fn set_step(step: &mut StepInput, field: &str, value: String) {
    match field {
        "title" => step.title = value,
        "detail" => step.detail = value,
        "kind" => step.kind = value,
        "responsible" => step.responsible = value,
        "duration.value" => step.duration.value = Loose::Text(value),
        "duration.unit" => step.duration.unit = value,
        "standard" => step.standard = value,
        "forms" => step.forms = value,
        "then" => step.then = Loose::Text(value),
        "yes" => step.yes = Loose::Text(value),
        "no" => step.no = Loose::Text(value),
        _ => {}
    }
}

impl From<&super::WorkManualContent> for WorkManualInput {
    /// The content as the form shows it, to edit the next revision from
    /// the last: parsing it gives the same content back.
    fn from(c: &super::WorkManualContent) -> Self {
        let target = |t: Target| Loose::Text(t.code());
        let steps = c
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let following = if i + 1 < c.steps.len() { Target::Step(i as u32 + 2) } else { Target::End };
                let (then, yes, no) = match s.next {
                    Flow::Task { then } if then == following || s.kind == StepKind::End => {
                        (Loose::default(), Loose::default(), Loose::default())
                    }
                    Flow::Task { then } => (target(then), Loose::default(), Loose::default()),
                    Flow::Decision { yes, no } => (Loose::default(), target(yes), target(no)),
                };
                StepInput {
                    title: s.title.clone(),
                    detail: s.detail.clone(),
                    kind: s.kind.code().into(),
                    responsible: s.responsible.clone(),
                    duration: DurationInput {
                        value: Loose::Text(s.duration.value.to_string()),
                        unit: s.duration.unit.code().into(),
                    },
                    standard: s.standard.clone(),
                    forms: s.forms.clone(),
                    then,
                    yes,
                    no,
                }
            })
            .collect();
        Self {
            objective: c.objective.clone(),
            scope: c.scope.clone(),
            definitions: (c.definitions.iter())
                .map(|d| DefinitionInput { term: d.term.clone(), meaning: d.meaning.clone() })
                .collect(),
            responsibilities: (c.responsibilities.iter())
                .map(|r| ResponsibilityInput { role: r.role.clone(), duties: r.duties.clone() })
                .collect(),
            steps,
            standards: c.standards.clone(),
            monitoring: c.monitoring.clone(),
            references: c.references.clone(),
            forms: c.forms.iter().map(|f| FormInput { title: f.title.clone(), url: f.url.clone() }).collect(),
            ..Self::default()
        }
    }
}
