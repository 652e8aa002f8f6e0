//! Staff list survey surveys and launch new ones: the questionnaire (the
//! standard or a version of the Center's own), services, groups with their
//! populations, the window, the privacy mode and the band scheme.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::satisfaction::{questionnaires, surveys};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::satisfaction::survey::{Mode, SurveyInput};
use ruamjai_store::satisfaction::Survey;
use serde::Deserialize;

use crate::auth::csrf::CsrfMultipart;
use crate::auth::session::Staff;
use crate::kit::{Flash, FormErrors, NavItem, local_instant, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/surveys", get(list).post(create))
}
/// The survey form as typed, kept to show it again with its errors.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SurveyFields {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub opens_at: String,
    #[serde(default)]
    pub closes_at: String,
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub band_scheme: String,
    /// "standard" or the id of a questionnaire version.
    #[serde(default)]
    pub questionnaire: String,
    #[serde(skip)]
    pub services: Vec<String>,
    #[serde(skip)]
    pub groups: Vec<String>,
    /// `population-<group>` fields.
    #[serde(skip)]
    pub populations: Vec<(String, String)>,
}

impl SurveyFields {
    fn from_form(form: &CsrfMultipart, catalog: &Catalog) -> Result<Self, AppError> {
        let populations = catalog
            .groups
            .iter()
            .map(|g| (g.code.clone(), form.values(&format!("population-{}", g.code)).concat()))
            .collect();
        Ok(Self {
            services: form.values("services"),
            groups: form.values("groups"),
            populations,
            ..form.fields()?
        })
    }

    fn input(&self) -> (SurveyInput, Vec<(&'static str, FieldError)>) {
        let mut errors = Vec::new();
        let input = SurveyInput {
            name: self.name.clone(),
            questionnaire: if self.questionnaire.is_empty() {
                "standard".into()
            } else {
                self.questionnaire.clone()
            },
            service_codes: self.services.clone(),
            group_codes: self.groups.clone(),
            opens_at: local_instant(&mut errors, "opens_at", &self.opens_at),
            closes_at: local_instant(&mut errors, "closes_at", &self.closes_at),
            mode: self.mode.clone(),
            band_scheme: self.band_scheme.clone(),
            populations: self.populations.iter().filter(|(g, _)| self.groups.contains(g)).cloned().collect(),
        };
        (input, errors)
    }

    fn population(&self, group: &str) -> &str {
        self.populations.iter().find(|(g, _)| g == group).map_or("", |(_, n)| n.as_str())
    }
}

#[derive(Template)]
#[template(path = "satisfaction/staff/surveys.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    surveys: Vec<Survey>,
    form: SurveyFields,
    errors: FormErrors,
    can_write: bool,
    modes: [Mode; 3],
    /// The latest version of each of the Center's questionnaires: (version id, label).
    questionnaires: Vec<(String, String)>,
}

impl ListTemplate<'_> {}

async fn render_list(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    form: SurveyFields,
    errors: &[(&'static str, FieldError)],
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let template = ListTemplate {
        page,
        nav: nav_for(staff),
        catalog: &catalog,
        surveys: surveys::list(&state.app, &staff.caller()).await?,
        form,
        errors: FormErrors::of(page.locale, errors),
        can_write: staff.caller().could(Subject::Survey, Action::Write),
        modes: Mode::ALL,
        questionnaires: questionnaire_choices(state, page, staff).await?,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page.render_with_status(status, &template)
}

/// The questionnaires a survey may ask: each one's latest version.
async fn questionnaire_choices(
    state: &AppState,
    page: &Page,
    staff: &Staff,
) -> Result<Vec<(String, String)>, AppError> {
    let own = questionnaires::list(&state.app, &staff.caller()).await?.into_iter().filter(|q| !q.builtin);
    Ok(own
        .filter_map(|q| {
            let v = q.latest()?;
            Some((
                v.id.to_string(),
                format!("{} ({} {})", q.name, page.t("questionnaire-version"), v.version),
            ))
        })
        .collect())
}

async fn list(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    render_list(&state, &page, &staff, SurveyFields::default(), &[]).await
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let form = SurveyFields::from_form(&multipart, &catalog)?;
    let (input, mut errors) = form.input();
    let new = match input.parse() {
        Ok(new) if errors.is_empty() => new,
        Ok(_) => return render_list(&state, &page, &staff, form, &errors).await,
        Err(more) => {
            errors.extend(more);
            return render_list(&state, &page, &staff, form, &errors).await;
        }
    };
    match surveys::launch(&state.app, &staff.caller(), &new).await {
        Ok(id) => Ok(page.redirect(&format!("/staff/surveys/{id}"), Flash::Created)),
        Err(ruamjai_app::Error::Invalid(errors)) => render_list(&state, &page, &staff, form, &errors).await,
        Err(other) => Err(other.into()),
    }
}
