//! The product's codes for a questionnaire's sections, items and choices:
//! kept from version to version, and fresh ones never used by any version.

use std::collections::HashSet;

use super::QuestionnaireInput;
use crate::accounts::{FieldError, NamedErrors};
use crate::catalog::Code;
use crate::satisfaction::questionnaire::{Choice, ItemKind, Questionnaire};

/// The codes of every earlier version, so new ones never repeat them.
pub(super) struct Codes<'a> {
    earlier: &'a [Questionnaire],
    used: HashSet<String>,
}

impl<'a> Codes<'a> {
    pub(super) fn new(earlier: &'a [Questionnaire], input: &QuestionnaireInput) -> Self {
        let mut used: HashSet<String> = HashSet::new();
        for q in earlier {
            used.extend(q.sections.iter().map(|s| s.code.clone()));
            used.extend(q.items().map(|i| i.code.clone()));
        }
        for s in &input.sections {
            used.insert(s.code.clone());
            used.extend(s.items.iter().map(|i| i.code.clone()));
        }
        Self { earlier, used }
    }

    /// `prefix` followed by the first number free.
    pub(super) fn fresh(&mut self, prefix: &str) -> String {
        let code = (1..).map(|n| format!("{prefix}{n}")).find(|c| !self.used.contains(c)).unwrap_or_default();
        self.used.insert(code.clone());
        code
    }

    /// The choices an earlier version gave this item.
    fn earlier_choices(&self, item: &'a str) -> impl Iterator<Item = &'a Choice> {
        self.earlier.iter().rev().filter_map(move |q| q.item(item)).flat_map(|i| match &i.kind {
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => options.as_slice(),
            _ => &[],
        })
    }

    /// A new choice keeps the code an earlier version gave the same text.
    pub(super) fn choice(&self, item: &'a str, text_th: &str) -> Option<String> {
        self.earlier_choices(item).find(|c| c.text_th == text_th).map(|c| c.code.clone())
    }

    pub(super) fn choice_codes(&self, item: &'a str) -> HashSet<String> {
        self.earlier_choices(item).map(|c| c.code.clone()).collect()
    }
}

/// A code sent back as the editor showed it, or a fresh one for a new row.
pub(super) fn given_code(
    raw: &str,
    field: &str,
    prefix: &str,
    codes: &mut Codes,
    seen: &mut HashSet<String>,
    errors: &mut NamedErrors,
) -> String {
    let code = if raw.trim().is_empty() {
        codes.fresh(prefix)
    } else {
        match Code::parse(raw) {
            Ok(code) => code.as_str().to_owned(),
            Err(error) => {
                errors.push((field.to_owned(), error));
                return raw.to_owned();
            }
        }
    };
    if !seen.insert(code.clone()) {
        errors.push((field.to_owned(), FieldError::AlreadyExists));
    }
    code
}
