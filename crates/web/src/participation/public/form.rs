//! The public form: no account, a privacy notice, a honeypot against bots,
//! and every refused field explained next to it.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::{MAX_BYTES, MAX_FILES};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, Kind};
use serde::Deserialize;

use crate::auth::ClientAddress;
use crate::auth::csrf::CsrfMultipart;
use crate::kit::{FormErrors, Refusal};
use crate::page::Page;
use crate::participation::file_public;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/participate", get(show).post(submit).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)))
}

/// Five files of 10 MiB and the text around them.
pub const UPLOAD_BODY_LIMIT: usize = MAX_FILES * MAX_BYTES + 1024 * 1024;

#[derive(Template)]
#[template(path = "participation/public/participate.html")]
struct FormTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
    kinds: [Kind; 5],
    input: &'a SubmissionInput,
    errors: FormErrors,
    /// Set when staff log a submission on someone's behalf: the chosen channel.
    staff_channel: Option<&'a str>,
    staff_channels: Vec<Channel>,
}

impl FormTemplate<'_> {
    fn is_staff_channel(&self, channel: &Channel) -> bool {
        self.staff_channel == Some(channel.code())
    }

    fn anchor(&self, field: &str) -> String {
        field.replace('.', "-")
    }

    /// The label of a field, for the error summary.
    fn label_key(&self, field: &str) -> &'static str {
        match field {
            "channel" => "log-channel",
            "kind" => "participate-kind",
            "service" => "participate-service",
            "group" => "participate-group",
            "subject" => "participate-subject",
            "details" => "participate-details",
            "contact.name" => "participate-name",
            "contact.email" => "participate-email",
            "attachments" => "participate-attachments",
            _ => "participate-phone",
        }
    }
}

/// Renders the form, for the public or (with `staff_channel`) for staff.
pub async fn render_form(
    state: &AppState,
    page: &Page,
    input: &SubmissionInput,
    errors: &[(&'static str, FieldError)],
    staff_channel: Option<&str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let errors = FormErrors::of(page.locale, errors);
    let staff_channels = Channel::ALL.into_iter().filter(|c| c.logged_by_staff()).collect();
    let template = FormTemplate {
        page,
        catalog: &catalog,
        kinds: Kind::ALL,
        input,
        errors,
        staff_channel,
        staff_channels,
    };
    page.render_with_status(status, &template)
}

async fn show(State(state): State<AppState>, page: Page) -> Result<Response, AppError> {
    let input = SubmissionInput { kind: "request".into(), ..SubmissionInput::default() };
    render_form(&state, &page, &input, &[], None, StatusCode::OK).await
}

/// The form's fields, shared by the public form and staff logging.
#[derive(Deserialize)]
pub struct FormBody {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    details: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    /// Hidden from people; bots fill it in.
    #[serde(default)]
    website: String,
}

impl FormBody {
    pub fn into_input(self) -> SubmissionInput {
        SubmissionInput {
            kind: self.kind,
            service: self.service,
            group: self.group,
            subject: self.subject,
            details: self.details,
            contact_name: self.name,
            contact_email: self.email,
            contact_phone: self.phone,
        }
    }
}

async fn submit(
    State(state): State<AppState>,
    page: Page,
    address: ClientAddress,
    form: CsrfMultipart,
) -> Result<Response, AppError> {
    let body: FormBody = form.fields()?;
    if !body.website.is_empty() {
        tracing::info!("honeypot filled: submission dropped");
        return Err(AppError::BadRequest);
    }
    let input = body.into_input();
    match file_public(&state, &input, Channel::Web, address, &form.files, None).await {
        Ok(receipt) => Ok(Redirect::to(&format!("{}&new=1", receipt.tracking_path())).into_response()),
        Err(Refusal::Fields(errors)) => {
            render_form(&state, &page, &input, &errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(Refusal::Other(error)) => Err(error),
    }
}
