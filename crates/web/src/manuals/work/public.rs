//! Work manuals on the public site: the list of published manuals (all, or
//! one service's, which the citizen manual links to), one manual's revision
//! in force as a page, and its PDF, typeset once per revision like the staff
//! copy (they are the same document).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::manuals::work::{self, Printed, Published};
use ruamjai_domain::catalog::Catalog;
use serde::Deserialize;

use super::content::WorkContent;
use crate::download::{PDF, PrintQuery, public_document};
use crate::page::Page;
use crate::pdf_cache::PdfKey;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/work-manuals", get(list))
        .route("/work-manuals/{id}", get(show))
        .route("/work-manuals/{id}/manual.pdf", get(pdf))
}

#[derive(Template)]
#[template(path = "manuals/public/work_manuals.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
    lines: Vec<Published>,
    /// The service the list is narrowed to.
    service_name: Option<String>,
}

impl ListTemplate<'_> {
    fn service(&self, code: &str) -> String {
        self.catalog
            .service(code)
            .map(|s| self.page.pick(&s.name_th, &s.name_en).to_owned())
            .unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    service: String,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = catalog.service(query.service.trim());
    let lines = work::published(&state.app, service.map(|s| s.code.as_str())).await?;
    let service_name = service.map(|s| page.pick(&s.name_th, &s.name_en).to_owned());
    page.render(&ListTemplate { page: &page, catalog: &catalog, lines, service_name })
}

#[derive(Template)]
#[template(path = "manuals/public/work_manual.html")]
struct ManualTemplate<'a> {
    page: &'a Page,
    id: i64,
    code: String,
    title_th: String,
    title_en: String,
    service_code: String,
    service_name: String,
    revision: String,
    effective: String,
    content_hash: String,
    content_html: String,
}

impl ManualTemplate<'_> {
    fn title(&self) -> &str {
        self.page.pick(&self.title_th, &self.title_en)
    }
}

async fn show(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let detail = work::published_detail(&state.app, id).await?;
    let line = detail.effective().ok_or(AppError::NotFound)?;
    let record = &detail.record;
    let content = line.revision.content()?;
    let template = ManualTemplate {
        page: &page,
        id,
        code: record.code.clone(),
        title_th: record.title_th.clone(),
        title_en: record.title_en.clone(),
        service_code: record.service_code.clone(),
        service_name: catalog
            .service(&record.service_code)
            .map(|s| page.pick(&s.name_th, &s.name_en).to_owned())
            .unwrap_or_default(),
        revision: line.revision.number.label(),
        effective: line.revision.effective_on.map(|d| page.locale.day(&d)).unwrap_or_default(),
        content_hash: line.revision.content_hash.clone(),
        content_html: WorkContent { page: &page, content: &content, level: 2 }.html()?,
    };
    page.render(&template)
}

async fn pdf(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(print): Query<PrintQuery>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let detail = work::published_detail(&state.app, id).await?;
    let number = detail.effective().ok_or(AppError::NotFound)?.revision.number;
    let printed = Printed::of(page.locale, &catalog, &detail, number)?;
    let thai_numerals = print.thai_numerals();
    let key = PdfKey {
        document: "work-manual",
        version: printed.line.revision.id,
        lang: page.lang(),
        thai_numerals,
    };
    let (document, date) = (printed.work_manual(), printed.date());
    let file_name = format!("{}-{}-{}.pdf", detail.record.code, number.label(), page.lang());
    let pdf =
        state.pdfs.get_or_render(key, move |engine| document.render(engine, date, thai_numerals)).await?;
    Ok(public_document(&file_name, PDF, pdf))
}
