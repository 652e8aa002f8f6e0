//! The language switch: a plain link on every page, no JavaScript needed.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::auth::session::local_path;
use crate::auth::set_cookie;
use crate::i18n::{LANG_COOKIE, Locale};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/lang/{code}", get(switch))
}

#[derive(Deserialize)]
struct Next {
    next: Option<String>,
}

async fn switch(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<Next>,
) -> Result<Response, AppError> {
    let locale = Locale::parse(&code).ok_or(AppError::NotFound)?;
    let next = local_path(q.next.as_deref(), "/");
    let cookie = set_cookie(LANG_COOKIE, locale.code(), 60 * 60 * 24 * 365, state.config.cookie_secure);
    Ok((StatusCode::SEE_OTHER, [(LOCATION, next.to_owned()), (SET_COOKIE, cookie)]).into_response())
}
