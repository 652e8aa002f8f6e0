//! The staff work manual of a service (คู่มือการปฏิบัติงาน, milestone 5):
//! how the staff who deliver a service do the work, in the sections and
//! order Thai agencies print them — objective, scope, definitions,
//! responsibilities, the workflow chart (drawn from the procedure),
//! procedure, work standards, monitoring and evaluation, references.
//!
//! A service may have several work manuals (intake, field installation …),
//! each under document control ([`control`]): a code, numbered revisions,
//! three different people who write, review and approve each revision, a
//! hash of what was approved, periodic review, and the staff it is
//! addressed to acknowledging that they have read it.

pub mod control;
pub mod diff;
mod input;
mod procedure;

pub use input::{DefinitionInput, Draft, ResponsibilityInput, StepInput, WorkManualInput};
pub use procedure::{Promise, StepKind, WorkStep, promise};

use serde::{Deserialize, Serialize};

use crate::accounts::{FieldError, NamedErrors, Role};
use crate::hash::sha256_hex;
use crate::manual::{FormLink, TotalDuration};

/// A term used in the manual and what it means here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    pub term: String,
    pub meaning: String,
}

/// A role or position and what it does in this work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Responsibility {
    pub role: String,
    pub duties: String,
}

/// The content of one revision. A draft may be incomplete;
/// [`WorkManualContent::missing`] says what stops it from going to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct WorkManualContent {
    pub objective: String,
    pub scope: String,
    pub definitions: Vec<Definition>,
    pub responsibilities: Vec<Responsibility>,
    pub steps: Vec<WorkStep>,
    pub standards: String,
    pub monitoring: String,
    pub references: String,
    /// The forms the work uses: files attached to the manual, or addresses
    /// elsewhere. Left out of the canonical JSON when there are none, so
    /// revisions approved before manuals had forms keep their hash.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<FormLink>,
}

/// The sections in print order. The workflow chart has no field of its own:
/// it is drawn from the procedure's steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Objective,
    Scope,
    Definitions,
    Responsibilities,
    Steps,
    Standards,
    Monitoring,
    References,
    Forms,
}

impl Section {
    pub const ALL: [Self; 9] = [
        Self::Objective,
        Self::Scope,
        Self::Definitions,
        Self::Responsibilities,
        Self::Steps,
        Self::Standards,
        Self::Monitoring,
        Self::References,
        Self::Forms,
    ];

    /// Also the section's field in the API and in forms.
    pub fn code(self) -> &'static str {
        match self {
            Self::Objective => "objective",
            Self::Scope => "scope",
            Self::Definitions => "definitions",
            Self::Responsibilities => "responsibilities",
            Self::Steps => "steps",
            Self::Standards => "standards",
            Self::Monitoring => "monitoring",
            Self::References => "references",
            Self::Forms => "forms",
        }
    }

    /// Definitions, references and forms may be left out: a small job may
    /// use no special terms, cite nothing and need no form. The rest make
    /// the manual.
    pub fn is_required(self) -> bool {
        !matches!(self, Self::Definitions | Self::References | Self::Forms)
    }
}

impl WorkManualContent {
    fn is_filled(&self, section: Section) -> bool {
        match section {
            Section::Objective => !self.objective.is_empty(),
            Section::Scope => !self.scope.is_empty(),
            Section::Definitions => !self.definitions.is_empty(),
            Section::Responsibilities => !self.responsibilities.is_empty(),
            Section::Steps => !self.steps.is_empty(),
            Section::Standards => !self.standards.is_empty(),
            Section::Monitoring => !self.monitoring.is_empty(),
            Section::References => !self.references.is_empty(),
            Section::Forms => !self.forms.is_empty(),
        }
    }

    /// The required sections still empty, in print order.
    pub fn missing(&self) -> Vec<Section> {
        Section::ALL.into_iter().filter(|&s| s.is_required() && !self.is_filled(s)).collect()
    }

    /// The missing sections as field errors, for a refusal to submit.
    pub fn missing_errors(&self) -> NamedErrors {
        self.missing().into_iter().map(|s| (s.code().to_owned(), FieldError::Required)).collect()
    }

    /// A first draft from what the public was promised: the citizen
    /// manual's steps with their titles, durations and responsible units,
    /// for staff to add the detail, standards and control points.
    pub fn from_citizen_steps(steps: &[crate::manual::Step]) -> Self {
        let steps = steps
            .iter()
            .map(|s| WorkStep {
                title: s.title.clone(),
                detail: s.description.clone(),
                kind: match s.flow {
                    crate::manual::Flow::Decision { .. } => StepKind::Decision,
                    crate::manual::Flow::Task { .. } => StepKind::Process,
                },
                responsible: s.responsible_unit.clone(),
                duration: s.duration,
                standard: String::new(),
                forms: String::new(),
                next: s.flow,
            })
            .collect();
        Self { steps, ..Self::default() }
    }

