//! Check-in at the door, on a phone: scan the QR code or type the code, or
//! register someone who came without registering.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::engagement::registration::{RegistrationCode, RegistrationInput};
use ruamjai_store::StoreError;
use ruamjai_store::accounts::StaffUser;
use ruamjai_store::audit::Actor;
use ruamjai_store::engagement::{Activity, ActivityCounts, Registering, RegistrationView};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{NavItem, nav_for};
use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::auth::token::{random_token, token_hash};
use crate::error::field_message;
use crate::page::Page;
use crate::routes::engagement::{Names, PersonForm, new_code};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/activities/{id}/check-in", get(page).post(check_in))
        .route("/staff/activities/{id}/walk-in", post(walk_in))
}

/// What the last action at the door came to.
pub enum Outcome {
    None,
    CheckedIn(RegistrationView),
    WalkedIn(String),
    /// A message for the person at the door, already in their language.
    Refused(String),
}

#[derive(Template)]
#[template(path = "staff/check_in.html")]
struct CheckInTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    names: Names<'a>,
    a: Activity,
    counts: ActivityCounts,
    outcome: Outcome,
    walk_in: RegistrationInput,
    walk_in_errors: Vec<(&'static str, String)>,
}

impl CheckInTemplate<'_> {
    fn error(&self, field: &str) -> Option<&str> {
        self.walk_in_errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    id: i64,
    outcome: Outcome,
    walk_in: RegistrationInput,
    walk_in_errors: &[(&'static str, FieldError)],
    status: StatusCode,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let template = CheckInTemplate {
        page,
        nav: nav_for(staff),
        names: Names { page, catalog: &catalog },
        a: state.store.activity(id).await?,
        counts: state.store.activity_counts(id).await?,
        outcome,
        walk_in,
        walk_in_errors: walk_in_errors.iter().map(|(f, e)| (*f, field_message(page.locale, e))).collect(),
    };
    let mut response = page.render_with_status(status, &template)?;
    // The scanner needs the camera, which every other page refuses.
    response.headers_mut().insert("permissions-policy", HeaderValue::from_static("camera=(self)"));
    Ok(response)
}

async fn page(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    staff.require(|r| r.can_write())?;
    render(&state, &page, &staff, id, Outcome::None, RegistrationInput::default(), &[], StatusCode::OK).await
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

async fn check_in(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    staff.require(|r| r.can_write())?;
    let (outcome, status) = match check_in_code(&state, staff.user(), id, &form.code).await {
        Ok(view) => (Outcome::CheckedIn(view), StatusCode::OK),
        Err(error) => refusal(&page, error)?,
    };
    render(&state, &page, &staff, id, outcome, RegistrationInput::default(), &[], status).await
}

/// Checks in a typed or scanned code; shared with the API.
pub async fn check_in_code(
    state: &AppState,
    user: &StaffUser,
    activity_id: i64,
    raw_code: &str,
) -> Result<RegistrationView, AppError> {
    if !user.role.can_write() {
        return Err(AppError::Forbidden);
    }
    let code = RegistrationCode::parse(raw_code).map_err(|error| AppError::Invalid(vec![("code", error)]))?;
    let actor = Actor::user(user.id, &user.email);
    Ok(state.store.check_in(&actor, activity_id, &code, OffsetDateTime::now_utc()).await?)
}

/// A refused check-in as a message at the door, or an error for anything else.
fn refusal(page: &Page, error: AppError) -> Result<(Outcome, StatusCode), AppError> {
    match error {
        AppError::Invalid(fields) => {
            let message = fields.first().map(|(_, e)| field_message(page.locale, e)).unwrap_or_default();
            Ok((Outcome::Refused(message), StatusCode::UNPROCESSABLE_ENTITY))
        }
        AppError::Conflict(what) => {
            Ok((Outcome::Refused(page.t(&format!("error-{what}"))), StatusCode::CONFLICT))
        }
        other => Err(other),
    }
}

async fn walk_in(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> Result<Response, AppError> {
    staff.require(|r| r.can_write())?;
    let input = form.input();
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    let person = match input.parse() {
        Ok(person) => person,
        Err(errors) => {
            return render(&state, &page, &staff, id, Outcome::None, input, &errors, refused).await;
        }
    };
    let code = new_code();
    let registering = Registering {
        activity_id: id,
        person: &person,
        code: &code,
        token_hash: &token_hash(&random_token()),
        confirmation: None,
        now: OffsetDateTime::now_utc(),
    };
    let actor = Actor::user(staff.user().id, &staff.user().email);
    match state.store.register_walk_in(&actor, &registering).await {
        Ok(()) => {
            let outcome = Outcome::WalkedIn(person.name.as_str().to_owned());
            render(&state, &page, &staff, id, outcome, RegistrationInput::default(), &[], StatusCode::OK)
                .await
        }
        Err(StoreError::InvalidField { field, error }) => {
            render(&state, &page, &staff, id, Outcome::None, input, &[(field, error)], refused).await
        }
        Err(StoreError::Conflict(what)) => {
            let outcome = Outcome::Refused(page.t(&format!("error-{what}")));
            render(&state, &page, &staff, id, outcome, input, &[], StatusCode::CONFLICT).await
        }
        Err(other) => Err(other.into()),
    }
}

fn checkin_script() -> &'static str {
    crate::routes::assets::CHECKIN_URL.as_str()
}
