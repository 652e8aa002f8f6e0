//! The public side of milestone 4: the service charter with its search,
//! each service's manual (mobile first, printable), and its flowchart.

use std::collections::HashSet;
use std::sync::Arc;

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

use crate::auth::session::Staff;
use crate::download::{
    AcceptsGzip, IfNoneMatch, PrintQuery, SVG, file_download, public_document, public_pdf,
};
use crate::manuals::print::Printed;
use crate::manuals::published::PublishedManual;
use crate::manuals::{
    current, duration_text, fee_text, flowchart_svg, page_url, service, total_text, unit_text,
};
use crate::page::Page;
use crate::pdf_cache::PdfKey;
use crate::{AppError, AppState};
use ruamjai_app::manuals::form_url;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/services", get(charter))
        .route("/services/{id}/manual", get(manual_page))
        .route("/services/{id}/flowchart.svg", get(flowchart))
        .route("/services/{id}/manual.pdf", get(manual_pdf))
        .route("/services/{id}/poster.pdf", get(poster_pdf))
        .route("/services/{id}/forms/{file}", get(form_file))
        .route("/contact", get(contact))
}

/// One line of the charter: a service with its manual's standard time, fee and channels.
struct CharterLine<'a> {
    service: &'a Service,
    manual: Option<Arc<PublishedManual>>,
}

#[derive(Template)]
#[template(path = "manuals/public/charter.html")]
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
    let published = state.published_manuals().await?;
    let found: Option<HashSet<String>> = if searched {
        let terms = query_terms(&query_text);
        let versions = state.store.search_current(DocumentKind::CitizenManual, &terms, now).await?;
        Some(versions.into_iter().filter_map(|v| v.document.service_code).collect())
    } else {
        None
    };
    let lines = catalog
        .services
        .iter()
        .map(|s| CharterLine {
            service: s,
            manual: published
                .get(&s.code)
                .filter(|_| found.as_ref().is_none_or(|found| found.contains(&s.code))),
        })
        .filter(|line| !searched || line.manual.is_some())
        .collect();
    page.render(&CharterTemplate { page: &page, catalog: &catalog, lines, query: query_text, searched })
}

#[derive(Template)]
#[template(path = "manuals/public/manual.html")]
pub(crate) struct ManualTemplate<'a> {
    page: &'a Page,
    service: &'a Service,
    /// The responsible unit with its division.
    unit: String,
    version: &'a Version,
    manual: &'a Manual,
    flowchart: String,
    /// Said above a version that is not the one in force (staff see every version).
    notice: Option<String>,
}

impl<'a> ManualTemplate<'a> {
    pub(crate) fn new(
        page: &'a Page,
        catalog: &Catalog,
        service: &'a Service,
        version: &'a Version,
        manual: &'a Manual,
        notice: Option<String>,
    ) -> Self {
        Self {
            page,
            service,
            unit: unit_text(page.locale, catalog, service, manual),
            version,
            manual,
            flowchart: flowchart_svg(page.locale, service, manual),
            notice,
        }
    }
}

