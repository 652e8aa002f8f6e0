//! Runs each store test on SQLite and on PostgreSQL.

use ruamjai_domain::accounts::Role;
use ruamjai_store::Store;
use ruamjai_store::accounts::StaffUser;
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
    ruamjai_store::testing::staff_user(store, email, role, division).await
}
