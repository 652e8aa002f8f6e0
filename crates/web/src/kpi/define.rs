//! Administrators define the year's indicators on a page, not only over
//! the API: the names, weight, contacts and source; a milestone
//! indicator's criteria and rule settings; a range indicator's targets.
//! The form is read into the same definition JSON the API takes, so one
//! use case checks both.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::kpi;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Contact, Indicator, Kind, Measured, Rule, Step};
use serde::Deserialize;
use serde_json::{Map, Value, json};

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

/// Criteria a new milestone indicator may have: one per level of the scale.
const NEW_STEPS: usize = 5;

/// The form's fields by name, as typed or as read from a definition.
type Fields = Vec<(String, String)>;

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

fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.trim())
}

/// A definition's fields as the form shows them.
fn fields_of(indicator: &Indicator) -> Fields {
    let mut fields: Fields = [
        ("name_th", indicator.name_th.clone()),
        ("name_en", indicator.name_en.clone()),
        ("description_th", indicator.description_th.clone()),
        ("description_en", indicator.description_en.clone()),
        ("weight", indicator.weight.trimmed()),
        ("source_th", indicator.source_th.clone()),
        ("source_en", indicator.source_en.clone()),
        ("supervisor_th", indicator.supervisor.position_th.clone()),
        ("supervisor_en", indicator.supervisor.position_en.clone()),
        ("supervisor_phone", indicator.supervisor.phone.clone()),
        ("collectors", indicator.collectors.iter().map(collector_line).collect::<Vec<_>>().join("\n")),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect();
    if indicator.thai_digits {
        fields.push(("thai_digits".into(), "on".into()));
    }
    match &indicator.kind {
        Kind::Milestone { steps, settings } => {
            for (number, step) in (1..).zip(steps) {
                fields.push((format!("step.{number}.criterion_th"), step.criterion_th.clone()));
                fields.push((format!("step.{number}.criterion_en"), step.criterion_en.clone()));
            }
            // Only what differs from a default is stored, and only that is shown.
            fields.extend(settings.iter().map(|(name, v)| (format!("settings.{name}"), v.trimmed())));
        }
        Kind::Range { targets, direction, short_of_first, measured, unit_th, unit_en } => {
            fields.extend((1..).zip(targets).map(|(level, t)| (format!("targets.{level}"), t.trimmed())));
            let direction = serde_json::to_value(direction).ok().and_then(|d| d.as_str().map(str::to_owned));
            fields.push(("direction".into(), direction.unwrap_or_default()));
            fields.push(("measured".into(), measured_code(*measured).into()));
            fields.push(("short_of_first".into(), short_of_first.trimmed()));
            fields.push(("unit_th".into(), unit_th.clone()));
            fields.push(("unit_en".into(), unit_en.clone()));
        }
    }
    fields
}

fn measured_code(measured: Measured) -> &'static str {
    match measured {
        Measured::Entered => "entered",
        Measured::AnsweredInTimePct => "answered_in_time_pct",
        Measured::SatisfiedPct => "satisfied_pct",
    }
}

/// "ตำแหน่ง | Position | 0 2222 0000": one collector per line.
fn collector_line(c: &Contact) -> String {
    format!("{} | {} | {}", c.position_th, c.position_en, c.phone)
}

fn collectors(text: &str) -> Vec<Value> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut parts = line.split('|').map(str::trim);
            let (th, en, phone) = (parts.next(), parts.next(), parts.next());
            json!({ "position_th": th.unwrap_or(""), "position_en": en.unwrap_or(""), "phone": phone.unwrap_or("") })
        })
        .collect()
}

/// The definition JSON the form says: whole for a new indicator, the
/// fields it holds for `current` (whose code, kind and step rules stay).
fn definition_of(fields: &Fields, current: Option<&Indicator>) -> Value {
    let text = |name: &str| Value::String(value(fields, name).to_owned());
    let mut definition = Map::new();
    for name in ["name_th", "name_en", "description_th", "description_en", "weight", "source_th", "source_en"]
    {
        definition.insert(name.into(), text(name));
    }
    definition.insert("thai_digits".into(), Value::Bool(!value(fields, "thai_digits").is_empty()));
    definition.insert(
        "supervisor".into(),
        json!({ "position_th": text("supervisor_th"), "position_en": text("supervisor_en"),
                "phone": text("supervisor_phone") }),
    );
    definition.insert("collectors".into(), Value::Array(collectors(value(fields, "collectors"))));
    let kind = match current.map(|i| &i.kind) {
        Some(Kind::Milestone { .. }) => "milestone",
        Some(Kind::Range { .. }) => "range",
        None if value(fields, "kind") == "milestone" => "milestone",
        None => "range",
    };
    if current.is_none() {
        definition.insert("code".into(), text("code"));
        definition.insert("kind".into(), kind.into());
    }
    if kind == "milestone" {
        milestone_fields(fields, current, &mut definition);
    } else {
        range_fields(fields, &mut definition);
    }
    Value::Object(definition)
}

