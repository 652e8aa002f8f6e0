//! `ruamjai demo`: demo staff accounts and content (idempotently), then serve.

mod engagement;
mod manuals;
mod participation;
mod satisfaction;
mod work_manuals;

use std::net::{IpAddr, Ipv4Addr};

use clap::Args;
use ruamjai_app::{App, Caller, Settings, accounts};
use ruamjai_domain::accounts::{Email, Password, Role};
use ruamjai_domain::catalog::{Code, Name};
use ruamjai_store::Store;
use ruamjai_store::accounts::NewUser;

use super::serve::{ServerOpts, serve};

#[derive(Args, Debug)]
pub struct Opts {
    #[command(flatten)]
    pub server: ServerOpts,
    /// The demo database: kept apart from a real one by default.
    #[arg(long, env = "RUAMJAI_DATABASE_URL", default_value = "sqlite://ruamjai-demo.db")]
    pub database: String,
    /// Load the demo data and exit without serving (for scripts and benchmarks).
    #[arg(long)]
    pub load_only: bool,
}

/// The one password of every demo account: this is a demo, not a deployment.
pub const DEMO_PASSWORD: &str = "ruamjai-demo-2570";

/// Accounts of every role, named by position, never by a real person.
/// Collectors and officers of two divisions show how division scope works.
pub const DEMO_ACCOUNTS: [(&str, &str, Role, Option<&str>); 11] = [
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
    (
        "collector.it@ruamjai.example",
        "ผู้อำนวยการส่วนเทคโนโลยีสารสนเทศ (สาธิต)",
        Role::Collector,
        Some("information-technology"),
    ),
    (
        "officer.comm@ruamjai.example",
        "เจ้าหน้าที่ส่วนเทคโนโลยีการสื่อสาร (สาธิต)",
        Role::Officer,
        Some("communication-technology"),
    ),
    (
        "collector.comm@ruamjai.example",
        "ผู้อำนวยการส่วนเทคโนโลยีการสื่อสาร (สาธิต)",
        Role::Collector,
        Some("communication-technology"),
    ),
    ("officer.strategy@ruamjai.example", "เจ้าหน้าที่ส่วนยุทธศาสตร์ฯ (สาธิต)", Role::Officer, Some("strategy")),
    ("evaluator@ruamjai.example", "ผู้ประเมิน (สาธิต)", Role::Evaluator, None),
];

