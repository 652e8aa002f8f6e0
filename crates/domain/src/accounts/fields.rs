//! Input fields of accounts, parsed once into types that are valid by
//! construction.

use serde::Serialize;

/// Why a field was refused. The web layer maps each variant to a localized
/// message; the variants carry the figures the message needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("required")]
    Required,
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    #[error("shorter than {min} characters")]
    TooShort { min: usize },
    #[error("contains control characters")]
    ControlCharacters,
    #[error("not an e-mail address")]
    InvalidEmail,
    #[error("not a code of lowercase letters, digits and dashes")]
    InvalidCode,
    #[error("not a phone number")]
    InvalidPhone,
    #[error("unknown role")]
    UnknownRole,
    /// A field the request has no use for (a misspelt name, say).
    #[error("unknown field")]
    UnknownField,
    /// A value of the wrong kind: text where a number goes, say.
    #[error("wrong type of value")]
    WrongType,
    #[error("this role needs a division")]
    DivisionRequired,
    #[error("no such division")]
    UnknownDivision,
    #[error("not one of the allowed choices")]
    UnknownChoice,
    #[error("not a tracking code like RJ-2570-000123")]
    InvalidTrackingCode,
    #[error("larger than {max_mib} MiB")]
    FileTooLarge { max_mib: usize },
    #[error("not a PDF, JPEG, PNG, DOCX or XLSX file")]
    FileType,
    #[error("more than {max} files")]
    TooManyFiles { max: usize },
    #[error("already used for a different request")]
    KeyReused,
    #[error("cannot merge into itself or into a duplicate")]
    MergeTarget,
    #[error("not a date like 2026-12-31")]
    InvalidDate,
    #[error("closes before it opens")]
    ClosesBeforeOpening,
    #[error("not open for comments")]
    NotOpen,
    #[error("not a whole number")]
    NotANumber,
    #[error("not between {min} and {max}")]
    OutOfRange { min: u32, max: u32 },
    #[error("no registration has this code")]
    UnknownRegistration,
    #[error("not a JPEG or PNG image")]
    NotAnImage,
    #[error("already registered with this e-mail address")]
    AlreadyRegistered,
    #[error("already exists")]
    AlreadyExists,
    #[error("more than {max} rows")]
    TooManyRows { max: usize },
    #[error("differs from row {row} for the same organisation")]
    DiffersFromEarlierRow { row: usize },
    #[error("leads to itself")]
    SelfReference,
    #[error("the usual path comes back here and never ends")]
    StepLoop,
    #[error("no step leads here")]
    Unreachable,
    #[error("needs at least {min} choices")]
    TooFewChoices { min: usize },
    #[error("a section of five-point items holds only five-point items")]
    MixedSection,
    #[error("needs at least one five-point item")]
    NeedsScaleItem,
    #[error("not a document code of letters, digits and dashes")]
    InvalidDocumentCode,
    #[error("is before today")]
    BeforeToday,
    #[error("the service has no citizen manual in force")]
    NothingPublished,
    #[error("not a number like 81.25")]
    NotADecimal,
    #[error("more than {max} decimal places")]
    TooManyPlaces { max: usize },
    #[error("must rise or fall from each level to the next")]
    NotMonotonic,
}

/// Field errors under names known only at run time (`steps.3.title`).
pub type NamedErrors = Vec<(String, FieldError)>;

/// An e-mail address, trimmed and lower-cased so that it identifies one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub const MAX_CHARS: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(FieldError::Required);
        }
        if email.chars().count() > Self::MAX_CHARS {
            return Err(FieldError::TooLong { max: Self::MAX_CHARS });
        }
        let Some((local, domain)) = email.split_once('@') else {
            return Err(FieldError::InvalidEmail);
        };
        let plausible = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"(),;:[]\\".contains(c));
        if plausible { Ok(Self(email)) } else { Err(FieldError::InvalidEmail) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The distinct addresses of a list, each word with where it came from
    /// (a line, a position); every word that is no address is refused with
    /// its place, so the list can be fixed at once.
    pub fn distinct<'a, K>(
        words: impl IntoIterator<Item = (K, &'a str)>,
    ) -> Result<Vec<Self>, Vec<(K, &'a str, FieldError)>> {
        let (mut addresses, mut refused) = (Vec::<Self>::new(), Vec::new());
        for (place, word) in words {
            match Self::parse(word) {
                Ok(email) if !addresses.contains(&email) => addresses.push(email),
                Ok(_) => {}
                Err(error) => refused.push((place, word, error)),
            }
        }
        if refused.is_empty() { Ok(addresses) } else { Err(refused) }
    }
}

/// A new password: long enough to resist guessing, short enough to hash cheaply.
/// Its `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.chars().count() {
            0 => Err(FieldError::Required),
            n if n < Self::MIN_CHARS => Err(FieldError::TooShort { min: Self::MIN_CHARS }),
            n if n > Self::MAX_CHARS => Err(FieldError::TooLong { max: Self::MAX_CHARS }),
            _ => Ok(Self(raw.to_owned())),
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized_to_lowercase() {
        assert_eq!(Email::parse("  Officer@ICT.moi.go.th ").unwrap().as_str(), "officer@ict.moi.go.th");
    }

    #[test]
    fn implausible_emails_are_refused() {
        for raw in ["", "no-at-sign", "a@b", "@x.th", "a@.th", "a b@x.th", "a@x.th.", "a@b@c.th", "<a>@x.th"]
        {
            assert!(Email::parse(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn passwords_have_bounds_and_a_discreet_debug() {
        assert_eq!(Password::parse("short"), Err(FieldError::TooShort { min: 10 }));
        assert!(Password::parse("ยาวพอแล้วนะครับ").is_ok());
        assert_eq!(format!("{:?}", Password::parse("0123456789").unwrap()), "Password(***)");
    }

    #[test]
    fn a_list_of_addresses_keeps_each_once_and_names_every_wrong_word() {
        let list = [(1, "A@Example.com"), (1, "a@example.com"), (2, "b@example.com")];
        let distinct = Email::distinct(list).unwrap();
        assert_eq!(
            distinct.iter().map(Email::as_str).collect::<Vec<_>>(),
            ["a@example.com", "b@example.com"]
        );
        let wrong = Email::distinct([(1, "a@example.com"), (2, "nobody"), (3, "x@y")]).unwrap_err();
        assert_eq!(wrong, [(2, "nobody", FieldError::InvalidEmail), (3, "x@y", FieldError::InvalidEmail)]);
    }
}
