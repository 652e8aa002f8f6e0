//! The Center's catalog: divisions, services and stakeholder groups.
//!
//! Each entry has a stable `code` (a lowercase slug used in URLs and the API)
//! and Thai and English names. The seed catalog of the ICT Center lives in the
//! first database migration; this module holds the rules for editing it.

use serde::Serialize;

use crate::accounts::FieldError;

/// A stable, URL-safe code: 2–40 characters of `a-z`, `0-9` and `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Code(String);

impl Code {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        let valid_chars = raw.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if (2..=40).contains(&raw.len()) && valid_chars && !raw.starts_with('-') && !raw.ends_with('-') {
            Ok(Self(raw.to_owned()))
        } else {
            Err(FieldError::InvalidCode)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A display name: trimmed, non-empty, at most 300 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Name(String);

impl Name {
    pub const MAX_CHARS: usize = 300;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let trimmed = raw.trim();
        match trimmed.chars().count() {
            0 => Err(FieldError::Required),
            n if n > Self::MAX_CHARS => Err(FieldError::TooLong { max: Self::MAX_CHARS }),
            _ if trimmed.chars().any(char::is_control) => Err(FieldError::ControlCharacters),
            _ => Ok(Self(trimmed.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A Thai office phone as printed ("0 2282 6581"): digits, spaces, `-` and `+`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let trimmed = raw.trim();
        let digits = trimmed.bytes().filter(u8::is_ascii_digit).count();
        let allowed = trimmed.bytes().all(|b| b.is_ascii_digit() || b" -+()".contains(&b));
        if allowed && (3..=15).contains(&digits) {
            Ok(Self(trimmed.to_owned()))
        } else {
            Err(FieldError::InvalidPhone)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A division of the Center, with its office phone and internal extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Division {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    pub phone: String,
    pub extension: String,
}

/// One of the Center's services, owned by a division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Service {
    pub code: String,
    pub number: i32,
    pub name_th: String,
    pub name_en: String,
    pub division_code: String,
}

/// A group of service users and stakeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StakeholderGroup {
    pub code: String,
    pub number: i32,
    pub name_th: String,
    pub name_en: String,
}

/// The catalog as read for display: everything active, in sheet order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Catalog {
    pub divisions: Vec<Division>,
    pub services: Vec<Service>,
    pub groups: Vec<StakeholderGroup>,
}

impl Catalog {
    pub fn service(&self, code: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.code == code)
    }

    pub fn division(&self, code: &str) -> Option<&Division> {
        self.divisions.iter().find(|d| d.code == code)
    }
}

/// An administrator's edit of the names of a catalog entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamesEdit {
    pub name_th: Name,
    pub name_en: Name,
}

/// An administrator's edit of a division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DivisionEdit {
    pub names: NamesEdit,
    pub phone: Phone,
    pub extension: Phone,
}

/// An administrator's edit of a service: its names and owning division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceEdit {
    pub names: NamesEdit,
    pub division: Code,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_lowercase_slugs() {
        assert!(Code::parse("ict-training").is_ok());
        assert!(Code::parse(" msat ").is_ok());
        assert_eq!(Code::parse("MSAT"), Err(FieldError::InvalidCode));
        assert_eq!(Code::parse("-x"), Err(FieldError::InvalidCode));
        assert_eq!(Code::parse("a"), Err(FieldError::InvalidCode));
        assert_eq!(Code::parse("a/b"), Err(FieldError::InvalidCode));
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(Name::parse("  จังหวัด ").unwrap().as_str(), "จังหวัด");
        assert_eq!(Name::parse("   "), Err(FieldError::Required));
        assert_eq!(Name::parse(&"ก".repeat(301)), Err(FieldError::TooLong { max: 300 }));
        assert_eq!(Name::parse("a\u{0}b"), Err(FieldError::ControlCharacters));
    }

    #[test]
    fn phones_keep_their_printed_form() {
        assert_eq!(Phone::parse("0 2282 6581").unwrap().as_str(), "0 2282 6581");
        assert!(Phone::parse("51401").is_ok());
        assert_eq!(Phone::parse("call me"), Err(FieldError::InvalidPhone));
    }
}
