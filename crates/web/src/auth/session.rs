//! Browser sessions: the cookie holds a random token, the database its hash.
//! `load` looks the session up once per request; extractors read the result.

use axum::extract::{FromRequestParts, OptionalFromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use ruamjai_store::accounts::{SessionRecord, StaffUser};
use time::OffsetDateTime;

use super::cookie;
use crate::{AppError, AppState};
use ruamjai_app::secrets::token_hash;

pub const SESSION_COOKIE: &str = "rj_session";

/// The request's session, if its cookie names a live one.
#[derive(Debug, Clone)]
pub struct CurrentSession(pub Option<SessionRecord>);

/// Looks the session up; requests without the cookie never touch the database.
pub async fn load(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let session = match cookie(request.headers(), SESSION_COOKIE) {
        Some(token) => match state.store.session(&token_hash(token), OffsetDateTime::now_utc()).await {
            Ok(found) => found,
            Err(error) => return AppError::from(error).into_response(),
        },
        None => None,
    };
    request.extensions_mut().insert(CurrentSession(session));
    next.run(request).await
}

/// A signed-in staff member, for HTML pages: without one, the browser is sent
/// to the login page and brought back afterwards.
#[derive(Debug, Clone)]
pub struct Staff(pub SessionRecord);

impl Staff {
    pub fn user(&self) -> &StaffUser {
        &self.0.user
    }

    /// The signed-in staff member, for the use cases.
    pub fn caller(&self) -> ruamjai_app::Caller {
        ruamjai_app::Caller::Staff(self.0.user.clone())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<CurrentSession>() {
            Some(CurrentSession(Some(session))) => Ok(Self(session.clone())),
            _ => {
                let next = parts.uri.path_and_query().map_or("/staff", |p| p.as_str());
                let target = format!("/login?next={}", urlencode(next));
                Err(Redirect::to(&target).into_response())
            }
        }
    }
}

impl<S: Send + Sync> OptionalFromRequestParts<S> for Staff {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts.extensions.get::<CurrentSession>().and_then(|s| s.0.clone()).map(Self))
    }
}

pub fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)]).map(|s| s[1..].to_owned()).unwrap_or_default()
}

/// Only paths on this site are followed after login: never `//host` or `https://…`.
pub fn safe_next(next: Option<&str>) -> &str {
    local_path(next, "/staff")
}

/// `path` if it stays on this site, else `fallback`.
pub fn local_path<'a>(path: Option<&'a str>, fallback: &'a str) -> &'a str {
    match path {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") => path,
        _ => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/staff/audit?x=1")), "/staff/audit?x=1");
        assert_eq!(safe_next(Some("//evil.example")), "/staff");
        assert_eq!(safe_next(Some("https://evil.example")), "/staff");
        assert_eq!(safe_next(Some("/\\evil.example")), "/staff");
        assert_eq!(safe_next(None), "/staff");
    }

    #[test]
    fn next_paths_are_url_encoded() {
        assert_eq!(
            urlencode("/staff/audit?x=1&y=ไทย"),
            "%2Fstaff%2Faudit%3Fx%3D1%26y%3D%E0%B9%84%E0%B8%97%E0%B8%A2"
        );
    }
}
