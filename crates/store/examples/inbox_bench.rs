//! Benchmark: the first page of the staff inbox with a million submissions.
//!
//! `scripts/bench-inbox` runs it in release mode; by default on a temporary
//! SQLite file, or on PostgreSQL with `--database postgres://…` (an empty
//! database it may fill). Seeds once per database, then times each inbox
//! query 200 times and prints the median and 99th percentile; then the
//! participation report of two fiscal years (5 runs: median and worst).

use std::time::{Duration, Instant};

use ruamjai_domain::calendar::{FiscalYear, bangkok_midnight};
use ruamjai_domain::participation::report::Period;
use ruamjai_domain::participation::{Channel, Kind};
use ruamjai_store::Store;
use ruamjai_store::participation::{InboxFilter, InboxScope};
use time::OffsetDateTime;

const ROWS: i64 = 1_000_000;
/// Timed runs per query (`RUNS` in the environment overrides).
const DEFAULT_RUNS: usize = 200;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let url = match args.iter().position(|a| a == "--database") {
        Some(i) => args[i + 1].clone(),
        None => format!("sqlite://{}/ruamjai-inbox-bench.db", std::env::temp_dir().display()),
    };
    let store = Store::open(&url).await?;
    let now = OffsetDateTime::now_utc();
    seed(&store, now).await?;
    if args.iter().any(|a| a == "--seed-only") {
        return Ok(());
    }
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(DEFAULT_RUNS);
    let cases: [(&str, InboxScope, InboxFilter); 8] = [
        ("open, center-wide", InboxScope::Everything, InboxFilter { open_only: true, ..Default::default() }),
        (
            "open, one division",
            InboxScope::Division("infrastructure".into()),
            InboxFilter { open_only: true, ..Default::default() },
        ),
        ("everything, newest", InboxScope::Everything, InboxFilter::default()),
        ("overdue", InboxScope::Everything, InboxFilter { overdue_only: true, ..Default::default() }),
        (
            "complaints by telephone",
            InboxScope::Everything,
            InboxFilter {
                kind: Some(Kind::Complaint),
                channel: Some(Channel::Telephone),
                ..Default::default()
            },
        ),
        (
            "one service, open",
            InboxScope::Everything,
            InboxFilter { service: Some("msat".into()), open_only: true, ..Default::default() },
        ),
        (
            "search, common words",
            InboxScope::Everything,
            InboxFilter { search: Some("เรื่องทดสอบ".into()), ..Default::default() },
        ),
        (
            "search, one old match",
            InboxScope::Everything,
            InboxFilter { search: Some("ลำดับที่ 123457".into()), ..Default::default() },
        ),
    ];
    println!(
        "{:<28} {:>10} {:>10} {:>6}",
        format!("inbox first page ({ROWS} rows)"),
        "median",
        "p99",
        "rows"
    );
    for (name, scope, filter) in cases {
        let mut times = Vec::with_capacity(runs);
        let mut found = 0;
        for _ in 0..runs {
            let started = Instant::now();
            found = store.inbox(&scope, &filter, now, None, 50).await?.len();
            times.push(started.elapsed());
        }
        times.sort();
        println!("{name:<28} {:>10} {:>10} {found:>6}", ms(times[runs / 2]), ms(times[runs * 99 / 100]));
    }
    report(&store, now).await
}

/// The participation report reads every submission of its period: the
/// fiscal year before this one holds most of the seeded year.
async fn report(store: &Store, now: OffsetDateTime) -> Result<(), Box<dyn std::error::Error>> {
    const REPORT_RUNS: usize = 5;
    let this_year = FiscalYear::of(now);
    for year in [this_year.previous(), this_year] {
        let period = Period { year, half: None };
        let mut times = Vec::with_capacity(REPORT_RUNS);
        let mut total = 0;
        for _ in 0..REPORT_RUNS {
            let started = Instant::now();
            total = store.participation_report(period).await?.total;
            times.push(started.elapsed());
        }
        times.sort();
        let name = format!("report FY{}", year.be());
        println!(
            "{name:<28} {:>10} {:>10} {total:>6}",
            ms(times[REPORT_RUNS / 2]),
            ms(times[REPORT_RUNS - 1])
        );
    }
    Ok(())
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// A year of submissions, newest last: 12 services, 7 groups, 8 channels;
/// the last ~2 % (a week) still open, those older than 5 days overdue; nine
/// in ten of the answered ones answered in time. One statement, both
/// databases; then the submission cells, rebuilt from what it wrote.
async fn seed(store: &Store, now: OffsetDateTime) -> Result<(), Box<dyn std::error::Error>> {
    let have: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM submissions").fetch_one(store.pool()).await?;
    if have >= ROWS {
        return Ok(());
    }
    let started = Instant::now();
    let now_ms = now.unix_timestamp() * 1000;
    let this_year = FiscalYear::of(now);
    let year_ms: i64 = 365 * 86_400_000;
    let sql = format!(
        "INSERT INTO submissions (office_id, fiscal_year, seq, token_hash, kind, channel, service_id, group_id, subject,
             details, status, created_at, updated_at, reply_due_at, answered_at, reply_met)
         WITH RECURSIVE n(i) AS (SELECT CAST(1 AS BIGINT) UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS})
         SELECT 1, CASE WHEN {now_ms} - {year_ms} + i * {step} >= {year_start_ms} THEN {be} ELSE {be} - 1 END, i, 'bench',
             CASE i % 5 WHEN 0 THEN 'request' WHEN 1 THEN 'complaint' WHEN 2 THEN 'suggestion' WHEN 3 THEN 'question' ELSE 'compliment' END,
             CASE i % 8 WHEN 0 THEN 'web' WHEN 1 THEN 'telephone' WHEN 2 THEN 'letter' WHEN 3 THEN 'walk_in'
                        WHEN 4 THEN 'email' WHEN 5 THEN 'social' WHEN 6 THEN 'meeting' ELSE 'api' END,
             (SELECT id FROM services WHERE number = 1 + i % 12),
             (SELECT id FROM stakeholder_groups WHERE number = 1 + i % 7),
             'เรื่องทดสอบประสิทธิภาพลำดับที่ ' || i, 'รายละเอียดของเรื่องทดสอบ',
             CASE WHEN i > {open_from} THEN 'in_progress' ELSE 'closed' END,
             {now_ms} - {year_ms} + i * {step}, {now_ms} - {year_ms} + i * {step},
             CASE WHEN i > {open_from} THEN {now_ms} - {year_ms} + i * {step} + 5 * 86400000 END,
             CASE WHEN i > {open_from} THEN NULL ELSE {now_ms} - {year_ms} + i * {step} + 86400000 END,
             CASE WHEN i > {open_from} THEN NULL WHEN i % 10 = 0 THEN 0 ELSE 1 END
         FROM n",
        open_from = ROWS * 98 / 100,
        be = this_year.be(),
        year_start_ms = bangkok_midnight(this_year.first_day()).unix_timestamp() * 1000,
        step = year_ms / ROWS,
    );
    let mut tx = store.begin_write().await?;
    sqlx::raw_sql(&sql).execute(&mut *tx).await?;
    tx.commit().await?;
    store.rebuild_submission_cells().await?;
    sqlx::raw_sql("ANALYZE").execute(store.pool()).await?;
    println!("seeded {ROWS} submissions in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
