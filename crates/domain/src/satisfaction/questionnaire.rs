//! A questionnaire: sections of items. A section of five-point items is a
//! dimension of the report; other sections hold choices, open questions
//! and the 0–10 recommendation.

use serde::{Deserialize, Serialize};

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ItemKind {
    /// 1..=5, or "not applicable".
    Scale,
    SingleChoice {
        options: Vec<Choice>,
    },
    MultipleChoice {
        options: Vec<Choice>,
    },
    ShortText,
    LongText,
    /// 0..=10: how likely the person is to recommend the service.
    Recommendation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub text_th: String,
    pub text_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable within the questionnaire's versions: before/after comparisons
    /// and the API refer to it.
    pub code: String,
    pub text_th: String,
    pub text_en: String,
    pub kind: ItemKind,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub code: String,
    pub title_th: String,
    pub title_en: String,
    pub items: Vec<Item>,
}

impl Section {
    /// A dimension: a section whose items are all five-point items.
    pub fn is_dimension(&self) -> bool {
        !self.items.is_empty() && self.items.iter().all(|i| i.kind == ItemKind::Scale)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub sections: Vec<Section>,
}

impl Questionnaire {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| &s.items)
    }

    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items().find(|i| i.code == code)
    }

    pub fn dimensions(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| s.is_dimension())
    }

    /// The five-point items, in order, each with its dimension's code.
    pub fn scale_items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.dimensions().flat_map(|d| d.items.iter().map(move |i| (d, i)))
    }
}
