//! Staff write the Center's own questionnaires: start one from the standard
//! or a copy, edit its sections and items, and save. A version nobody has
//! answered is corrected in place; an answered one is kept, and the save
//! becomes the next version.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use ruamjai_domain::satisfaction::drafting::{ItemInput, KIND_CODES, QuestionnaireInput, SectionInput};
use ruamjai_domain::satisfaction::standard::standard;
use ruamjai_store::satisfaction::{QuestionnaireDetail, QuestionnaireSummary};
use serde::Deserialize;

use super::questionnaire_form::form_input;
use crate::auth::csrf::CsrfMultipart;
use crate::auth::session::Staff;
use crate::error::field_message;
use crate::kit::{FormErrors, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::satisfaction::questionnaires::{self, Origin};
use ruamjai_domain::accounts::policy::{Action, Subject};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/questionnaires", get(list).post(create))
        .route("/staff/questionnaires/standard", get(show_standard))
        .route("/staff/questionnaires/{id}", get(edit).post(save))
}

#[derive(Template)]
#[template(path = "satisfaction/staff/questionnaires.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    own: Vec<QuestionnaireSummary>,
    can_write: bool,
    name: String,
    error: Option<String>,
}

async fn render_list(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    name: String,
    error: Option<String>,
) -> Result<Response, AppError> {
    let own =
        questionnaires::list(&state.app, &staff.caller()).await?.into_iter().filter(|q| !q.builtin).collect();
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let template = ListTemplate {
        page,
        nav: nav_for(staff),
        own,
        can_write: staff.caller().could(Subject::Questionnaire, Action::Write),
        name,
        error,
    };
    page.render_with_status(status, &template)
}

async fn list(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    render_list(&state, &page, &staff, String::new(), None).await
}

#[derive(Deserialize)]
struct NewFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    from: String,
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    form: CsrfMultipart,
) -> Result<Response, AppError> {
    let fields: NewFields = form.fields()?;
    let created = match Origin::parse(&fields.from) {
        Ok(origin) => questionnaires::create(&state.app, &staff.caller(), &fields.name, origin).await,
        Err(e) => Err(e),
    };
    match created {
        Ok(saved) => {
            Ok(Redirect::to(&format!("/staff/questionnaires/{}", saved.questionnaire_id)).into_response())
        }
        Err(ruamjai_app::Error::InvalidItems(errors)) => {
            let message = errors.first().map(|(_, e)| field_message(page.locale, e));
            render_list(&state, &page, &staff, fields.name, message).await
        }
        Err(other) => Err(other.into()),
    }
}

/// A section of the editor: its rows, then one blank row to add an item.
struct SectionRows {
    input: SectionInput,
    items: Vec<ItemInput>,
}

#[derive(Template)]
#[template(path = "satisfaction/staff/questionnaire_edit.html")]
struct EditTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    /// `None` for the built-in standard, which is shown but not saved.
    id: Option<i64>,
    name: String,
    version: i64,
    locked: bool,
    surveys: i64,
    sections: Vec<SectionRows>,
    errors: FormErrors,
    /// The version just saved, and whether it is a new one.
    saved: Option<(i64, bool)>,
    kinds: [&'static str; 6],
}

impl EditTemplate<'_> {
    fn editable(&self) -> bool {
        self.id.is_some()
    }

    /// The choices box's message, or that of a choice inside it.
    fn options_error(&self, field: &str) -> Option<&str> {
        let owns =
            |f: &str| f == field || f.strip_prefix(field).is_some_and(|rest| rest.starts_with(".options."));
        self.errors.first_of(owns)
    }

    fn field(&self, section: impl std::fmt::Display, item: impl std::fmt::Display, key: &str) -> String {
        format!("sections.{section}.items.{item}.{key}")
    }

    fn options(&self, item: &ItemInput) -> String {
        item.options_lines()
    }

    fn note(&self) -> String {
        let version = |n: i64| n.into();
        match (self.id, self.locked) {
            (None, _) => self.page.t("questionnaire-standard-note"),
            (Some(_), true) => self.page.locale.ta(
                "questionnaire-locked-note",
                &[("version", version(self.version)), ("next", version(self.version + 1))],
            ),
            (Some(_), false) => {
                self.page.locale.ta("questionnaire-open-note", &[("version", version(self.version))])
            }
        }
    }

    fn saved_line(&self) -> Option<String> {
        self.saved.map(|(version, new)| {
            let key = if new { "questionnaire-saved-new" } else { "questionnaire-saved" };
            self.page.locale.ta(key, &[("version", version.into())])
        })
    }
}

