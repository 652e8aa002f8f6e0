//! What rarely changes, read from the database at most once per
//! `Settings::cache_ttl` and forgotten at once when this process changes it
//! (another process's change shows within the interval).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use ruamjai_domain::catalog::Catalog;
use ruamjai_store::satisfaction::Survey;

use crate::manuals::work::Detail;
use crate::{App, Result};

/// Something read from the database, with when.
type Loaded<T> = (Instant, Arc<T>);

#[derive(Default)]
pub(crate) struct Caches {
    catalog: RwLock<Option<Loaded<Catalog>>>,
    /// Surveys as the public pages read them, by id.
    surveys: RwLock<HashMap<i64, Loaded<Survey>>>,
    /// Public work manuals as their public pages read them, by id.
    work_manuals: RwLock<HashMap<i64, Loaded<Detail>>>,
}

fn fresh<T>(loaded: Option<&Loaded<T>>, ttl: Duration) -> Option<Arc<T>> {
    loaded.filter(|(at, _)| at.elapsed() < ttl).map(|(_, value)| value.clone())
}

impl App {
    /// The catalog: services, divisions and stakeholder groups. The same
    /// `Arc` until it is reloaded, so that what is rendered from it can be
    /// kept beside it.
    pub async fn catalog(&self) -> Result<Arc<Catalog>> {
        let caches = self.caches();
        if let Some(catalog) = fresh(caches.catalog.read().expect("catalog lock").as_ref(), self.ttl()) {
            return Ok(catalog);
        }
        let catalog = Arc::new(self.store().catalog().await?);
        *caches.catalog.write().expect("catalog lock") = Some((Instant::now(), catalog.clone()));
        Ok(catalog)
    }

    /// Forgets the catalog after this process changed it.
    pub fn catalog_changed(&self) {
        *self.caches().catalog.write().expect("catalog lock") = None;
    }

    /// A survey as the public pages show it: answering one is the hot path.
    pub async fn public_survey(&self, id: i64) -> Result<Arc<Survey>> {
        let caches = self.caches();
        if let Some(survey) = fresh(caches.surveys.read().expect("survey lock").get(&id), self.ttl()) {
            return Ok(survey);
        }
        let survey = Arc::new(self.store().survey(id).await?);
        caches.surveys.write().expect("survey lock").insert(id, (Instant::now(), survey.clone()));
        Ok(survey)
    }

    /// Forgets the cached surveys after a questionnaire they ask changed.
    pub(crate) fn surveys_changed(&self) {
        self.caches().surveys.write().expect("survey lock").clear();
    }

    /// A public work manual as its public page and PDF show it, loaded by
    /// `load` when not kept (a revision coming into force on its date
    /// shows within the interval).
    pub(crate) async fn public_work_manual(
        &self,
        id: i64,
        load: impl AsyncFnOnce() -> Result<Detail>,
    ) -> Result<Arc<Detail>> {
        let caches = self.caches();
        if let Some(detail) =
            fresh(caches.work_manuals.read().expect("work manual lock").get(&id), self.ttl())
        {
            return Ok(detail);
        }
        let detail = Arc::new(load().await?);
        caches.work_manuals.write().expect("work manual lock").insert(id, (Instant::now(), detail.clone()));
        Ok(detail)
    }

    /// Forgets the public work manuals after this process approved, revised
    /// or published one.
    pub(crate) fn work_manuals_changed(&self) {
        self.caches().work_manuals.write().expect("work manual lock").clear();
    }

    fn ttl(&self) -> Duration {
        self.settings().cache_ttl
    }
}
