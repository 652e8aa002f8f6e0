//! One submission for staff: its details and timeline, the workflow step and
//! assignment forms, and logging a submission received by telephone, letter,
//! walk-in, meeting, e-mail or social media.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, Status, TrackingCode};
use ruamjai_store::accounts::StaffUser;
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::{Step, SubmissionDetail};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{NavItem, covers, nav_for};
use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::auth::token::{random_token, token_hash};
use crate::page::Page;
use crate::routes::participation::form::{FormBody, render_form};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/submissions/new", get(new_form).post(log))
        .route("/staff/submissions/{code}", get(show))
        .route("/staff/submissions/{code}/steps", post(step))
        .route("/staff/submissions/{code}/assignee", post(assign))
}

#[derive(Template)]
#[template(path = "staff/submission.html")]
struct DetailTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    s: SubmissionDetail,
    can_act: bool,
    colleagues: Vec<StaffUser>,
}

impl DetailTemplate<'_> {
    fn is_assignee(&self, id: impl std::borrow::Borrow<i64>) -> bool {
        self.s.assignee_id == Some(*id.borrow())
    }

    fn service_name(&self) -> String {
        match self.s.service_code.as_deref().and_then(|c| self.catalog.services.iter().find(|s| s.code == c))
        {
            Some(s) => self.page.pick(&s.name_th, &s.name_en).to_owned(),
            None => self.page.t("participate-general"),
        }
    }

    fn group_name(&self) -> String {
        let group = self.catalog.groups.iter().find(|g| g.code == self.s.group_code);
        group.map(|g| self.page.pick(&g.name_th, &g.name_en).to_owned()).unwrap_or_default()
    }
}

/// The submission, if the reader's role covers its division.
async fn visible(state: &AppState, staff: &Staff, code: &str) -> Result<SubmissionDetail, AppError> {
    let code = TrackingCode::parse(code).map_err(|_| AppError::NotFound)?;
    let detail = state.store.submission_detail(code).await?;
    if covers(staff.user(), &detail.division_code) { Ok(detail) } else { Err(AppError::Forbidden) }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let s = visible(&state, &staff, &code).await?;
    let catalog = state.catalog().await?;
    let colleagues = state
        .store
        .list_users()
        .await?
        .into_iter()
        .filter(|u| {
            !u.disabled
                && u.role.can_write()
                && u.division_code.as_ref().is_none_or(|d| *d == s.division_code)
        })
        .collect();
    let can_act = staff.user().role.can_write();
    page.render(&DetailTemplate {
        page: &page,
        nav: nav_for(&staff),
        catalog: &catalog,
        s,
        can_act,
        colleagues,
    })
}

#[derive(Deserialize)]
struct StepForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    visibility: String,
}

async fn step(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<StepForm>,
) -> Result<Response, AppError> {
    staff.require(|r| r.can_write())?;
    let detail = visible(&state, &staff, &code).await?;
    let to = if form.to.is_empty() {
        None
    } else {
        Some(Status::parse(&form.to).map_err(|e| AppError::Invalid(vec![("to", e)]))?)
    };
    let text = Some(form.text.as_str()).filter(|t| !t.trim().is_empty());
    if to.is_none() && text.is_none() {
        return Err(AppError::Invalid(vec![("text", ruamjai_domain::accounts::FieldError::Required)]));
    }
    let step = Step { to, text, public: form.visibility == "public" };
    let actor = Actor::user(staff.user().id, &staff.user().email);
    state.store.step_submission(&actor, detail.code, step, OffsetDateTime::now_utc()).await?;
    Ok(Redirect::to(&format!("/staff/submissions/{}", detail.code)).into_response())
}

#[derive(Deserialize)]
struct AssignForm {
    #[serde(default)]
    assignee: String,
}

async fn assign(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> Result<Response, AppError> {
    staff.require(|r| r.can_write())?;
    let detail = visible(&state, &staff, &code).await?;
    let assignee = if form.assignee.is_empty() {
        None
    } else {
        Some(form.assignee.parse::<i64>().map_err(|_| AppError::BadRequest)?)
    };
    let actor = Actor::user(staff.user().id, &staff.user().email);
    state.store.assign_submission(&actor, detail.code, assignee).await?;
    Ok(Redirect::to(&format!("/staff/submissions/{}", detail.code)).into_response())
}

async fn new_form(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    staff.require(|r| r.can_write())?;
    let input = SubmissionInput { kind: "request".into(), ..SubmissionInput::default() };
    render_form(&state, &page, &input, &[], Some("telephone"), StatusCode::OK).await
}

#[derive(Deserialize)]
struct LogForm {
    #[serde(default)]
    channel: String,
    #[serde(flatten)]
    body: FormBody,
}

#[derive(Template)]
#[template(path = "staff/logged.html")]
struct LoggedTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    code: TrackingCode,
    tracking_path: String,
}

async fn log(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    CsrfForm(form): CsrfForm<LogForm>,
) -> Result<Response, AppError> {
    staff.require(|r| r.can_write())?;
    let channel = Channel::parse(&form.channel).ok().filter(|c| c.logged_by_staff());
    let input = form.body.into_input();
    let Some(channel) = channel else {
        let errors = [("channel", ruamjai_domain::accounts::FieldError::UnknownChoice)];
        return render_form(
            &state,
            &page,
            &input,
            &errors,
            Some(&form.channel),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let new = match input.parse(channel) {
        Ok(new) => new,
        Err(errors) => {
            return render_form(
                &state,
                &page,
                &input,
                &errors,
                Some(channel.code()),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let token = random_token();
    let actor = Actor::user(staff.user().id, &staff.user().email);
    let filed = match state
        .store
        .file_submission(&new, &token_hash(&token), Some(&actor), OffsetDateTime::now_utc())
        .await
    {
        Ok(filed) => filed,
        Err(ruamjai_store::StoreError::InvalidField { field, error }) => {
            return render_form(
                &state,
                &page,
                &input,
                &[(field, error)],
                Some(channel.code()),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(other) => return Err(other.into()),
    };
    let tracking_path = format!("/track?code={}&t={token}", filed.code);
    page.render(&LoggedTemplate { page: &page, nav: nav_for(&staff), code: filed.code, tracking_path })
}
