//! The public form: no account, a privacy notice, a honeypot against bots,
//! and every refused field explained next to it.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::submission::{FieldErrors, SubmissionInput};
use ruamjai_domain::participation::{Channel, Kind};
use serde::Deserialize;

use super::{Refusal, file_public};
use crate::auth::ClientAddress;
use crate::auth::csrf::CsrfForm;
use crate::error::field_message;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/participate", get(show).post(submit))
}

#[derive(Template)]
#[template(path = "participate.html")]
struct FormTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
    kinds: [Kind; 5],
    input: &'a SubmissionInput,
    errors: Vec<(&'static str, String)>,
}

impl FormTemplate<'_> {
    fn kind_key(&self, kind: &Kind) -> String {
        format!("kind-{}", kind.code())
    }

    fn anchor(&self, field: &str) -> String {
        field.replace('.', "-")
    }

    /// The label of a field, for the error summary.
    fn label_key(&self, field: &str) -> &'static str {
        match field {
            "kind" => "participate-kind",
            "service" => "participate-service",
            "group" => "participate-group",
            "subject" => "participate-subject",
            "details" => "participate-details",
            "contact.name" => "participate-name",
            "contact.email" => "participate-email",
            _ => "participate-phone",
        }
    }

    fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
}

async fn show(State(state): State<AppState>, page: Page) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let input = SubmissionInput { kind: "request".into(), ..SubmissionInput::default() };
    page.render(&FormTemplate {
        page: &page,
        catalog: &catalog,
        kinds: Kind::ALL,
        input: &input,
        errors: Vec::new(),
    })
}

#[derive(Deserialize)]
struct FormBody {
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

async fn submit(
    State(state): State<AppState>,
    page: Page,
    address: ClientAddress,
    CsrfForm(body): CsrfForm<FormBody>,
) -> Result<Response, AppError> {
    if !body.website.is_empty() {
        tracing::info!("honeypot filled: submission dropped");
        return Err(AppError::BadRequest);
    }
    let input = SubmissionInput {
        kind: body.kind,
        service: body.service,
        group: body.group,
        subject: body.subject,
        details: body.details,
        contact_name: body.name,
        contact_email: body.email,
        contact_phone: body.phone,
    };
    match file_public(&state, &input, Channel::Web, address).await {
        Ok(receipt) => Ok(Redirect::to(&format!("{}&new=1", receipt.tracking_path())).into_response()),
        Err(Refusal::Fields(errors)) => refused(&state, &page, &input, &errors).await,
        Err(Refusal::Other(error)) => Err(error),
    }
}

async fn refused(
    state: &AppState,
    page: &Page,
    input: &SubmissionInput,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let errors = errors.iter().map(|(field, error)| (*field, field_message(page.locale, error))).collect();
    let template = FormTemplate { page, catalog: &catalog, kinds: Kind::ALL, input, errors };
    page.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &template)
}
