//! The staff pages of work manuals: the list with the form that starts
//! one, a manual with its revisions, readers and workflow, the draft
//! editor, and two revisions compared. Thin adapters of
//! `ruamjai_app::manuals::work`, like the API beside them.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::manuals::work::{self, Detail, NewManual, Summary};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::consultation::parse_date;
use ruamjai_domain::work_manual::WorkManualInput;
use ruamjai_domain::work_manual::control::{Action, ReviewOutcome, RevisionNumber, Stage};
use ruamjai_domain::work_manual::diff::{Comparison, Op, StepChange};
use ruamjai_store::work_manuals::{Duty, WorkManualFilter};
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::kit::{Flash, FormErrors, NavItem, nav_for};
use crate::manuals::total_text;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/work-manuals", get(list).post(create))
        .route("/staff/work-manuals/{id}", get(show))
        .route("/staff/work-manuals/{id}/draft", get(editor).post(save))
        .route("/staff/work-manuals/{id}/actions", post(act))
        .route("/staff/work-manuals/{id}/reviews", post(review))
        .route("/staff/work-manuals/{id}/acknowledgement", post(acknowledge))
        .route("/staff/work-manuals/{id}/diff", get(diff))
}

// ---- the list ----

#[derive(Template)]
#[template(path = "manuals/staff/work_manuals.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: Arc<Catalog>,
    lines: Vec<Summary>,
    division: String,
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
struct ListQuery {
    #[serde(default)]
    division: String,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    render_list(&state, &page, &staff, &query.division, NewForm::default(), FormErrors::default()).await
}

async fn render_list(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    division: &str,
    form: NewForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let filter =
        WorkManualFilter { division: Some(division).filter(|d| !d.is_empty()), ..Default::default() };
    let lines = work::list(&state.app, &staff.caller(), filter).await?;
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
        may_start,
        form,
        errors,
    };
    page.render_with_status(status, &template)
}

/// The form that starts a work manual, as typed.
#[derive(Deserialize, Default, Clone)]
struct NewForm {
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

async fn create(
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
            render_list(&state, &page, &staff, "", typed, errors).await
        }
        Err(ruamjai_app::Error::Invalid(refused)) => {
            let errors = FormErrors::of(page.locale, &refused);
            render_list(&state, &page, &staff, "", typed, errors).await
        }
        Err(other) => Err(other.into()),
    }
}

// ---- one manual ----

#[derive(Template)]
#[template(path = "manuals/staff/work_manual.html")]
struct ManualTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: Arc<Catalog>,
    detail: Detail,
    /// The caller is asked to read the revision in force and has not yet.
    asked_to_read: bool,
    /// What changed since the revision the caller read before, if one.
    since_read: Option<(RevisionNumber, Comparison)>,
    actions: Vec<Action>,
    may_review: bool,
    today: String,
}

