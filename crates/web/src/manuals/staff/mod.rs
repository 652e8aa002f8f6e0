//! Staff work on citizen manuals: every service with where its manual
//! stands, the editor whose flowchart follows the steps as they are typed,
//! review, and publication with the announcement's evidence.

use askama::Template;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::{MAX_BYTES, MAX_FILES};
use ruamjai_domain::catalog::Service;
use ruamjai_domain::manual::{Loose, Manual, ManualInput, StepInput};
use ruamjai_domain::publication::{Action, Channel, Stage, Standing};
use ruamjai_store::documents::{StoredAnnouncement, Version};
use serde::Serialize;
use time::OffsetDateTime;

use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::session::Staff;
use crate::error::field_message;
use crate::i18n::Locale;
use crate::kit::{NavItem, nav_for};
use crate::manuals::attached;
use crate::manuals::form::FormView;
use crate::manuals::{all_versions, service, total_text, version_standings};
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::manuals;

mod review;

use review::{act, evidence, publish, version_page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/manuals", get(list))
        .route(
            "/staff/manuals/{id}",
            get(editor).post(save).layer(DefaultBodyLimit::max(MAX_BYTES + 256 * 1024)),
        )
        .route("/staff/manuals/{id}/preview", post(preview))
        .route("/staff/manuals/{id}/actions", post(act))
        .route(
            "/staff/manuals/{id}/publication",
            post(publish).layer(DefaultBodyLimit::max(MAX_FILES * (MAX_BYTES + 64 * 1024) + 64 * 1024)),
        )
        .route("/staff/manuals/{id}/versions/{version}", get(version_page))
        .route("/staff/manuals/{id}/versions/{version}/evidence/{file}", get(evidence))
}

/// A version with where it stands and, once published, its announcement.
struct VersionLine {
    version: Version,
    standing: Standing,
    announcement: Option<StoredAnnouncement>,
}

async fn history(state: &AppState, service: &str) -> Result<Vec<VersionLine>, AppError> {
    let versions = all_versions(state, service).await?;
    let standings = version_standings(&versions, OffsetDateTime::now_utc());
    let mut lines = Vec::with_capacity(versions.len());
    for (version, standing) in versions.into_iter().zip(standings) {
        let announcement = match version.stage {
            Stage::Published => state.store.announcement(version.id).await?,
            _ => None,
        };
        lines.push(VersionLine { version, standing, announcement });
    }
    Ok(lines)
}

fn standing_label(locale: Locale, standing: Standing) -> String {
    locale.t(&format!("standing-{}", standing.code().replace('_', "-")))
}

// ---- the list ----

struct ListLine<'a> {
    service: &'a Service,
    current: Option<u32>,
    open: Option<(u32, Standing)>,
}

#[derive(Template)]
#[template(path = "manuals/staff/manuals.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    lines: Vec<ListLine<'a>>,
}

impl ListTemplate<'_> {
    fn standing(&self, standing: &Standing) -> String {
        standing_label(self.page.locale, *standing)
    }
}

async fn list(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let mut lines = Vec::with_capacity(catalog.services.len());
    for service in &catalog.services {
        let versions = history(&state, &service.code).await?;
        let current = versions.iter().find(|l| l.standing == Standing::Current).map(|l| l.version.revision);
        let open = versions
            .iter()
            .find(|l| l.version.stage.is_open() || l.standing == Standing::Scheduled)
            .map(|l| (l.version.revision, l.standing));
        lines.push(ListLine { service, current, open });
    }
    page.render(&ListTemplate { page: &page, nav: nav_for(&staff), lines })
}

// ---- the editor ----

#[derive(Template)]
#[template(path = "manuals/staff/manual_edit.html")]
struct EditorTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    service: &'a Service,
    form: FormView,
    change_summary: String,
    /// Field name and message, in the form's order.
    errors: Vec<(String, String)>,
    /// The version being worked on: a draft, in review or approved.
    open: Option<Version>,
    editable: bool,
    may_submit: bool,
    may_review: bool,
    may_publish: bool,
    flowchart: String,
    total: String,
    history: Vec<VersionLine>,
    channels: [Channel; 5],
    today: String,
    units: [&'static str; 4],
    /// A step's next steps: the field and its label.
    branches: [(&'static str, &'static str); 3],
}

