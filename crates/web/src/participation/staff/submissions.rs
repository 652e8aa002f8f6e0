//! One submission for staff: its details and timeline, the workflow step and
//! assignment forms, and logging a submission received by telephone, letter,
//! walk-in, meeting, e-mail or social media.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::participation::inbox;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::submission::{FieldErrors, SubmissionInput};
use ruamjai_domain::participation::{Channel, Status, TrackingCode};
use ruamjai_store::accounts::StaffUser;
use ruamjai_store::participation::{Step, SubmissionDetail};
use serde::Deserialize;

use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::session::Staff;
use crate::kit::Refusal;
use crate::kit::{Flash, NavItem, nav_for};
use crate::page::Page;
use crate::participation::public::form::{FormBody, UPLOAD_BODY_LIMIT, render_form};
use crate::participation::{check, file_checked};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/staff/submissions/new",
            get(new_form).post(log).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route("/staff/submissions/{code}", get(show))
        .route("/staff/submissions/{code}/attachments/{id}", get(download))
        .route("/staff/submissions/{code}/steps", post(step))
        .route("/staff/submissions/{code}/assignee", post(assign))
        .route("/staff/submissions/{code}/merge", post(merge))
}

#[derive(Template)]
#[template(path = "participation/staff/submission.html")]
struct DetailTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    s: SubmissionDetail,
    /// Submissions merged into this one.
    merged: Vec<TrackingCode>,
    can_act: bool,
    colleagues: Vec<StaffUser>,
}

impl DetailTemplate<'_> {
    fn can_publish(&self) -> bool {
        ruamjai_domain::participation::you_said::can_publish(self.s.kind, self.s.status)
    }

    fn can_merge(&self) -> bool {
        self.s.status.next().contains(&Status::Duplicate)
    }

    fn size_label(&self, bytes: &i64) -> String {
        crate::download::size_label(*bytes)
    }

    fn is_assignee(&self, id: impl std::borrow::Borrow<i64>) -> bool {
        self.s.assignee_id == Some(*id.borrow())
    }

    fn service_name(&self) -> String {
        let names = crate::kit::Names { locale: self.page.locale, catalog: self.catalog };
        names.subject_service(self.s.service_code.as_deref())
    }

    fn group_name(&self) -> String {
        let group = self.catalog.groups.iter().find(|g| g.code == self.s.group_code);
        group.map(|g| self.page.pick(&g.name_th, &g.name_en).to_owned()).unwrap_or_default()
    }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let s = inbox::detail(&state.app, &caller, &code).await?;
    let catalog = state.catalog().await?;
    let colleagues = inbox::assignees(&state.app, &s).await?;
    let can_act = inbox::may_work(&caller, &s);
    let merged = inbox::merged_into(&state.app, &s).await?;
    page.render(&DetailTemplate {
        page: &page,
        nav: nav_for(&staff),
        catalog: &catalog,
        merged,
        s,
        can_act,
        colleagues,
    })
}

/// One attached file, for a staff member whose role covers the submission.
async fn download(
    State(state): State<AppState>,
    staff: Staff,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let file = inbox::attachment(&state.app, &staff.caller(), &code, id).await?;
    Ok(crate::download::file_download(&file.meta.file_name, file.meta.media_type.mime(), file.content))
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
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<StepForm>,
) -> Result<Response, AppError> {
    let to = if form.to.is_empty() {
        None
    } else {
        Some(Status::parse(&form.to).map_err(|e| AppError::Invalid(vec![("to", e)]))?)
    };
    let text = Some(form.text.as_str()).filter(|t| !t.trim().is_empty());
    let step = Step { to, text, public: form.visibility == "public" };
    let (code, _) = inbox::step(&state.app, &staff.caller(), &code, step).await?;
    Ok(page.redirect(&format!("/staff/submissions/{code}"), Flash::Saved))
}

#[derive(Deserialize)]
struct MergeForm {
    #[serde(default)]
    into: String,
    #[serde(default)]
    reason: String,
}

/// Marks this submission as a duplicate of another the staff member also covers.
async fn merge(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<MergeForm>,
) -> Result<Response, AppError> {
    let code = inbox::merge(&state.app, &staff.caller(), &code, &form.into, &form.reason).await?;
    Ok(page.redirect(&format!("/staff/submissions/{code}"), Flash::Saved))
}

#[derive(Deserialize)]
struct AssignForm {
    #[serde(default)]
    assignee: String,
}

async fn assign(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> Result<Response, AppError> {
    let assignee = if form.assignee.is_empty() {
        None
    } else {
        Some(form.assignee.parse::<i64>().map_err(|_| AppError::BadRequest)?)
    };
    let code = inbox::assign(&state.app, &staff.caller(), &code, assignee).await?;
    Ok(page.redirect(&format!("/staff/submissions/{code}"), Flash::Saved))
}

/// Logging what came by telephone, letter or a visit is intake: every
/// working role does it, whatever the division.
fn may_log(staff: &Staff) -> Result<(), AppError> {
    if staff.caller().could(Subject::Submission, Action::Write) { Ok(()) } else { Err(AppError::Forbidden) }
}

async fn new_form(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    may_log(&staff)?;
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
#[template(path = "participation/staff/logged.html")]
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
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    may_log(&staff)?;
    let form: LogForm = multipart.fields()?;
    let channel_code = form.channel.clone();
    let input = form.body.into_input();
    let refuse = |errors: FieldErrors, channel: &str| {
        let (state, page, input, channel) = (&state, &page, &input, channel.to_owned());
        async move {
            render_form(state, page, input, &errors, Some(&channel), StatusCode::UNPROCESSABLE_ENTITY).await
        }
    };
    let Some(channel) = Channel::parse(&channel_code).ok().filter(|c| c.logged_by_staff()) else {
        return refuse(vec![("channel", FieldError::UnknownChoice)], &channel_code).await;
    };
    let (new, files) = match check(&input, channel, &multipart.files) {
        Ok(checked) => checked,
        Err(Refusal::Fields(errors)) => return refuse(errors, channel.code()).await,
        Err(Refusal::Other(error)) => return Err(error),
    };
    let receipt = match file_checked(&state, &staff.caller(), &new, &files, None).await {
        Ok(receipt) => receipt,
        Err(Refusal::Fields(errors)) => return refuse(errors, channel.code()).await,
        Err(Refusal::Other(error)) => return Err(error),
    };
    let (code, tracking_path) = (receipt.filed.code, receipt.tracking_path());
    page.render(&LoggedTemplate { page: &page, nav: nav_for(&staff), code, tracking_path })
}
