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
use ruamjai_domain::accounts::{Email, LoginThrottle, ThrottleDecision};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::{SESSION_COOKIE, Staff, safe_next};
use crate::auth::{ClientAddress, cookie, password, set_cookie};
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::secrets::{random_token, token_hash};

pub fn router() -> Router<AppState> {
    Router::new().route("/login", get(form).post(login)).route("/logout", post(logout))
}

#[derive(Template)]
#[template(path = "login.html")]
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
    let now = OffsetDateTime::now_utc();
    let next = safe_next(form.next.as_deref());
    let account_key = format!("account:{}", token_hash(&form.email.trim().to_lowercase()));
    let address_key = format!("address:{address}");
    let throttle = LoginThrottle::default();
    for key in [&account_key, &address_key] {
        let recent = state.store.login_failures_since(key, throttle.window_start(now)).await?;
        if let ThrottleDecision::Wait(wait) = throttle.decide(now, &recent) {
            let minutes = wait.whole_minutes() + 1;
            let error = Some(page.locale.ta("login-throttled", &[("minutes", minutes.into())]));
            let template = LoginTemplate { page: &page, next, email: &form.email, error };
            return page.render_with_status(StatusCode::TOO_MANY_REQUESTS, &template);
        }
    }
    let candidate = match Email::parse(&form.email) {
        Ok(email) => state.store.login_candidate(&email).await?,
        Err(_) => None,
    };
    let usable = candidate.filter(|(user, _)| !user.disabled);
    let stored_hash = usable.as_ref().map(|(_, hash)| hash.clone());
    let matched = password::verify_blocking(form.password, stored_hash).await?;
    let Some((user, _)) = usable.filter(|_| matched) else {
        state.store.record_login_failure(&[&account_key, &address_key], now).await?;
        let error = Some(page.t("login-failed"));
        let template = LoginTemplate { page: &page, next, email: &form.email, error };
        return page.render_with_status(StatusCode::UNAUTHORIZED, &template);
    };
    state.store.clear_login_failures(&account_key).await?;
    let token = random_token();
    let expires_at = now + state.config.session_ttl;
    state.store.create_session(user.id, &token_hash(&token), &random_token(), now, expires_at).await?;
    tracing::info!(user_id = user.id, "signed in");
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
        state.store.delete_session(&token_hash(token)).await?;
    }
    let expired = set_cookie(SESSION_COOKIE, "", 0, state.config.cookie_secure);
    Ok((StatusCode::SEE_OTHER, [(LOCATION, "/".to_owned()), (SET_COOKIE, expired)]).into_response())
}
