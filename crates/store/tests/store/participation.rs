use ruamjai_domain::accounts::{FieldError, Role};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::participation::submission::{NewSubmission, SubmissionInput};
use ruamjai_domain::participation::{Channel, Status, TrackingCode, TransitionError};
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::Step;
use ruamjai_store::{Store, StoreError};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use crate::support::add_user;

crate::store_tests!(
    filing_gives_consecutive_codes_that_restart_each_fiscal_year,
    an_unknown_service_or_group_is_refused_by_field_and_nothing_is_stored,
    the_right_token_shows_the_public_timeline_and_a_wrong_one_shows_nothing,
    staff_steps_follow_the_workflow_and_are_audited,
    a_staff_logged_submission_is_audited_without_personal_data,
    concurrent_filings_never_share_a_code,
);

fn complaint(service: &str, group: &str) -> NewSubmission {
    SubmissionInput {
        kind: "complaint".into(),
        service: service.into(),
        group: group.into(),
        subject: "สัญญาณวีดิทัศน์ทางไกลขาดหาย".into(),
        details: "ระหว่างการประชุมกับจังหวัด ภาพค้างทุก 10 นาที".into(),
        contact_name: "ผู้ร้องเรียน".into(),
        contact_email: "citizen@example.com".into(),
        ..SubmissionInput::default()
    }
    .parse(Channel::Web)
    .unwrap()
}

const SEPT_30: OffsetDateTime = datetime!(2026-09-30 12:00 +7);
const OCT_1: OffsetDateTime = datetime!(2026-10-01 08:00 +7);

async fn filing_gives_consecutive_codes_that_restart_each_fiscal_year(store: Store) {
    let new = complaint("video-conference", "provinces");
    let a = store.file_submission(&new, "h1", None, SEPT_30).await.unwrap();
    let b = store.file_submission(&new, "h2", None, SEPT_30).await.unwrap();
    let c = store.file_submission(&new, "h3", None, OCT_1).await.unwrap();
    assert_eq!(a.code.to_string(), "RJ-2569-000001");
    assert_eq!(b.code.to_string(), "RJ-2569-000002");
    assert_eq!(c.code.to_string(), "RJ-2570-000001", "1 October starts fiscal year 2570");
}

async fn an_unknown_service_or_group_is_refused_by_field_and_nothing_is_stored(store: Store) {
    let err = store
        .file_submission(&complaint("no-such-service", "provinces"), "h", None, OCT_1)
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::InvalidField { field: "service", error: FieldError::UnknownChoice }),
        "{err:?}"
    );
    let err = store.file_submission(&complaint("msat", "no-such-group"), "h", None, OCT_1).await.unwrap_err();
    assert!(matches!(err, StoreError::InvalidField { field: "group", .. }), "{err:?}");
    let next = store.file_submission(&complaint("general", "public"), "h", None, OCT_1).await.unwrap();
    assert_eq!(next.code.seq, 1, "refused filings used no sequence number");
}

async fn the_right_token_shows_the_public_timeline_and_a_wrong_one_shows_nothing(store: Store) {
    let filed = store
        .file_submission(&complaint("video-conference", "provinces"), "right", None, OCT_1)
        .await
        .unwrap();
    let officer = add_user(&store, "o@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let actor = Actor::user(officer.id, &officer.email);
    let note = Step {
        to: Some(Status::InProgress), text: Some("ตรวจพบอุปกรณ์เสีย (บันทึกภายใน)"), public: false
    };
    store.step_submission(&actor, filed.code, note, OCT_1 + Duration::hours(1)).await.unwrap();
    let reply = Step {
        to: Some(Status::Resolved), text: Some("เปลี่ยนอุปกรณ์แล้ว ขอบคุณที่แจ้ง"), public: true
    };
    store.step_submission(&actor, filed.code, reply, OCT_1 + Duration::days(2)).await.unwrap();

    let tracked = store.tracked_submission(filed.code, "right").await.unwrap().unwrap();
    assert_eq!(
        (tracked.status, tracked.service_code.as_deref()),
        (Status::Resolved, Some("video-conference"))
    );
    let statuses: Vec<_> = tracked.events.iter().map(|e| e.status).collect();
    assert_eq!(statuses, [Some(Status::Received), Some(Status::Resolved)], "internal steps stay internal");
    assert_eq!(tracked.events[1].reply.as_deref(), Some("เปลี่ยนอุปกรณ์แล้ว ขอบคุณที่แจ้ง"));

    assert_eq!(store.tracked_submission(filed.code, "wrong").await.unwrap(), None);
    let unknown = TrackingCode::new(FiscalYear::from_be(2570), 999);
    assert_eq!(store.tracked_submission(unknown, "right").await.unwrap(), None);
}

async fn staff_steps_follow_the_workflow_and_are_audited(store: Store) {
    let filed = store.file_submission(&complaint("msat", "moi-agencies"), "t", None, OCT_1).await.unwrap();
    let actor = Actor::command("test");
    let reject_silently = Step { to: Some(Status::Rejected), text: None, public: true };
    let err = store.step_submission(&actor, filed.code, reject_silently, OCT_1).await.unwrap_err();
    assert!(matches!(err, StoreError::Transition(TransitionError::ReasonRequired)), "{err:?}");
    let close_early = Step { to: Some(Status::Closed), text: None, public: false };
    let err = store.step_submission(&actor, filed.code, close_early, OCT_1).await.unwrap_err();
    assert!(matches!(err, StoreError::Transition(TransitionError::NotAllowed { .. })), "{err:?}");
    let reject = Step {
        to: Some(Status::Rejected), text: Some("ไม่อยู่ในภารกิจของศูนย์ฯ"), public: true
    };
    assert_eq!(store.step_submission(&actor, filed.code, reject, OCT_1).await.unwrap(), Status::Rejected);
    let audit = store.recent_audit(10).await.unwrap();
    assert_eq!(audit.len(), 1, "refused steps leave no trace");
    assert_eq!((audit[0].entity.as_str(), audit[0].entity_id.as_str()), ("submission", "RJ-2570-000001"));
    assert_eq!(store.verify_audit().await.unwrap().first_break, None);
    let missing = TrackingCode::new(FiscalYear::from_be(2570), 42);
    let step = Step { to: None, text: Some("x"), public: false };
    assert!(matches!(store.step_submission(&actor, missing, step, OCT_1).await, Err(StoreError::NotFound)));
}

async fn a_staff_logged_submission_is_audited_without_personal_data(store: Store) {
    let officer = add_user(&store, "o@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let mut call = complaint("network-interconnection", "provinces");
    call.channel = Channel::Telephone;
    let actor = Actor::user(officer.id, &officer.email);
    store.file_submission(&call, "t", Some(&actor), OCT_1).await.unwrap();
    let entry = &store.recent_audit(1).await.unwrap()[0];
    assert_eq!((entry.action.as_str(), entry.actor.as_str()), ("log", "o@ict.go.th"));
    assert!(entry.after.contains("telephone"));
    assert!(!entry.after.contains("citizen@example.com") && !entry.after.contains("ผู้ร้องเรียน"));
}

async fn concurrent_filings_never_share_a_code(store: Store) {
    let tasks: Vec<_> = (0..50)
        .map(|n| {
            let store = store.clone();
            tokio::spawn(async move {
                let new = complaint("ict-training", "public");
                store.file_submission(&new, &format!("h{n}"), None, OCT_1).await.unwrap().code.seq
            })
        })
        .collect();
    let mut seqs = Vec::new();
    for task in tasks {
        seqs.push(task.await.unwrap());
    }
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=50).collect::<Vec<u32>>());
}
