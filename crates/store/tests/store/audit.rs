use ruamjai_domain::accounts::Role;
use ruamjai_domain::audit::ChainBreak;
use ruamjai_domain::catalog::{Name, NamesEdit};
use ruamjai_store::{Backend, Store};

use crate::support::{add_user, admin};

crate::store_tests!(
    every_change_appends_a_verifiable_entry,
    the_database_refuses_to_edit_or_delete_entries,
    a_history_rewritten_behind_the_triggers_is_detected,
    a_deleted_tail_is_detected,
    concurrent_changes_keep_one_unbroken_chain,
);

async fn rename_group(store: &Store, suffix: &str) {
    let edit = NamesEdit {
        name_th: Name::parse(&format!("จังหวัด {suffix}")).unwrap(),
        name_en: Name::parse(&format!("Provinces {suffix}")).unwrap(),
    };
    store.update_group(&admin(), "provinces", edit).await.unwrap();
}

async fn every_change_appends_a_verifiable_entry(store: Store) {
    add_user(&store, "a@ict.go.th", Role::Administrator, None).await;
    rename_group(&store, "1").await;
    let entries = store.recent_audit(10).await.unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        (entries[0].seq, entries[0].action.as_str(), entries[0].actor.as_str()),
        (2, "update", "command:test")
    );
    assert!(entries[0].before.contains("จังหวัด") && entries[0].after.contains("จังหวัด 1"));
    let report = store.verify_audit().await.unwrap();
    assert_eq!((report.entries_checked, report.first_break), (2, None));
}

async fn the_database_refuses_to_edit_or_delete_entries(store: Store) {
    rename_group(&store, "1").await;
    assert!(sqlx::query("UPDATE audit_log SET actor = 'x'").execute(store.pool()).await.is_err());
    assert!(sqlx::query("DELETE FROM audit_log").execute(store.pool()).await.is_err());
    assert_eq!(store.verify_audit().await.unwrap().first_break, None);
}

async fn bypass_append_only_triggers(store: &Store) {
    let sql = match store.backend() {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change",
    };
    sqlx::raw_sql(sql).execute(store.pool()).await.unwrap();
}

async fn a_history_rewritten_behind_the_triggers_is_detected(store: Store) {
    for n in 1..=4 {
        rename_group(&store, &n.to_string()).await;
    }
    bypass_append_only_triggers(&store).await;
    sqlx::query("UPDATE audit_log SET after_json = '{}' WHERE seq = 3").execute(store.pool()).await.unwrap();
    assert_eq!(store.verify_audit().await.unwrap().first_break, Some(ChainBreak::Tampered { seq: 3 }));
}

async fn a_deleted_tail_is_detected(store: Store) {
    for n in 1..=3 {
        rename_group(&store, &n.to_string()).await;
    }
    bypass_append_only_triggers(&store).await;
    sqlx::query("DELETE FROM audit_log WHERE seq = 3").execute(store.pool()).await.unwrap();
    assert_eq!(
        store.verify_audit().await.unwrap().first_break,
        Some(ChainBreak::Truncated { expected: 3, found: 2 })
    );
}

async fn concurrent_changes_keep_one_unbroken_chain(store: Store) {
    let tasks: Vec<_> = (0..24)
        .map(|n| {
            let store = store.clone();
            tokio::spawn(async move { rename_group(&store, &n.to_string()).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let report = store.verify_audit().await.unwrap();
    assert_eq!((report.entries_checked, report.first_break), (24, None));
}
