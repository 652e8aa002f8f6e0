//! Public pages: upcoming activities, one activity with its registration
//! form, and a registration behind its confirmation link.

mod ical;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::engagement::activity::Registration;
use ruamjai_domain::engagement::registration::RegistrationInput;
use ruamjai_store::engagement::{Activity, ActivityFilter, Place, RegistrationView};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::auth::ClientAddress;
use crate::auth::csrf::CsrfForm;
use crate::engagement::{PersonForm, qr_svg, register_public};
use crate::kit::Refusal;
use crate::kit::{FormErrors, Names};
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::engagement::registrations;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/activities", get(list))
        .route("/activities/{id}", get(show).post(register))
        .route("/registration", get(registration))
        .route("/registration/cancel", post(cancel))
        .merge(ical::router())
}

#[derive(Template)]
#[template(path = "engagement/public/activities.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    activities: Vec<(Activity, Registration)>,
}

async fn list(State(state): State<AppState>, page: Page) -> Result<Response, AppError> {
    let now = OffsetDateTime::now_utc();
    let activities = state
        .store
        .activities(ActivityFilter::Upcoming(now))
        .await?
        .into_iter()
        .map(|a| {
            let registration = a.registration(now);
            (a, registration)
        })
        .collect();
    page.render(&ListTemplate { page: &page, activities })
}

#[derive(Template)]
#[template(path = "engagement/public/activity.html")]
struct ShowTemplate<'a> {
    page: &'a Page,
    names: Names<'a>,
    a: Activity,
    registration: Registration,
    input: RegistrationInput,
    errors: FormErrors,
}

impl ShowTemplate<'_> {
    fn accepts(&self) -> bool {
        self.registration.accepts()
    }
}

async fn render_show(
    state: &AppState,
    page: &Page,
    id: i64,
    input: RegistrationInput,
    errors: &[(&'static str, FieldError)],
    status: StatusCode,
) -> Result<Response, AppError> {
    let a = state.store.activity(id).await?;
    let catalog = state.catalog().await?;
    let template = ShowTemplate {
        page,
        names: Names { locale: page.locale, catalog: &catalog },
        registration: a.registration(OffsetDateTime::now_utc()),
        a,
        input,
        errors: FormErrors::of(page.locale, errors),
    };
    page.render_with_status(status, &template)
}

/// The activity page, or its iCalendar file when the path ends in `.ics`.
async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    if let Some(id) = raw.strip_suffix(".ics") {
        return ical::one(&state, id).await;
    }
    let id: i64 = raw.parse().map_err(|_| AppError::NotFound)?;
    render_show(&state, &page, id, RegistrationInput::default(), &[], StatusCode::OK).await
}

/// An instant as HTML's `datetime` attribute wants it.
fn iso(instant: &OffsetDateTime) -> String {
    instant.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

async fn register(
    State(state): State<AppState>,
    page: Page,
    address: ClientAddress,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> Result<Response, AppError> {
    if !form.website.is_empty() {
        tracing::info!("honeypot filled: registration dropped");
        return Err(AppError::BadRequest);
    }
    let input = form.input();
    match register_public(&state, id, &input, address).await {
        Ok(taken) => Ok(Redirect::to(&format!("/registration?t={}&new=1", taken.token)).into_response()),
        Err(Refusal::Fields(errors)) => {
            render_show(&state, &page, id, input, &errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(Refusal::Other(AppError::Conflict("already-registered"))) => {
            let errors = [("email", FieldError::AlreadyRegistered)];
            render_show(&state, &page, id, input, &errors, StatusCode::CONFLICT).await
        }
        Err(Refusal::Other(error)) => Err(error),
    }
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    t: String,
    new: Option<String>,
}

#[derive(Template)]
#[template(path = "engagement/public/registration.html")]
struct RegistrationTemplate<'a> {
    page: &'a Page,
    names: Names<'a>,
    a: Activity,
    r: RegistrationView,
    token: String,
    qr: String,
    just_registered: bool,
}

impl RegistrationTemplate<'_> {
    fn is_cancelled(&self) -> bool {
        self.r.place == Place::Cancelled
    }
}

/// The registration behind a confirmation link: code, QR code, place and
/// the cancel button. A wrong token is a plain "not found".
async fn registration(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let (r, a) = registrations::by_token(&state.app, &query.t).await?;
    let catalog = state.catalog().await?;
    let template = RegistrationTemplate {
        page: &page,
        names: Names { locale: page.locale, catalog: &catalog },
        qr: qr_svg(&r.code),
        a,
        r,
        token: query.t,
        just_registered: query.new.is_some(),
    };
    let mut response = page.render(&template)?;
    // The page carries a secret link: keep it out of shared caches and history.
    response.headers_mut().insert(axum::http::header::CACHE_CONTROL, "no-store".parse().expect("static"));
    Ok(response)
}

#[derive(Deserialize)]
struct CancelForm {
    #[serde(default)]
    t: String,
}

async fn cancel(
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<CancelForm>,
) -> Result<Response, AppError> {
    registrations::cancel(&state.app, &form.t).await?;
    Ok(Redirect::to(&format!("/registration?t={}", form.t)).into_response())
}
