//! The public side of milestone 4: the service charter with its search,
//! each service's manual (mobile first, printable), and its flowchart.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use ruamjai_domain::catalog::{Catalog, Service};
use ruamjai_domain::manual::{Flow, Listing, Manual, RequiredDocument, Step, Target};
use ruamjai_domain::search::query_terms;
use ruamjai_store::documents::{DocumentKind, Version};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::download::{PDF, PrintQuery, SVG, public_document};
use crate::manuals::print::Printed;
use crate::manuals::{
    current, duration_text, fee_text, flowchart_svg, page_url, service, total_text, unit_text,
};
use crate::page::Page;
use crate::pdf_cache::PdfKey;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/services", get(charter))
        .route("/services/{id}/manual", get(manual_page))
        .route("/services/{id}/flowchart.svg", get(flowchart))
        .route("/services/{id}/manual.pdf", get(manual_pdf))
        .route("/services/{id}/poster.pdf", get(poster_pdf))
}

/// One line of the charter: a service with its manual's standard time, fee and channels.
struct CharterLine<'a> {
    service: &'a Service,
    manual: Option<Manual>,
}

#[derive(Template)]
#[template(path = "charter.html")]
struct CharterTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
    lines: Vec<CharterLine<'a>>,
    query: String,
    /// True when a query was given: the lines are the services found.
    searched: bool,
}

impl CharterTemplate<'_> {
    fn division_name(&self, code: &str) -> String {
        self.catalog
            .division(code)
            .map(|d| self.page.pick(&d.name_th, &d.name_en).to_owned())
            .unwrap_or_default()
    }

    fn standard_time(&self, manual: &Manual) -> String {
        total_text(self.page.locale, manual.total_duration())
    }

    fn fee(&self, manual: &Manual) -> String {
        fee_text(self.page.locale, manual)
    }
}

#[derive(Deserialize)]
struct CharterQuery {
    #[serde(default)]
    q: String,
}

const QUERY_MAX_CHARS: usize = 100;

async fn charter(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<CharterQuery>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let now = OffsetDateTime::now_utc();
    let query_text: String = query.q.trim().chars().take(QUERY_MAX_CHARS).collect();
    let searched = !query_text.is_empty();
    let versions = if searched {
        state.store.search_current(DocumentKind::CitizenManual, &query_terms(&query_text), now).await?
    } else {
        state.store.current_versions(DocumentKind::CitizenManual, now).await?
    };
    let mut manuals: HashMap<String, Manual> = HashMap::new();
    for version in &versions {
        if let Some(code) = &version.document.service_code {
            manuals.insert(code.clone(), version.manual()?);
        }
    }
    let lines = catalog
        .services
        .iter()
        .map(|s| CharterLine { service: s, manual: manuals.remove(&s.code) })
        .filter(|line| !searched || line.manual.is_some())
        .collect();
    page.render(&CharterTemplate { page: &page, catalog: &catalog, lines, query: query_text, searched })
}

#[derive(Template)]
#[template(path = "manual.html")]
struct ManualTemplate<'a> {
    page: &'a Page,
    service: &'a Service,
    /// The responsible unit with its division.
    unit: String,
    version: Version,
    manual: Manual,
    flowchart: String,
}

impl ManualTemplate<'_> {
    fn duration(&self, step: &Step) -> String {
        duration_text(self.page.locale, step.duration)
    }

    fn total(&self) -> String {
        total_text(self.page.locale, self.manual.total_duration())
    }

    fn fee(&self) -> String {
        fee_text(self.page.locale, &self.manual)
    }

    /// "then step 3", "yes: step 3 · no: end", in the reader's words.
    fn flow(&self, step: &Step) -> String {
        let target = |t: Target| match t {
            Target::Step(n) => self.page.locale.ta("manual-to-step", &[("n", n.into())]),
            Target::End => self.page.t("flowchart-end"),
        };
        match step.flow {
            Flow::Task { then } => format!("→ {}", target(then)),
            Flow::Decision { yes, no } => format!(
                "{} → {} · {} → {}",
                self.page.t("flowchart-yes"),
                target(yes),
                self.page.t("flowchart-no"),
                target(no)
            ),
        }
    }

    fn is_decision(&self, step: &Step) -> bool {
        matches!(step.flow, Flow::Decision { .. })
    }

    fn copies(&self, document: &RequiredDocument) -> Option<String> {
        document.copies.map(|n| self.page.ta_count("manual-copies", n as usize))
    }

    fn no_documents(&self) -> bool {
        self.manual.documents == Listing::None
    }
}

async fn manual_page(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    let (version, manual) = current(&state, &id).await?;
    let unit = unit_text(page.locale, &catalog, service, &manual);
    let flowchart = flowchart_svg(page.locale, service, &manual);
    page.render(&ManualTemplate { page: &page, service, unit, version, manual, flowchart })
}

async fn flowchart(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    let (_, manual) = current(&state, &id).await?;
    let svg = flowchart_svg(page.locale, service, &manual);
    Ok(([(CONTENT_TYPE, SVG), (CACHE_CONTROL, "public, max-age=300")], svg).into_response())
}

/// The manual as an A4 PDF with its flowchart; `?digits=thai` for ๐–๙.
async fn manual_pdf(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Query(print): Query<PrintQuery>,
) -> Result<Response, AppError> {
    printed_pdf(state, page, id, print, "manual").await
}

/// An A4 poster whose QR code opens the manual page.
async fn poster_pdf(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Query(print): Query<PrintQuery>,
) -> Result<Response, AppError> {
    printed_pdf(state, page, id, print, "poster").await
}

/// A printed document of the manual in force, typeset once per version,
/// language and digits.
async fn printed_pdf(
    state: AppState,
    page: Page,
    id: String,
    print: PrintQuery,
    document: &'static str,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?.clone();
    let (version, manual) = current(&state, &id).await?;
    let thai_numerals = print.thai_numerals();
    let key = PdfKey { document, version: version.id, lang: page.lang(), thai_numerals };
    let locale = page.locale;
    let page_url = page_url(&state, &id);
    let pdf = state
        .pdfs
        .get_or_render(key, move |engine| {
            let printed = Printed {
                locale,
                catalog: &catalog,
                service: &service,
                version: &version,
                manual: &manual,
                page_url: page_url.clone(),
            };
            if document == "poster" {
                let qr = ruamjai_docs::qr::svg(&page_url, 400)
                    .ok_or_else(|| ruamjai_pdf::PdfError::Typeset("the QR code of the manual page".into()))?;
                printed.poster().render(engine, qr, printed.date(), thai_numerals)
            } else {
                printed.manual().render(engine, printed.date(), thai_numerals)
            }
        })
        .await?;
    let file_name = format!("{id}-{document}-{}.pdf", page.lang());
    Ok(public_document(&file_name, PDF, pdf))
}
