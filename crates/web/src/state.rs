//! What every handler can reach: the store, the settings, metrics and the
//! caches of what rarely changes.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use axum::body::Bytes;
use ruamjai_app::{App, Settings};
use ruamjai_domain::catalog::Catalog;
use ruamjai_store::Store;
use ruamjai_store::documents::DocumentKind;
use ruamjai_store::satisfaction::Survey;

use crate::WebConfig;
use crate::error::AppError;
use crate::manuals::published::PublishedManuals;
use crate::manuals::work::public::PublicPages;
use crate::metrics::Metrics;
use crate::pdf_cache::PdfCache;

/// Cloned for every extractor and layer of every request: one reference
/// count to touch, not one per field (profiling found the per-field clones
/// and drops at a quarter of a cached page's CPU time).
#[derive(Clone)]
pub struct AppState {
    shared: Arc<Shared>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.shared
    }
}

pub struct Shared {
    /// The use cases: every write goes through here.
    pub app: App,
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub(crate) metrics: Arc<Metrics>,
    /// What was rendered from the catalog, and the catalog it came from.
    rendered: RwLock<Rendered>,
    /// Published manuals and posters, typeset once per version.
    pub(crate) pdfs: Arc<PdfCache>,
    /// The manuals in force, with when they were loaded.
    published: Arc<RwLock<Option<Loaded<PublishedManuals>>>>,
    /// The public work manuals' pages as visitors see them.
    pub(crate) work_pages: PublicPages,
}

/// Something read from the database, with when.
type Loaded<T> = (Instant, Arc<T>);

/// Pages and documents rendered from one load of the catalog: kept while
/// the app hands out that same load.
#[derive(Default)]
struct Rendered {
    from: Option<Arc<Catalog>>,
    pages: HashMap<&'static str, Bytes>,
}

impl AppState {
    /// Must be called on a Tokio runtime: it starts the response writer.
    pub fn new(store: Store, config: WebConfig) -> Self {
        let settings = Settings {
            public_url: config.public_url.clone(),
            public_writes_per_hour: config.public_writes_per_hour,
            cache_ttl: config.catalog_ttl,
            pack_dir: config.pack_dir.clone(),
            ..Settings::default()
        };
        let shared = Shared {
            store: store.clone(),
            metrics: Arc::new(Metrics::default()),
            app: App::new(store, settings),
            rendered: RwLock::default(),
            pdfs: Arc::default(),
            published: Arc::default(),
            work_pages: PublicPages::default(),
            config: Arc::new(config),
        };
        Self { shared: Arc::new(shared) }
    }

    /// The catalog, read from the database at most once per `catalog_ttl`.
    /// What was rendered from an earlier load is dropped here, and the
    /// typeset PDFs (which print service names) too when the catalog changed.
    pub async fn catalog(&self) -> Result<Arc<Catalog>, AppError> {
        let catalog = self.app.catalog().await?;
        let same = |r: &Rendered| r.from.as_ref().is_some_and(|c| Arc::ptr_eq(c, &catalog));
        if !same(&self.rendered.read().expect("rendered lock")) {
            let mut rendered = self.rendered.write().expect("rendered lock");
            if !same(&rendered) {
                if rendered.from.as_ref().is_some_and(|old| **old != *catalog) {
                    self.pdfs.clear();
                }
                *rendered = Rendered { from: Some(catalog.clone()), pages: HashMap::new() };
            }
        }
        Ok(catalog)
    }

    /// A page or document rendered from the catalog, rendered once per catalog load.
    pub async fn rendered_from_catalog(
        &self,
        key: &'static str,
        render: impl FnOnce(&Catalog) -> Result<Bytes, AppError>,
    ) -> Result<Bytes, AppError> {
        let catalog = self.catalog().await?;
        if let Some(bytes) = self.rendered.read().expect("rendered lock").pages.get(key) {
            return Ok(bytes.clone());
        }
        let bytes = render(&catalog)?;
        let mut rendered = self.rendered.write().expect("rendered lock");
        // Keep it only if the catalog it came from is still the latest load.
        if rendered.from.as_ref().is_some_and(|c| Arc::ptr_eq(c, &catalog)) {
            rendered.pages.insert(key, bytes.clone());
        }
        Ok(bytes)
    }

    /// A survey for the public survey pages: answering one is the hot path.
    pub async fn public_survey(&self, id: i64) -> Result<Arc<Survey>, AppError> {
        Ok(self.app.public_survey(id).await?)
    }

    /// The manuals in force, read from the database at most once per
    /// `catalog_ttl` (a scheduled manual comes into force within it).
    pub(crate) async fn published_manuals(&self) -> Result<Arc<PublishedManuals>, AppError> {
        let cached = self.published.read().expect("published manuals lock").clone();
        if let Some((_, manuals)) = cached.filter(|(at, _)| at.elapsed() < self.config.catalog_ttl) {
            return Ok(manuals);
        }
        let now = time::OffsetDateTime::now_utc();
        let versions = self.store.current_versions(DocumentKind::CitizenManual, now).await?;
        let manuals = Arc::new(PublishedManuals::new(versions)?);
        *self.published.write().expect("published manuals lock") = Some((Instant::now(), manuals.clone()));
        Ok(manuals)
    }

    /// Forgets the manuals in force after this process published one.
    pub(crate) fn manuals_changed(&self) {
        *self.published.write().expect("published manuals lock") = None;
    }
}
