//! `ruamjai demo`: demo staff accounts and content (idempotently), then serve.

mod engagement;
mod manuals;
mod participation;
mod satisfaction;

use clap::Args;
use ruamjai_app::password;
use ruamjai_domain::accounts::{Email, Password, Role};
use ruamjai_domain::catalog::{Code, Name};
use ruamjai_store::accounts::NewUser;
use ruamjai_store::audit::Actor;
use ruamjai_store::{Store, StoreError};

use super::serve::{ServerOpts, serve};

#[derive(Args, Debug)]
pub struct Opts {
    #[command(flatten)]
    pub server: ServerOpts,
    /// The demo database: kept apart from a real one by default.
    #[arg(long, env = "RUAMJAI_DATABASE_URL", default_value = "sqlite://ruamjai-demo.db")]
    pub database: String,
}

/// The one password of every demo account: this is a demo, not a deployment.
pub const DEMO_PASSWORD: &str = "ruamjai-demo-2570";

/// Accounts of every role, named by position, never by a real person.
/// Collectors and officers of two divisions show how division scope works.
pub const DEMO_ACCOUNTS: [(&str, &str, Role, Option<&str>); 7] = [
    ("admin@ruamjai.example", "ผู้ดูแลระบบ (สาธิต)", Role::Administrator, None),
    ("director@ruamjai.example", "ผู้อำนวยการศูนย์ฯ (สาธิต)", Role::Director, None),
    ("collector@ruamjai.example", "ผู้อำนวยการส่วนยุทธศาสตร์ฯ (สาธิต)", Role::Collector, Some("strategy")),
    (
        "collector.infra@ruamjai.example",
        "ผู้อำนวยการส่วนโครงสร้างพื้นฐาน (สาธิต)",
        Role::Collector,
        Some("infrastructure"),
    ),
    ("officer@ruamjai.example", "เจ้าหน้าที่ส่วนโครงสร้างพื้นฐาน (สาธิต)", Role::Officer, Some("infrastructure")),
    (
        "officer.it@ruamjai.example",
        "เจ้าหน้าที่ส่วนเทคโนโลยีสารสนเทศ (สาธิต)",
        Role::Officer,
        Some("information-technology"),
    ),
    ("evaluator@ruamjai.example", "ผู้ประเมิน (สาธิต)", Role::Evaluator, None),
];

pub async fn run(opts: Opts) -> anyhow::Result<()> {
    let store = Store::open(&opts.database).await?;
    load_demo_data(&store).await?;
    let first_matter = participation::load(&store).await?;
    serve(store, &opts.server, |addr| print_welcome(addr, first_matter)).await
}

/// Adds what is missing and leaves what exists alone, so it can run every time.
pub async fn load_demo_data(store: &Store) -> anyhow::Result<()> {
    let actor = Actor::command("demo");
    let hash = password::hash(&Password::parse(DEMO_PASSWORD)?);
    for (email, name, role, division) in DEMO_ACCOUNTS {
        let new = NewUser {
            email: Email::parse(email)?,
            name: Name::parse(name)?,
            role,
            division: division.map(Code::parse).transpose()?,
            password_hash: hash.clone(),
        };
        match store.create_user(&actor, new).await {
            Ok(_) | Err(StoreError::Conflict(_)) => {}
            Err(error) => return Err(error.into()),
        }
    }
    engagement::load(store).await?;
    satisfaction::load(store).await?;
    manuals::load(store).await?;
    Ok(())
}

fn print_welcome(
    addr: std::net::SocketAddr,
    first_matter: Option<ruamjai_domain::participation::TrackingCode>,
) {
    println!();
    println!("  ร่วมใจ (ruamjai) demo is running at http://{addr}/");
    println!("  Staff login: http://{addr}/login   password for every account: {DEMO_PASSWORD}");
    for (email, _, role, _) in DEMO_ACCOUNTS {
        println!("    {:<14} {email}", role.as_str());
    }
    if let Some(code) = first_matter {
        let token = participation::DEMO_TRACKING_TOKEN;
        println!("  A citizen's view of a demo matter: http://{addr}/track?code={code}&t={token}");
    }
    println!("  Press Ctrl-C to stop.");
    println!();
}

#[cfg(test)]
mod tests {
    use ruamjai_store::testing::TestDatabase;

    use super::*;

    #[tokio::test]
    async fn loading_the_demo_twice_changes_nothing_the_second_time() {
        let db = TestDatabase::sqlite().await;
        let store = db.open().await;
        load_demo_data(&store).await.unwrap();
        let first = store.list_users().await.unwrap();
        let entries = store.recent_audit(100).await.unwrap().len();
        load_demo_data(&store).await.unwrap();
        assert_eq!(store.list_users().await.unwrap(), first);
        assert_eq!(first.len(), DEMO_ACCOUNTS.len());
        assert_eq!(
            store.recent_audit(100).await.unwrap().len(),
            entries,
            "no audit entry for what already existed"
        );
        for user in &first {
            assert!(
                password::verify(DEMO_PASSWORD, &store_hash(&store, &user.email).await),
                "{}",
                user.email
            );
        }
    }

    #[tokio::test]
    async fn demo_matters_follow_the_workflow_and_are_loaded_once() {
        let db = TestDatabase::sqlite().await;
        let store = db.open().await;
        let first = participation::load(&store).await.unwrap().expect("loaded into an empty database");
        assert!(participation::load(&store).await.unwrap().is_none(), "matters are loaded once");
        let token = ruamjai_app::secrets::token_hash(participation::DEMO_TRACKING_TOKEN);
        assert!(store.tracked_submission(first, &token).await.unwrap().is_some(), "the printed link works");
        assert_eq!(store.you_said_we_did(10).await.unwrap().len(), 1, "\"you said, we did\" has an item");
        let consultations = store.consultations().await.unwrap();
        assert_eq!(consultations.len(), 2);
        let now = time::OffsetDateTime::now_utc();
        let phases: Vec<_> = consultations.iter().map(|c| c.phase(now).code()).collect();
        assert_eq!(phases, ["responded", "open"]);
        assert_eq!((consultations[1].published_comments, consultations[1].pending_comments), (2, 1));
        assert_eq!(store.verify_audit().await.unwrap().first_break, None);
    }

    async fn store_hash(store: &Store, email: &str) -> String {
        store.login_candidate(&Email::parse(email).unwrap()).await.unwrap().unwrap().1
    }
}
