//! Staff open consultations, moderate their comments and publish the
//! response once they close.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::participation::consultations;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{self, Action};
use ruamjai_domain::attachment::{MAX_BYTES, NewAttachment};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::consultation::{
    ConsultationInput, Moderation, Phase, RESPONSE_MAX_CHARS, Subject,
};
use ruamjai_domain::text::Text;
use ruamjai_store::participation::{Comment, Consultation};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::auth::csrf::{CsrfForm, CsrfMultipart, Upload};
use crate::auth::session::Staff;
use crate::kit::{Flash, FormErrors, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/staff/consultations",
            get(list).post(create).layer(DefaultBodyLimit::max(MAX_BYTES + 1024 * 1024)),
        )
        .route("/staff/consultations/{id}", get(show))
        .route("/staff/consultations/{id}/comments/{comment}", post(moderate))
        .route("/staff/consultations/{id}/response", post(respond))
}

#[derive(Template)]
#[template(path = "participation/staff/consultations.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    consultations: Vec<Consultation>,
    subjects: [Subject; 4],
    input: ConsultationInput,
    errors: FormErrors,
    can_write: bool,
}

impl ListTemplate<'_> {
    fn chosen(&self, group: &str) -> bool {
        self.input.groups.iter().any(|g| g == group)
    }

    fn phase(&self, c: &Consultation) -> Phase {
        c.phase(OffsetDateTime::now_utc())
    }
}

async fn render_list(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    input: ConsultationInput,
    errors: &[(&'static str, FieldError)],
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let template = ListTemplate {
        page,
        nav: nav_for(staff),
        catalog: &catalog,
        consultations: consultations::list(&state.app).await?,
        subjects: Subject::ALL,
        input,
        errors: FormErrors::of(page.locale, errors),
        can_write: staff.caller().could(policy::Subject::Consultation, Action::Write),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page.render_with_status(status, &template)
}

async fn list(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let input = ConsultationInput { subject: "service-standard".into(), ..ConsultationInput::default() };
    render_list(&state, &page, &staff, input, &[]).await
}

#[derive(Deserialize)]
struct CreateForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    draft: String,
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    let form: CreateForm = multipart.fields()?;
    let input = ConsultationInput {
        title: form.title,
        subject: form.subject,
        draft: form.draft,
        groups: multipart.values("groups"),
        opens_on: form.opens_on,
        closes_on: form.closes_on,
    };
    let parsed = input.parse();
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let (files, refused) = NewAttachment::check_all(multipart.files.iter().map(Upload::parts), 1);
    errors.extend(refused.into_iter().map(|error| ("attachment", error)));
    let new = match parsed {
        Ok(new) if errors.is_empty() => new,
        _ => return render_list(&state, &page, &staff, input, &errors).await,
    };
    match consultations::open(&state.app, &staff.caller(), &new, &files).await {
        Ok(id) => Ok(page.redirect(&format!("/staff/consultations/{id}"), Flash::Created)),
        Err(ruamjai_app::Error::Invalid(errors)) => render_list(&state, &page, &staff, input, &errors).await,
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "participation/staff/consultation.html")]
struct ShowTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    c: Consultation,
    phase: Phase,
    pending: Vec<Comment>,
    published: Vec<Comment>,
    can_act: bool,
}

impl ShowTemplate<'_> {
    fn can_respond(&self) -> bool {
        self.can_act && matches!(self.phase, Phase::Closed | Phase::Responded)
    }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let (c, _) = consultations::of(&state.app, id).await?;
    let template = ShowTemplate {
        page: &page,
        nav: nav_for(&staff),
        phase: c.phase(OffsetDateTime::now_utc()),
        pending: consultations::comments(&state.app, &caller, id, Moderation::Pending).await?,
        published: consultations::comments(&state.app, &caller, id, Moderation::Published).await?,
        c,
        can_act: staff.caller().could(policy::Subject::Consultation, Action::Write),
    };
    page.render(&template)
}

#[derive(Deserialize)]
struct ModerationForm {
    #[serde(default)]
    decision: String,
}

async fn moderate(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((id, comment)): Path<(i64, i64)>,
    CsrfForm(form): CsrfForm<ModerationForm>,
) -> Result<Response, AppError> {
    let decision = match Moderation::parse(&form.decision) {
        Ok(Moderation::Pending) | Err(_) => {
            return Err(AppError::Invalid(vec![("decision", FieldError::UnknownChoice)]));
        }
        Ok(decision) => decision,
    };
    consultations::moderate(&state.app, &staff.caller(), id, comment, decision).await?;
    Ok(page.redirect(&format!("/staff/consultations/{id}"), Flash::Saved))
}

#[derive(Deserialize)]
struct ResponseForm {
    #[serde(default)]
    response: String,
}

async fn respond(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ResponseForm>,
) -> Result<Response, AppError> {
    let response = Text::paragraphs(&form.response, RESPONSE_MAX_CHARS)
        .map_err(|error| AppError::Invalid(vec![("response", error)]))?;
    consultations::respond(&state.app, &staff.caller(), id, &response).await?;
    Ok(page.redirect(&format!("/staff/consultations/{id}"), Flash::Saved))
}
