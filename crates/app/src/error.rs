//! The one error of the use-case layer. The web layer maps it to a status
//! and a localized message in one place; the CLI prints it.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::TransitionError;
use ruamjai_store::StoreError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    /// The public asked for something only staff may do.
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not allowed for this caller")]
    Forbidden,
    /// Fields refused, each with its reason (a message key of its own).
    #[error("invalid fields")]
    Invalid(Vec<(&'static str, FieldError)>),
    /// Fields named at run time: the items of a questionnaire.
    #[error("invalid answers")]
    InvalidItems(Vec<(String, FieldError)>),
    /// Refused for a reason with a message of its own (the key's suffix).
    #[error("refused: {0}")]
    Refused(&'static str),
    /// No longer possible (a closed survey): the key's suffix.
    #[error("gone: {0}")]
    Gone(&'static str),
    /// The data as it stands does not allow it: the key's suffix.
    #[error("conflicts with existing data: {0}")]
    Conflict(&'static str),
    /// A conflict that one field can resolve (a capacity below the places
    /// taken): the key's suffix, and what the field must be.
    #[error("conflicts with existing data: {key} ({field})")]
    ConflictOn { key: &'static str, field: &'static str, reason: FieldError },
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("dependency unavailable")]
    Unavailable,
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// One refused field.
    pub fn field(field: &'static str, reason: FieldError) -> Self {
        Self::Invalid(vec![(field, reason)])
    }
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => Self::NotFound,
            StoreError::Conflict(what) => Self::Conflict(what),
            StoreError::Invalid(field) => Self::Invalid(vec![("", field)]),
            StoreError::InvalidField { field, error } => Self::Invalid(vec![(field, error)]),
            StoreError::Transition(TransitionError::NotAllowed { .. }) => Self::Conflict("transition"),
            StoreError::Transition(TransitionError::ReasonRequired) => {
                Self::Invalid(vec![("text", FieldError::Required)])
            }
            other => Self::Internal(other.to_string()),
        }
    }
}
