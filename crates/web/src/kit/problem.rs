//! The schema of every API error, `application/problem+json` (RFC 9457), as
//! the OpenAPI document shows it; `error::render_errors` writes the bodies.

use serde::Serialize;
use utoipa::ToSchema;

/// An error, as `application/problem+json`.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "about:blank")]
    pub r#type: String,
    pub status: u16,
    pub title: String,
    /// What went wrong, in the client's language.
    pub detail: String,
    pub errors: Option<Vec<FieldProblem>>,
}

/// One refused field.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}
