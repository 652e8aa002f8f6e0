//! Fresh databases for tests: a temporary SQLite file, or a new PostgreSQL
//! database created on the server named by `RUAMJAI_TEST_POSTGRES_URL` and
//! dropped afterwards.

use std::hash::{BuildHasher, RandomState};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::any::install_default_drivers;
use sqlx::{AnyConnection, Connection, Executor};

use crate::{Backend, Store};

/// The variable that points the test suites at a PostgreSQL server.
pub const POSTGRES_URL_VAR: &str = "RUAMJAI_TEST_POSTGRES_URL";

/// A database that exists for one test and is removed when dropped.
#[derive(Debug)]
pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    SqliteFile(PathBuf),
    PostgresDatabase { admin_url: String, name: String },
}

impl TestDatabase {
    pub async fn sqlite() -> Self {
        let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
        Self { url: format!("sqlite://{}", path.display()), cleanup: Cleanup::SqliteFile(path) }
    }

    /// A fresh PostgreSQL database, or `None` when no server is configured.
    /// In CI (`CI` set) a missing server is a failure, never a silent skip.
    pub async fn postgres() -> Option<Self> {
        let configured = std::env::var(POSTGRES_URL_VAR).ok().filter(|u| !u.is_empty());
        let admin_url = match configured {
            Some(url) => url,
            None if std::env::var_os("CI").is_some() => panic!("{POSTGRES_URL_VAR} must be set in CI"),
            None => return None,
        };
        install_default_drivers();
        let name = unique_name();
        let mut admin =
            AnyConnection::connect(&admin_url).await.expect("connect to the test PostgreSQL server");
        admin.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create a test database");
        admin.close().await.ok();
        let url = replace_database(&admin_url, &name);
        Some(Self { url, cleanup: Cleanup::PostgresDatabase { admin_url, name } })
    }

    /// Opens (and migrates) the store on this database.
    pub async fn open(&self) -> Store {
        Store::open(&self.url).await.expect("open the test store")
    }

    pub fn backend(&self) -> Backend {
        Backend::of_url(&self.url).expect("test URLs are supported")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::PostgresDatabase { admin_url, name } => {
                // Drop runs outside any runtime the test may still be using.
                let (admin_url, name) = (admin_url.clone(), name.clone());
                let dropper = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
                    if let Ok(runtime) = runtime {
                        runtime.block_on(async {
                            if let Ok(mut admin) = AnyConnection::connect(&admin_url).await {
                                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                                let _ = admin.execute(sql.as_str()).await;
                            }
                        });
                    }
                });
                let _ = dropper.join();
            }
        }
    }
}

fn unique_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let salt = RandomState::new().hash_one((std::process::id(), n));
    format!("ruamjai_test_{}_{n}_{salt:016x}", std::process::id())
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{name}", &base[..path_start]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// A staff account for a test (its password hash is not a real one: tests
/// that sign in make their own).
pub async fn staff_user(
    store: &Store,
    email: &str,
    role: ruamjai_domain::accounts::Role,
    division: Option<&str>,
) -> crate::accounts::StaffUser {
    use ruamjai_domain::accounts::Email;
    use ruamjai_domain::catalog::{Code, Name};
    let new = crate::accounts::NewUser {
        email: Email::parse(email).expect("a valid e-mail"),
        name: Name::parse("เจ้าหน้าที่ทดสอบ").expect("a valid name"),
        role,
        division: division.map(|d| Code::parse(d).expect("a valid division code")),
        password_hash: "$argon2id$not-a-real-hash".into(),
    };
    store.create_user(&crate::audit::Actor::command("test"), new).await.expect("create user")
}

/// `on_both_backends!(open, name, …)` turns each `async fn name(x)` into a
/// `sqlite::name` and a `postgres::name` test on a fresh database, where
/// `x` is `open(store)`: the store itself, or something built on it. The
/// store's, the use cases' and any later suite share it.
#[macro_export]
macro_rules! on_both_backends {
    ($open:path; $($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = $crate::testing::TestDatabase::sqlite().await;
                    super::$name($open(db.open().await)).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(db) = $crate::testing::TestDatabase::postgres().await else {
                        eprintln!("skipped: {} is not set", $crate::testing::POSTGRES_URL_VAR);
                        return;
                    };
                    super::$name($open(db.open().await)).await;
                }
            )*
        }
    };
}

#[cfg(test)]
mod tests {
    use super::replace_database;

    #[test]
    fn the_database_name_is_replaced_and_the_query_kept() {
        assert_eq!(
            replace_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            replace_database("postgres://h:5432?sslmode=disable", "t1"),
            "postgres://h:5432/t1?sslmode=disable"
        );
    }
}
