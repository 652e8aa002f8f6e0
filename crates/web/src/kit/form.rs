//! A refused form shown again: each refused field with its message in the
//! page's language, read by the templates through the `kit.html` macros
//! (`form_alert` above the form, `field_error` beside each field).

use ruamjai_domain::accounts::FieldError;

use crate::error::field_message;
use crate::i18n::Locale;

/// The refused fields of one form, in the order the rules found them.
#[derive(Debug, Default)]
pub struct FormErrors(Vec<(String, String)>);

impl FormErrors {
    pub fn of<F: AsRef<str>>(locale: Locale, refused: &[(F, FieldError)]) -> Self {
        Self(
            refused
                .iter()
                .map(|(field, error)| (field.as_ref().to_owned(), field_message(locale, error)))
                .collect(),
        )
    }

    /// The message for `field`, if it was refused.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, message)| message.as_str())
    }

    /// The first message of a field that `belongs` says is shown in one
    /// place (a row's error on the box that holds the rows).
    pub fn first_of(&self, belongs: impl Fn(&str) -> bool) -> Option<&str> {
        self.0.iter().find(|(f, _)| belongs(f)).map(|(_, message)| message.as_str())
    }

    /// Every refused field with its message, for the summary above a long form.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(field, message)| (field.as_str(), message.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_field_reads_its_message_in_the_page_language() {
        let errors = FormErrors::of(Locale::En, &[("email", FieldError::Required)]);
        assert!(errors.get("email").is_some_and(|m| !m.is_empty()));
        assert_eq!(errors.get("name"), None);
        assert_ne!(
            FormErrors::of(Locale::Th, &[("email", FieldError::Required)]).get("email"),
            errors.get("email")
        );
    }

    #[test]
    fn first_of_finds_a_field_by_where_it_is_shown() {
        let errors = FormErrors::of(Locale::En, &[("items.2.options.0".to_owned(), FieldError::Required)]);
        assert!(errors.first_of(|f| f.starts_with("items.2.options.")).is_some());
        assert_eq!(errors.get("items.2"), None);
    }
}
