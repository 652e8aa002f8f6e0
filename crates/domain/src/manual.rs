//! The citizen's manual of a service (คู่มือสำหรับประชาชน), in the sections and
//! order of the Office of the Public Sector Development Commission's model:
//! service name, responsible unit, legal basis, channels, criteria, steps
//! with their total time, required documents, fees, complaint channels,
//! forms and notes. Versions of it go through [`crate::publication`].

pub mod flowchart;
pub(crate) mod form;
pub(crate) mod input;
mod steps;

pub use input::{
    ChannelInput, DocumentInput, DurationInput, FeeInput, FormInput, ListInput, Loose, ManualInput, StepInput,
};
pub use steps::{
    Duration, Flow, PathError, Step, Target, TotalDuration, Unit, check_reachable, total_duration, usual_path,
};

use serde::{Deserialize, Serialize};

use crate::accounts::{FieldError, NamedErrors};

/// Where and when the service is given, and whom to contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceChannel {
    pub place: String,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub contact: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredDocument {
    pub name: String,
    /// How many copies; `None` when the manual does not say.
    #[serde(default)]
    pub copies: Option<u32>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fee {
    pub item: String,
    pub baht: u32,
}

/// A form to fill in, or an example of one filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormLink {
    pub title: String,
    /// An `https://` address or a path on this site.
    #[serde(default)]
    pub url: String,
}

/// A section that must say something even when there is nothing: "no
/// documents are required" and "no fee" are statements, an empty section is
/// not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case", tag = "state", content = "items")]
pub enum Listing<T> {
    #[default]
    Unset,
    /// Explicitly none.
    None,
    Items(Vec<T>),
}

impl<T> Listing<T> {
    pub fn items(&self) -> &[T] {
        match self {
            Self::Items(items) => items,
            Self::Unset | Self::None => &[],
        }
    }
}

/// The manual's content. A draft may be incomplete; [`Manual::missing`]
/// says what stops it from going to review or being published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Manual {
    pub responsible_unit: String,
    pub legal_basis: String,
    pub channels: Vec<ServiceChannel>,
    pub criteria: String,
    pub steps: Vec<Step>,
    pub documents: Listing<RequiredDocument>,
    pub fees: Listing<Fee>,
    pub complaint_channels: String,
    pub forms: Vec<FormLink>,
    pub notes: String,
}

/// The sections in the order of the model; the service name, the first
/// section, comes from the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    ResponsibleUnit,
    LegalBasis,
    Channels,
    Criteria,
    Steps,
    Documents,
    Fees,
    ComplaintChannels,
    Forms,
    Notes,
}

impl Section {
    pub const ALL: [Self; 10] = [
        Self::ResponsibleUnit,
        Self::LegalBasis,
        Self::Channels,
        Self::Criteria,
        Self::Steps,
        Self::Documents,
        Self::Fees,
        Self::ComplaintChannels,
        Self::Forms,
        Self::Notes,
    ];

    /// Also the name of the section's field in forms and in the API.
    pub fn code(self) -> &'static str {
        match self {
            Self::ResponsibleUnit => "responsible_unit",
            Self::LegalBasis => "legal_basis",
            Self::Channels => "channels",
            Self::Criteria => "criteria",
            Self::Steps => "steps",
            Self::Documents => "documents",
            Self::Fees => "fees",
            Self::ComplaintChannels => "complaint_channels",
            Self::Forms => "forms",
            Self::Notes => "notes",
        }
    }

    /// Forms and notes may be left out; every other section is required.
    pub fn is_required(self) -> bool {
        !matches!(self, Self::Forms | Self::Notes)
    }
}

impl Manual {
    fn is_filled(&self, section: Section) -> bool {
        match section {
            Section::ResponsibleUnit => !self.responsible_unit.is_empty(),
            Section::LegalBasis => !self.legal_basis.is_empty(),
            Section::Channels => !self.channels.is_empty(),
            Section::Criteria => !self.criteria.is_empty(),
            Section::Steps => !self.steps.is_empty(),
            Section::Documents => self.documents != Listing::Unset,
            Section::Fees => self.fees != Listing::Unset,
            Section::ComplaintChannels => !self.complaint_channels.is_empty(),
            Section::Forms => !self.forms.is_empty(),
            Section::Notes => !self.notes.is_empty(),
        }
    }

    /// The required sections still empty, in order.
    pub fn missing(&self) -> Vec<Section> {
        Section::ALL.into_iter().filter(|&s| s.is_required() && !self.is_filled(s)).collect()
    }

    /// The missing sections as field errors, for a refusal to submit or publish.
    pub fn missing_errors(&self) -> NamedErrors {
        self.missing().into_iter().map(|s| (s.code().to_owned(), FieldError::Required)).collect()
    }

    pub fn total_duration(&self) -> TotalDuration {
        // Parsing refuses a looping path, so a stored manual always has a total.
        total_duration(&self.steps).unwrap_or_default()
    }

    /// Every piece of text a citizen might search for, one per line.
    pub fn searchable_text(&self) -> String {
        let mut parts: Vec<&str> = vec![&self.responsible_unit, &self.legal_basis, &self.criteria];
        for channel in &self.channels {
            parts.extend([channel.place.as_str(), &channel.hours, &channel.contact]);
        }
        for step in &self.steps {
            parts.extend([step.title.as_str(), &step.description, &step.responsible_unit]);
        }
        for document in self.documents.items() {
            parts.extend([document.name.as_str(), &document.note]);
        }
        parts.extend(self.fees.items().iter().map(|f| f.item.as_str()));
        parts.push(&self.complaint_channels);
        parts.extend(self.forms.iter().map(|f| f.title.as_str()));
        parts.push(&self.notes);
        parts.retain(|p| !p.is_empty());
        parts.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_draft_misses_every_required_section_in_order() {
        let codes: Vec<_> = Manual::default().missing().into_iter().map(Section::code).collect();
        assert_eq!(
            codes,
            [
                "responsible_unit",
                "legal_basis",
                "channels",
                "criteria",
                "steps",
                "documents",
                "fees",
                "complaint_channels"
            ]
        );
    }

    #[test]
    fn saying_none_fills_documents_and_fees() {
        let manual = Manual { documents: Listing::None, fees: Listing::None, ..Manual::default() };
        assert!(!manual.missing().contains(&Section::Documents));
        assert!(!manual.missing().contains(&Section::Fees));
        assert_eq!(manual.documents.items(), &[] as &[RequiredDocument]);
    }
}
