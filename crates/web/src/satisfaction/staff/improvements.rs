//! The improvement loop for staff: actions created from what a survey found,
//! tracked to done and, when staff choose, shown to the public; and the
//! service standards table a director reads at a glance.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::satisfaction::improvements;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::consultation::format_iso_date;
use ruamjai_domain::satisfaction::improvement::{ActionStatus, ImprovementInput, StandardInput, Verdicts};
use ruamjai_store::satisfaction::{Improvement, StandardLine};
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::kit::Names;
use crate::kit::{Flash, FormErrors, NavItem, YearQuery, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/improvements", get(list).post(create))
        .route("/staff/improvements/{id}", get(edit).post(update))
        .route("/staff/service-standards", get(standards))
        .route("/staff/service-standards/{service}", post(set_standard))
}

/// The action form as typed; `survey` rides along from the report's link.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    survey: String,
    #[serde(default)]
    source: String,
    #[serde(default, rename = "ref")]
    source_ref: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    division: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    progress: String,
    #[serde(default)]
    public_text: String,
}

impl ActionForm {
    fn input(&self) -> ImprovementInput {
        ImprovementInput {
            source: self.source.clone(),
            source_ref: self.source_ref.clone(),
            service: self.service.clone(),
            what: self.what.clone(),
            owner: self.owner.clone(),
            division: self.division.clone(),
            due_on: self.due_on.clone(),
            status: self.status.clone(),
            progress: self.progress.clone(),
            public_text: self.public_text.clone(),
        }
    }

    fn of(a: &Improvement) -> Self {
        Self {
            survey: a.survey_id.map(|c| c.to_string()).unwrap_or_default(),
            source: a.source.code().into(),
            source_ref: a.source_ref.clone(),
            service: a.service_code.clone().unwrap_or_default(),
            what: a.what.clone(),
            owner: a.owner.clone(),
            division: a.division_code.clone().unwrap_or_default(),
            due_on: format_iso_date(a.due_on),
            status: a.status.code().into(),
            progress: a.progress.to_string(),
            public_text: a.public_text.clone().unwrap_or_default(),
        }
    }

    fn survey_id(&self) -> Option<i64> {
        self.survey.trim().parse().ok()
    }
}

#[derive(Template)]
#[template(path = "satisfaction/staff/improvements.html")]
struct ActionsTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    names: Names<'a>,
    catalog: &'a Catalog,
    /// Each action with what it changed, in a sentence (none for one from a comment).
    actions: Vec<(Improvement, Option<String>)>,
    /// The action being edited, if any.
    editing: Option<i64>,
    form: ActionForm,
    errors: FormErrors,
    statuses: [ActionStatus; 3],
}

impl ActionsTemplate<'_> {
    fn status_label(&self, status: &ActionStatus) -> String {
        self.page.t(&format!("improvement-status-{}", status.code()))
    }
}

async fn render_actions(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    editing: Option<i64>,
    form: ActionForm,
    errors: &[(&'static str, FieldError)],
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let template = ActionsTemplate {
        page,
        nav: nav_for(staff),
        names: Names { locale: page.locale, catalog: &catalog },
        catalog: &catalog,
        actions: improvements::with_effects(&state.app, &staff.caller(), None)
            .await?
            .into_iter()
            .map(|(action, effect)| (action, effect.sentence(page.locale)))
            .collect(),
        editing,
        form,
        errors: FormErrors::of(page.locale, errors),
        statuses: ActionStatus::ALL,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page.render_with_status(status, &template)
}

/// The list, with a new action's form filled from the report's link.
async fn list(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(form): Query<ActionForm>,
) -> Result<Response, AppError> {
    render_actions(&state, &page, &staff, None, form, &[]).await
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<Response, AppError> {
    let new = match form.input().parse() {
        Ok(new) => new,
        Err(errors) => return render_actions(&state, &page, &staff, None, form, &errors).await,
    };
    match improvements::create(&state.app, &staff.caller(), form.survey_id(), &new).await {
        Ok(id) => Ok(page.redirect(&format!("/staff/improvements#action-{id}"), Flash::Created)),
        Err(ruamjai_app::Error::Invalid(errors)) => {
            render_actions(&state, &page, &staff, None, form, &errors).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn edit(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let form = ActionForm::of(&improvements::of(&state.app, &staff.caller(), id).await?);
    render_actions(&state, &page, &staff, Some(id), form, &[]).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<Response, AppError> {
    let new = match form.input().parse() {
        Ok(new) => new,
        Err(errors) => return render_actions(&state, &page, &staff, Some(id), form, &errors).await,
    };
    match improvements::update(&state.app, &staff.caller(), id, &new).await {
        Ok(()) => Ok(page.redirect(&format!("/staff/improvements#action-{id}"), Flash::Saved)),
        Err(ruamjai_app::Error::Invalid(errors)) => {
            render_actions(&state, &page, &staff, Some(id), form, &errors).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "satisfaction/staff/service_standards.html")]
struct StandardsTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    names: Names<'a>,
    year: FiscalYear,
    lines: Vec<StandardLine>,
    can_write: bool,
}

impl StandardsTemplate<'_> {
    fn pct(&self, permille: &Option<u16>) -> String {
        permille.map_or_else(String::new, |p| format!("{:.1}", f64::from(p) / 10.0))
    }

    fn measured(&self, value: &Option<f64>) -> String {
        value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
    }

    fn verdicts(&self, line: &StandardLine) -> Verdicts {
        line.target.verdicts(&line.measured())
    }

    /// ✓, ✗ or nothing, with words for screen readers.
    fn verdict(&self, met: &Option<bool>) -> String {
        match met {
            Some(true) => format!("✓ {}", self.page.t("standard-met")),
            Some(false) => format!("✗ {}", self.page.t("standard-not-met")),
            None => String::new(),
        }
    }

    fn days(&self, days: &Option<u16>) -> String {
        days.map_or_else(String::new, |d| d.to_string())
    }
}

async fn standards(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(query): Query<YearQuery>,
) -> Result<Response, AppError> {
    let year = query.year();
    let catalog = state.catalog().await?;
    let template = StandardsTemplate {
        page: &page,
        nav: nav_for(&staff),
        names: Names { locale: page.locale, catalog: &catalog },
        year,
        lines: improvements::standards(&state.app, &staff.caller(), year).await?,
        can_write: staff.caller().could(Subject::ServiceStandard, Action::Write),
    };
    page.render(&template)
}

#[derive(Deserialize)]
struct StandardForm {
    year: i32,
    #[serde(default)]
    satisfied_min_pct: String,
    #[serde(default)]
    dissatisfied_max_pct: String,
    #[serde(default)]
    resolution_days: String,
}

async fn set_standard(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(service): Path<String>,
    CsrfForm(form): CsrfForm<StandardForm>,
) -> Result<Response, AppError> {
    let input = StandardInput {
        satisfied_min_pct: form.satisfied_min_pct,
        dissatisfied_max_pct: form.dissatisfied_max_pct,
        resolution_days: form.resolution_days,
    };
    let standard = input.parse().map_err(AppError::Invalid)?;
    let year = FiscalYear::from_be(form.year);
    improvements::set_standard(&state.app, &staff.caller(), &service, year, &standard).await?;
    Ok(page.redirect(&format!("/staff/service-standards?year={}#service-{service}", year.be()), Flash::Saved))
}
