//! What follows from the workflow: merged duplicates, escalation of overdue
//! submissions to the division's collectors, and the survey hook on resolve.

use ruamjai_domain::accounts::{Email, FieldError, Role};
use ruamjai_domain::mail::{NewMail, Purpose};
use ruamjai_domain::participation::submission::{NewSubmission, SubmissionInput};
use ruamjai_domain::participation::you_said::YouSaid;
use ruamjai_domain::participation::{Channel, Kind, Status, TrackingCode};
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::{InboxScope, Overdue, Step};
use ruamjai_store::{Store, StoreError};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use crate::support::add_user;

crate::store_tests!(
    a_duplicate_is_answered_with_its_reason_and_linked_to_the_submission_it_joins,
    a_submission_cannot_be_merged_into_itself_or_into_a_duplicate,
    overdue_submissions_are_escalated_once_to_their_division_collectors,
    resolving_a_request_fires_the_survey_hook_once,
    only_resolved_suggestions_and_complaints_are_published_in_staff_words,
);

const MON: OffsetDateTime = datetime!(2026-11-02 09:00 +7);

fn new(kind: &str, service: &str) -> NewSubmission {
    SubmissionInput {
        kind: kind.into(),
        service: service.into(),
        group: "public".into(),
        subject: "อินเทอร์เน็ตศาลากลางจังหวัดล่ม".into(),
        details: "ใช้งานไม่ได้ตั้งแต่เช้า".into(),
        ..SubmissionInput::default()
    }
    .parse(Channel::Web)
    .unwrap()
}

async fn file(store: &Store, kind: &str, service: &str, at: OffsetDateTime) -> TrackingCode {
    store.file_submission(&new(kind, service), "t", None, at).await.unwrap().code
}

async fn a_duplicate_is_answered_with_its_reason_and_linked_to_the_submission_it_joins(store: Store) {
    let first = file(&store, "complaint", "e-information", MON).await;
    let second = file(&store, "complaint", "e-information", MON).await;
    let actor = Actor::command("test");
    store.merge_duplicate(&actor, second, first, "เรื่องเดียวกับ RJ-2570-000001", MON).await.unwrap();

    let dup = store.submission_detail(second).await.unwrap();
    assert_eq!((dup.status, dup.duplicate_of), (Status::Duplicate, Some(first)));
    let last = dup.events.last().unwrap();
    assert!(
        last.public && last.text.as_deref() == Some("เรื่องเดียวกับ RJ-2570-000001"),
        "the submitter sees why"
    );
    let primary = store.submission_detail(first).await.unwrap();
    assert_eq!(store.merged_duplicates(primary.id).await.unwrap(), vec![second]);
    let audit = store.recent_audit(1).await.unwrap();
    assert_eq!((audit[0].action.as_str(), audit[0].entity_id.as_str()), ("merge", "RJ-2570-000002"));
}

async fn a_submission_cannot_be_merged_into_itself_or_into_a_duplicate(store: Store) {
    let a = file(&store, "complaint", "e-information", MON).await;
    let b = file(&store, "complaint", "e-information", MON).await;
    let c = file(&store, "complaint", "e-information", MON).await;
    let actor = Actor::command("test");
    let refused = |r: Result<(), StoreError>| {
        matches!(r, Err(StoreError::InvalidField { field: "into", error: FieldError::MergeTarget }))
    };
    assert!(refused(store.merge_duplicate(&actor, a, a, "ซ้ำ", MON).await));
    store.merge_duplicate(&actor, b, a, "ซ้ำ", MON).await.unwrap();
    assert!(refused(store.merge_duplicate(&actor, c, b, "ซ้ำ", MON).await), "merge into the primary instead");
    let missing = TrackingCode::parse("RJ-2570-000999").unwrap();
    assert!(matches!(
        store.merge_duplicate(&actor, c, missing, "ซ้ำ", MON).await,
        Err(StoreError::InvalidField { field: "into", error: FieldError::UnknownChoice })
    ));
    let no_reason = store.merge_duplicate(&actor, c, a, "  ", MON).await;
    assert!(matches!(no_reason, Err(StoreError::Transition(_))), "a reason is required");
    assert_eq!(store.submission_detail(c).await.unwrap().status, Status::Received, "nothing changed");
}

fn escalation(overdue: &Overdue, to: Email) -> NewMail {
    NewMail {
        to,
        subject: format!("เกินกำหนด {}", overdue.code),
        body: overdue.subject.clone(),
        purpose: Purpose::Escalation,
    }
}