impl ManualTemplate<'_> {
    fn title(&self) -> &str {
        self.page.pick(&self.detail.record.title_th, &self.detail.record.title_en)
    }

    fn service_name(&self) -> String {
        let code = &self.detail.record.service_code;
        self.catalog
            .service(code)
            .map(|s| self.page.pick(&s.name_th, &s.name_en).to_owned())
            .unwrap_or_default()
    }

    fn division_name(&self, code: &Option<String>) -> String {
        code.as_deref()
            .and_then(|c| self.catalog.division(c))
            .map(|d| self.page.pick(&d.name_th, &d.name_en).to_owned())
            .unwrap_or_else(|| self.page.t("wm-center-wide"))
    }

    fn standing(&self, code: &str) -> String {
        self.page.t(&format!("wm-stage-{}", code.replace('_', "-")))
    }

    fn signer(&self, line: &work::RevisionLine, duty: &str) -> String {
        let duty = match duty {
            "author" => Duty::Author,
            "reviewer" => Duty::Reviewer,
            _ => Duty::Approver,
        };
        line.revision
            .signature(duty)
            .map(|s| {
                let date = self.page.locale.date(s.signed_at);
                if s.job_title.is_empty() {
                    format!("{} ({date})", s.name)
                } else {
                    format!("{}, {} ({date})", s.name, s.job_title)
                }
            })
            .unwrap_or_else(|| "—".to_owned())
    }

    fn day(&self, date: &Option<time::Date>) -> String {
        date.map(|d| self.page.locale.day(&d)).unwrap_or_else(|| "—".to_owned())
    }

    fn action_label(&self, action: &Action) -> String {
        self.page.t(&format!("wm-action-{}", action.code()))
    }

    fn total(&self, total: &ruamjai_domain::manual::TotalDuration) -> String {
        total_text(self.page.locale, *total)
    }

    /// Who has not acknowledged the revision in force.
    fn missing_names(&self) -> String {
        let Some(number) = self.effective_number() else { return String::new() };
        self.detail.missing_readers(number).iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", ")
    }

    fn readers_by_division(&self) -> Vec<(Option<String>, usize, usize)> {
        self.effective_number().map(|n| self.detail.by_division(n)).unwrap_or_default()
    }

    fn effective_number(&self) -> Option<u32> {
        self.detail.effective().map(|l| l.revision.number.number)
    }

    fn previous_label(&self) -> Option<(String, String)> {
        let mut labels = self.detail.revisions.iter().rev().map(|l| l.revision.number.label());
        let newest = labels.next()?;
        labels.next().map(|older| (older, newest))
    }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let detail = work::detail(&state.app, &caller, id).await?;
    let asked = work::to_read(&state.app, &caller).await?.into_iter().find(|t| t.record.id == id);
    let since_read = match &asked {
        Some(asked) => match asked.read_before {
            Some(number) => {
                let from = RevisionNumber { number, correction: 0 };
                Some((from, work::compare(&state.app, &caller, id, from, asked.revision.number).await?))
            }
            None => None,
        },
        None => None,
    };
    let actions = detail
        .open()
        .map(|open| {
            Action::ALL
                .into_iter()
                .filter(|a| a.apply(open.revision.stage).is_some())
                .filter(|a| work::allows(&caller, &detail.record, *a, &open.revision))
                .collect()
        })
        .unwrap_or_default();
    let may_review = work::may_review(&caller, &detail.record) && detail.effective().is_some();
    let template = ManualTemplate {
        page: &page,
        nav: nav_for(&staff),
        catalog: state.catalog().await?,
        asked_to_read: asked.is_some(),
        since_read,
        actions,
        may_review,
        today: ruamjai_domain::calendar::bangkok_date(state.app.now()).to_string(),
        detail,
    };
    page.render(&template)
}

#[derive(Deserialize)]
struct ActForm {
    action: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    effective_date: String,
}

async fn act(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ActForm>,
) -> Result<Response, AppError> {
    let action = Action::parse(&form.action).map_err(|e| AppError::Invalid(vec![("action", e)]))?;
    let effective = match form.effective_date.trim() {
        "" => None,
        raw => Some(parse_date(raw).map_err(|e| AppError::Invalid(vec![("effective_date", e)]))?),
    };
    work::act(&state.app, &staff.caller(), id, action, &form.comment, effective).await?;
    Ok(page.redirect(&format!("/staff/work-manuals/{id}"), Flash::Saved))
}

#[derive(Deserialize)]
struct ReviewForm {
    outcome: String,
    #[serde(default)]
    note: String,
}

