//! Online backup is a SQLite feature (PostgreSQL has pg_dump).

use ruamjai_domain::accounts::Role;
use ruamjai_store::Store;
use ruamjai_store::testing::TestDatabase;

use crate::support::add_user;

#[tokio::test]
async fn a_live_sqlite_database_is_copied_whole() {
    let db = TestDatabase::sqlite().await;
    let store = db.open().await;
    add_user(&store, "kept@ict.go.th", Role::Director, None).await;
    let target = std::env::temp_dir().join(format!("ruamjai-backup-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&target);
    store.backup_sqlite_to(target.to_str().unwrap()).await.unwrap();
    let copy = Store::open(&format!("sqlite://{}", target.display())).await.unwrap();
    assert_eq!(copy.list_users().await.unwrap().len(), 1);
    assert_eq!(copy.verify_audit().await.unwrap().first_break, None, "the audit chain survives the copy");
    copy.close().await;
    let _ = std::fs::remove_file(&target);
}
