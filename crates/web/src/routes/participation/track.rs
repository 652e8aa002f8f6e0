//! Public tracking: the code and its token show the status timeline and the
//! public replies. A wrong token looks exactly like an unknown code.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::TrackingCode;
use ruamjai_store::participation::TrackedSubmission;
use serde::Deserialize;

use crate::auth::token::token_hash;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/track", get(track))
}

#[derive(Deserialize)]
struct TrackQuery {
    code: Option<String>,
    t: Option<String>,
    new: Option<String>,
}

#[derive(Template)]
#[template(path = "track.html")]
struct TrackTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
    code: &'a str,
    token: &'a str,
    found: Option<TrackedSubmission>,
    just_filed: bool,
    not_found: bool,
}

impl TrackTemplate<'_> {
    fn service_name(&self, code: Option<&str>) -> String {
        match code.and_then(|c| self.catalog.services.iter().find(|s| s.code == c)) {
            Some(service) => self.page.pick(&service.name_th, &service.name_en).to_owned(),
            None => self.page.t("participate-general"),
        }
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
        Ok(parsed) if !token.is_empty() => {
            state.store.tracked_submission(parsed, &token_hash(token.trim())).await?
        }
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
    };
    let status = if not_found { StatusCode::NOT_FOUND } else { StatusCode::OK };
    page.render_with_status(status, &template)
}
