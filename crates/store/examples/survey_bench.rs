//! Benchmark: a satisfaction report with 1,000 and with 1,000,000 responses
//! to the 25-item standard questionnaire (goal: ≤ 20 ms at 1 M, and the two
//! within 2× of each other), against the same counts computed by `GROUP BY`
//! over the raw answers; and the store's ingest rate, one transaction per
//! response.
//!
//! `scripts/bench-survey` runs it in release mode on a temporary SQLite file
//! (kept for re-runs), or on PostgreSQL with `--database postgres://…` (an
//! empty database it may fill).
//!
//! The seed writes responses and answers in bulk SQL, then the cells with a
//! `GROUP BY` over those answers. Every seeded answer is a score (no "not
//! applicable"), so every respondent is complete on every dimension and the
//! alpha sums are plain sums; the bench checks that the cells' counts equal
//! the raw `GROUP BY` before timing anything.

use std::time::{Duration, Instant};

use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
use ruamjai_domain::satisfaction::standard::standard;
use ruamjai_domain::satisfaction::survey::SurveyInput;
use ruamjai_store::Store;
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::{ReportFilter, Respondent, Source};
use time::OffsetDateTime;

const SIZES: [i64; 2] = [1_000, 1_000_000];
const REPORT_RUNS: usize = 200;
const RAW_RUNS: usize = 5;
const INGEST: usize = 2_000;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let url = match args.iter().position(|a| a == "--database") {
        Some(i) => args[i + 1].clone(),
        None => format!("sqlite://{}/ruamjai-survey-bench.db", std::env::temp_dir().display()),
    };
    let store = Store::open(&url).await?;
    let now = OffsetDateTime::now_utc();
    if args.iter().any(|a| a == "--seed-only") {
        // For scripts that go on with the server: the seeded surveys' ids.
        for size in SIZES {
            println!("survey {size} {}", seeded_survey(&store, size, now).await?);
        }
        return Ok(());
    }
    println!("{:<40} {:>10} {:>10}", "satisfaction report", "median", "p99/worst");
    for size in SIZES {
        let survey = seeded_survey(&store, size, now).await?;
        check_cells_equal_raw(&store, survey).await?;
        let mut times = Vec::with_capacity(REPORT_RUNS);
        for _ in 0..REPORT_RUNS {
            let started = Instant::now();
            let report = store.satisfaction_report(survey, &ReportFilter::default()).await?;
            assert_eq!(report.responses, u64::try_from(size)?);
            times.push(started.elapsed());
        }
        times.sort();
        let label = format!("from cells, {size} responses");
        println!("{label:<40} {:>10} {:>10}", ms(times[REPORT_RUNS / 2]), ms(times[REPORT_RUNS * 99 / 100]));
        let mut raw = Vec::with_capacity(RAW_RUNS);
        for _ in 0..RAW_RUNS {
            let started = Instant::now();
            raw_counts(&store, survey).await?;
            raw.push(started.elapsed());
        }
        raw.sort();
        let label = format!("GROUP BY raw answers, {size} responses");
        println!("{label:<40} {:>10} {:>10}", ms(raw[RAW_RUNS / 2]), ms(raw[RAW_RUNS - 1]));
    }
    ingest(&store, now).await
}

/// A survey with `size` seeded responses: found again on re-runs by its name.
async fn seeded_survey(
    store: &Store,
    size: i64,
    now: OffsetDateTime,
) -> Result<i64, Box<dyn std::error::Error>> {
    let name = format!("bench {size}");
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM surveys WHERE name = $1")
        .bind(&name)
        .fetch_optional(store.pool())
        .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = survey(store, &name, now).await?;
    let started = Instant::now();
    let items: Vec<String> = standard().scale_items().map(|(_, i)| i.code.clone()).collect();
    let values =
        items.iter().enumerate().map(|(k, code)| format!("({k}, '{code}')")).collect::<Vec<_>>().join(", ");
    let now_ms = now.unix_timestamp() * 1000;
    let month = {
        let day = ruamjai_domain::calendar::bangkok_date(now);
        i64::from(day.year()) * 100 + i64::from(u8::from(day.month()))
    };
    let script = format!(
        "INSERT INTO responses (survey_id, service_id, group_id, received_at, month, source, dissatisfied)
         WITH RECURSIVE n(i) AS (SELECT CAST(1 AS BIGINT) UNION ALL SELECT i + 1 FROM n WHERE i < {size})
         SELECT {id},
             (SELECT s.id FROM services s WHERE s.code = CASE i % 2 WHEN 0 THEN 'video-conference' ELSE 'telephone-fax' END),
             (SELECT g.id FROM stakeholder_groups g WHERE g.code = CASE i % 2 WHEN 0 THEN 'provinces' ELSE 'public' END),
             {now_ms}, {month}, 'web', 0
         FROM n;
         INSERT INTO answers (response_id, item, score)
         WITH items(k, code) AS (VALUES {values})
         SELECT r.id, items.code, 1 + (r.id * 7 + items.k * 13 + (r.id % 97) * (items.k + 1)) % 5
         FROM responses r, items WHERE r.survey_id = {id};
         UPDATE responses SET dissatisfied = 1 WHERE survey_id = {id}
             AND EXISTS (SELECT 1 FROM answers a WHERE a.response_id = responses.id AND a.score <= 2);
         INSERT INTO response_cells (survey_id, service_id, group_id, month, responses, dissatisfied)
         SELECT survey_id, service_id, group_id, month, COUNT(*), SUM(dissatisfied)
         FROM responses WHERE survey_id = {id} GROUP BY survey_id, service_id, group_id, month;
         INSERT INTO item_cells (survey_id, service_id, group_id, month, item, c1, c2, c3, c4, c5, na,
             complete_sum, complete_squares, all_complete_sum, all_complete_squares)
         SELECT r.survey_id, r.service_id, r.group_id, r.month, a.item,
             SUM(CASE WHEN a.score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN a.score = 2 THEN 1 ELSE 0 END),
             SUM(CASE WHEN a.score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN a.score = 4 THEN 1 ELSE 0 END),
             SUM(CASE WHEN a.score = 5 THEN 1 ELSE 0 END), 0,
             SUM(a.score), SUM(a.score * a.score), SUM(a.score), SUM(a.score * a.score)
         FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.survey_id = {id}
         GROUP BY r.survey_id, r.service_id, r.group_id, r.month, a.item;"
    );
    let mut tx = store.begin_write().await?;
    sqlx::raw_sql(&script).execute(&mut *tx).await?;
    tx.commit().await?;
    dimension_cells(store, id).await?;
    sqlx::raw_sql("ANALYZE").execute(store.pool()).await?;
    println!("seeded {size} responses ({} answers) in {:.1} s", size * 22, started.elapsed().as_secs_f64());
    Ok(id)
}

