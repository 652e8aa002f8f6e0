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

/// What every staff endpoint may answer besides its own outcomes.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Only its documentation is used; the bodies are `AppError`s.
pub enum StaffRefusals {
    /// No valid bearer token.
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthenticated(Problem),
    /// The token's role, or its division, may not do this.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(Problem),
}

/// What a staff endpoint that takes a JSON body may answer besides.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum BodyRefusals {
    /// The body is not JSON.
    #[response(status = 400, content_type = "application/problem+json")]
    Malformed(Problem),
    /// A field is refused, unknown or missing; `errors` names each.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
}

/// The thing asked for does not exist.
#[derive(utoipa::IntoResponses)]
#[response(status = 404, content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct NotFound(Problem);

/// The thing is not where the operation applies (a revision in review
/// cannot be edited, say); `detail` says why.
#[derive(utoipa::IntoResponses)]
#[response(status = 409, content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct Conflicted(Problem);
