//! A fresh app on a fresh database, and the callers the tests ask as.

use std::net::{IpAddr, Ipv4Addr};

use ruamjai_app::{App, Caller, Settings};
use ruamjai_domain::accounts::Role;
use ruamjai_store::Store;

/// `app_tests!(name, …)` turns each `async fn name(app: App)` into a
/// `sqlite::name` and a `postgres::name` test on a fresh database.
#[macro_export]
macro_rules! app_tests {
    ($($name:ident),* $(,)?) => {
        ruamjai_store::on_both_backends!($crate::support::app; $($name),*);
    };
}

pub fn app(store: Store) -> App {
    // Each test's packs in a folder of its own: pack ids repeat across fresh databases.
    static APPS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = APPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let pack_dir = std::env::temp_dir().join(format!("ruamjai-app-test-packs-{}-{n}", std::process::id()));
    App::new(
        store,
        Settings {
            public_url: "https://ruamjai.test".into(),
            public_writes_per_hour: 3,
            pack_dir,
            ..Settings::default()
        },
    )
}

/// A staff account of `role` (in `division` for officers and collectors).
pub async fn staff(app: &App, email: &str, role: Role, division: Option<&str>) -> Caller {
    Caller::Staff(ruamjai_store::testing::staff_user(app.store(), email, role, division).await)
}

pub fn public(last_octet: u8) -> Caller {
    Caller::Public { address: IpAddr::V4(Ipv4Addr::new(203, 0, 113, last_octet)) }
}
