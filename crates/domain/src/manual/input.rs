//! A manual as typed in the staff form or sent to the API, checked field by
//! field. Errors name their field the way the form and the API do:
//! `steps.3.duration`, `channels.1.place`, `documents`.

use serde::Deserialize;

use super::steps::{Duration, Flow, PathError, Step, Target, Unit, check_reachable, usual_path};
use super::{Fee, FormLink, Listing, Manual, RequiredDocument, ServiceChannel};
use crate::accounts::{FieldError, NamedErrors};
use crate::text::Text;

pub const MAX_STEPS: usize = 40;
pub const MAX_ROWS: usize = 30;
const LINE_MAX: usize = 300;
const TITLE_MAX: usize = 120;
const PARAGRAPHS_MAX: usize = 4_000;

/// A number or text where a number is expected: the API sends numbers, the
/// form sends text, and both are read the same way.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Loose {
    Integer(i64),
    Real(f64),
    Text(String),
}

impl Default for Loose {
    fn default() -> Self {
        Self::Text(String::new())
    }
}

impl Loose {
    /// The value as the form shows it.
    pub fn text(&self) -> String {
        match self {
            Self::Integer(n) => n.to_string(),
            Self::Real(x) => x.to_string(),
            Self::Text(t) => t.trim().to_owned(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ChannelInput {
    pub place: String,
    pub hours: String,
    pub contact: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DurationInput {
    pub value: Loose,
    pub unit: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StepInput {
    pub title: String,
    pub description: String,
    pub duration: DurationInput,
    pub responsible_unit: String,
    /// "task" (the default) or "decision".
    pub kind: String,
    /// A task's next step: a number or "end"; empty means the following step.
    pub then: Loose,
    pub yes: Loose,
    pub no: Loose,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DocumentInput {
    pub name: String,
    pub copies: Loose,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FeeInput {
    pub item: String,
    pub baht: Loose,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FormInput {
    pub title: String,
    pub url: String,
}

/// A list section: the word "none", the items, or nothing said yet.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ListInput<T> {
    Word(String),
    Items(Vec<T>),
}

impl<T> Default for ListInput<T> {
    fn default() -> Self {
        Self::Word(String::new())
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ManualInput {
    pub responsible_unit: String,
    pub legal_basis: String,
    pub channels: Vec<ChannelInput>,
    pub criteria: String,
    pub steps: Vec<StepInput>,
    pub documents: ListInput<DocumentInput>,
    pub fees: ListInput<FeeInput>,
    pub complaint_channels: String,
    pub forms: Vec<FormInput>,
    pub notes: String,
}

impl From<&Manual> for ManualInput {
    /// The manual as the form shows it, to edit the next revision from the
    /// last: parsing it gives the same manual back.
    fn from(m: &Manual) -> Self {
        let number = |n: u32| Loose::Text(n.to_string());
        let target = |t: Target| Loose::Text(t.code());
        Self {
            responsible_unit: m.responsible_unit.clone(),
            legal_basis: m.legal_basis.clone(),
            channels: (m.channels.iter())
                .map(|c| ChannelInput {
                    place: c.place.clone(),
                    hours: c.hours.clone(),
                    contact: c.contact.clone(),
                })
                .collect(),
            criteria: m.criteria.clone(),
            steps: (m.steps.iter())
                .map(|s| {
                    let (kind, then, yes, no) = match s.flow {
                        Flow::Task { then } => ("task", target(then), Loose::default(), Loose::default()),
                        Flow::Decision { yes, no } => ("decision", Loose::default(), target(yes), target(no)),
                    };
                    StepInput {
                        title: s.title.clone(),
                        description: s.description.clone(),
                        duration: DurationInput {
                            value: number(s.duration.value),
                            unit: s.duration.unit.code().into(),
                        },
                        responsible_unit: s.responsible_unit.clone(),
                        kind: kind.into(),
                        then,
                        yes,
                        no,
                    }
                })
                .collect(),
            documents: match &m.documents {
                Listing::Unset => ListInput::default(),
                Listing::None => ListInput::Word("none".into()),
                Listing::Items(items) => ListInput::Items(
                    (items.iter())
                        .map(|d| DocumentInput {
                            name: d.name.clone(),
                            copies: d.copies.map(number).unwrap_or_default(),
                            note: d.note.clone(),
                        })
                        .collect(),
                ),
            },
            fees: match &m.fees {
                Listing::Unset => ListInput::default(),
                Listing::None => ListInput::Word("none".into()),
                Listing::Items(items) => ListInput::Items(
                    items.iter().map(|f| FeeInput { item: f.item.clone(), baht: number(f.baht) }).collect(),
                ),
            },
            complaint_channels: m.complaint_channels.clone(),
            forms: m.forms.iter().map(|f| FormInput { title: f.title.clone(), url: f.url.clone() }).collect(),
            notes: m.notes.clone(),
        }
    }
}

/// Collects errors under run-time field names.
#[derive(Default)]
pub(crate) struct Errors(pub(crate) NamedErrors);

impl Errors {
    pub(crate) fn check<T>(
        &mut self,
        field: impl FnOnce() -> String,
        result: Result<T, FieldError>,
    ) -> Option<T> {
        result.map_err(|error| self.0.push((field(), error))).ok()
    }

    pub(crate) fn text(&mut self, field: &str, raw: &str, max: usize, multiline: bool) -> String {
        let parsed = if multiline { Text::paragraphs(raw, max) } else { Text::line(raw, max) };
        match parsed {
            Ok(text) => text.as_str().to_owned(),
            Err(FieldError::Required) => String::new(),
            Err(error) => {
                self.0.push((field.to_owned(), error));
                String::new()
            }
        }
    }

    pub(crate) fn required(&mut self, field: &str, raw: &str, max: usize) -> String {
        self.check(|| field.to_owned(), Text::line(raw, max))
            .map(|t| t.as_str().to_owned())
            .unwrap_or_default()
    }
}

impl ManualInput {
    /// The manual, or every field that is wrong. Empty sections are allowed
    /// here: a draft may be saved half done.
    pub fn parse(&self) -> Result<Manual, NamedErrors> {
        let mut errors = Errors::default();
        let e = &mut errors;
        let manual = Manual {
            responsible_unit: e.text("responsible_unit", &self.responsible_unit, LINE_MAX, false),
            legal_basis: e.text("legal_basis", &self.legal_basis, PARAGRAPHS_MAX, true),
            channels: rows(
                e,
                "channels",
                MAX_ROWS,
                &self.channels,
                |c| c.place.trim().is_empty() && c.hours.trim().is_empty() && c.contact.trim().is_empty(),
                channel,
            ),
            criteria: e.text("criteria", &self.criteria, PARAGRAPHS_MAX, true),
            steps: steps(e, &self.steps),
            documents: listing(e, "documents", &self.documents, |d| d.name.trim().is_empty(), document),
            fees: listing(
                e,
                "fees",
                &self.fees,
                |f| f.item.trim().is_empty() && f.baht.text().is_empty(),
                fee,
            ),
            complaint_channels: e.text("complaint_channels", &self.complaint_channels, PARAGRAPHS_MAX, true),
            forms: form_rows(e, &self.forms),
            notes: e.text("notes", &self.notes, PARAGRAPHS_MAX, true),
        };
        if errors.0.is_empty() { Ok(manual) } else { Err(errors.0) }
    }
}

/// The rows that are not blank, each parsed under `section.N.` (N from 1).
pub(crate) fn rows<I, T>(
    errors: &mut Errors,
    section: &str,
    max: usize,
    inputs: &[I],
    is_blank: impl Fn(&I) -> bool,
    parse: impl Fn(&mut Errors, &str, &I) -> T,
) -> Vec<T> {
    let filled: Vec<&I> = inputs.iter().filter(|i| !is_blank(i)).collect();
    if filled.len() > max {
        errors.0.push((section.to_owned(), FieldError::TooManyRows { max }));
        return Vec::new();
    }
    filled
        .into_iter()
        .enumerate()
        .map(|(i, input)| parse(errors, &format!("{section}.{}", i + 1), input))
        .collect()
}

fn listing<I, T>(
    errors: &mut Errors,
    section: &str,
    input: &ListInput<I>,
    is_blank: impl Fn(&I) -> bool,
    parse: impl Fn(&mut Errors, &str, &I) -> T,
) -> Listing<T> {
    match input {
        ListInput::Word(word) if word.trim().is_empty() => Listing::Unset,
        ListInput::Word(word) if word.trim() == "none" => Listing::None,
        ListInput::Word(_) => {
            errors.0.push((section.to_owned(), FieldError::UnknownChoice));
            Listing::Unset
        }
        ListInput::Items(items) => match rows(errors, section, MAX_ROWS, items, is_blank, parse) {
            items if items.is_empty() => Listing::Unset,
            items => Listing::Items(items),
        },
    }
}

fn channel(e: &mut Errors, at: &str, input: &ChannelInput) -> ServiceChannel {
    ServiceChannel {
        place: e.required(&format!("{at}.place"), &input.place, LINE_MAX),
        hours: e.text(&format!("{at}.hours"), &input.hours, LINE_MAX, false),
        contact: e.text(&format!("{at}.contact"), &input.contact, LINE_MAX, false),
    }
}

fn document(e: &mut Errors, at: &str, input: &DocumentInput) -> RequiredDocument {
    RequiredDocument {
        name: e.required(&format!("{at}.name"), &input.name, LINE_MAX),
        copies: match input.copies.text() {
            raw if raw.is_empty() => None,
            raw => e.check(|| format!("{at}.copies"), number(&raw, 1, 99)),
        },
        note: e.text(&format!("{at}.note"), &input.note, LINE_MAX, false),
    }
}

fn fee(e: &mut Errors, at: &str, input: &FeeInput) -> Fee {
    Fee {
        item: e.required(&format!("{at}.item"), &input.item, LINE_MAX),
        baht: e.check(|| format!("{at}.baht"), number(&input.baht.text(), 0, 1_000_000)).unwrap_or(0),
    }
}

/// The forms section of a citizen or a work manual: rows of a title and
/// an address, the blank ones left out.
pub(crate) fn form_rows(e: &mut Errors, inputs: &[FormInput]) -> Vec<FormLink> {
    let blank = |f: &FormInput| f.title.trim().is_empty() && f.url.trim().is_empty();
    rows(e, "forms", MAX_ROWS, inputs, blank, form)
}

/// A form's title and address: a path on this site or a web address.
fn form(e: &mut Errors, at: &str, input: &FormInput) -> FormLink {
    let url = input.url.trim();
    let is_address = url.is_empty()
        || (url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/'))
            && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if !is_address {
        e.0.push((format!("{at}.url"), FieldError::UnknownChoice));
    }
    FormLink { title: e.required(&format!("{at}.title"), &input.title, LINE_MAX), url: url.to_owned() }
}

pub(crate) fn number(raw: &str, min: u32, max: u32) -> Result<u32, FieldError> {
    if raw.is_empty() {
        return Err(FieldError::Required);
    }
    let value: i64 = raw.parse().map_err(|_| FieldError::NotANumber)?;
    u32::try_from(value).ok().filter(|v| (min..=max).contains(v)).ok_or(FieldError::OutOfRange { min, max })
}

fn steps(e: &mut Errors, inputs: &[StepInput]) -> Vec<Step> {
    let is_blank = |s: &StepInput| s.title.trim().is_empty() && s.duration.value.text().is_empty();
    let filled: Vec<&StepInput> = inputs.iter().filter(|s| !is_blank(s)).collect();
    if filled.len() > MAX_STEPS {
        e.0.push(("steps".to_owned(), FieldError::TooManyRows { max: MAX_STEPS }));
        return Vec::new();
    }
    let before = e.0.len();
    let steps: Vec<Step> =
        filled.iter().enumerate().filter_map(|(i, input)| step(e, i, filled.len(), input)).collect();
    if e.0.len() == before {
        check_paths(e, &steps);
    }
    steps
}

fn step(e: &mut Errors, index: usize, count: usize, input: &StepInput) -> Option<Step> {
    let at = format!("steps.{}", index + 1);
    let title = e.required(&format!("{at}.title"), &input.title, TITLE_MAX);
    let description = e.text(&format!("{at}.description"), &input.description, PARAGRAPHS_MAX, true);
    let responsible_unit =
        e.text(&format!("{at}.responsible_unit"), &input.responsible_unit, LINE_MAX, false);
    let unit = e.check(|| format!("{at}.duration.unit"), Unit::parse(&input.duration.unit));
    let value = unit.and_then(|unit| {
        e.check(|| format!("{at}.duration.value"), number(&input.duration.value.text(), 0, unit.max()))
    });
    let mut target =
        |name: &str, raw: &Loose, default| step_target(e, (&at, name), raw, default, (index, count));
    let flow = match input.kind.trim() {
        "" | "task" => {
            let following = if index + 1 < count { Target::Step(index as u32 + 2) } else { Target::End };
            target("then", &input.then, Some(following)).map(|then| Flow::Task { then })
        }
        "decision" => {
            let yes = target("yes", &input.yes, None);
            let no = target("no", &input.no, None);
            yes.zip(no).map(|(yes, no)| Flow::Decision { yes, no })
        }
        _ => e.check(|| format!("{at}.kind"), Err(FieldError::UnknownChoice)),
    };
    let duration = value.zip(unit).map(|(value, unit)| Duration { value, unit });
    Some(Step { title, description, duration: duration?, responsible_unit, flow: flow? })
}

/// Where step `index` (from 0, of `count`) leads by its field `name`: a
/// step number or "end", `default` when left empty, never the step itself.
pub(crate) fn step_target(
    e: &mut Errors,
    (at, name): (&str, &str),
    raw: &Loose,
    default: Option<Target>,
    (index, count): (usize, usize),
) -> Option<Target> {
    let raw = raw.text();
    let own = Target::Step(index as u32 + 1);
    let parsed = match (raw.as_str(), default) {
        ("", Some(default)) => Ok(default),
        _ => Target::parse(&raw, count)
            .and_then(|t| if t == own { Err(FieldError::SelfReference) } else { Ok(t) }),
    };
    e.check(|| format!("{at}.{name}"), parsed)
}

fn check_paths(e: &mut Errors, steps: &[Step]) {
    let result = usual_path(steps).map(|_| ()).and_then(|()| check_reachable(steps));
    match result {
        Ok(()) => {}
        Err(PathError::Loop(number)) => e.0.push((format!("steps.{number}"), FieldError::StepLoop)),
        Err(PathError::Unreachable(number)) => e.0.push((format!("steps.{number}"), FieldError::Unreachable)),
    }
}

#[cfg(test)]
mod tests;
