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
use ruamjai_store::satisfaction::Campaign;

use crate::WebConfig;
use crate::error::AppError;
use crate::manuals::published::PublishedManuals;
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
    cache: Arc<RwLock<Cache>>,
    /// Campaigns as the public survey pages read them, by id, with when each
    /// was loaded (kept as long as the catalog).
    campaigns: Arc<RwLock<CampaignCache>>,
    /// Published manuals and posters, typeset once per version.
    pub(crate) pdfs: Arc<PdfCache>,
    /// The manuals in force, with when they were loaded.
    published: Arc<RwLock<Option<Loaded<PublishedManuals>>>>,
}

/// Something read from the database, with when.
type Loaded<T> = (Instant, Arc<T>);

/// Campaigns by id, with when each was loaded.
type CampaignCache = HashMap<i64, (Instant, Arc<Campaign>)>;

/// The catalog and what was rendered from it, valid until `catalog_ttl` has
/// passed or this process changed the catalog.
#[derive(Default)]
struct Cache {
    loaded: Option<(Instant, Arc<Catalog>)>,
    rendered: HashMap<&'static str, Bytes>,
}

impl AppState {
    /// Must be called on a Tokio runtime: it starts the response writer.
    pub fn new(store: Store, config: WebConfig) -> Self {
        let shared = Shared {
            store: store.clone(),
            metrics: Arc::new(Metrics::default()),
            app: App::new(
                store.clone(),
                Settings {
                    public_url: config.public_url.clone(),
                    public_writes_per_hour: config.public_writes_per_hour,
                },
            ),
            cache: Arc::new(RwLock::new(Cache::default())),
            campaigns: Arc::default(),
            pdfs: Arc::default(),
            published: Arc::default(),
            config: Arc::new(config),
        };
        Self { shared: Arc::new(shared) }
    }

    /// The catalog, read from the database at most once per `catalog_ttl`.
    pub async fn catalog(&self) -> Result<Arc<Catalog>, AppError> {
        if let Some(catalog) = self.fresh_catalog() {
            return Ok(catalog);
        }
        let catalog = Arc::new(self.store.catalog().await?);
        let mut cache = self.cache.write().expect("cache lock");
        *cache = Cache { loaded: Some((Instant::now(), catalog.clone())), rendered: HashMap::new() };
        Ok(catalog)
    }

    fn fresh_catalog(&self) -> Option<Arc<Catalog>> {
        let cache = self.cache.read().expect("cache lock");
        let (at, catalog) = cache.loaded.as_ref()?;
        (at.elapsed() < self.config.catalog_ttl).then(|| catalog.clone())
    }

    /// A page or document rendered from the catalog, rendered once per catalog load.
    pub async fn rendered_from_catalog(
        &self,
        key: &'static str,
        render: impl FnOnce(&Catalog) -> Result<Bytes, AppError>,
    ) -> Result<Bytes, AppError> {
        let catalog = self.catalog().await?;
        if let Some(bytes) = self.cache.read().expect("cache lock").rendered.get(key) {
            return Ok(bytes.clone());
        }
        let bytes = render(&catalog)?;
        let mut cache = self.cache.write().expect("cache lock");
        // Keep it only if the catalog it came from is still the cached one.
        if cache.loaded.as_ref().is_some_and(|(_, c)| Arc::ptr_eq(c, &catalog)) {
            cache.rendered.insert(key, bytes.clone());
        }
        Ok(bytes)
    }

    /// Forgets the catalog after this process changed it.
    pub fn catalog_changed(&self) {
        *self.cache.write().expect("cache lock") = Cache::default();
        self.pdfs.clear();
    }

    /// Forgets the cached campaigns after a questionnaire they ask changed.
    pub(crate) fn campaigns_changed(&self) {
        self.campaigns.write().expect("campaign cache lock").clear();
    }

    /// A campaign for the public survey pages, read from the database at
    /// most once per `catalog_ttl`: answering a survey is the hot path.
    pub async fn public_campaign(&self, id: i64) -> Result<Arc<Campaign>, AppError> {
        let cached = self.campaigns.read().expect("campaign cache lock").get(&id).cloned();
        if let Some((_, campaign)) = cached.filter(|(at, _)| at.elapsed() < self.config.catalog_ttl) {
            return Ok(campaign);
        }
        let campaign = Arc::new(self.store.campaign(id).await?);
        self.campaigns.write().expect("campaign cache lock").insert(id, (Instant::now(), campaign.clone()));
        Ok(campaign)
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
