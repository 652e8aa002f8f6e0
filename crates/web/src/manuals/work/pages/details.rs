//! A manual's details: its code and titles (until a revision goes to
//! review) and who it is addressed to.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::manuals::work::{self, Details};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::work_manual::control::Stage;
use ruamjai_store::work_manuals::WorkManualRecord;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::kit::{Flash, FormErrors, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "manuals/staff/work_manual_details.html")]
struct DetailsTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: Arc<Catalog>,
    record: WorkManualRecord,
    form: Details,
    /// A revision has gone to review: the code and titles stay as they are.
    fixed: bool,
    errors: FormErrors,
}

impl DetailsTemplate<'_> {
    fn has_role(&self, role: &str) -> bool {
        self.form.roles.iter().any(|r| r == role)
    }

    fn has_division(&self, code: &str) -> bool {
        self.form.divisions.iter().any(|d| d == code)
    }
}

async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    id: i64,
    typed: Option<Details>,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let detail = work::detail(&state.app, &caller, id).await?;
    if !work::may_edit(&caller, &detail.record) {
        return Err(AppError::Forbidden);
    }
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let template = DetailsTemplate {
        page,
        nav: nav_for(staff),
        catalog: state.catalog().await?,
        form: typed.unwrap_or_else(|| Details::from(&detail.record)),
        fixed: detail.revisions.iter().any(|l| l.revision.stage != Stage::Draft),
        record: detail.record,
        errors,
    };
    page.render_with_status(status, &template)
}

pub(super) async fn form(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&state, &page, &staff, id, None, FormErrors::default()).await
}

pub(super) async fn save(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let values =
        |name: &str| fields.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let one = |name: &str| values(name).into_iter().next().unwrap_or_default();
    let typed = Details {
        code: one("code"),
        title_th: one("title_th"),
        title_en: one("title_en"),
        roles: values("roles"),
        divisions: values("divisions"),
    };
    match work::update_details(&state.app, &staff.caller(), id, typed.clone()).await {
        Ok(_) => Ok(page.redirect(&format!("/staff/work-manuals/{id}"), Flash::Saved)),
        Err(ruamjai_app::Error::InvalidItems(refused)) => {
            let errors = FormErrors::of(page.locale, &refused);
            render(&state, &page, &staff, id, Some(typed), errors).await
        }
        Err(other) => Err(other.into()),
    }
}