impl EditorTemplate<'_> {
    /// `aria-invalid` for a refused field, so it is found and announced.
    fn invalid(&self, field: &str) -> &'static str {
        if self.errors.iter().any(|(f, _)| f == field) { r#" aria-invalid="true""# } else { "" }
    }

    /// The error's field in words: "ขั้นตอนที่ 3 · ระยะเวลา".
    fn field_label(&self, field: &str) -> String {
        field_label(self.page.locale, field)
    }

    fn standing(&self, standing: &Standing) -> String {
        standing_label(self.page.locale, *standing)
    }

    fn stage_label(&self, version: &Version) -> String {
        self.page.t(&format!("standing-{}", version.stage.code().replace('_', "-")))
    }

    fn channel_label(&self, channel: &Channel) -> String {
        self.page.t(&format!("announce-{}", channel.code().replace('_', "-")))
    }

    fn unit_label(&self, unit: &str) -> String {
        self.page.t(&format!("unit-name-{}", unit.replace('_', "-")))
    }

    /// The choices of a step's next step: the following one, each step, the end.
    fn targets(&self) -> Vec<(String, String)> {
        let count = self.form.input.steps.len();
        let mut targets: Vec<(String, String)> = (1..=count)
            .map(|n| (n.to_string(), self.page.locale.ta("manual-to-step", &[("n", n.into())])))
            .collect();
        targets.push(("end".into(), self.page.t("flowchart-end")));
        targets
    }

    fn loose(&self, value: &Loose) -> String {
        value.text()
    }

    fn step_label(&self, n: &usize) -> String {
        self.page.locale.ta("manual-to-step", &[("n", (*n).into())])
    }

    /// The chosen next step of a step's `then`, `yes` or `no`.
    fn chosen(&self, step: &StepInput, branch: &str) -> String {
        match branch {
            "then" => step.then.text(),
            "yes" => step.yes.text(),
            _ => step.no.text(),
        }
    }

    fn script_url(&self) -> &'static str {
        crate::assets::MANUAL_EDITOR_URL.as_str()
    }
}

/// Field names in words for the error summary.
fn field_label(locale: Locale, field: &str) -> String {
    let mut parts = field.splitn(3, '.');
    let section = parts.next().unwrap_or_default();
    let section_key = match section {
        "responsible_unit" => "manual-section-unit",
        "legal_basis" => "manual-section-legal",
        "channels" => "manual-section-channels",
        "criteria" => "manual-section-criteria",
        "steps" => "manual-section-steps",
        "documents" => "manual-section-documents",
        "fees" => "manual-section-fees",
        "complaint_channels" => "manual-section-complaints",
        "forms" => "manual-section-forms",
        "notes" => "manual-section-notes",
        "publish_at" => "manual-publish-at",
        "announcement" => "manual-announcement",
        "evidence" => "manual-evidence",
        _ => return field.to_owned(),
    };
    match (section, parts.next()) {
        ("announcement", _) => locale.t(section_key),
        ("forms", Some("new")) => locale.t("manual-form-attach"),
        ("steps", Some(row)) => locale.ta("manual-to-step", &[("n", row.to_owned().into())]),
        (_, Some(row)) => locale
            .ta("manual-row", &[("section", locale.t(section_key).into()), ("n", row.to_owned().into())]),
        (_, None) => locale.t(section_key),
    }
}

