//! Choosing what goes on "You said, we did": candidates, what is published,
//! and the publish and remove actions on a submission.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_domain::participation::TrackingCode;
use ruamjai_domain::participation::you_said::YouSaid;
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::{Candidate, Published};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{NavItem, nav_for};
use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/you-said-we-did", get(list))
        .route("/staff/submissions/{code}/you-said", post(publish))
        .route("/staff/submissions/{code}/you-said/remove", post(remove))
}

#[derive(Template)]
#[template(path = "staff/you_said.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    candidates: Vec<Candidate>,
    published: Vec<Published>,
}

async fn list(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let candidates = state.store.you_said_candidates(100).await?;
    let published = state.store.you_said_we_did(100).await?;
    page.render(&ListTemplate { page: &page, nav: nav_for(&staff), candidates, published })
}

#[derive(Deserialize)]
struct PublishForm {
    #[serde(default)]
    said: String,
    #[serde(default)]
    did: String,
}

/// The submission's code, if the staff member may change it.
async fn covered(state: &AppState, staff: &Staff, code: &str) -> Result<TrackingCode, AppError> {
    staff.require(|r| r.can_write())?;
    Ok(super::submissions::visible(state, staff, code).await?.code)
}

async fn publish(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<PublishForm>,
) -> Result<Response, AppError> {
    let code = covered(&state, &staff, &code).await?;
    let text = YouSaid::parse(&form.said, &form.did).map_err(AppError::Invalid)?;
    let actor = Actor::user(staff.user().id, &staff.user().email);
    state.store.publish_you_said(&actor, code, &text, OffsetDateTime::now_utc()).await?;
    Ok(Redirect::to(&format!("/staff/submissions/{code}")).into_response())
}

#[derive(Deserialize)]
struct Empty {}

async fn remove(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    let code = covered(&state, &staff, &code).await?;
    let actor = Actor::user(staff.user().id, &staff.user().email);
    state.store.unpublish_you_said(&actor, code).await?;
    Ok(Redirect::to(&format!("/staff/submissions/{code}")).into_response())
}
