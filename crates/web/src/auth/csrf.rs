//! CSRF protection for every state-changing form.
//!
//! Signed-in forms carry the session's token (synchronizer pattern); the
//! login form, before any session exists, carries the value of the `rj_csrf`
//! cookie (double submit). Either way a cross-site page can neither read the
//! token nor, thanks to `SameSite=Lax`, send our cookies with its POST; a
//! present `Origin` header must also name this host.

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::HeaderMap;
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::cookie;
use super::session::CurrentSession;
use crate::AppError;
use ruamjai_app::secrets::same_secret;

pub const CSRF_COOKIE: &str = "rj_csrf";
pub const CSRF_FIELD: &str = "csrf";

/// A form body whose CSRF token was checked before it was parsed into `T`.
#[derive(Debug)]
pub struct CsrfForm<T>(pub T);

#[derive(Deserialize)]
struct TokenOnly {
    csrf: Option<String>,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let headers = request.headers().clone();
        let expected = expected_token(&request).map(str::to_owned);
        if !same_origin(&headers) {
            return Err(AppError::Csrf.into_response());
        }
        let body = Bytes::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        let submitted = serde_urlencoded::from_bytes::<TokenOnly>(&body).ok().and_then(|t| t.csrf);
        check_token(expected, submitted).map_err(IntoResponse::into_response)?;
        serde_urlencoded::from_bytes(&body).map(Self).map_err(|_| AppError::BadRequest.into_response())
    }
}

fn check_token(expected: Option<String>, submitted: Option<String>) -> Result<(), AppError> {
    let matches = matches!((expected, submitted), (Some(e), Some(s)) if same_secret(&e, &s));
    if matches { Ok(()) } else { Err(AppError::Csrf) }
}

/// A form that may carry files, whose CSRF token was checked. It takes
/// `multipart/form-data` and, from clients that send no files, a plain
/// URL-encoded form. Files beyond the size limit are cut short (one byte past
/// the limit), so the handler can name the file instead of failing the request.
#[derive(Debug)]
pub struct CsrfMultipart {
    fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

/// One uploaded file as received.
#[derive(Debug)]
pub struct Upload {
    pub file_name: String,
    /// At most `max_file_bytes + 1` bytes: enough to tell that it was too large.
    pub content: Vec<u8>,
}

impl Upload {
    /// Its name and bytes, as the domain checks them.
    pub fn parts(&self) -> (&str, Vec<u8>) {
        (&self.file_name, self.content.clone())
    }
}

impl CsrfMultipart {
    /// Every value of a repeated field (checkboxes), in order.
    pub fn values(&self, name: &str) -> Vec<String> {
        self.fields.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }

    /// The text fields as sent, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.fields
    }

    /// The text fields, parsed like a URL-encoded form.
    pub fn fields<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        let encoded = serde_urlencoded::to_string(&self.fields).map_err(|_| AppError::BadRequest)?;
        serde_urlencoded::from_str(&encoded).map_err(|_| AppError::BadRequest)
    }
}

impl<S: Send + Sync> FromRequest<S> for CsrfMultipart {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let expected = expected_token(&request).map(str::to_owned);
        if !same_origin(request.headers()) {
            return Err(AppError::Csrf.into_response());
        }
        let url_encoded = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let mut form = Self { fields: Vec::new(), files: Vec::new() };
        if url_encoded {
            let body = Bytes::from_request(request, state).await.map_err(IntoResponse::into_response)?;
            form.fields =
                serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest.into_response())?;
        } else {
            form.read_multipart(request, state).await?;
        }
        let submitted = form.fields.iter().find(|(name, _)| name == CSRF_FIELD).map(|(_, v)| v.clone());
        check_token(expected, submitted).map_err(IntoResponse::into_response)?;
        Ok(form)
    }
}

impl CsrfMultipart {
    async fn read_multipart<S: Send + Sync>(&mut self, request: Request, state: &S) -> Result<(), Response> {
        let multipart = Multipart::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        (self.fields, self.files) = read_parts(multipart).await?;
        Ok(())
    }
}

/// The text fields and files of a multipart body, each file cut at one byte
/// over the attachment limit: enough to tell that it was too large.
pub(crate) async fn read_parts(
    mut multipart: Multipart,
) -> Result<(Vec<(String, String)>, Vec<Upload>), Response> {
    let (mut fields, mut files) = (Vec::new(), Vec::new());
    while let Some(mut field) = multipart.next_field().await.map_err(IntoResponse::into_response)? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                let keep = ruamjai_domain::attachment::MAX_BYTES + 1;
                let mut content = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(IntoResponse::into_response)? {
                    let room = keep.saturating_sub(content.len());
                    content.extend_from_slice(&chunk[..chunk.len().min(room)]);
                }
                // A file input left empty still sends a nameless, empty part.
                if !(file_name.is_empty() && content.is_empty()) {
                    files.push(Upload { file_name, content });
                }
            }
            None => {
                let value = field.text().await.map_err(IntoResponse::into_response)?;
                fields.push((name, value));
            }
        }
    }
    Ok((fields, files))
}

fn expected_token(request: &Request) -> Option<&str> {
    match request.extensions().get::<CurrentSession>() {
        Some(CurrentSession(Some(session))) => Some(session.csrf_token.as_str()),
        _ => cookie(request.headers(), CSRF_COOKIE),
    }
}

/// Browsers send `Origin` with every POST; when present it must be this host.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else { return true };
    let host = headers.get(HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let origin_host = origin.split_once("://").map_or("", |(_, rest)| rest);
    !host.is_empty() && origin_host == host
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(host: &str, origin: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, HeaderValue::from_str(host).unwrap());
        if let Some(origin) = origin {
            headers.insert(ORIGIN, HeaderValue::from_str(origin).unwrap());
        }
        headers
    }

    #[test]
    fn a_post_from_another_site_is_refused() {
        assert!(same_origin(&headers("ruamjai.example", None)));
        assert!(same_origin(&headers("127.0.0.1:8080", Some("http://127.0.0.1:8080"))));
        assert!(!same_origin(&headers("ruamjai.example", Some("https://evil.example"))));
        assert!(!same_origin(&headers("ruamjai.example", Some("null"))));
    }
}
