//! Schema, migrations and queries of ruamjai.
//!
//! One code path serves SQLite (the embedded default) and PostgreSQL (the
//! scale-out path) through sqlx's `Any` driver: queries are written in the SQL
//! both understand, with `$1` placeholders, integers for instants (UTC
//! milliseconds) and text for everything else. The few differences between the
//! two live in [`dialect`] and in the marked blocks of the migrations.

pub mod accounts;
pub mod audit;
pub mod catalog;
mod dialect;
pub mod documents;
pub mod engagement;
mod error;
pub mod kpi;
pub mod mail;
mod migrate;
pub mod needs;
pub mod participation;
pub mod satisfaction;
pub mod testing;
mod time_ms;
pub mod work_manuals;

pub use dialect::Backend;
pub use error::StoreError;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{Any, AnyConnection, AnyPool, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A handle on the database, cheap to clone (it wraps a pool).
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    office_id: i64,
    /// SQLite takes one writer at a time. Queuing writers here, fairly and
    /// without sleeping, beats letting them race for the database lock and
    /// back off in SQLite's busy handler (seen: p99 0.76 s at 64 writers).
    /// Other processes are still covered by the busy timeout.
    write_gate: Option<Arc<Mutex<()>>>,
    /// Write transactions this process committed: what was read at one
    /// count is still what is stored while the count stays (see
    /// [`Store::writes`]).
    writes: Arc<AtomicU64>,
}

/// A write transaction, begun the way the backend needs (see [`dialect`]);
/// on SQLite it holds this process's write gate until it ends.
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    _gate: Option<OwnedMutexGuard<()>>,
    writes: Arc<AtomicU64>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        self.writes.fetch_add(1, Ordering::Release);
        Ok(())
    }
}

impl std::ops::Deref for WriteTx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl Store {
    /// Connects to `sqlite://…` or `postgres://…` and applies pending migrations.
    pub async fn open(url: &str) -> Result<Self> {
        let store = Self::connect(url).await?;
        store.migrate().await?;
        store.with_default_office().await
    }

    /// Connects without migrating: for commands that must not change the schema.
    pub async fn connect(url: &str) -> Result<Self> {
        install_default_drivers();
        let backend = Backend::of_url(url)?;
        let url = backend.normalize_url(url);
        let pool = AnyPoolOptions::new()
            .max_connections(backend.max_connections())
            .after_connect(move |conn, _meta| Box::pin(async move { backend.prepare_connection(conn).await }))
            .connect(&url)
            .await?;
        let write_gate = (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(())));
        Ok(Self { pool, backend, office_id: 0, write_gate, writes: Arc::default() })
    }

    async fn with_default_office(mut self) -> Result<Self> {
        let id: i64 =
            sqlx::query_scalar("SELECT id FROM offices ORDER BY id LIMIT 1").fetch_one(&self.pool).await?;
        self.office_id = id;
        Ok(self)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The office this deployment serves (one office for now; every owned
    /// record carries its key so that several can share a database later).
    pub fn office_id(&self) -> i64 {
        self.office_id
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Applies every migration not yet applied, in order.
    pub async fn migrate(&self) -> Result<usize> {
        migrate::run(&self.pool, self.backend, None).await
    }

    /// Applies the migrations up to version `last` only: for tests that
    /// upgrade a database filled under an earlier schema.
    pub async fn migrate_until(&self, last: i64) -> Result<usize> {
        migrate::run(&self.pool, self.backend, Some(last)).await
    }

    /// Begins a transaction that will write.
    pub async fn begin_write(&self) -> Result<WriteTx> {
        let gate = match &self.write_gate {
            Some(gate) => Some(gate.clone().lock_owned().await),
            None => None,
        };
        let tx = self.pool.begin_with(self.backend.begin_write_statement()).await?;
        Ok(WriteTx { tx, _gate: gate, writes: self.writes.clone() })
    }

    /// How many write transactions this process has committed. Something
    /// read while the count was `n` is still current while it is `n` —
    /// for this process's writes; another process's show only in a new read.
    /// Sign-ins and rate limits write outside transactions and do not count.
    pub fn writes(&self) -> u64 {
        self.writes.load(Ordering::Acquire)
    }

    /// A cheap round trip, for readiness probes.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Writes a consistent copy of a SQLite database to `path` while it stays
    /// in use (`VACUUM INTO` reads one snapshot and compacts as it copies).
    pub async fn backup_sqlite_to(&self, path: &str) -> Result<()> {
        sqlx::query("VACUUM INTO $1").bind(path).execute(&self.pool).await?;
        Ok(())
    }

    /// Waits for connections to be returned and closes them.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
