//! The public "You said, we did" page.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use ruamjai_domain::catalog::Catalog;
use ruamjai_store::participation::Published;
use ruamjai_store::satisfaction::Improvement;

use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/you-said-we-did", get(page))
}

#[derive(Template)]
#[template(path = "participation/public/you_said.html")]
struct YouSaidTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
    items: Vec<Published>,
    /// Improvement actions staff chose to show, in their words, with what
    /// each changed.
    improved: Vec<(Improvement, Option<String>)>,
}

impl YouSaidTemplate<'_> {
    fn service_name(&self, code: &Option<String>) -> String {
        crate::kit::Names { locale: self.page.locale, catalog: self.catalog }.subject_service(code.as_deref())
    }
}

async fn page(State(state): State<AppState>, page: Page) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let items = state.store.you_said_we_did(200).await?;
    let board = ruamjai_app::satisfaction::improvements::public_board(&state.app).await?;
    let improved =
        board.iter().map(|(action, effect)| (action.clone(), effect.sentence(page.locale))).collect();
    page.render(&YouSaidTemplate { page: &page, catalog: &catalog, items, improved })
}
