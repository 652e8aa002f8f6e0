//! JSON request bodies, read so that a refusal names the field: an unknown
//! field (`service` sent for `service_id`), a missing one, or a value of the
//! wrong type each come back as a 422 whose `errors` list says where.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Subject};
use serde::de::DeserializeOwned;
use serde_path_to_error::{Path, Segment};

use crate::AppError;

/// An instant as the API writes it everywhere: RFC 3339, UTC.
pub fn rfc3339(at: time::OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// Refused fields under the names the API gives them, where a rule names a
/// field as the form does (`("groups", "group_ids")`).
pub fn refused_as(
    renames: &[(&'static str, &'static str)],
    errors: Vec<(&'static str, FieldError)>,
) -> AppError {
    let api_name =
        |field: &'static str| renames.iter().find(|(form, _)| *form == field).map_or(field, |(_, api)| *api);
    AppError::Invalid(errors.into_iter().map(|(field, error)| (api_name(field), error)).collect())
}

/// A use case's refusal, its fields under the API's names.
pub fn app_refused_as(renames: &[(&'static str, &'static str)], error: ruamjai_app::Error) -> AppError {
    match error {
        ruamjai_app::Error::Invalid(errors) => refused_as(renames, errors),
        other => other.into(),
    }
}

/// What was created, by its id.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

/// `201 Created` with the new thing's id.
pub fn created(id: i64) -> axum::response::Response {
    use axum::response::IntoResponse;
    (axum::http::StatusCode::CREATED, axum::Json(Created { id })).into_response()
}

/// Like `axum::Json`, with refusals that name their field.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let raw = RawJson::from_request(request, state).await?;
        raw.parse().map(Self)
    }
}

/// A JSON body read but not yet judged: an operation that only some roles
/// may call says so (403) before it says what was wrong with the body (422).
#[derive(Debug)]
pub struct RawJson(Bytes);

impl RawJson {
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        parse(&self.0)
    }

    /// The body as `T`, once `caller` may do `action` to `subject` at all
    /// (the use case still judges the thing itself).
    pub fn parse_for<T: DeserializeOwned>(
        &self,
        caller: &ruamjai_app::Caller,
        (subject, action): (Subject, Action),
    ) -> Result<T, AppError> {
        if !caller.could(subject, action) {
            return Err(AppError::Forbidden);
        }
        self.parse()
    }
}

impl<S: Send + Sync> FromRequest<S> for RawJson {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|media| {
                let media = media.trim();
                media == "application/json" || (media.starts_with("application/") && media.ends_with("+json"))
            });
        if !is_json {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge
            } else {
                AppError::BadRequest
            }
        })?;
        Ok(Self(bytes))
    }
}

/// The body as `T`, or the field it got wrong.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(refusal)?;
    deserializer.end().map_err(|_| AppError::BadRequest)?;
    Ok(value)
}

fn refusal(error: serde_path_to_error::Error<serde_json::Error>) -> AppError {
    let path = dotted(error.path());
    let inner = error.into_inner();
    if inner.is_syntax() || inner.is_eof() || inner.is_io() {
        return AppError::BadRequest;
    }
    let message = inner.to_string();
    // The path of an unknown field ends with it; a missing one's is its parent's.
    let (field, reason) = if message.starts_with("unknown field") {
        (path, FieldError::UnknownField)
    } else if let Some(name) = quoted_after(&message, "missing field `") {
        (join(&path, name), FieldError::Required)
    } else if message.starts_with("unknown variant") {
        (path, FieldError::UnknownChoice)
    } else {
        (path, FieldError::WrongType)
    };
    AppError::InvalidItems(vec![(field, reason)])
}

/// `sections.2.items` as the API's other field names read.
fn dotted(path: &Path) -> String {
    let parts: Vec<String> = path
        .iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Unknown => None,
        })
        .collect();
    let joined = parts.join(".");
    if joined.is_empty() { ".".into() } else { joined }
}

fn join(parent: &str, name: &str) -> String {
    match parent {
        "." | "" => name.to_owned(),
        parent => format!("{parent}.{name}"),
    }
}

fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Filing {
        service_id: String,
        contact: Option<Contact>,
        items: Option<Vec<Item>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Contact {
        email: String,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        score: u8,
    }

    fn refused(body: &str) -> Vec<(String, FieldError)> {
        match parse::<Filing>(body.as_bytes()) {
            Err(AppError::InvalidItems(fields)) => fields,
            other => panic!("not a field refusal: {other:?}"),
        }
    }

    #[test]
    fn each_refusal_names_its_field() {
        assert_eq!(
            refused(r#"{"service": "x", "service_id": "video-conference"}"#),
            [("service".to_owned(), FieldError::UnknownField)]
        );
        assert_eq!(refused(r#"{}"#), [("service_id".to_owned(), FieldError::Required)]);
        assert_eq!(
            refused(r#"{"service_id": "a", "contact": {}}"#),
            [("contact.email".to_owned(), FieldError::Required)]
        );
        assert_eq!(refused(r#"{"service_id": 7}"#), [("service_id".to_owned(), FieldError::WrongType)]);
        assert_eq!(
            refused(r#"{"service_id": "a", "items": [{"score": 5}, {"score": "five"}]}"#),
            [("items.1.score".to_owned(), FieldError::WrongType)]
        );
    }

    #[test]
    fn broken_json_is_a_bad_request_not_a_field() {
        assert!(matches!(parse::<Filing>(b"{\"service_id\": "), Err(AppError::BadRequest)));
        assert!(matches!(parse::<Filing>(b"{\"service_id\": \"a\"} trailing"), Err(AppError::BadRequest)));
    }
}