/// Per dimension (and '' for all items): every seeded respondent is complete.
async fn dimension_cells(store: &Store, survey: i64) -> Result<(), Box<dyn std::error::Error>> {
    let q = standard();
    let mut groups: Vec<(String, Vec<String>)> =
        q.dimensions().map(|d| (d.code.clone(), d.items.iter().map(|i| i.code.clone()).collect())).collect();
    groups.push((String::new(), q.scale_items().map(|(_, i)| i.code.clone()).collect()));
    let mut tx = store.begin_write().await?;
    for (dimension, items) in groups {
        let list = items.iter().map(|i| format!("'{i}'")).collect::<Vec<_>>().join(", ");
        sqlx::raw_sql(&format!(
            "INSERT INTO dimension_cells (survey_id, service_id, group_id, month, dimension, complete, total_sum, total_squares)
             SELECT survey_id, service_id, group_id, month, '{dimension}', COUNT(*), SUM(total), SUM(total * total)
             FROM (SELECT r.survey_id, r.service_id, r.group_id, r.month, SUM(a.score) AS total
                   FROM responses r JOIN answers a ON a.response_id = r.id
                   WHERE r.survey_id = {survey} AND a.item IN ({list}) GROUP BY r.id, r.survey_id, r.service_id, r.group_id, r.month) t
             GROUP BY survey_id, service_id, group_id, month"
        ))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn survey(store: &Store, name: &str, now: OffsetDateTime) -> Result<i64, Box<dyn std::error::Error>> {
    let input = SurveyInput {
        name: name.into(),
        service_codes: vec!["video-conference".into(), "telephone-fax".into()],
        group_codes: vec!["provinces".into(), "public".into()],
        opens_at: Some(now - time::Duration::days(1)),
        closes_at: Some(now + time::Duration::days(365)),
        populations: vec![("provinces".into(), "76".into())],
        ..SurveyInput::default()
    };
    let new = input.parse().map_err(|e| format!("{e:?}"))?;
    Ok(store.create_survey(&Actor::command("bench"), &new, now).await?)
}

/// Score counts per item straight from the answers: what cells save.
async fn raw_counts(
    store: &Store,
    survey: i64,
) -> Result<Vec<(String, i64, i64)>, Box<dyn std::error::Error>> {
    Ok(sqlx::query_as(
        "SELECT a.item, a.score, COUNT(*) FROM answers a JOIN responses r ON r.id = a.response_id
         WHERE r.survey_id = $1 GROUP BY a.item, a.score",
    )
    .bind(survey)
    .fetch_all(store.pool())
    .await?)
}

async fn check_cells_equal_raw(store: &Store, survey: i64) -> Result<(), Box<dyn std::error::Error>> {
    let sums = store.cell_sums(survey, &ReportFilter::default()).await?;
    for (item, score, count) in raw_counts(store, survey).await? {
        let counted = sums.items[&item].counts.dist[usize::try_from(score - 1)?];
        assert_eq!(counted, u64::try_from(count)?, "{item} score {score}");
    }
    Ok(())
}

/// Responses recorded through the store, 32 at a time, each in its own
/// durable transaction (what the web form and the API do today).
async fn ingest(store: &Store, now: OffsetDateTime) -> Result<(), Box<dyn std::error::Error>> {
    let id = survey(store, &format!("ingest {}", now.unix_timestamp()), now).await?;
    let q = standard();
    let answers: Vec<(String, AnswerInput)> =
        q.scale_items().map(|(_, i)| (i.code.clone(), AnswerInput::One("4".into()))).collect();
    let response = ResponseInput { group: "provinces".into(), service: "video-conference".into(), answers }
        .check(&q)
        .map_err(|e| format!("{e:?}"))?;
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..32 {
        let (store, response) = (store.clone(), response.clone());
        tasks.spawn(async move {
            for _ in (worker..INGEST).step_by(32) {
                store.record_response(id, &response, Respondent::Anonymous, Source::Web, now).await?;
            }
            Ok::<_, ruamjai_store::StoreError>(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done??;
    }
    let elapsed = started.elapsed();
    println!(
        "ingest, one transaction per response: {INGEST} responses in {:.2} s = {:.0} responses/s",
        elapsed.as_secs_f64(),
        INGEST as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
