//! The list of work manuals, with the form that starts one.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::manuals::work::{self, NewManual, Summary};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::work_manual::control::Stage;
use ruamjai_store::work_manuals::WorkManualFilter;
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::kit::{Flash, FormErrors, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "manuals/staff/work_manuals.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: Arc<Catalog>,
    lines: Vec<Summary>,
    division: String,
    /// The words searched for, and whether a search was made.
    q: String,
    searched: bool,
    may_start: bool,
    form: NewForm,
    errors: FormErrors,
}

impl ListTemplate<'_> {
    fn service_name(&self, code: &str) -> String {
        self.catalog
            .service(code)
            .map(|s| self.page.pick(&s.name_th, &s.name_en).to_owned())
            .unwrap_or_default()
    }

    fn division_name(&self, code: &str) -> String {
        self.catalog
            .division(code)
            .map(|d| self.page.pick(&d.name_th, &d.name_en).to_owned())
            .unwrap_or_default()
    }

    fn stage(&self, stage: &Stage) -> String {
        self.page.t(&format!("wm-stage-{}", stage.code().replace('_', "-")))
    }

    fn title(&self, line: &Summary) -> String {
        self.page.pick(&line.record.title_th, &line.record.title_en).to_owned()
    }

    fn checked_division(&self, code: &str) -> bool {
        self.form.divisions.iter().any(|d| d == code)
    }

    fn has_role(&self, role: &str) -> bool {
        self.form.roles.iter().any(|r| r == role)
    }

    fn role_label(&self, role: &str) -> String {
        self.page.t(&format!("role-{role}"))
    }
}

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    #[serde(default)]
    division: String,
    /// Words to find in the manuals' contents.
    #[serde(default)]
    q: String,
}

pub(super) async fn list(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    render_list(&state, &page, &staff, &query, NewForm::default(), FormErrors::default()).await
}

async fn render_list(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    query: &ListQuery,
    form: NewForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let division = query.division.as_str();
    let filter =
        WorkManualFilter { division: Some(division).filter(|d| !d.is_empty()), ..Default::default() };
    let words: String = query.q.trim().chars().take(100).collect();
    let lines = match words.as_str() {
        "" => work::list(&state.app, &staff.caller(), filter).await?,
        words => work::search(&state.app, &staff.caller(), filter, words).await?,
    };
    let may_start = staff.caller().could(
        ruamjai_domain::accounts::policy::Subject::WorkManual,
        ruamjai_domain::accounts::policy::Action::Write,
    );
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let template = ListTemplate {
        page,
        nav: nav_for(staff),
        catalog: state.catalog().await?,
        lines,
        division: division.to_owned(),
        searched: !words.is_empty(),
        q: words,
        may_start,
        form,
        errors,
    };
    page.render_with_status(status, &template)
}

/// The form that starts a work manual, as typed.
#[derive(Deserialize, Default, Clone)]
pub(super) struct NewForm {
    #[serde(default)]
    service: String,
    #[serde(default)]
    title_th: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    divisions: Vec<String>,
    #[serde(default)]
    from_citizen_manual: Option<String>,
}

pub(super) async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let values =
        |name: &str| form.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let one = |name: &str| values(name).into_iter().next().unwrap_or_default();
    let typed = NewForm {
        service: one("service"),
        title_th: one("title_th"),
        title_en: one("title_en"),
        roles: values("roles"),
        divisions: values("divisions"),
        from_citizen_manual: Some(one("from_citizen_manual")).filter(|v| !v.is_empty()),
    };
    let new = NewManual {
        service: typed.service.clone(),
        title_th: typed.title_th.clone(),
        title_en: typed.title_en.clone(),
        roles: typed.roles.clone(),
        divisions: typed.divisions.clone(),
        from_citizen_manual: typed.from_citizen_manual.is_some(),
        ..NewManual::default()
    };
    match work::create(&state.app, &staff.caller(), new).await {
        Ok(record) => Ok(page.redirect(&format!("/staff/work-manuals/{}", record.id), Flash::Created)),
        Err(ruamjai_app::Error::InvalidItems(refused)) => {
            let errors = FormErrors::of(page.locale, &refused);
            render_list(&state, &page, &staff, &ListQuery::default(), typed, errors).await
        }
        Err(ruamjai_app::Error::Invalid(refused)) => {
            let errors = FormErrors::of(page.locale, &refused);
            render_list(&state, &page, &staff, &ListQuery::default(), typed, errors).await
        }
        Err(other) => Err(other.into()),
    }
}