impl ManualTemplate<'_> {
    fn duration(&self, step: &Step) -> String {
        duration_text(self.page.locale, step.duration)
    }

    fn total(&self) -> String {
        total_text(self.page.locale, self.manual.total_duration())
    }

    fn fee(&self) -> String {
        fee_text(self.page.locale, self.manual)
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

/// Visitors without a session all see the same page, rendered once per
/// published version and language; signed-in staff get theirs each time.
async fn manual_page(
    State(state): State<AppState>,
    page: Page,
    staff: Option<Staff>,
    AcceptsGzip(gzip): AcceptsGzip,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    let published = current(&state, &id).await?;
    let (version, manual) = (&published.version, &published.manual);
    let template = || ManualTemplate::new(&page, &catalog, service, version, manual, None);
    if staff.is_some() {
        return page.render(&template());
    }
    Ok(published.page(page.lang(), || Ok(template().render()?))?.respond(gzip))
}

async fn flowchart(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    let published = current(&state, &id).await?;
    let svg = flowchart_svg(page.locale, service, &published.manual);
    Ok(([(CONTENT_TYPE, SVG), (CACHE_CONTROL, "public, max-age=300")], svg).into_response())
}

/// A form attached to a manual. The public gets it while the manual in
/// force links to it; signed-in staff also get the forms of drafts.
async fn form_file(
    State(state): State<AppState>,
    staff: Option<Staff>,
    Path((id, file)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    if staff.is_none() {
        let url = form_url(&id, file);
        if !current(&state, &id).await?.manual.forms.iter().any(|f| f.url == url) {
            return Err(AppError::NotFound);
        }
    }
    let found = state.store.document_file(DocumentKind::CitizenManual, &id, file).await?;
    let (name, mime) = (&found.meta.file_name, found.meta.media_type.mime());
    Ok(match staff {
        Some(_) => file_download(name, mime, found.content),
        None => public_document(name, mime, found.content.into()),
    })
}

/// The manual as an A4 PDF with its flowchart; `?digits=thai` for ๐–๙.
async fn manual_pdf(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Query(print): Query<PrintQuery>,
    conditions: (AcceptsGzip, IfNoneMatch),
) -> Result<Response, AppError> {
    printed_pdf(state, page, id, print, "manual", conditions).await
}

/// An A4 poster whose QR code opens the manual page.
async fn poster_pdf(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Query(print): Query<PrintQuery>,
    conditions: (AcceptsGzip, IfNoneMatch),
) -> Result<Response, AppError> {
    printed_pdf(state, page, id, print, "poster", conditions).await
}

/// A printed document of the manual in force, typeset once per version,
/// language and digits.
async fn printed_pdf(
    state: AppState,
    page: Page,
    id: String,
    print: PrintQuery,
    document: &'static str,
    (gzip, tag): (AcceptsGzip, IfNoneMatch),
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?.clone();
    let published = current(&state, &id).await?;
    let thai_numerals = print.thai_numerals();
    let key = PdfKey { document, version: published.version.id, lang: page.lang(), thai_numerals };
    let locale = page.locale;
    let page_url = page_url(&state, &id);
    let site_url = state.config.public_url.trim_end_matches('/').to_owned();
    let pdf = state
        .pdfs
        .get_or_render(key, move |engine| {
            let printed = Printed {
                locale,
                catalog: &catalog,
                service: &service,
                version: &published.version,
                manual: &published.manual,
                page_url: page_url.clone(),
                site_url: site_url.clone(),
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
    Ok(public_pdf(&file_name, pdf, gzip, tag))
}

/// A division and its services, as the contact chart groups them.
struct ContactGroup<'a> {
    division: &'a ruamjai_domain::catalog::Division,
    services: Vec<&'a Service>,
}

#[derive(Template)]
#[template(path = "manuals/public/contact.html")]
struct ContactTemplate<'a> {
    page: &'a Page,
    groups: Vec<ContactGroup<'a>>,
    /// Services with a manual in force.
    published: Vec<String>,
}

impl ContactTemplate<'_> {
    fn has_manual(&self, code: &str) -> bool {
        self.published.iter().any(|c| c == code)
    }
}

/// The one-page "how to contact us" chart: what a visitor wants leads to
/// the right channel, and each service to its division's phone and manual.
async fn contact(State(state): State<AppState>, page: Page) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let versions =
        state.store.current_versions(DocumentKind::CitizenManual, OffsetDateTime::now_utc()).await?;
    let published = versions.into_iter().filter_map(|v| v.document.service_code).collect();
    let groups = catalog
        .divisions
        .iter()
        .map(|division| ContactGroup {
            division,
            services: catalog.services.iter().filter(|s| s.division_code == division.code).collect(),
        })
        .filter(|group| !group.services.is_empty())
        .collect();
    page.render(&ContactTemplate { page: &page, groups, published })
}