/// What the editor shows and allows for this staff member now.
async fn render_editor(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    service: &Service,
    typed: Option<(ManualInput, String)>,
    errors: &[(String, FieldError)],
) -> Result<Response, AppError> {
    let history = history(state, &service.code).await?;
    let open = history.iter().rev().find(|l| l.version.stage.is_open()).map(|l| l.version.clone());
    let last = history.last().map(|l| l.version.manual()).transpose()?;
    let caller = staff.caller();
    let allowed = |action| manuals::allows(&caller, service, action);
    let stage = open.as_ref().map(|v| v.stage);
    let editable = allowed(Action::Edit) && matches!(stage, None | Some(Stage::Draft));
    let (input, change_summary) = match typed {
        Some(typed) => typed,
        None => (
            last.as_ref().map(ManualInput::from).unwrap_or_default(),
            open.as_ref().map(|v| v.change_summary.clone()).unwrap_or_default(),
        ),
    };
    // The chart of what is typed when it parses, else of the last saved.
    let shown: Manual = input.parse().ok().or(last).unwrap_or_default();
    let locale = page.locale;
    let template = EditorTemplate {
        page,
        nav: nav_for(staff),
        service,
        form: FormView::new(input),
        change_summary,
        errors: errors.iter().map(|(f, e)| (f.clone(), field_message(locale, e))).collect(),
        may_submit: allowed(Action::Submit) && stage == Some(Stage::Draft),
        may_review: allowed(Action::Approve) && stage == Some(Stage::InReview),
        may_publish: allowed(Action::Publish) && stage == Some(Stage::Approved),
        open,
        editable,
        flowchart: flowchart(locale, service, &shown),
        total: total_text(locale, shown.total_duration()),
        history,
        channels: Channel::ALL,
        today: ruamjai_domain::calendar::bangkok_date(OffsetDateTime::now_utc()).to_string(),
        units: ["minutes", "hours", "working_days", "days"],
        branches: [("then", "manual-field-then"), ("yes", "flowchart-yes"), ("no", "flowchart-no")],
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page.render_with_status(status, &template)
}

fn flowchart(locale: Locale, service: &Service, manual: &Manual) -> String {
    crate::manuals::flowchart_svg(locale, service, manual)
}

async fn editor(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    render_editor(&state, &page, &staff, service, None, &[]).await
}

fn back(id: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/staff/manuals/{id}#{anchor}")).into_response()
}

async fn save(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
    form: CsrfMultipart,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    if !manuals::allows(&staff.caller(), service, Action::Edit) {
        return Err(AppError::Forbidden);
    }
    let input = ManualInput::from_fields(form.pairs());
    let field = |name: &str| form.values(name).into_iter().next().unwrap_or_default();
    let summary = field("change_summary").trim().to_owned();
    let new_form = match form.files.as_slice() {
        [] | [_] => attached::new_form(&field(attached::TITLE_FIELD), form.files.first()),
        _ => Err(vec![(attached::FILE_FIELD.to_owned(), FieldError::TooManyFiles { max: 1 })]),
    };
    match (input.parse(), new_form) {
        (Ok(manual), Ok(new_form)) => {
            manuals::save_draft(&state.app, &staff.caller(), &id, manual, &summary, new_form).await?;
            Ok(back(&id, "saved"))
        }
        (parsed, new_form) => {
            let errors: Vec<_> =
                parsed.err().into_iter().flatten().chain(new_form.err().into_iter().flatten()).collect();
            render_editor(&state, &page, &staff, service, Some((input, summary)), &errors).await
        }
    }
}

/// The flowchart of what is typed, for the editor's live preview.
#[derive(Serialize)]
struct Preview {
    svg: Option<String>,
    total: String,
    errors: Vec<PreviewError>,
}

#[derive(Serialize)]
struct PreviewError {
    field: String,
    label: String,
    message: String,
}

async fn preview(
    State(state): State<AppState>,
    page: Page,
    _staff: Staff,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Json<Preview>, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    let locale = page.locale;
    Ok(Json(match ManualInput::from_fields(&fields).parse() {
        Ok(manual) => Preview {
            svg: Some(flowchart(locale, service, &manual)),
            total: total_text(locale, manual.total_duration()),
            errors: Vec::new(),
        },
        Err(errors) => Preview {
            svg: None,
            total: String::new(),
            errors: errors
                .iter()
                .map(|(field, e)| PreviewError {
                    label: field_label(locale, field),
                    field: field.clone(),
                    message: field_message(locale, e),
                })
                .collect(),
        },
    }))
}
