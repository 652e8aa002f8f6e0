//! One work manual: its revisions, readers, workflow, periodic review and
//! the reader's acknowledgement.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use ruamjai_app::manuals::work::{self, Detail};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::consultation::parse_date;
use ruamjai_domain::work_manual::control::{Action, ReviewOutcome, RevisionNumber};
use ruamjai_domain::work_manual::diff::Comparison;
use ruamjai_store::work_manuals::Duty;
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::download::PrintQuery;
use crate::kit::{Flash, NavItem, nav_for};
use crate::manuals::total_text;
use crate::manuals::work::content::WorkContent;
use crate::page::Page;
use crate::{AppError, AppState};

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
    /// The caller may publish the manual or take it back.
    may_publish: bool,
    /// The caller may change the manual's details and drafts.
    may_edit: bool,
    /// The revision in force, as the page reads it.
    content_html: String,
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

pub(super) async fn show(
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
    let may_publish = work::may_review(&caller, &detail.record);
    let may_review = may_publish && detail.effective().is_some();
    let content_html = match detail.effective() {
        Some(line) => WorkContent { page: &page, content: &line.revision.content()?, level: 3 }.html()?,
        None => String::new(),
    };
    let template = ManualTemplate {
        may_publish,
        may_edit: work::may_edit(&caller, &detail.record),
        content_html,
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
pub(super) struct ActForm {
    action: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    effective_date: String,
}

pub(super) async fn act(
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
pub(super) struct ReviewForm {
    outcome: String,
    #[serde(default)]
    note: String,
}

pub(super) async fn review(
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
pub(super) struct PublicationForm {
    public: bool,
}

/// Publishes the manual's revision in force to the public, or stops.
pub(super) async fn publication(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<PublicationForm>,
) -> Result<Response, AppError> {
    work::set_public(&state.app, &staff.caller(), id, form.public).await?;
    Ok(page.redirect(&format!("/staff/work-manuals/{id}"), Flash::Saved))
}

#[derive(Deserialize)]
pub(super) struct AcknowledgeForm {
    number: u32,
}

pub(super) async fn acknowledge(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<AcknowledgeForm>,
) -> Result<Response, AppError> {
    work::acknowledge(&state.app, &staff.caller(), id, form.number).await?;
    Ok(page.redirect(&format!("/staff/work-manuals/{id}"), Flash::Saved))
}

/// A revision as PDF or DOCX (`2.pdf`, `2.docx`; `?digits=thai`).
pub(super) async fn revision_file(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((id, file)): Path<(i64, String)>,
    Query(print): Query<PrintQuery>,
) -> Result<Response, AppError> {
    crate::manuals::work::files::revision_file(&state, &staff.caller(), &page, id, &file, &print).await
}
