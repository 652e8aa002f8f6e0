//! One error type for the web layer, and the one place where errors become
//! responses: `render_errors` turns every error status, ours or axum's own
//! rejections, into a localized HTML page or an `application/problem+json`
//! body. Internals are logged here and never shown.

use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ruamjai_domain::accounts::FieldError;
use ruamjai_store::StoreError;
use serde_json::json;

use crate::i18n::{Locale, api_locale, page_locale};
use crate::page::error_page;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not allowed for this role")]
    Forbidden,
    #[error("missing or wrong CSRF token")]
    Csrf,
    #[error("malformed request")]
    BadRequest,
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("unsupported content type")]
    UnsupportedMediaType,
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
    #[error("conflicts with existing data: {0}")]
    Conflict(&'static str),
    /// A conflict one field can resolve: shown as 409 with that field.
    #[error("conflicts with existing data: {key} ({field})")]
    ConflictOn { key: &'static str, field: &'static str, reason: FieldError },
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("dependency unavailable")]
    Unavailable,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        ruamjai_app::Error::from(error).into()
    }
}

/// The use cases' errors, mapped to the web's once.
impl From<ruamjai_app::Error> for AppError {
    fn from(error: ruamjai_app::Error) -> Self {
        use ruamjai_app::Error as E;
        match error {
            E::NotFound => Self::NotFound,
            E::Unauthenticated => Self::Unauthenticated,
            E::Forbidden => Self::Forbidden,
            E::Invalid(fields) => Self::Invalid(fields),
            E::InvalidItems(fields) => Self::InvalidItems(fields),
            E::Refused(what) => Self::Refused(what),
            E::Gone(what) => Self::Gone(what),
            E::Conflict(what) => Self::Conflict(what),
            E::ConflictOn { key, field, reason } => Self::ConflictOn { key, field, reason },
            E::TooManyRequests { retry_after_secs } => Self::TooManyRequests { retry_after_secs },
            E::Unavailable => Self::Unavailable,
            E::Internal(detail) => Self::Internal(detail),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        Self::Internal(format!("template: {error}"))
    }
}

/// What `render_errors` needs to know about an error: its message key and fields.
#[derive(Debug, Clone)]
pub(crate) struct ErrorInfo {
    key: &'static str,
    fields: Vec<(String, FieldError)>,
}

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::Csrf | Self::Refused(_) => StatusCode::FORBIDDEN,
            Self::Gone(_) => StatusCode::GONE,
            Self::InvalidItems(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict(_) | Self::ConflictOn { .. } => StatusCode::CONFLICT,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn key(&self) -> &'static str {
        match self {
            Self::Csrf => "error-csrf",
            Self::Conflict("transition") => "error-transition",
            Self::Conflict("builtin-questionnaire") => "error-builtin-questionnaire",
            Self::Conflict("version-not-draft") => "error-version-not-draft",
            Self::Conflict("consultation-open") => "error-consultation-open",
            Self::Conflict("not-publishable") => "error-not-publishable",
            Self::Conflict("already-registered") => "error-already-registered",
            Self::Conflict("already-checked-in") => "error-already-checked-in",
            Self::Conflict("waitlisted") => "error-waitlisted",
            Self::Conflict("registration-cancelled") => "error-registration-cancelled",
            Self::Conflict("capacity-below-registered") => "error-capacity-below-registered",
            Self::Conflict("token-used") => "error-token-used",
            Self::Conflict("token-expired") => "error-token-expired",
            Self::Conflict("not-a-token-survey") => "error-not-a-token-survey",
            Self::Conflict("token-survey-poster") => "error-token-survey-poster",
            Self::Conflict("not-in-force") => "error-not-in-force",
            Self::Conflict("nothing-in-force") => "error-nothing-in-force",
            Self::Conflict("draft-open") => "error-draft-open",
            Self::Conflict("no-draft") => "error-no-draft",
            Self::Conflict("details-fixed") => "error-details-fixed",
            Self::Conflict("pack-first") => "error-pack-first",
            Self::Conflict("pack-not-done") => "error-pack-not-done",
            Self::Conflict(_) => "error-conflict",
            Self::ConflictOn { key: "capacity-below-registered", .. } => "error-capacity-below-registered",
            Self::ConflictOn { .. } => "error-conflict",
            Self::Refused("survey-not-open") => "error-survey-not-open",
            Self::Refused("token-unknown") => "error-token-unknown",
            Self::Refused("not-the-author") => "error-not-the-author",
            Self::Refused("own-revision") => "error-own-revision",
            Self::Refused("already-reviewed") => "error-already-reviewed",
            Self::Refused("not-addressed") => "error-not-addressed",
            Self::Gone("survey-closed") => "error-survey-closed",
            Self::Gone("pack-file") => "error-pack-file-gone",
            other => key_of_status(other.status()),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Self::Internal(detail) = &self {
            tracing::error!(%detail, "request failed");
        }
        let mut response = self.status().into_response();
        match &self {
            Self::TooManyRequests { retry_after_secs } => {
                response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            }
            Self::Unauthenticated => {
                response.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        let key = self.key();
        let fields = match self {
            Self::Invalid(fields) => fields.into_iter().map(|(f, e)| (f.to_owned(), e)).collect(),
            Self::InvalidItems(fields) => fields,
            Self::ConflictOn { field, reason, .. } => vec![(field.to_owned(), reason)],
            _ => Vec::new(),
        };
        response.extensions_mut().insert(ErrorInfo { key, fields });
        response
    }
}

fn key_of_status(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "error-unauthenticated",
        403 => "error-forbidden",
        404 => "error-not-found",
        410 => "error-gone",
        405 => "error-method-not-allowed",
        409 => "error-conflict",
        413 => "error-payload-too-large",
        415 => "error-unsupported-media-type",
        422 => "error-unprocessable",
        429 => "error-too-many-requests",
        503 => "error-unavailable",
        // 400 and the client errors without a message of their own.
        400..=499 => "error-bad-request",
        _ => "error-internal",
    }
}

pub(crate) use ruamjai_i18n::field_message;

/// Gives every error response a localized body, unless a handler already
/// rendered one (an HTML form shown again with its messages, say).
pub async fn render_errors(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let locale = if is_api { api_locale(request.headers()) } else { page_locale(request.headers()) };
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let info = response.extensions().get::<ErrorInfo>().cloned();
    if info.is_none() && already_rendered(&response) {
        return response;
    }
    let info = info.unwrap_or(ErrorInfo { key: key_of_status(status), fields: Vec::new() });
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_TYPE);
    let body =
        if is_api { problem_json(locale, status, &info) } else { error_page(locale, status, info.key) };
    let (body_parts, body) = body.into_parts();
    parts.headers.extend(body_parts.headers);
    Response::from_parts(parts, body)
}

fn already_rendered(response: &Response) -> bool {
    response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/problem+json"))
}

fn problem_json(locale: Locale, status: StatusCode, info: &ErrorInfo) -> Response {
    let errors: Vec<_> = info
        .fields
        .iter()
        .map(|(field, error)| json!({ "field": field, "message": field_message(locale, error) }))
        .collect();
    let mut body = json!({
        "type": "about:blank",
        "status": status.as_u16(),
        "title": locale.t(info.key),
        "detail": locale.t(&format!("{}-detail", info.key)),
    });
    if !errors.is_empty() {
        body["errors"] = json!(errors);
    }
    let mut response = axum::Json(body).into_response();
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    response
}