fn milestone_fields(fields: &Fields, current: Option<&Indicator>, definition: &mut Map<String, Value>) {
    let criterion =
        |number: usize, language: &str| value(fields, &format!("step.{number}.criterion_{language}"));
    let steps: Vec<Step> = match current.map(|i| &i.kind) {
        Some(Kind::Milestone { steps, .. }) => (1..)
            .zip(steps)
            .map(|(n, s)| Step {
                criterion_th: criterion(n, "th").into(),
                criterion_en: criterion(n, "en").into(),
                rule: s.rule,
            })
            .collect(),
        // A new milestone indicator's steps are signed off; empty criteria at the end are left out.
        _ => {
            let typed: Vec<Step> = (1..=NEW_STEPS)
                .map(|n| Step {
                    criterion_th: criterion(n, "th").into(),
                    criterion_en: criterion(n, "en").into(),
                    rule: None,
                })
                .collect();
            let used = typed.iter().rposition(|s| !s.criterion_th.is_empty() || !s.criterion_en.is_empty());
            typed.into_iter().take(used.map_or(0, |last| last + 1)).collect()
        }
    };
    let mut settings = Map::new();
    for name in steps.iter().filter_map(|s| s.rule).flat_map(|r| r.settings().into_iter().map(|(n, _)| n)) {
        // Empty puts the default back (`null` in a merge patch).
        let typed = value(fields, &format!("settings.{name}"));
        settings.insert(name.into(), if typed.is_empty() { Value::Null } else { typed.into() });
    }
    definition.insert("steps".into(), serde_json::to_value(steps).unwrap_or_default());
    if current.is_some() || !settings.is_empty() {
        definition.insert("settings".into(), Value::Object(settings));
    }
}

fn range_fields(fields: &Fields, definition: &mut Map<String, Value>) {
    let mut targets = Vec::new();
    for level in 1.. {
        let name = format!("targets.{level}");
        if !fields.iter().any(|(n, _)| *n == name) {
            break;
        }
        targets.push(Value::String(value(fields, &name).to_owned()));
    }
    definition.insert("targets".into(), Value::Array(targets));
    for name in ["direction", "measured", "unit_th", "unit_en"] {
        definition.insert(name.into(), value(fields, name).into());
    }
    let short = value(fields, "short_of_first");
    definition.insert("short_of_first".into(), if short.is_empty() { "0".into() } else { short.into() });
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruamjai_domain::kpi::indicator4;

    #[test]
    fn indicator_4_read_into_the_form_and_back_is_unchanged() {
        let four = indicator4::definition();
        let patch = definition_of(&fields_of(&four), Some(&four));
        let mut merged = serde_json::to_value(&four).unwrap();
        for (key, value) in patch.as_object().unwrap() {
            if key != "settings" {
                merged[key] = value.clone();
            }
        }
        assert_eq!(serde_json::from_value::<Indicator>(merged).unwrap(), four);
    }

    #[test]
    fn a_new_milestone_indicator_keeps_its_criteria_up_to_the_last_one_typed() {
        let typed: Fields = [
            ("kind", "milestone"),
            ("code", "2.1"),
            ("step.1.criterion_th", "มีแผน"),
            ("step.3.criterion_th", "ประเมินผล"),
        ]
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .into();
        let definition = definition_of(&typed, None);
        let steps = definition["steps"].as_array().unwrap();
        assert_eq!(steps.len(), 3, "step 2 is left empty and is refused by name, not dropped");
        assert_eq!(steps[2]["criterion_th"], "ประเมินผล");
        assert!(steps.iter().all(|s| s.get("rule").is_none()), "signed off by the director");
    }
}
