//! The draft editor: the sections and the steps, named as the API's JSON.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::manuals::work::{self, Detail};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::work_manual::WorkManualInput;

use crate::auth::csrf::CsrfMultipart;
use crate::auth::session::Staff;
use crate::kit::{Flash, FormErrors, NavItem, nav_for};
use crate::manuals::attached;
use crate::page::Page;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "manuals/staff/work_manual_edit.html")]
struct EditorTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    detail: Detail,
    input: WorkManualInput,
    errors: FormErrors,
    kinds: [&'static str; 5],
    units: [&'static str; 4],
}

impl EditorTemplate<'_> {
    fn title(&self) -> &str {
        self.page.pick(&self.detail.record.title_th, &self.detail.record.title_en)
    }

    fn error(&self, field: &str) -> String {
        self.errors.get(field).unwrap_or_default().to_owned()
    }

    fn kind_label(&self, kind: &str) -> String {
        self.page.t(&format!("wm-kind-{kind}"))
    }

    fn unit_label(&self, unit: &str) -> String {
        self.page.t(&format!("unit-name-{}", unit.replace('_', "-")))
    }

    fn loose(&self, value: &ruamjai_domain::manual::Loose) -> String {
        value.text()
    }

    fn sections_before(&self) -> [(&'static str, &str); 2] {
        [("objective", &self.input.objective), ("scope", &self.input.scope)]
    }

    fn sections_after(&self) -> [(&'static str, &str); 3] {
        [
            ("standards", &self.input.standards),
            ("monitoring", &self.input.monitoring),
            ("references", &self.input.references),
        ]
    }

    fn is_minor(&self) -> bool {
        self.input.change.trim() == "minor"
    }
}

/// The form's rows: the content's and a few blank ones to add more.
fn padded(mut input: WorkManualInput) -> WorkManualInput {
    let pad = |len: usize, blank: usize, least: usize| (len + blank).max(least);
    input.steps.resize_with(pad(input.steps.len(), 3, 5), Default::default);
    input.definitions.resize_with(pad(input.definitions.len(), 1, 2), Default::default);
    input.responsibilities.resize_with(pad(input.responsibilities.len(), 1, 2), Default::default);
    input.forms.resize_with(pad(input.forms.len(), 1, 1), Default::default);
    input
}

async fn render_editor(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    id: i64,
    typed: Option<WorkManualInput>,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let detail = work::detail(&state.app, &staff.caller(), id).await?;
    let input = match typed {
        Some(typed) => typed,
        None => {
            let shown = detail.open().or(detail.revisions.last()).map(|l| &l.revision);
            let mut input = match shown {
                Some(revision) => WorkManualInput::from(&revision.content()?),
                None => WorkManualInput::default(),
            };
            if let Some(open) = detail.open() {
                input.change_summary = open.revision.change_summary.clone();
                input.requires_reading = open.revision.requires_reading;
            }
            input
        }
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let template = EditorTemplate {
        page,
        nav: nav_for(staff),
        detail,
        input: padded(input),
        errors,
        kinds: ["process", "start", "decision", "document", "end"],
        units: ["minutes", "hours", "working_days", "days"],
    };
    page.render_with_status(status, &template)
}

pub(super) async fn editor(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render_editor(&state, &page, &staff, id, None, FormErrors::default()).await
}

/// Saves the typed draft, then attaches the form file chosen with it (the
/// file is refused by name, with the typed draft shown again, when it is
/// not one the Center accepts).
pub(super) async fn save(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    form: CsrfMultipart,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let record = work::record(&state.app, &caller, id).await?;
    if !work::may_edit(&caller, &record) {
        return Err(AppError::Forbidden);
    }
    let input = WorkManualInput::from_fields(form.pairs());
    let field = |name: &str| form.values(name).into_iter().next().unwrap_or_default();
    let new_form = match form.files.as_slice() {
        [] | [_] => attached::new_form(&field(attached::TITLE_FIELD), form.files.first()),
        _ => Err(vec![(attached::FILE_FIELD.to_owned(), FieldError::TooManyFiles { max: 1 })]),
    };
    match (input.parse(), new_form) {
        (Ok(draft), Ok(new_form)) => {
            work::save_draft(&state.app, &caller, id, &draft).await?;
            if let Some(new_form) = new_form {
                work::attach_form(&state.app, &caller, id, new_form).await?;
            }
            Ok(page.redirect(&format!("/staff/work-manuals/{id}"), Flash::Saved))
        }
        (parsed, new_form) => {
            let refused: Vec<_> =
                parsed.err().into_iter().flatten().chain(new_form.err().into_iter().flatten()).collect();
            let errors = FormErrors::of(page.locale, &refused);
            render_editor(&state, &page, &staff, id, Some(input), errors).await
        }
    }
}
