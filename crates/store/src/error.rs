//! The store's one error type. The web layer maps it to HTTP once.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::TransitionError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A uniqueness rule refused the change; the string names what clashed.
    #[error("already exists: {0}")]
    Conflict(&'static str),
    #[error("invalid field: {0}")]
    Invalid(#[from] FieldError),
    /// A field refused against stored data (an unknown service code, say).
    #[error("invalid {field}: {error}")]
    InvalidField { field: &'static str, error: FieldError },
    #[error("{0}")]
    Transition(#[from] TransitionError),
    #[error("unsupported database URL: {0}")]
    UnsupportedUrl(String),
    #[error("migration {version} was changed after it was applied")]
    MigrationChanged { version: i64 },
    /// Stored data that no longer reads as its type: a bug, never user input.
    #[error("stored data unreadable: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
}

/// JSON the store wrote itself that no longer reads (or writes) as its type.
impl From<serde_json::Error> for StoreError {
    fn from(error: serde_json::Error) -> Self {
        Self::Corrupt(error.to_string())
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => Self::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => Self::Conflict("unique"),
            _ => Self::Database(error),
        }
    }
}