async fn review(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> Result<Response, AppError> {
    let outcome = ReviewOutcome::parse(&form.outcome).map_err(|e| AppError::Invalid(vec![("outcome", e)]))?;
    work::review(&state.app, &staff.caller(), id, outcome, &form.note).await?;
    Ok(page.redirect(&format!("/staff/work-manuals/{id}"), Flash::Saved))
}

#[derive(Deserialize)]
struct AcknowledgeForm {
    number: u32,
}

async fn acknowledge(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<AcknowledgeForm>,
) -> Result<Response, AppError> {
    work::acknowledge(&state.app, &staff.caller(), id, form.number).await?;
    Ok(page.redirect(&format!("/staff/work-manuals/{id}"), Flash::Saved))
}

// ---- the editor ----

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

async fn editor(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render_editor(&state, &page, &staff, id, None, FormErrors::default()).await
}

async fn save(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let record = work::record(&state.app, &caller, id).await?;
    if !work::may_edit(&caller, &record) {
        return Err(AppError::Forbidden);
    }
    let input = WorkManualInput::from_fields(&fields);
    match input.parse() {
        Ok(draft) => {
            work::save_draft(&state.app, &caller, id, &draft).await?;
            Ok(page.redirect(&format!("/staff/work-manuals/{id}"), Flash::Saved))
        }
        Err(refused) => {
            let errors = FormErrors::of(page.locale, &refused);
            render_editor(&state, &page, &staff, id, Some(input), errors).await
        }
    }
}

// ---- two revisions compared ----

#[derive(Template)]
#[template(path = "manuals/staff/work_manual_diff.html")]
struct DiffTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    detail: Detail,
    from: String,
    to: String,
    comparison: Comparison,
}

impl DiffTemplate<'_> {
    fn title(&self) -> &str {
        self.page.pick(&self.detail.record.title_th, &self.detail.record.title_en)
    }

    fn section_label(&self, code: &str) -> String {
        self.page.t(&format!("wm-section-{code}"))
    }

    fn is_insert(&self, op: &Op) -> bool {
        *op == Op::Insert
    }

    fn is_delete(&self, op: &Op) -> bool {
        *op == Op::Delete
    }

    fn step_change(&self, step: &StepChange) -> String {
        self.page.t(&format!(
            "wm-step-{}",
            serde_json::to_value(step.change)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ))
    }

    fn field_label(&self, field: &str) -> String {
        self.page.t(&format!("wm-field-{field}"))
    }

    fn value(&self, value: &ruamjai_domain::work_manual::diff::Value) -> String {
        use ruamjai_domain::work_manual::diff::Value;
        match value {
            Value::Text(text) if text.is_empty() => "—".to_owned(),
            Value::Text(text) => text.clone(),
            Value::Kind(kind) => self.page.t(&format!("wm-kind-{}", kind.code())),
            Value::Duration(d) => crate::manuals::duration_text(self.page.locale, *d),
            Value::Next(flow) => {
                let target = |t: ruamjai_domain::manual::Target| match t {
                    ruamjai_domain::manual::Target::Step(n) => {
                        self.page.locale.ta("manual-to-step", &[("n", n.into())])
                    }
                    ruamjai_domain::manual::Target::End => self.page.t("flowchart-end"),
                };
                match flow {
                    ruamjai_domain::manual::Flow::Task { then } => target(*then),
                    ruamjai_domain::manual::Flow::Decision { yes, no } => format!(
                        "{} → {} · {} → {}",
                        self.page.t("flowchart-yes"),
                        target(*yes),
                        self.page.t("flowchart-no"),
                        target(*no)
                    ),
                }
            }
        }
    }
}

#[derive(Deserialize)]
struct DiffQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

async fn diff(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<DiffQuery>,
) -> Result<Response, AppError> {
    let number = |field: &'static str, raw: &str| {
        RevisionNumber::parse(raw).map_err(|e: FieldError| AppError::Invalid(vec![(field, e)]))
    };
    let (from, to) = (number("from", &query.from)?, number("to", &query.to)?);
    let caller = staff.caller();
    let comparison = work::compare(&state.app, &caller, id, from, to).await?;
    let detail = work::detail(&state.app, &caller, id).await?;
    let template = DiffTemplate {
        page: &page,
        nav: nav_for(&staff),
        detail,
        from: from.label(),
        to: to.label(),
        comparison,
    };
    page.render(&template)
}