fn blank_item() -> ItemInput {
    ItemInput { kind: "scale".into(), required: true, ..ItemInput::default() }
}

/// The questions as rows, with a blank row in each section and a blank
/// section of three rows, so an item or a section is added without script.
fn rows(input: QuestionnaireInput, editable: bool) -> Vec<SectionRows> {
    let mut sections: Vec<SectionRows> = (input.sections.into_iter())
        .map(|mut s| {
            let mut items = std::mem::take(&mut s.items);
            if editable {
                items.push(blank_item());
            }
            SectionRows { input: s, items }
        })
        .collect();
    if editable {
        sections.push(SectionRows {
            input: SectionInput::default(),
            items: vec![blank_item(), blank_item(), blank_item()],
        });
    }
    sections
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    saved: Option<i64>,
    #[serde(default)]
    new: bool,
}

struct Editor<'a> {
    detail: &'a QuestionnaireDetail,
    name: String,
    input: QuestionnaireInput,
    errors: FormErrors,
    saved: Option<(i64, bool)>,
}

fn render_editor(page: &Page, staff: &Staff, editor: Editor<'_>) -> Result<Response, AppError> {
    let latest = editor.detail.summary.latest().ok_or(AppError::NotFound)?;
    let id = (!editor.detail.summary.builtin).then_some(editor.detail.summary.id);
    let status = if editor.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let template = EditTemplate {
        page,
        nav: nav_for(staff),
        id,
        name: editor.name,
        version: latest.version,
        locked: latest.locked_at.is_some(),
        surveys: latest.surveys,
        sections: rows(
            editor.input,
            id.is_some() && staff.caller().could(Subject::Questionnaire, Action::Write),
        ),
        errors: editor.errors,
        saved: editor.saved,
        kinds: KIND_CODES,
    };
    page.render_with_status(status, &template)
}

async fn edit(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let detail = questionnaires::of(&state.app, &staff.caller(), id).await?;
    let input = detail.latest().map(QuestionnaireInput::from).unwrap_or_default();
    let name = detail.summary.name.clone();
    let saved = query.saved.map(|v| (v, query.new));
    render_editor(
        &page,
        &staff,
        Editor { detail: &detail, name, input, errors: FormErrors::default(), saved },
    )
}

/// The built-in standard, before any survey stored it: shown, not saved.
async fn show_standard(page: Page, staff: Staff) -> Result<Response, AppError> {
    let template = EditTemplate {
        page: &page,
        nav: nav_for(&staff),
        id: None,
        name: page.t("questionnaire-standard"),
        version: 1,
        locked: false,
        surveys: 0,
        sections: rows(QuestionnaireInput::from(&standard()), false),
        errors: FormErrors::default(),
        saved: None,
        kinds: KIND_CODES,
    };
    page.render(&template)
}

async fn save(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    form: CsrfMultipart,
) -> Result<Response, AppError> {
    let (name, input) = form_input(form.pairs());
    let caller = staff.caller();
    match questionnaires::save(&state.app, &caller, id, &name, &input).await {
        Ok(saved) => {
            let to = format!("/staff/questionnaires/{id}?saved={}&new={}", saved.version, saved.new_version);
            Ok(Redirect::to(&to).into_response())
        }
        Err(ruamjai_app::Error::InvalidItems(errors)) => {
            let detail = questionnaires::of(&state.app, &caller, id).await?;
            let errors = FormErrors::of(page.locale, &errors);
            render_editor(&page, &staff, Editor { detail: &detail, name, input, errors, saved: None })
        }
        Err(other) => Err(other.into()),
    }
}