    /// The time of the procedure along its usual path (the "yes" of each decision).
    pub fn total_duration(&self) -> TotalDuration {
        procedure::total(&self.steps)
    }

    /// The text of a section as one string, for search and for comparing revisions.
    pub fn section_text(&self, section: Section) -> String {
        match section {
            Section::Objective => self.objective.clone(),
            Section::Scope => self.scope.clone(),
            Section::Definitions => {
                let lines = self.definitions.iter().map(|d| format!("{} — {}", d.term, d.meaning));
                lines.collect::<Vec<_>>().join("\n")
            }
            Section::Responsibilities => {
                let lines = self.responsibilities.iter().map(|r| format!("{} — {}", r.role, r.duties));
                lines.collect::<Vec<_>>().join("\n")
            }
            Section::Steps => {
                let lines = self.steps.iter().enumerate().map(|(i, s)| format!("{}. {}", i + 1, s.title));
                lines.collect::<Vec<_>>().join("\n")
            }
            Section::Standards => self.standards.clone(),
            Section::Monitoring => self.monitoring.clone(),
            Section::References => self.references.clone(),
            Section::Forms => self.forms.iter().map(|f| f.title.as_str()).collect::<Vec<_>>().join("\n"),
        }
    }

    /// Every piece of text staff might search for, one per line.
    pub fn searchable_text(&self) -> String {
        let mut parts: Vec<String> =
            Section::ALL.into_iter().filter(|&s| s != Section::Steps).map(|s| self.section_text(s)).collect();
        for step in &self.steps {
            parts.extend([step.title.clone(), step.detail.clone(), step.responsible.clone()]);
            parts.extend([step.standard.clone(), step.forms.clone()]);
        }
        parts.retain(|p| !p.is_empty());
        parts.join("\n")
    }
}

/// Who a work manual is addressed to: the accounts whose role is one of
/// `roles` (any role when empty) and whose division is one of `divisions`
/// (any division when empty). At least one of the two is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Audience {
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub divisions: Vec<String>,
}

impl Audience {
    pub fn new(roles: Vec<Role>, divisions: Vec<String>) -> Result<Self, FieldError> {
        if roles.is_empty() && divisions.is_empty() {
            return Err(FieldError::Required);
        }
        let (mut roles, mut divisions) = (roles, divisions);
        roles.dedup();
        divisions.sort();
        divisions.dedup();
        Ok(Self { roles, divisions })
    }

    pub fn includes(&self, role: Role, division: Option<&str>) -> bool {
        let role_matches = self.roles.is_empty() || self.roles.contains(&role);
        let division_matches =
            self.divisions.is_empty() || division.is_some_and(|d| self.divisions.iter().any(|a| a == d));
        role_matches && division_matches
    }
}

/// A work manual's document code: `WM-<division>-<service>-<nn>` by
/// default, editable. Letters, digits and dashes, so it reads the same on
/// paper, in a file name and in an address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentCode(String);

impl DocumentCode {
    pub const MAX_CHARS: usize = 60;

    /// The code a new work manual is offered: its division's and service's
    /// codes in capitals, and its number among the service's manuals.
    pub fn suggested(division: &str, service: &str, number: u32) -> Self {
        Self(format!("WM-{}-{}-{number:02}", division.to_uppercase(), service.to_uppercase()))
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let code = raw.trim();
        let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-';
        match code.chars().count() {
            0 => Err(FieldError::Required),
            n if n > Self::MAX_CHARS => Err(FieldError::TooLong { max: Self::MAX_CHARS }),
            _ if !code.chars().all(allowed) || code.starts_with('-') => Err(FieldError::InvalidDocumentCode),
            _ => Ok(Self(code.to_uppercase())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a revision's hash covers: the document's identity and the content
/// staff read, serialized the one way serde writes these types (fields in
/// declaration order, no spaces).
#[derive(Serialize)]
struct Canonical<'a> {
    code: &'a str,
    title_th: &'a str,
    title_en: &'a str,
    revision: String,
    content: &'a WorkManualContent,
}

/// The SHA-256 of a revision, printed in its footer and recorded with
/// each acknowledgement: anyone holding the same content gets the same hash.
pub fn content_hash(
    code: &DocumentCode,
    titles: (&str, &str),
    revision: control::RevisionNumber,
    content: &WorkManualContent,
) -> String {
    let canonical = Canonical {
        code: code.as_str(),
        title_th: titles.0,
        title_en: titles.1,
        revision: revision.label(),
        content,
    };
    let json = serde_json::to_string(&canonical).expect("plain structs serialize");
    sha256_hex(json.as_bytes())
}

#[cfg(test)]
mod tests;
