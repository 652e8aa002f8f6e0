//! Administrators define the year's indicators on a page, not only over
//! the API: the names, weight, contacts and source; a milestone
//! indicator's criteria and rule settings; a range indicator's targets.
//! The form is read into the same definition JSON the API takes, so one
//! use case checks both.

mod form;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::kpi;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Indicator, Kind, Rule};
use serde::Deserialize;

use self::form::{Fields, NEW_STEPS, definition_of, fields_of, value};
use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::kit::{Flash, FormErrors, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/staff/kpi/{fiscal_year}/indicators/new", get(new_form).post(create))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/definition", get(edit_form).post(amend))
        .route("/staff/kpi/{fiscal_year}/copy-to-next", post(copy_to_next))
}

#[derive(Template)]
#[template(path = "kpi/definition.html")]
struct DefinitionTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    year: FiscalYear,
    /// `None` while the indicator is new.
    code: Option<String>,
    kind: &'static str,
    fields: Fields,
    steps: Vec<StepField>,
    settings: Vec<SettingField>,
    levels: Vec<u8>,
    errors: FormErrors,
}

/// A step of a milestone indicator on the form, and how it is judged.
struct StepField {
    number: usize,
    /// "By the rule over the facts" or "by the director's sign-off".
    judged: String,
}

struct SettingField {
    name: &'static str,
    label: String,
    default: String,
}

impl DefinitionTemplate<'_> {
    fn value(&self, name: &str) -> &str {
        self.fields.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str())
    }

    fn step_value(&self, number: &usize, language: &str) -> &str {
        self.value(&format!("step.{number}.criterion_{language}"))
    }

    fn step_error(&self, number: &usize, language: &str) -> Option<&str> {
        self.errors.get(&format!("steps.{number}.criterion_{language}"))
    }

    fn setting_value(&self, name: &str) -> &str {
        self.value(&format!("settings.{name}"))
    }

    fn setting_error(&self, name: &str) -> Option<&str> {
        self.errors.get(&format!("settings.{name}"))
    }

    fn target_value(&self, level: &u8) -> &str {
        self.value(&format!("targets.{level}"))
    }

    fn target_error(&self, level: &u8) -> Option<&str> {
        self.errors.get(&format!("targets.{level}"))
    }
}

fn year(be: i32) -> FiscalYear {
    FiscalYear::from_be(be)
}

/// The definition pages are the administrators': anyone else is refused
/// before anything is read.
fn administrator(staff: &Staff) -> Result<(), AppError> {
    if staff.caller().could(Subject::Indicator, Action::Write) { Ok(()) } else { Err(AppError::Forbidden) }
}

#[derive(Deserialize)]
struct KindQuery {
    #[serde(default)]
    kind: String,
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(be): Path<i32>,
    Query(query): Query<KindQuery>,
) -> Result<Response, AppError> {
    administrator(&staff)?;
    let kind = if query.kind == "milestone" { "milestone" } else { "range" };
    let mut fields = vec![("kind".to_owned(), kind.to_owned()), ("weight".to_owned(), String::new())];
    if kind == "range" {
        fields.extend([
            ("direction".to_owned(), "rising".to_owned()),
            ("measured".to_owned(), "entered".to_owned()),
        ]);
    }
    render(&state, &page, &staff, (year(be), None), fields, FormErrors::default()).await
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((be, code)): Path<(i32, String)>,
) -> Result<Response, AppError> {
    administrator(&staff)?;
    let indicator = kpi::definition(&state.app, &staff.caller(), year(be), &code).await?;
    render(&state, &page, &staff, (year(be), Some(&indicator)), fields_of(&indicator), FormErrors::default())
        .await
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(be): Path<i32>,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, AppError> {
    administrator(&staff)?;
    let definition = definition_of(&fields, None);
    match kpi::create(&state.app, &staff.caller(), year(be), definition).await {
        Ok(indicator) => {
            Ok(page.redirect(&format!("/staff/kpi/{be}/indicators/{}", indicator.code), Flash::Created))
        }
        Err(refused) => {
            let errors = refusals(&page, refused)?;
            render(&state, &page, &staff, (year(be), None), fields, errors).await
        }
    }
}

async fn amend(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((be, code)): Path<(i32, String)>,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, AppError> {
    administrator(&staff)?;
    let current = kpi::definition(&state.app, &staff.caller(), year(be), &code).await?;
    let patch = definition_of(&fields, Some(&current));
    match kpi::amend(&state.app, &staff.caller(), year(be), &code, patch).await {
        Ok(_) => Ok(page.redirect(&format!("/staff/kpi/{be}/indicators/{code}"), Flash::Saved)),
        Err(refused) => {
            let errors = refusals(&page, refused)?;
            render(&state, &page, &staff, (year(be), Some(&current)), fields, errors).await
        }
    }
}

async fn copy_to_next(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(be): Path<i32>,
    CsrfForm(_): CsrfForm<Fields>,
) -> Result<Response, AppError> {
    kpi::copy_year(&state.app, &staff.caller(), year(be), year(be + 1)).await?;
    Ok(page.redirect(&format!("/staff/kpi?year={}", be + 1), Flash::Created))
}

/// The fields a refusal names, or the refusal itself when it is not about
/// what was typed.
fn refusals(page: &Page, refused: ruamjai_app::Error) -> Result<FormErrors, AppError> {
    match refused {
        ruamjai_app::Error::InvalidItems(items) => Ok(FormErrors::of(page.locale, &items)),
        ruamjai_app::Error::Invalid(fields) => Ok(FormErrors::of(page.locale, &fields)),
        ruamjai_app::Error::ConflictOn { field, reason, .. } => {
            Ok(FormErrors::of(page.locale, &[(field, reason)]))
        }
        other => Err(other.into()),
    }
}

async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    (year, current): (FiscalYear, Option<&Indicator>),
    fields: Fields,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let levels = kpi::scale(&state.app, &staff.caller(), year).await?.levels;
    let kind = match current.map(|i| &i.kind) {
        Some(Kind::Milestone { .. }) => "milestone",
        Some(Kind::Range { .. }) => "range",
        None if value(&fields, "kind") == "milestone" => "milestone",
        None => "range",
    };
    let steps = match current.map(|i| &i.kind) {
        Some(Kind::Milestone { steps, .. }) => steps.iter().map(|s| s.rule).collect(),
        _ => vec![None; NEW_STEPS.min(usize::from(levels))],
    };
    let settings = steps
        .iter()
        .flatten()
        .flat_map(|rule| rule.settings())
        .map(|(name, default)| SettingField {
            name,
            label: page.t(&format!("kpi-setting-{name}")),
            default: page.locale.ta("kpi-define-default", &[("value", default.trimmed().into())]),
        })
        .collect();
    let template = DefinitionTemplate {
        page,
        nav: nav_for(staff),
        year,
        code: current.map(|i| i.code.clone()),
        kind,
        steps: (1..)
            .zip(&steps)
            .map(|(number, rule)| StepField { number, judged: judged_by(page, *rule) })
            .collect(),
        settings,
        levels: (1..=levels).collect(),
        fields,
        errors,
    };
    let status = if template.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page.render_with_status(status, &template)
}

fn judged_by(page: &Page, rule: Option<Rule>) -> String {
    match rule {
        Some(rule) => page
            .locale
            .ta("kpi-define-step-rule", &[("rule", page.t(&format!("kpi-rule-{}", rule.code())).into())]),
        None => page.t("kpi-define-step-manual"),
    }
}
