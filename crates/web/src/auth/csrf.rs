//! CSRF protection for every state-changing form.
//!
//! Signed-in forms carry the session's token (synchronizer pattern); the
//! login form, before any session exists, carries the value of the `rj_csrf`
//! cookie (double submit). Either way a cross-site page can neither read the
//! token nor, thanks to `SameSite=Lax`, send our cookies with its POST; a
//! present `Origin` header must also name this host.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::HeaderMap;
use axum::http::header::{HOST, ORIGIN};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::cookie;
use super::session::CurrentSession;
use super::token::same_secret;
use crate::AppError;

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
        match (expected, submitted) {
            (Some(expected), Some(submitted)) if same_secret(&expected, &submitted) => {}
            _ => return Err(AppError::Csrf.into_response()),
        }
        serde_urlencoded::from_bytes(&body).map(Self).map_err(|_| AppError::BadRequest.into_response())
    }
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
