//! Published documents typeset once. A published version never changes, so
//! its PDF is kept by version, language and digits; concurrent first
//! requests wait for one typesetting instead of each starting their own.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::HeaderValue;
use tokio::sync::OnceCell;

use crate::AppError;

/// Twelve services, a manual and a poster each, in two languages and two
/// kinds of digits make 96; old versions make room for new ones.
const CAPACITY: usize = 128;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PdfKey {
    /// Which document of the version: "manual", "poster".
    pub document: &'static str,
    pub version: i64,
    pub lang: &'static str,
    pub thai_numerals: bool,
}

/// A typeset PDF as it is served: its bytes, the same gzipped once (about
/// half the bytes: the tagged structure that screen readers use is plain
/// text), and the tag a browser sends back to ask whether it changed.
#[derive(Debug, Clone)]
pub(crate) struct TypesetPdf {
    pub pdf: Bytes,
    pub gzip: Bytes,
    pub etag: HeaderValue,
}

impl TypesetPdf {
    fn of(pdf: Vec<u8>) -> Result<Self, AppError> {
        let gzip = crate::download::gzip(&pdf, flate2::Compression::default())?;
        let hash = ruamjai_domain::hash::sha256_hex(&pdf);
        let etag = HeaderValue::from_str(&format!("\"{}\"", &hash[..32]))
            .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(Self { pdf: Bytes::from(pdf), gzip: Bytes::from(gzip), etag })
    }
}

#[derive(Default)]
pub(crate) struct PdfCache {
    entries: Mutex<HashMap<PdfKey, Arc<OnceCell<TypesetPdf>>>>,
}

impl PdfCache {
    /// The PDF under `key` if it has been typeset, without preparing what
    /// typesetting it would need.
    pub fn cached(&self, key: PdfKey) -> Option<TypesetPdf> {
        self.entries.lock().expect("PDF cache lock").get(&key).and_then(|cell| cell.get().cloned())
    }

    /// The document under `key`, typeset by `render` on the blocking pool
    /// the first time it is asked for. A failed typesetting is not kept.
    pub async fn get_or_render(
        &self,
        key: PdfKey,
        render: impl FnOnce(&ruamjai_pdf::Engine) -> Result<Vec<u8>, ruamjai_pdf::PdfError> + Send + 'static,
    ) -> Result<TypesetPdf, AppError> {
        let cell = self.cell(key);
        let bytes = cell
            .get_or_try_init(|| async {
                let pdf = tokio::task::spawn_blocking(move || {
                    let engine = ruamjai_pdf::shared().map_err(|e| e.to_string())?;
                    render(engine).map_err(|e| e.to_string())
                })
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?
                .map_err(AppError::Internal)?;
                // Compressing is CPU work too, but a few milliseconds once per document.
                TypesetPdf::of(pdf)
            })
            .await?;
        Ok(bytes.clone())
    }

    fn cell(&self, key: PdfKey) -> Arc<OnceCell<TypesetPdf>> {
        let mut entries = self.entries.lock().expect("PDF cache lock");
        if entries.len() >= CAPACITY && !entries.contains_key(&key) {
            // The oldest versions first: ids grow with time.
            let mut keys: Vec<PdfKey> = entries.keys().copied().collect();
            keys.sort_by_key(|k| k.version);
            for old in keys.iter().take(CAPACITY / 4) {
                entries.remove(old);
            }
        }
        entries.entry(key).or_default().clone()
    }

    /// Forgets everything, after the catalog (service names) changed.
    pub fn clear(&self) {
        self.entries.lock().expect("PDF cache lock").clear();
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.lock().expect("PDF cache lock").len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(version: i64) -> PdfKey {
        PdfKey { document: "manual", version, lang: "th", thai_numerals: false }
    }

    #[test]
    fn a_full_cache_makes_room_by_forgetting_the_oldest_versions() {
        let cache = PdfCache::default();
        for version in 0..CAPACITY as i64 {
            cache.cell(key(version));
        }
        let newest = cache.cell(key(CAPACITY as i64 - 1));
        newest.set(TypesetPdf::of(b"%PDF".to_vec()).unwrap()).unwrap();
        cache.cell(key(1_000));
        assert_eq!(cache.len(), CAPACITY - CAPACITY / 4 + 1);
        assert!(cache.cell(key(CAPACITY as i64 - 1)).get().is_some(), "the newest are kept");
        assert_eq!(cache.len(), CAPACITY - CAPACITY / 4 + 1, "and not made again");
    }
}
