//! Choosing what goes on "You said, we did": candidates, what is published,
//! and the publish and remove actions on a submission.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::participation::inbox;
use ruamjai_domain::participation::you_said::YouSaid;
use ruamjai_store::participation::{Candidate, Published};
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::kit::{Flash, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/you-said-we-did", get(list))
        .route("/staff/submissions/{code}/you-said", post(publish))
        .route("/staff/submissions/{code}/you-said/remove", post(remove))
}

#[derive(Template)]
#[template(path = "participation/staff/you_said.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    candidates: Vec<Candidate>,
    published: Vec<Published>,
}

async fn list(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let candidates = inbox::you_said_candidates(&state.app, &staff.caller(), 100).await?;
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

async fn publish(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<PublishForm>,
) -> Result<Response, AppError> {
    let text = YouSaid::parse(&form.said, &form.did).map_err(AppError::Invalid)?;
    let code = inbox::publish_you_said(&state.app, &staff.caller(), &code, &text).await?;
    Ok(page.redirect(&format!("/staff/submissions/{code}"), Flash::Saved))
}

#[derive(Deserialize)]
struct Empty {}

async fn remove(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    let code = inbox::unpublish_you_said(&state.app, &staff.caller(), &code).await?;
    Ok(page.redirect(&format!("/staff/submissions/{code}"), Flash::Saved))
}
