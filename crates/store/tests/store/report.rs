//! The participation report read from stored submissions.

use ruamjai_domain::participation::report::Period;
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, Kind, Status, TrackingCode};
use ruamjai_store::Store;
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::Step;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

crate::store_tests!(the_report_counts_the_period_and_judges_each_answer_against_its_target);

async fn file(store: &Store, kind: &str, channel: Channel, at: OffsetDateTime) -> TrackingCode {
    let new = SubmissionInput {
        kind: kind.into(),
        service: "msat".into(),
        group: "provinces".into(),
        subject: "ขอใช้ดาวเทียม".into(),
        details: "งานพระราชพิธี".into(),
        ..SubmissionInput::default()
    }
    .parse(channel)
    .unwrap();
    store.file_submission(&new, "t", None, at).await.unwrap().code
}

async fn resolve(store: &Store, code: TrackingCode, at: OffsetDateTime) {
    let step = Step {
        to: Some(Status::Resolved), text: Some("ดำเนินการแล้ว"), public: true
    };
    store.step_submission(&Actor::command("test"), code, step, at).await.unwrap();
}

async fn the_report_counts_the_period_and_judges_each_answer_against_its_target(store: Store) {
    let oct = datetime!(2026-10-05 09:00 +7);
    let quick = file(&store, "request", Channel::Web, oct).await;
    let late = file(&store, "complaint", Channel::Telephone, oct).await;
    file(&store, "question", Channel::Web, datetime!(2027-04-01 09:00 +7)).await;
    file(&store, "question", Channel::Web, datetime!(2026-09-30 09:00 +7)).await;
    resolve(&store, quick, oct + Duration::days(2)).await;
    resolve(&store, late, oct + Duration::days(20)).await;

    let year = store.participation_report(Period::parse("2570").unwrap()).await.unwrap();
    assert_eq!((year.total, year.open), (3, 1));
    assert_eq!(year.by_kind.iter().find(|(k, _)| *k == Kind::Question).unwrap().1, 1);
    assert_eq!(year.compliance.answered, 2);
    assert_eq!(year.compliance.met, 1, "20 days is past the 15-day target");
    assert_eq!(year.resolution.median_days, Some(11.0));
    assert_eq!(year.by_service, vec![(Some("msat".to_owned()), 3)]);

    let first_half = store.participation_report(Period::parse("2570-h1").unwrap()).await.unwrap();
    assert_eq!(first_half.total, 2, "April is in the second half");
}
