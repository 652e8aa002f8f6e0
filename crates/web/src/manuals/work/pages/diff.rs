//! Two revisions compared, insertions and deletions marked in words.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use ruamjai_app::manuals::work::{self, Detail};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::work_manual::control::RevisionNumber;
use ruamjai_domain::work_manual::diff::{Comparison, Op, StepChange};
use serde::Deserialize;

use crate::auth::session::Staff;
use crate::kit::{NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

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
pub(super) struct DiffQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

pub(super) async fn diff(
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
