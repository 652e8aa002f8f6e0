//! Runs each store test on SQLite and on PostgreSQL.

use ruamjai_domain::accounts::{Email, Role};
use ruamjai_domain::catalog::{Code, Name};
use ruamjai_store::Store;
use ruamjai_store::accounts::{NewUser, StaffUser};
use ruamjai_store::audit::Actor;

/// `store_tests!(name, …)` turns each `async fn name(store: Store)` into a
/// `sqlite::name` and a `postgres::name` test on a fresh database.
#[macro_export]
macro_rules! store_tests {
    ($($name:ident),* $(,)?) => {
        ruamjai_store::on_both_backends!(std::convert::identity; $($name),*);
    };
}

pub fn admin() -> Actor {
    Actor::command("test")
}

pub async fn add_user(store: &Store, email: &str, role: Role, division: Option<&str>) -> StaffUser {
    let new = NewUser {
        email: Email::parse(email).unwrap(),
        name: Name::parse("เจ้าหน้าที่ทดสอบ").unwrap(),
        role,
        division: division.map(|d| Code::parse(d).unwrap()),
        password_hash: "$argon2id$not-a-real-hash".into(),
    };
    store.create_user(&admin(), new).await.expect("create user")
}
