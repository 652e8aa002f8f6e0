//! Administrators manage staff accounts: list, create, disable and enable.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_domain::accounts::{Email, FieldError, Password, Role};
use ruamjai_domain::catalog::{Catalog, Code, Name};
use ruamjai_store::accounts::{NewUser, StaffUser};
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::error::field_message;
use crate::kit::{Flash, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::{Error, accounts};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/users", get(list).post(create)).route("/staff/users/status", post(set_status))
}

#[derive(Template)]
#[template(path = "accounts/users.html")]
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
    let users = accounts::users(&state.app, &staff.caller()).await?;
    let catalog = state.catalog().await?;
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let template =
        UsersTemplate { page, nav: nav_for(staff), users, catalog: &catalog, roles: Role::ALL, error };
    page.render_with_status(status, &template)
}

async fn list(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
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
    let (new_user, password) = match parse_new_user(&form) {
        Ok(parsed) => parsed,
        Err(field) => return render(&state, &page, &staff, Some(field_message(page.locale, &field))).await,
    };
    match accounts::add_user(&state.app, &staff.caller(), new_user, password).await {
        Ok(_) => Ok(page.redirect("/staff/users", Flash::Created)),
        Err(Error::Invalid(fields)) if !fields.is_empty() => {
            render(&state, &page, &staff, Some(field_message(page.locale, &fields[0].1))).await
        }
        Err(Error::Conflict(_)) => render(&state, &page, &staff, Some(page.t("users-email-taken"))).await,
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
    page: Page,
    staff: Staff,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, AppError> {
    let email = Email::parse(&form.email).map_err(|field| AppError::Invalid(vec![("email", field)]))?;
    accounts::set_disabled(&state.app, &staff.caller(), &email, form.disabled == "1").await?;
    Ok(page.redirect("/staff/users", Flash::Saved))
}
