//! Staff login and logout.
//!
//! A failed login says the same thing, and takes as long, whether or not the
//! e-mail exists. Failures are counted per account and per address; past the
//! limit further attempts wait without the password even being checked.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::{SESSION_COOKIE, Staff, safe_next};
use crate::auth::{ClientAddress, cookie, set_cookie};
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::{Error, accounts};

pub fn router() -> Router<AppState> {
    Router::new().route("/login", get(form).post(login)).route("/logout", post(logout))
}

#[derive(Template)]
#[template(path = "accounts/sign_in.html")]
struct LoginTemplate<'a> {
    page: &'a Page,
    next: &'a str,
    email: &'a str,
    error: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn form(page: Page, Query(q): Query<NextQuery>) -> Result<Response, AppError> {
    let next = safe_next(q.next.as_deref());
    page.render(&LoginTemplate { page: &page, next, email: "", error: None })
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
    next: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    page: Page,
    address: ClientAddress,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response, AppError> {
    let next = safe_next(form.next.as_deref());
    let refuse = |status: StatusCode, error: String| {
        let template = LoginTemplate { page: &page, next, email: &form.email, error: Some(error) };
        page.render_with_status(status, &template)
    };
    let lasts = state.config.session_ttl;
    let signed_in = accounts::sign_in(&state.app, address.0, &form.email, form.password, lasts).await;
    let token = match signed_in {
        Ok(session) => session.token,
        Err(Error::TooManyRequests { retry_after_secs }) => {
            let minutes = retry_after_secs / 60 + 1;
            let error = page.locale.ta("login-throttled", &[("minutes", minutes.into())]);
            return refuse(StatusCode::TOO_MANY_REQUESTS, error);
        }
        Err(Error::Unauthenticated) => return refuse(StatusCode::UNAUTHORIZED, page.t("login-failed")),
        Err(other) => return Err(other.into()),
    };
    let cookie = set_cookie(
        SESSION_COOKIE,
        &token,
        state.config.session_ttl.whole_seconds(),
        state.config.cookie_secure,
    );
    Ok((StatusCode::SEE_OTHER, [(LOCATION, next.to_owned()), (SET_COOKIE, cookie)]).into_response())
}

#[derive(Deserialize)]
struct LogoutForm {}

async fn logout(
    State(state): State<AppState>,
    _staff: Staff,
    headers: axum::http::HeaderMap,
    CsrfForm(LogoutForm {}): CsrfForm<LogoutForm>,
) -> Result<Response, AppError> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        accounts::sign_out(&state.app, token).await?;
    }
    let expired = set_cookie(SESSION_COOKIE, "", 0, state.config.cookie_secure);
    Ok((StatusCode::SEE_OTHER, [(LOCATION, "/".to_owned()), (SET_COOKIE, expired)]).into_response())
}
