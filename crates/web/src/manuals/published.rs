//! The manuals in force, kept in memory: the public pages read them on
//! every request, and they change only when one is published. The set is
//! reloaded after `catalog_ttl` (so another process's publication, or a
//! scheduled one coming into force, shows within seconds) and at once when
//! this process publishes. Each manual keeps its page as rendered for
//! visitors without a session, per language.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use axum::body::Bytes;
use axum::http::header::{CONTENT_ENCODING, CONTENT_TYPE, VARY};
use axum::response::{IntoResponse, Response};
use ruamjai_domain::manual::Manual;
use ruamjai_store::documents::Version;

use crate::AppError;

/// A version in force with its parsed content.
pub(crate) struct PublishedManual {
    pub version: Version,
    pub manual: Manual,
    pages: RwLock<HashMap<&'static str, CachedPage>>,
}

/// A rendered page, as is and gzipped: a phone on a slow line gets a fifth
/// of the bytes, and compressing once costs nothing per request.
#[derive(Clone)]
pub(crate) struct CachedPage {
    pub html: Bytes,
    pub gzip: Bytes,
}

impl CachedPage {
    /// The page as the client takes it, saying that the answer depends on that.
    pub fn respond(self, gzip: bool) -> Response {
        let html = [(CONTENT_TYPE, "text/html; charset=utf-8"), (VARY, "accept-encoding")];
        if gzip {
            (html, [(CONTENT_ENCODING, "gzip")], self.gzip).into_response()
        } else {
            (html, self.html).into_response()
        }
    }

    /// Renders a page and keeps it compressed as well.
    pub fn render(render: impl FnOnce() -> Result<String, AppError>) -> Result<Self, AppError> {
        let html = render()?;
        let gzip = crate::download::gzip(html.as_bytes(), flate2::Compression::best())?;
        Ok(Self { gzip: Bytes::from(gzip), html: Bytes::from(html) })
    }
}

impl PublishedManual {
    /// The page under `key` (its language), rendered by `render` once.
    pub fn page(
        &self,
        key: &'static str,
        render: impl FnOnce() -> Result<String, AppError>,
    ) -> Result<CachedPage, AppError> {
        if let Some(page) = self.pages.read().expect("manual pages lock").get(key) {
            return Ok(page.clone());
        }
        let page = CachedPage::render(render)?;
        self.pages.write().expect("manual pages lock").insert(key, page.clone());
        Ok(page)
    }
}

#[derive(Default)]
pub(crate) struct PublishedManuals {
    by_service: HashMap<String, Arc<PublishedManual>>,
}

impl PublishedManuals {
    pub fn new(versions: Vec<Version>) -> Result<Self, AppError> {
        let mut by_service = HashMap::with_capacity(versions.len());
        for version in versions {
            let Some(service) = version.document.service_code.clone() else { continue };
            let manual = version.manual()?;
            by_service
                .insert(service, Arc::new(PublishedManual { version, manual, pages: RwLock::default() }));
        }
        Ok(Self { by_service })
    }

    pub fn get(&self, service: &str) -> Option<Arc<PublishedManual>> {
        self.by_service.get(service).cloned()
    }
}
