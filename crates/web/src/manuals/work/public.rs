//! Work manuals on the public site: the list of published manuals (all, or
//! one service's, which the citizen manual links to), one manual's revision
//! in force as a page, and its PDF, typeset once per revision like the staff
//! copy (they are the same document).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::manuals::work::{self, Detail, Printed, Published};
use ruamjai_domain::catalog::Catalog;
use serde::Deserialize;

use super::content::WorkContent;
use crate::auth::session::Staff;
use crate::download::{AcceptsGzip, IfNoneMatch, PrintQuery, file_download, public_document, public_pdf};
use crate::manuals::published::CachedPage;
use crate::page::Page;
use crate::pdf_cache::PdfKey;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/work-manuals", get(list))
        .route("/work-manuals/{id}", get(show))
        .route("/work-manuals/{id}/manual.pdf", get(pdf))
        .route("/work-manuals/{id}/forms/{file}", get(form_file))
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

/// Visitors without a session all see the same page, rendered once per load
/// of the manual and language; signed-in staff get theirs each time.
async fn show(
    State(state): State<AppState>,
    page: Page,
    staff: Option<Staff>,
    AcceptsGzip(gzip): AcceptsGzip,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let detail = work::published_detail(&state.app, id).await?;
    if staff.is_some() {
        return page.render(&manual_template(&page, &catalog, &detail)?);
    }
    let render = || Ok(manual_template(&page, &catalog, &detail)?.render()?);
    Ok(state.work_pages.page(&detail, page.lang(), render)?.respond(gzip))
}

fn manual_template<'a>(
    page: &'a Page,
    catalog: &Catalog,
    detail: &Detail,
) -> Result<ManualTemplate<'a>, AppError> {
    let line = detail.effective().ok_or(AppError::NotFound)?;
    let record = &detail.record;
    let content = line.revision.content()?;
    Ok(ManualTemplate {
        page,
        id: record.id,
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
        content_html: WorkContent { page, content: &content, level: 2 }.html()?,
    })
}

/// The public pages of work manuals as visitors without a session see
/// them, by manual and language, each kept while the app hands out the same
/// load of the manual it was rendered from.
#[derive(Default)]
pub(crate) struct PublicPages(RwLock<HashMap<PageKey, (Arc<Detail>, CachedPage)>>);

/// A manual's id and the page's language.
type PageKey = (i64, &'static str);

impl PublicPages {
    fn page(
        &self,
        detail: &Arc<Detail>,
        lang: &'static str,
        render: impl FnOnce() -> Result<String, AppError>,
    ) -> Result<CachedPage, AppError> {
        let key = (detail.record.id, lang);
        if let Some((from, page)) = self.0.read().expect("work pages lock").get(&key)
            && Arc::ptr_eq(from, detail)
        {
            return Ok(page.clone());
        }
        let page = CachedPage::render(render)?;
        self.0.write().expect("work pages lock").insert(key, (detail.clone(), page.clone()));
        Ok(page)
    }
}

/// A form file of a manual: the public gets it while the public revision in
/// force links to it; staff who may read the manual get any of its files.
async fn form_file(
    State(state): State<AppState>,
    staff: Option<Staff>,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let caller = staff.as_ref().map(Staff::caller);
    let found = work::form_file(&state.app, caller.as_ref(), id, file).await?;
    let (name, mime) = (&found.meta.file_name, found.meta.media_type.mime());
    Ok(match caller {
        Some(_) => file_download(name, mime, found.content),
        None => public_document(name, mime, found.content.into()),
    })
}

/// The revision in force, typeset once; a cached copy is served without
/// preparing the document again.
async fn pdf(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(print): Query<PrintQuery>,
    gzip: AcceptsGzip,
    tag: IfNoneMatch,
) -> Result<Response, AppError> {
    let detail = work::published_detail(&state.app, id).await?;
    let line = detail.effective().ok_or(AppError::NotFound)?;
    let thai_numerals = print.thai_numerals();
    let key = PdfKey { document: "work-manual", version: line.revision.id, lang: page.lang(), thai_numerals };
    let file_name = format!("{}-{}-{}.pdf", detail.record.code, line.revision.number.label(), page.lang());
    if let Some(pdf) = state.pdfs.cached(key) {
        return Ok(public_pdf(&file_name, pdf, gzip, tag));
    }
    let catalog = state.catalog().await?;
    let printed = Printed::of(page.locale, &catalog, &detail, line.revision.number)?;
    let (document, date) = (printed.work_manual(), printed.date());
    let pdf =
        state.pdfs.get_or_render(key, move |engine| document.render(engine, date, thai_numerals)).await?;
    Ok(public_pdf(&file_name, pdf, gzip, tag))
}
