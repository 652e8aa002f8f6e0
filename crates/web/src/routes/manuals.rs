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

use crate::download::SVG;
use crate::manuals::{current, duration_text, flowchart_svg, service, total_text};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/services", get(charter))
        .route("/services/{id}/manual", get(manual_page))
        .route("/services/{id}/flowchart.svg", get(flowchart))
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
        fee_text(self.page, manual)
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
    division: String,
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
        fee_text(self.page, &self.manual)
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

fn fee_text(page: &Page, manual: &Manual) -> String {
    match &manual.fees {
        Listing::Items(fees) => {
            let parts: Vec<String> = fees
                .iter()
                .map(|f| format!("{} {}", f.item, page.locale.ta("manual-baht", &[("n", f.baht.into())])))
                .collect();
            parts.join(", ")
        }
        Listing::None | Listing::Unset => page.t("manual-no-fee"),
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
    let division = catalog
        .division(&service.division_code)
        .map(|d| page.pick(&d.name_th, &d.name_en).to_owned())
        .unwrap_or_default();
    let flowchart = flowchart_svg(page.locale, service, &manual);
    page.render(&ManualTemplate { page: &page, service, division, version, manual, flowchart })
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
