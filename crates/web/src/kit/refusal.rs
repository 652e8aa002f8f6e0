//! Why a use case refused a form: the fields to show again beside their
//! input, or any other error, rendered as the error page or problem.

use ruamjai_domain::participation::submission::FieldErrors;

use crate::AppError;

/// Why a form was refused.
pub enum Refusal {
    Fields(FieldErrors),
    Other(AppError),
}

impl From<AppError> for Refusal {
    fn from(error: AppError) -> Self {
        Self::Other(error)
    }
}