/// The positions the demo accounts sign work manuals under.
const DEMO_JOB_TITLES: [(&str, &str); 10] = [
    ("director@ruamjai.example", "ผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร"),
    ("collector@ruamjai.example", "ผู้อำนวยการส่วนยุทธศาสตร์และแผนงาน"),
    ("collector.infra@ruamjai.example", "ผู้อำนวยการส่วนโครงสร้างพื้นฐานเทคโนโลยีสารสนเทศ"),
    ("collector.it@ruamjai.example", "ผู้อำนวยการส่วนเทคโนโลยีสารสนเทศ"),
    ("collector.comm@ruamjai.example", "ผู้อำนวยการส่วนเทคโนโลยีการสื่อสาร"),
    ("officer@ruamjai.example", "นักวิชาการคอมพิวเตอร์ชำนาญการ"),
    ("officer.it@ruamjai.example", "นักวิชาการคอมพิวเตอร์ปฏิบัติการ"),
    ("officer.comm@ruamjai.example", "นายช่างไฟฟ้าชำนาญงาน"),
    ("officer.strategy@ruamjai.example", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
    ("evaluator@ruamjai.example", "ผู้ประเมินภายนอก"),
];

/// The demo's staff work is done as a server command would do it.
const DEMO: Caller = Caller::Command("demo");

/// Someone of the public, the `n`th: each from an address of their own
/// (TEST-NET-2), as people on their own phones would be.
fn someone(n: u64) -> Caller {
    let [_, _, high, low] = u32::try_from(n).unwrap_or(0).to_be_bytes();
    Caller::Public { address: IpAddr::V4(Ipv4Addr::new(198, 51, high, low)) }
}

pub async fn run(opts: Opts) -> anyhow::Result<()> {
    let store = Store::open(&opts.database).await?;
    let public_url = opts.server.public_url.clone().unwrap_or_else(|| format!("http://{}", opts.server.addr));
    let app = App::new(store.clone(), Settings { public_url, ..Settings::default() });
    load_demo_data(&app).await?;
    let first_matter = participation::load(&app).await?;
    if opts.load_only {
        println!("demo data loaded into {}", super::redact(&opts.database));
        return Ok(());
    }
    serve(store, &opts.server, |addr| print_welcome(addr, first_matter)).await
}

/// The app the demo loads through, for the tests.
#[cfg(test)]
fn demo_app(store: &Store) -> App {
    App::new(store.clone(), Settings::default())
}

/// Adds what is missing and leaves what exists alone, so it can run every
/// time. Everything goes through the use cases, as a person's work would,
/// dated back where it happened in the past.
pub async fn load_demo_data(app: &App) -> anyhow::Result<()> {
    for (email, name, role, division) in DEMO_ACCOUNTS {
        let new = NewUser {
            email: Email::parse(email)?,
            name: Name::parse(name)?,
            role,
            division: division.map(Code::parse).transpose()?,
            password_hash: String::new(),
        };
        match accounts::add_user(app, &DEMO, new, Password::parse(DEMO_PASSWORD)?).await {
            Ok(_) | Err(ruamjai_app::Error::Conflict(_)) => {}
            Err(error) => return Err(error.into()),
        }
    }
    for (email, title) in DEMO_JOB_TITLES {
        accounts::set_job_title(app, &DEMO, &Email::parse(email)?, title).await?;
    }
    engagement::load(app).await?;
    satisfaction::load(app).await?;
    manuals::load(app).await?;
    work_manuals::load(app).await?;
    Ok(())
}

fn print_welcome(
    addr: std::net::SocketAddr,
    first_matter: Option<(ruamjai_domain::participation::TrackingCode, String)>,
) {
    println!();
    println!("  ร่วมใจ (ruamjai) demo is running at http://{addr}/");
    println!("  Staff login: http://{addr}/login   password for every account: {DEMO_PASSWORD}");
    for (email, _, role, _) in DEMO_ACCOUNTS {
        println!("    {:<14} {email}", role.as_str());
    }
    if let Some((code, token)) = first_matter {
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
        let app = demo_app(&store);
        load_demo_data(&app).await.unwrap();
        let first = store.list_users().await.unwrap();
        let entries = store.recent_audit(100).await.unwrap().len();
        load_demo_data(&app).await.unwrap();
        assert_eq!(store.list_users().await.unwrap(), first);
        assert_eq!(first.len(), DEMO_ACCOUNTS.len());
        assert_eq!(
            store.recent_audit(100).await.unwrap().len(),
            entries,
            "no audit entry for what already existed"
        );
        for user in &first {
            assert!(
                ruamjai_app::password::verify(DEMO_PASSWORD, &store_hash(&store, &user.email).await),
                "{}",
                user.email
            );
        }
    }

    #[tokio::test]
    async fn demo_matters_follow_the_workflow_and_are_loaded_once() {
        let db = TestDatabase::sqlite().await;
        let store = db.open().await;
        let app = demo_app(&store);
        let (first, token) = participation::load(&app).await.unwrap().expect("loaded into an empty database");
        assert!(participation::load(&app).await.unwrap().is_none(), "matters are loaded once");
        let tracked = ruamjai_app::participation::filing::tracked(&app, first, &token).await.unwrap();
        assert!(tracked.is_some(), "the printed link works");
        assert_eq!(store.you_said_we_did(10).await.unwrap().len(), 1, "\"you said, we did\" has an item");
        let consultations = store.consultations().await.unwrap();
        assert_eq!(consultations.len(), 2);
        let now = time::OffsetDateTime::now_utc();
        let phases: Vec<_> = consultations.iter().map(|c| c.phase(now).code()).collect();
        assert_eq!(phases, ["responded", "open"]);
        assert_eq!((consultations[1].published_comments, consultations[1].pending_comments), (2, 1));
        assert_eq!(store.verify_audit().await.unwrap().first_break, None);
    }

    #[tokio::test]
    async fn the_demo_year_reaches_level_4_with_step_5_short_of_one_service() {
        use ruamjai_domain::kpi::Gap;
        let db = TestDatabase::sqlite().await;
        let store = db.open().await;
        let app = demo_app(&store);
        load_demo_data(&app).await.unwrap();
        participation::load(&app).await.unwrap();
        let year = ruamjai_domain::calendar::FiscalYear::of(app.now());
        let caller = ruamjai_app::Caller::Command("test");
        let evaluation = ruamjai_app::kpi::evaluate(&app, &caller, year, None).await.unwrap();
        let four = evaluation.indicator("4").unwrap();
        let missing = |n: usize| four.steps[n - 1].verdict.missing.clone();
        for step in 1..=4 {
            assert_eq!(missing(step), [], "step {step}");
        }
        assert_eq!(four.level, Some(4));
        let Gap::NotRenewedThisYear { services } = &missing(5)[0] else { panic!("{:?}", missing(5)) };
        let codes: Vec<&str> = services.iter().map(|s| s.code.as_str()).collect();
        assert_eq!((codes, missing(5).len()), (vec![work_manuals::OVERDUE], 1), "{:?}", missing(5));
    }

    async fn store_hash(store: &ruamjai_store::Store, email: &str) -> String {
        store.login_candidate(&Email::parse(email).unwrap()).await.unwrap().unwrap().1
    }
}
