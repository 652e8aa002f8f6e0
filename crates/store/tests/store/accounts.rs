use ruamjai_domain::accounts::{Email, FieldError, Role};
use ruamjai_domain::catalog::{Code, Name};
use ruamjai_store::accounts::NewUser;
use ruamjai_store::{Store, StoreError};
use time::{Duration, OffsetDateTime};

use crate::support::{add_user, admin};

crate::store_tests!(
    a_new_officer_belongs_to_a_division,
    an_email_identifies_one_account,
    officers_without_a_division_or_with_an_unknown_one_are_refused,
    a_session_lasts_until_it_expires_or_is_deleted,
    disabling_an_account_ends_its_sessions_and_tokens,
    api_tokens_are_found_by_their_hash,
    login_failures_are_counted_per_key,
);

async fn a_new_officer_belongs_to_a_division(store: Store) {
    let user = add_user(&store, "Officer@ICT.go.th", Role::Officer, Some("infrastructure")).await;
    assert_eq!(user.email, "officer@ict.go.th");
    assert_eq!(user.division_code.as_deref(), Some("infrastructure"));
    let (found, hash) =
        store.login_candidate(&Email::parse("officer@ict.go.th").unwrap()).await.unwrap().unwrap();
    assert_eq!(found, user);
    assert!(hash.starts_with("$argon2id$"));
    assert_eq!(store.list_users().await.unwrap(), vec![user]);
}

async fn an_email_identifies_one_account(store: Store) {
    add_user(&store, "a@ict.go.th", Role::Director, None).await;
    let again = NewUser {
        email: Email::parse("A@ict.go.th").unwrap(),
        name: Name::parse("ซ้ำ").unwrap(),
        role: Role::Evaluator,
        division: None,
        password_hash: "x".into(),
    };
    assert!(matches!(store.create_user(&admin(), again).await, Err(StoreError::Conflict("email"))));
    assert_eq!(store.list_users().await.unwrap().len(), 1);
}

async fn officers_without_a_division_or_with_an_unknown_one_are_refused(store: Store) {
    let new = |division: Option<&str>| NewUser {
        email: Email::parse("o@ict.go.th").unwrap(),
        name: Name::parse("o").unwrap(),
        role: Role::Officer,
        division: division.map(|d| Code::parse(d).unwrap()),
        password_hash: "x".into(),
    };
    let err = store.create_user(&admin(), new(None)).await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(FieldError::DivisionRequired)), "{err:?}");
    let err = store.create_user(&admin(), new(Some("nowhere"))).await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(FieldError::UnknownDivision)), "{err:?}");
    assert!(store.list_users().await.unwrap().is_empty());
}

async fn a_session_lasts_until_it_expires_or_is_deleted(store: Store) {
    let user = add_user(&store, "d@ict.go.th", Role::Director, None).await;
    let now = OffsetDateTime::now_utc();
    store.create_session(user.id, "hash-1", "csrf-1", now, now + Duration::hours(8)).await.unwrap();
    let session = store.session("hash-1", now).await.unwrap().unwrap();
    assert_eq!((session.user.id, session.csrf_token.as_str()), (user.id, "csrf-1"));
    assert!(store.session("hash-1", now + Duration::hours(9)).await.unwrap().is_none());
    assert!(store.session("other", now).await.unwrap().is_none());
    store.delete_session("hash-1").await.unwrap();
    assert!(store.session("hash-1", now).await.unwrap().is_none());
}

async fn disabling_an_account_ends_its_sessions_and_tokens(store: Store) {
    let user = add_user(&store, "e@ict.go.th", Role::Evaluator, None).await;
    let now = OffsetDateTime::now_utc();
    store.create_session(user.id, "s", "c", now, now + Duration::hours(1)).await.unwrap();
    store.create_api_token(&admin(), user.id, "t", "ci").await.unwrap();
    let email = Email::parse("e@ict.go.th").unwrap();
    let disabled = store.set_user_disabled(&admin(), &email, true).await.unwrap();
    assert!(disabled.disabled);
    assert!(store.session("s", now).await.unwrap().is_none());
    assert!(store.api_token_user("t").await.unwrap().is_none());
    store.set_user_disabled(&admin(), &email, false).await.unwrap();
    assert!(store.api_token_user("t").await.unwrap().is_some(), "tokens work again once re-enabled");
}

async fn api_tokens_are_found_by_their_hash(store: Store) {
    let user = add_user(&store, "c@ict.go.th", Role::Collector, Some("strategy")).await;
    store.create_api_token(&admin(), user.id, "token-hash", "reporting").await.unwrap();
    assert_eq!(store.api_token_user("token-hash").await.unwrap().map(|u| u.id), Some(user.id));
    assert!(store.api_token_user("token").await.unwrap().is_none());
}

async fn login_failures_are_counted_per_key(store: Store) {
    let now = OffsetDateTime::now_utc();
    for minutes in [20, 10, 5] {
        store.record_login_failure(&["acct", "addr"], now - Duration::minutes(minutes)).await.unwrap();
    }
    let recent = store.login_failures_since("acct", now - Duration::minutes(15)).await.unwrap();
    assert_eq!(recent.len(), 2);
    assert!(recent[0] < recent[1], "oldest first");
    store.clear_login_failures("acct").await.unwrap();
    assert!(store.login_failures_since("acct", now - Duration::hours(1)).await.unwrap().is_empty());
    assert_eq!(store.login_failures_since("addr", now - Duration::hours(1)).await.unwrap().len(), 3);
    assert_eq!(store.purge_login_failures(now - Duration::minutes(15)).await.unwrap(), 1);
}