async fn overdue_submissions_are_escalated_once_to_their_division_collectors(store: Store) {
    add_user(&store, "it-director@ict.go.th", Role::Collector, Some("information-technology")).await;
    add_user(&store, "it-officer@ict.go.th", Role::Officer, Some("information-technology")).await;
    add_user(&store, "infra-director@ict.go.th", Role::Collector, Some("infrastructure")).await;
    let late = file(&store, "complaint", "e-information", MON).await;
    let answered = file(&store, "question", "e-information", MON).await;
    let actor = Actor::command("test");
    let reply = Step { to: Some(Status::Resolved), text: Some("ตอบแล้ว"), public: true };
    store.step_submission(&actor, answered, reply, MON + Duration::days(1)).await.unwrap();

    let before_due = MON + Duration::days(14);
    assert_eq!(store.escalate_overdue(before_due, &escalation).await.unwrap(), 0, "not yet due");
    let after_due = MON + Duration::days(15) + Duration::minutes(1);
    assert_eq!(store.escalate_overdue(after_due, &escalation).await.unwrap(), 1);
    assert_eq!(
        store.escalate_overdue(after_due + Duration::days(1), &escalation).await.unwrap(),
        0,
        "only once"
    );

    let outbox = store.outbox(10).await.unwrap();
    let recipients: Vec<_> = outbox.iter().map(|m| m.recipient.as_str()).collect();
    assert_eq!(recipients, ["it-director@ict.go.th"], "only the owning division's collectors");
    assert_eq!(outbox[0].subject, format!("เกินกำหนด {late}"));
    assert_eq!(store.submission_detail(late).await.unwrap().escalated_at, Some(after_due));
}

async fn resolving_a_request_fires_the_survey_hook_once(store: Store) {
    let request = file(&store, "request", "e-information", MON).await;
    let complaint = file(&store, "complaint", "e-information", MON).await;
    let actor = Actor::command("test");
    let resolve = || Step {
        to: Some(Status::Resolved), text: Some("ติดตั้งให้แล้ว"), public: true
    };
    store.step_submission(&actor, complaint, resolve(), MON).await.unwrap();
    assert!(store.pending_resolved_requests(10).await.unwrap().is_empty(), "only requests for service");

    store.step_submission(&actor, request, resolve(), MON).await.unwrap();
    let reopen = Step { to: Some(Status::InProgress), text: None, public: false };
    store.step_submission(&actor, request, reopen, MON).await.unwrap();
    store.step_submission(&actor, request, resolve(), MON).await.unwrap();
    let pending = store.pending_resolved_requests(10).await.unwrap();
    assert_eq!(
        pending.iter().map(|(_, code)| *code).collect::<Vec<_>>(),
        vec![request],
        "one invitation per request"
    );
}

async fn only_resolved_suggestions_and_complaints_are_published_in_staff_words(store: Store) {
    let complaint = file(&store, "complaint", "e-information", MON).await;
    let request = file(&store, "request", "e-information", MON).await;
    let actor = Actor::command("test");
    let text = YouSaid::parse("ผู้ใช้แจ้งว่าเว็บไซต์ช้า", "ย้ายเว็บไซต์ไปเครื่องแม่ข่ายใหม่").unwrap();
    let open = store.publish_you_said(&actor, complaint, &text, MON).await;
    assert!(matches!(open, Err(StoreError::Conflict("not-publishable"))), "not before it is resolved");

    let resolve =
        || Step { to: Some(Status::Resolved), text: Some("แก้ไขแล้ว"), public: true };
    store.step_submission(&actor, complaint, resolve(), MON).await.unwrap();
    store.step_submission(&actor, request, resolve(), MON).await.unwrap();
    assert!(matches!(
        store.publish_you_said(&actor, request, &text, MON).await,
        Err(StoreError::Conflict("not-publishable"))
    ));
    let candidates = store.you_said_candidates(&InboxScope::Everything, 10).await.unwrap();
    assert_eq!(candidates.iter().map(|c| c.code).collect::<Vec<_>>(), vec![complaint]);
    // e-information is a service of the information-technology division.
    let theirs = InboxScope::Division("information-technology".into());
    assert_eq!(store.you_said_candidates(&theirs, 10).await.unwrap().len(), 1);
    let others = InboxScope::Division("strategy".into());
    assert!(store.you_said_candidates(&others, 10).await.unwrap().is_empty(), "a division sees its own");

    store.publish_you_said(&actor, complaint, &text, MON).await.unwrap();
    let page = store.you_said_we_did(10).await.unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!((page[0].kind, page[0].said.as_str()), (Kind::Complaint, "ผู้ใช้แจ้งว่าเว็บไซต์ช้า"));
    assert!(store.you_said_candidates(&InboxScope::Everything, 10).await.unwrap().is_empty());

    store.unpublish_you_said(&actor, complaint).await.unwrap();
    assert!(store.you_said_we_did(10).await.unwrap().is_empty());
}
