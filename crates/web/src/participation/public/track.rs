//! Public tracking: the code and its token show the status timeline and the
//! public replies. A wrong token looks exactly like an unknown code.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::TrackingCode;
use ruamjai_store::participation::TrackedSubmission;
use serde::Deserialize;

use ruamjai_domain::accounts::{Email, FieldError};

use crate::auth::ClientAddress;
use crate::auth::csrf::CsrfForm;
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::participation::filing;

pub fn router() -> Router<AppState> {
    Router::new().route("/track", get(track)).route("/track/link", post(send_link))
}

#[derive(Deserialize)]
struct TrackQuery {
    code: Option<String>,
    t: Option<String>,
    new: Option<String>,
}

#[derive(Template)]
#[template(path = "participation/public/track.html")]
struct TrackTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
    code: &'a str,
    token: &'a str,
    found: Option<TrackedSubmission>,
    just_filed: bool,
    not_found: bool,
    /// Set after someone asked for a fresh link (whatever the outcome).
    link_requested: bool,
}

impl TrackTemplate<'_> {
    fn service_name(&self, code: Option<&str>) -> String {
        crate::kit::Names { locale: self.page.locale, catalog: self.catalog }.subject_service(code)
    }

    /// The address to keep: this page, without the "just filed" banner.
    fn keep_link(&self) -> String {
        format!("/track?code={}&t={}", self.code, self.token)
    }
}

async fn track(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<TrackQuery>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let (code, token) = (q.code.unwrap_or_default(), q.t.unwrap_or_default());
    let asked = !code.trim().is_empty() || !token.is_empty();
    let found = match TrackingCode::parse(&code) {
        Ok(parsed) if !token.is_empty() => filing::tracked(&state.app, parsed, &token).await?,
        _ => None,
    };
    let not_found = asked && found.is_none();
    let code = found.as_ref().map_or(code.trim().to_owned(), |f| f.code.to_string());
    let template = TrackTemplate {
        page: &page,
        catalog: &catalog,
        code: &code,
        token: token.trim(),
        just_filed: q.new.is_some() && found.is_some(),
        found,
        not_found,
        link_requested: false,
    };
    let status = if not_found { StatusCode::NOT_FOUND } else { StatusCode::OK };
    page.render_with_status(status, &template)
}

#[derive(Deserialize)]
struct LinkForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    email: String,
}

/// Code + the e-mail given at submission: a fresh link goes to that address.
/// The answer is the same whether or not they matched, and nothing is shown.
async fn send_link(
    State(state): State<AppState>,
    page: Page,
    address: ClientAddress,
    CsrfForm(form): CsrfForm<LinkForm>,
) -> Result<Response, AppError> {
    let code = TrackingCode::parse(&form.code)
        .map_err(|_| AppError::Invalid(vec![("code", FieldError::InvalidTrackingCode)]))?;
    let email = Email::parse(&form.email).map_err(|error| AppError::Invalid(vec![("email", error)]))?;
    filing::renew_tracking_link(&state.app, &address.caller(), code, email).await?;
    let catalog = state.catalog().await?;
    let code = code.to_string();
    let template = TrackTemplate {
        page: &page,
        catalog: &catalog,
        code: &code,
        token: "",
        found: None,
        just_filed: false,
        not_found: false,
        link_requested: true,
    };
    page.render(&template)
}
