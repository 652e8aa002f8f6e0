//! Public submissions over the API, for other systems and apps.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, TrackingCode};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::ClientAddress;
use crate::kit::ApiJson;
use crate::kit::Refusal;
use crate::kit::json::rfc3339;
use crate::participation::{Retry, file_public, tracking_url};
use crate::{AppError, AppState};
use ruamjai_app::participation::filing;

/// A new submission.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionRequest {
    /// request, suggestion, complaint, compliment or question.
    #[schema(example = "complaint")]
    pub kind: String,
    /// A service code from `/api/v1/services`, or `general`.
    #[schema(example = "video-conference")]
    pub service_id: String,
    /// A group code from `/api/v1/stakeholder-groups`.
    #[schema(example = "provinces")]
    pub group_id: String,
    pub subject: String,
    pub details: String,
    pub contact: Option<ContactRequest>,
}

/// How to reach the submitter; every field optional.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactRequest {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// What to keep: the code and the token together show the submission.
#[derive(Serialize, ToSchema)]
pub struct SubmissionReceipt {
    #[schema(example = "RJ-2570-000123")]
    pub code: String,
    pub token: String,
    pub tracking_url: String,
}

/// File a request, suggestion, complaint, compliment or question.
///
/// With an `Idempotency-Key` header (any unique string of up to 255 visible
/// characters, such as a UUID), a retried request returns the first result
/// instead of filing a duplicate, for 24 hours. The same key with a different
/// body is refused with 422.
#[utoipa::path(post, path = "/api/v1/submissions", tag = "participation", request_body = SubmissionRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried submit return the first result")),
    responses(
        (status = 201, description = "Filed (or, for a retried key, filed before)", body = SubmissionReceipt),
        (status = 422, description = "A field is refused; `errors` names it", body = crate::kit::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many submissions from this address", body = crate::kit::Problem, content_type = "application/problem+json"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    address: ClientAddress,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SubmissionRequest>,
) -> Result<Response, AppError> {
    let key = idempotency_key(&headers)?;
    // The parsed body, serialized again, so that spacing and field order do
    // not make a retry look like another request.
    let canonical = serde_json::to_vec(&body).map_err(|e| AppError::Internal(e.to_string()))?;
    let retry = key.map(|key| Retry { key, body: &canonical });
    let contact = body.contact.unwrap_or(ContactRequest { name: None, email: None, phone: None });
    let input = SubmissionInput {
        kind: body.kind,
        service: body.service_id,
        group: body.group_id,
        subject: body.subject,
        details: body.details,
        contact_name: contact.name.unwrap_or_default(),
        contact_email: contact.email.unwrap_or_default(),
        contact_phone: contact.phone.unwrap_or_default(),
    };
    match file_public(&state, &input, Channel::Api, address, &[], retry).await {
        Ok(receipt) => {
            let body = SubmissionReceipt {
                code: receipt.filed.code.to_string(),
                token: receipt.token.clone(),
                tracking_url: tracking_url(&state, &receipt),
            };
            Ok((StatusCode::CREATED, Json(body)).into_response())
        }
        // The API names fields as its request does.
        Err(Refusal::Fields(errors)) => Err(AppError::Invalid(
            errors.into_iter().map(|(field, error)| (api_field(field), error)).collect(),
        )),
        Err(Refusal::Other(error)) => Err(error),
    }
}

/// The `Idempotency-Key` header, when sent: at most 255 visible ASCII characters.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<&str>, AppError> {
    let Some(value) = headers.get("idempotency-key") else { return Ok(None) };
    let key = value.to_str().unwrap_or_default().trim();
    let refused = |error| AppError::Invalid(vec![("idempotency_key", error)]);
    if key.is_empty() {
        return Err(refused(FieldError::Required));
    }
    if key.len() > 255 {
        return Err(refused(FieldError::TooLong { max: 255 }));
    }
    if !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(refused(FieldError::ControlCharacters));
    }
    Ok(Some(key))
}

fn api_field(field: &'static str) -> &'static str {
    match field {
        "service" => "service_id",
        "group" => "group_id",
        other => other,
    }
}

#[derive(Deserialize, IntoParams)]
pub struct TokenQuery {
    /// The token given with the code.
    token: String,
}

/// A submission as its submitter sees it.
#[derive(Serialize, ToSchema)]
pub struct TrackedDto {
    pub code: String,
    pub kind: String,
    pub status: String,
    pub service_id: Option<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub events: Vec<EventDto>,
}

/// One public step of the timeline.
#[derive(Serialize, ToSchema)]
pub struct EventDto {
    pub at: String,
    pub status: Option<String>,
    pub reply: Option<String>,
}

/// Follow a submission with its code and token.
#[utoipa::path(get, path = "/api/v1/submissions/{code}", tag = "participation",
    params(("code" = String, Path, description = "Tracking code, e.g. RJ-2570-000123"), TokenQuery),
    responses(
        (status = 200, description = "The public timeline", body = TrackedDto),
        (status = 404, description = "Unknown code or wrong token (indistinguishable)", body = crate::kit::Problem, content_type = "application/problem+json"),
    ))]
pub async fn track(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<TokenQuery>,
) -> Result<Json<TrackedDto>, AppError> {
    let code = TrackingCode::parse(&code).map_err(|_| AppError::NotFound)?;
    let found = filing::tracked(&state.app, code, &q.token).await?.ok_or(AppError::NotFound)?;
    Ok(Json(TrackedDto {
        code: found.code.to_string(),
        kind: found.kind.code().to_owned(),
        status: found.status.code().to_owned(),
        service_id: found.service_code,
        created_at: rfc3339(found.created_at),
        events: found
            .events
            .into_iter()
            .map(|e| EventDto {
                at: rfc3339(e.at),
                status: e.status.map(|s| s.code().to_owned()),
                reply: e.reply,
            })
            .collect(),
    }))
}
