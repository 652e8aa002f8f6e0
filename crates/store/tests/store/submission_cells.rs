//! The submission cells that indicator 4's first step reads: on any day of
//! the year they say what counting the submissions themselves would say,
//! through filing, first answers in time and late, reopening and answering
//! again, and a change of the service's targets.

use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::rules::ChannelFacts;
use ruamjai_domain::participation::clock::ServiceTargets;
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, Status, TrackingCode};
use ruamjai_store::Store;
use ruamjai_store::audit::Actor;
use ruamjai_store::kpi::facts::AsOf;
use ruamjai_store::participation::Step;
use time::macros::{date, datetime};
use time::{Date, Duration, OffsetDateTime};

crate::store_tests!(
    the_cells_count_what_the_submissions_say_on_every_day_of_the_year,
    rebuilding_the_cells_changes_nothing_the_writes_kept,
);

const MON: OffsetDateTime = datetime!(2026-11-02 09:00 +7);
const FY2570: FiscalYear = FiscalYear::from_be(2570);

async fn file(store: &Store, channel: Channel, at: OffsetDateTime) -> TrackingCode {
    let new = SubmissionInput {
        kind: "complaint".into(),
        service: "e-information".into(),
        group: "public".into(),
        subject: "ระบบช้า".into(),
        details: "เปิดหน้าไม่ขึ้น".into(),
        ..SubmissionInput::default()
    }
    .parse(channel)
    .unwrap();
    store.file_submission(&new, "t", None, at).await.unwrap().code
}

async fn step(store: &Store, code: TrackingCode, to: Status, at: OffsetDateTime) {
    let step = Step { to: Some(to), text: Some("ดำเนินการแล้ว"), public: true };
    store.step_submission(&Actor::command("test"), code, step, at).await.unwrap();
}

/// A year's history: filed in the year before and in this one over three
/// channels; answered at once, late, and reopened then answered again.
async fn a_year_of_work(store: &Store) {
    file(store, Channel::Email, datetime!(2026-09-30 23:30 +7)).await; // the year before
    let quick = file(store, Channel::Web, MON).await;
    let late = file(store, Channel::Web, MON).await;
    let reopened = file(store, Channel::Telephone, MON).await;
    file(store, Channel::Letter, MON + Duration::days(3)).await;
    file(store, Channel::Web, datetime!(2026-10-01 00:00 +7)).await; // the year's first instant
    step(store, quick, Status::Resolved, MON + Duration::hours(2)).await;
    step(store, late, Status::Resolved, MON + Duration::days(60)).await;
    step(store, reopened, Status::Resolved, MON + Duration::days(2)).await;
    step(store, reopened, Status::InProgress, MON + Duration::days(5)).await;
    let rows = store.service_targets().await.unwrap();
    let e_information = rows.iter().find(|t| t.service_code == "e-information").unwrap();
    let tighter = ServiceTargets { reply_days: 1, update_days: 1, ..e_information.targets };
    store.set_service_targets(&Actor::command("test"), "e-information", tighter).await.unwrap();
    step(store, reopened, Status::Resolved, MON + Duration::days(9)).await;
}

/// What the first step would read from the submissions themselves.
async fn counted(store: &Store, day: Date) -> ChannelFacts {
    let at = AsOf::new(FY2570, day);
    let rows: Vec<(String, i64, i64, i64)> = sqlx::query_as(
        "SELECT channel, COUNT(*), COUNT(CASE WHEN answered_at < $2 THEN reply_met END),
                CAST(SUM(CASE WHEN answered_at < $2 THEN reply_met ELSE 0 END) AS BIGINT)
         FROM submissions WHERE created_at >= $1 AND created_at < $2 GROUP BY channel",
    )
    .bind(at.from().unix_timestamp() * 1000)
    .bind(at.until().unix_timestamp() * 1000)
    .fetch_all(store.pool())
    .await
    .unwrap();
    let mut facts = ChannelFacts::default();
    for (channel, n, answered, met) in rows {
        facts.channels.push((Channel::parse(&channel).unwrap(), n as u64));
        facts.answered += answered as u64;
        facts.answered_in_time += met as u64;
    }
    facts.channels.sort_by_key(|(c, _)| Channel::ALL.iter().position(|a| a == c));
    facts
}

async fn the_cells_count_what_the_submissions_say_on_every_day_of_the_year(store: Store) {
    a_year_of_work(&store).await;
    let days = [
        date!(2026 - 10 - 01),
        date!(2026 - 11 - 02),
        date!(2026 - 11 - 03),
        date!(2026 - 11 - 08),
        date!(2026 - 11 - 12),
        date!(2027 - 01 - 01),
        date!(2027 - 09 - 30),
    ];
    for day in days {
        let cells = store.channel_facts(AsOf::new(FY2570, day)).await.unwrap();
        assert_eq!(cells, counted(&store, day).await, "on {day}");
    }
    let year_end = store.channel_facts(AsOf::new(FY2570, date!(2027 - 09 - 30))).await.unwrap();
    assert_eq!(year_end.channels, vec![(Channel::Web, 3), (Channel::Telephone, 1), (Channel::Letter, 1)]);
    assert_eq!(
        (year_end.answered, year_end.answered_in_time),
        (3, 1),
        "the late one, and the reopened one judged late by the tighter target"
    );
    // A past day reads each answer on its first day, judged as it stands now.
    let reopened_meanwhile = store.channel_facts(AsOf::new(FY2570, date!(2026 - 11 - 08))).await.unwrap();
    assert_eq!((reopened_meanwhile.answered, reopened_meanwhile.answered_in_time), (2, 1));
}

async fn rebuilding_the_cells_changes_nothing_the_writes_kept(store: Store) {
    a_year_of_work(&store).await;
    let cells = || async {
        let rows: Vec<(i64, String, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT fiscal_year, channel, day, received, answered, answered_in_time FROM submission_cells
             WHERE received <> 0 OR answered <> 0 OR answered_in_time <> 0 ORDER BY fiscal_year, channel, day",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        rows
    };
    let kept = cells().await;
    assert!(kept.len() >= 5, "filing days and answer days: {kept:?}");
    store.rebuild_submission_cells().await.unwrap();
    assert_eq!(cells().await, kept);
}
