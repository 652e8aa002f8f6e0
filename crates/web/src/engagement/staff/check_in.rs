//! Check-in at the door, on a phone: scan the QR code or type the code, or
//! register someone who came without registering.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::engagement::{activities, attendance};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::engagement::registration::RegistrationInput;
use ruamjai_store::engagement::{Activity, ActivityCounts, RegistrationView};
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::engagement::PersonForm;
use crate::error::field_message;
use crate::kit::{FormErrors, Names};
use crate::kit::{NavItem, nav_for};
use crate::page::Page;
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
#[template(path = "engagement/staff/check_in.html")]
struct CheckInTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    names: Names<'a>,
    a: Activity,
    counts: ActivityCounts,
    outcome: Outcome,
    walk_in: RegistrationInput,
    /// The walk-in form's refused fields.
    errors: FormErrors,
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
    let (a, counts) = activities::detail(&state.app, &staff.caller(), id).await?;
    if !activities::may_write(&staff.caller(), &a) {
        return Err(AppError::Forbidden);
    }
    let template = CheckInTemplate {
        page,
        nav: nav_for(staff),
        names: Names { locale: page.locale, catalog: &catalog },
        a,
        counts,
        outcome,
        walk_in,
        errors: FormErrors::of(page.locale, walk_in_errors),
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
    let (outcome, status) = match attendance::check_in(&state.app, &staff.caller(), id, &form.code).await {
        Ok(view) => (Outcome::CheckedIn(view), StatusCode::OK),
        Err(error) => refusal(&page, error.into())?,
    };
    render(&state, &page, &staff, id, outcome, RegistrationInput::default(), &[], status).await
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
    let input = form.input();
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    let person = match input.parse() {
        Ok(person) => person,
        Err(errors) => {
            return render(&state, &page, &staff, id, Outcome::None, input, &errors, refused).await;
        }
    };
    match attendance::walk_in(&state.app, &staff.caller(), id, &person).await {
        Ok(()) => {
            let outcome = Outcome::WalkedIn(person.name.as_str().to_owned());
            render(&state, &page, &staff, id, outcome, RegistrationInput::default(), &[], StatusCode::OK)
                .await
        }
        Err(ruamjai_app::Error::Invalid(errors)) => {
            render(&state, &page, &staff, id, Outcome::None, input, &errors, refused).await
        }
        Err(ruamjai_app::Error::Conflict(what)) => {
            let outcome = Outcome::Refused(page.t(&format!("error-{what}")));
            render(&state, &page, &staff, id, outcome, input, &[], StatusCode::CONFLICT).await
        }
        Err(other) => Err(other.into()),
    }
}

fn checkin_script() -> &'static str {
    crate::assets::CHECKIN_URL.as_str()
}
