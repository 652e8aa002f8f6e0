//! The public home page: the Center, its services and the groups it serves.

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use ruamjai_domain::catalog::Catalog;

use crate::auth::session::Staff;
use crate::i18n::Locale;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template)]
#[template(path = "site/home.html")]
struct HomeTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
}

/// Visitors without a session all see the same page, rendered once per
/// language and catalog load; signed-in staff get theirs rendered each time.
async fn home(
    state: axum::extract::State<AppState>,
    page: Page,
    staff: Option<Staff>,
) -> Result<Response, AppError> {
    if staff.is_some() || page.here != "/" {
        let catalog = state.catalog().await?;
        return page.render(&HomeTemplate { page: &page, catalog: &catalog });
    }
    let key = match page.locale {
        Locale::Th => "home.th",
        Locale::En => "home.en",
    };
    let html = state
        .rendered_from_catalog(key, |catalog| {
            Ok(Bytes::from(HomeTemplate { page: &page, catalog }.render()?))
        })
        .await?;
    Ok(([(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response())
}
