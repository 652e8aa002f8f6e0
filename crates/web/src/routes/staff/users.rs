//! Administrators manage staff accounts: list, create, disable and enable.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_domain::accounts::{Email, FieldError, Password, Role};
use ruamjai_domain::catalog::{Catalog, Code, Name};
use ruamjai_store::StoreError;
use ruamjai_store::accounts::{NewUser, StaffUser};
use ruamjai_store::audit::Actor;
use serde::Deserialize;

use super::{NavItem, nav_for};
use crate::auth::csrf::CsrfForm;
use crate::auth::password;
use crate::auth::session::Staff;
use crate::error::field_message;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/users", get(list).post(create)).route("/staff/users/status", post(set_status))
}

#[derive(Template)]
#[template(path = "staff/users.html")]
struct UsersTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    users: Vec<StaffUser>,
    catalog: &'a Catalog,
    roles: [Role; 5],
    error: Option<String>,
}

async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    error: Option<String>,
) -> Result<Response, AppError> {
    let users = state.store.list_users().await?;
    let catalog = state.catalog().await?;
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let template =
        UsersTemplate { page, nav: nav_for(staff), users, catalog: &catalog, roles: Role::ALL, error };
    page.render_with_status(status, &template)
}

async fn list(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    staff.require(Role::can_administer)?;
    render(&state, &page, &staff, None).await
}

#[derive(Deserialize)]
struct NewUserForm {
    email: String,
    name: String,
    role: String,
    division: String,
    password: String,
}

fn parse_new_user(form: &NewUserForm) -> Result<(NewUser, Password), FieldError> {
    let division = (!form.division.is_empty()).then(|| Code::parse(&form.division)).transpose()?;
    let user = NewUser {
        email: Email::parse(&form.email)?,
        name: Name::parse(&form.name)?,
        role: Role::parse(&form.role)?,
        division,
        password_hash: String::new(),
    };
    Ok((user, Password::parse(&form.password)?))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    CsrfForm(form): CsrfForm<NewUserForm>,
) -> Result<Response, AppError> {
    staff.require(Role::can_administer)?;
    let (mut new_user, password) = match parse_new_user(&form) {
        Ok(parsed) => parsed,
        Err(field) => return render(&state, &page, &staff, Some(field_message(page.locale, &field))).await,
    };
    new_user.password_hash = password::hash_blocking(password).await?;
    let actor = Actor::user(staff.user().id, &staff.user().email);
    match state.store.create_user(&actor, new_user).await {
        Ok(_) => Ok(Redirect::to("/staff/users").into_response()),
        Err(StoreError::Invalid(field)) => {
            render(&state, &page, &staff, Some(field_message(page.locale, &field))).await
        }
        Err(StoreError::Conflict(_)) => {
            render(&state, &page, &staff, Some(page.t("users-email-taken"))).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
struct StatusForm {
    email: String,
    disabled: String,
}

async fn set_status(
    State(state): State<AppState>,
    staff: Staff,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, AppError> {
    staff.require(Role::can_administer)?;
    let email = Email::parse(&form.email).map_err(|field| AppError::Invalid(vec![("email", field)]))?;
    if email.as_str() == staff.user().email {
        // Locking oneself out would leave nobody to undo it.
        return Err(AppError::Forbidden);
    }
    let actor = Actor::user(staff.user().id, &staff.user().email);
    state.store.set_user_disabled(&actor, &email, form.disabled == "1").await?;
    Ok(Redirect::to("/staff/users").into_response())
}
