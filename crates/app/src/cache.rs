//! What rarely changes, read from the database at most once per
//! `Settings::cache_ttl` and forgotten at once when this process changes it
//! (another process's change shows within the interval); and what is costly
//! to compute, kept until this process writes anything ([`Memo`]).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::kpi::Evaluation;
use ruamjai_store::kpi::facts::AsOf;
use ruamjai_store::satisfaction::{Improvement, Survey};
use tokio::sync::OnceCell;

use crate::home::Need;
use crate::manuals::work::{Detail, ToRead};
use crate::satisfaction::effect::Effect;
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
    /// Fiscal years evaluated as of a day.
    pub(crate) evaluations: Memo<AsOf, Evaluation>,
    /// What waits on each account, by account and minute.
    pub(crate) needs: Memo<(i64, i64), Vec<Need>>,
    /// Where the evidence falls short, for a division (`None`: the Center) on a day.
    pub(crate) evidence_needs: Memo<(Option<String>, time::Date), Vec<Need>>,
    /// What each account is asked to read, by account and day.
    pub(crate) to_read: Memo<(i64, time::Date), Vec<ToRead>>,
    /// The public board of improvement actions with their effects.
    pub(crate) public_improvements: Memo<(), Vec<(Improvement, Effect)>>,
}

/// Values computed from the database, each kept with the store's count of
/// writes when its reading began: it serves until this process writes
/// again (any write: the KPI's facts come from every area) or
/// `Settings::cache_ttl` passes (another process's writes). Callers that
/// ask while a value is being read wait for that reading instead of
/// starting their own: after a write, sixteen homes asking at once read
/// the indicator once, not sixteen times.
pub(crate) struct Memo<K, V> {
    entries: Mutex<HashMap<K, Stamped<V>>>,
}

struct Stamped<V> {
    at: Instant,
    writes: u64,
    value: Arc<OnceCell<Arc<V>>>,
}

/// More keys than are asked for between two writes (a year's months and
/// a few days; the accounts signed in within a minute): past it the memo
/// starts over.
const MEMO_KEYS: usize = 256;

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self { entries: Mutex::default() }
    }
}

impl<K: Hash + Eq, V> Memo<K, V> {
    /// The value of `key`, computed by `load` unless one read since the
    /// last write is kept or being read.
    pub(crate) async fn get_or_load(
        &self,
        app: &App,
        key: K,
        load: impl AsyncFnOnce() -> Result<V>,
    ) -> Result<Arc<V>> {
        let writes = app.store().writes();
        let slot = self.slot(key, writes, app.ttl());
        let value = slot.get_or_try_init(|| async { Ok::<_, crate::Error>(Arc::new(load().await?)) }).await?;
        let value = value.clone();
        // A write during the reading may or may not be in it: not kept.
        if app.store().writes() != writes {
            self.entries.lock().expect("memo lock").retain(|_, kept| !Arc::ptr_eq(&kept.value, &slot));
        }
        Ok(value)
    }

    /// The slot of `key` for a reading begun at `writes`: the one kept, or
    /// a new one (kept unless a newer reading already is).
    fn slot(&self, key: K, writes: u64, ttl: Duration) -> Arc<OnceCell<Arc<V>>> {
        let mut entries = self.entries.lock().expect("memo lock");
        match entries.get(&key) {
            Some(kept) if kept.writes == writes && kept.at.elapsed() < ttl => return kept.value.clone(),
            Some(kept) if kept.writes > writes => return Arc::new(OnceCell::new()),
            _ => {}
        }
        entries.retain(|_, kept| kept.writes >= writes);
        if entries.len() >= MEMO_KEYS {
            entries.clear();
        }
        let slot = Arc::new(OnceCell::new());
        entries.insert(key, Stamped { at: Instant::now(), writes, value: slot.clone() });
        slot
    }
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
