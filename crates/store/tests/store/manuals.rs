//! Citizen manuals through their versions: drafts, review, approval,
//! publication with its announcement, what is in force, and Thai search.

use ruamjai_domain::accounts::Role;
use ruamjai_domain::attachment::{MediaType, NewAttachment};
use ruamjai_domain::manual::{ChannelInput, DurationInput, ListInput, Loose, Manual, ManualInput, StepInput};
use ruamjai_domain::publication::{Action, Announcement, Channel, Stage};
use ruamjai_domain::search::query_terms;
use ruamjai_store::audit::Actor;
use ruamjai_store::documents::DocumentKind;
use ruamjai_store::{Store, StoreError};
use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};

use crate::support::add_user;

crate::store_tests!(
    a_draft_is_saved_in_place_until_it_goes_to_review,
    the_workflow_refuses_steps_out_of_order,
    publishing_records_the_announcement_and_its_evidence_in_one_go,
    a_scheduled_version_takes_over_on_its_date_and_the_old_one_is_superseded,
    search_finds_a_thai_word_in_the_middle_of_a_sentence_in_force_only,
    a_form_file_belongs_to_the_service_s_manual_across_its_versions,
);

const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 +7);
const SERVICE: &str = "e-information";

fn manual(criteria: &str) -> Manual {
    ManualInput {
        responsible_unit: "ส่วนเทคโนโลยีสารสนเทศ".into(),
        legal_basis: "ระเบียบกระทรวงมหาดไทยว่าด้วยการใช้ระบบสารสนเทศ".into(),
        channels: vec![ChannelInput {
            place: "ศาลาว่าการกระทรวงมหาดไทย ชั้น 3".into(),
            ..ChannelInput::default()
        }],
        criteria: criteria.into(),
        steps: vec![StepInput {
            title: "รับคำขอ".into(),
            duration: DurationInput { value: Loose::Integer(30), unit: "minutes".into() },
            ..StepInput::default()
        }],
        documents: ListInput::Word("none".into()),
        fees: ListInput::Word("none".into()),
        complaint_channels: "สายด่วน 1567".into(),
        ..ManualInput::default()
    }
    .parse()
    .unwrap()
}

fn announcement() -> Announcement {
    Announcement {
        date: date!(2026 - 11 - 25),
        channels: vec![Channel::Website, Channel::NoticeBoard],
        note: String::new(),
    }
}

/// A service's manual taken from a new draft to published at `at`; returns the version id.
async fn publish(store: &Store, criteria: &str, at: OffsetDateTime) -> i64 {
    let director =
        add_user(store, &format!("d{}@moi.go.th", at.unix_timestamp()), Role::Director, None).await;
    let actor = Actor::user(director.id, &director.email);
    let draft = store.save_manual_draft(&actor, SERVICE, &manual(criteria), "ฉบับใหม่", NOW).await.unwrap();
    for action in [Action::Submit, Action::Approve] {
        store.act_on_version(&actor, draft.id, action, "", NOW).await.unwrap();
    }
    store.publish_version(&actor, draft.id, at, &announcement(), &[], NOW).await.unwrap();
    draft.id
}

async fn a_draft_is_saved_in_place_until_it_goes_to_review(store: Store) {
    let officer = add_user(&store, "officer@moi.go.th", Role::Officer, Some("information-technology")).await;
    let actor = Actor::user(officer.id, &officer.email);
    let first = store.save_manual_draft(&actor, SERVICE, &manual("ก"), "", NOW).await.unwrap();
    let again = store.save_manual_draft(&actor, SERVICE, &manual("ข"), "แก้เกณฑ์", NOW).await.unwrap();
    assert_eq!((again.id, again.revision, again.stage), (first.id, 1, Stage::Draft));
    assert_eq!(again.manual().unwrap().criteria, "ข");
    assert_eq!(again.author.as_deref(), Some("เจ้าหน้าที่ทดสอบ"));
    assert_eq!(again.document.division_code, "information-technology");

    store.act_on_version(&actor, first.id, Action::Submit, "", NOW).await.unwrap();
    let refused = store.save_manual_draft(&actor, SERVICE, &manual("ค"), "", NOW).await;
    assert!(matches!(refused, Err(StoreError::Conflict("version-not-draft"))), "{refused:?}");
    assert_eq!(store.version(first.id).await.unwrap().manual().unwrap().criteria, "ข", "nothing lost");

    store.act_on_version(&actor, first.id, Action::Return, "เพิ่มช่องทาง", NOW).await.unwrap();
    let returned = store.version(first.id).await.unwrap();
    assert_eq!((returned.stage, returned.review_comment.as_str()), (Stage::Draft, "เพิ่มช่องทาง"));
    let unknown = store.save_manual_draft(&actor, "no-such-service", &manual("ก"), "", NOW).await;
    assert!(matches!(unknown, Err(StoreError::InvalidField { field: "service", .. })));
}

async fn the_workflow_refuses_steps_out_of_order(store: Store) {
    let director = add_user(&store, "director@moi.go.th", Role::Director, None).await;
    let actor = Actor::user(director.id, &director.email);
    let draft = store.save_manual_draft(&actor, SERVICE, &manual("ก"), "", NOW).await.unwrap();
    let approve = store.act_on_version(&actor, draft.id, Action::Approve, "", NOW).await;
    assert!(matches!(approve, Err(StoreError::Conflict("transition"))));
    let publish = store.publish_version(&actor, draft.id, NOW, &announcement(), &[], NOW).await;
    assert!(matches!(publish, Err(StoreError::Conflict("transition"))));
    assert_eq!(store.version(draft.id).await.unwrap().stage, Stage::Draft);
    assert!(store.announcement(draft.id).await.unwrap().is_none(), "no announcement without publication");
    let missing = store.act_on_version(&actor, 999_999, Action::Submit, "", NOW).await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
}

async fn publishing_records_the_announcement_and_its_evidence_in_one_go(store: Store) {
    let director = add_user(&store, "director@moi.go.th", Role::Director, None).await;
    let actor = Actor::user(director.id, &director.email);
    let draft = store.save_manual_draft(&actor, SERVICE, &manual("ก"), "", NOW).await.unwrap();
    store.act_on_version(&actor, draft.id, Action::Submit, "", NOW).await.unwrap();
    store.act_on_version(&actor, draft.id, Action::Approve, "", NOW).await.unwrap();
    let photo = NewAttachment {
        file_name: "board.png".into(),
        media_type: MediaType::Png,
        content: b"\x89PNG\r\n\x1a\n-a-photo".to_vec(),
    };
    store.publish_version(&actor, draft.id, NOW, &announcement(), &[photo], NOW).await.unwrap();

    let version = store.version(draft.id).await.unwrap();
    assert_eq!(version.stage, Stage::Published);
    assert_eq!(version.approved_by.as_deref(), Some("เจ้าหน้าที่ทดสอบ"));
    assert_eq!(version.publish_at, Some(NOW));
    let recorded = store.announcement(draft.id).await.unwrap().unwrap();
    assert_eq!(recorded.channels, [Channel::Website, Channel::NoticeBoard]);
    assert_eq!(recorded.date, date!(2026 - 11 - 25));
    assert_eq!(recorded.evidence.len(), 1);
    let file = store.announcement_file(draft.id, recorded.evidence[0].id).await.unwrap();
    assert_eq!(file.content, b"\x89PNG\r\n\x1a\n-a-photo");
    let again = store.publish_version(&actor, draft.id, NOW, &announcement(), &[], NOW).await;
    assert!(matches!(again, Err(StoreError::Conflict("transition"))), "published once only");
}

async fn a_scheduled_version_takes_over_on_its_date_and_the_old_one_is_superseded(store: Store) {
    let first = publish(&store, "ฉบับแรก", NOW - Duration::days(30)).await;
    let second = publish(&store, "ฉบับที่สอง", NOW + Duration::days(7)).await;
    let current = |at| {
        let store = store.clone();
        async move { store.current_version(DocumentKind::CitizenManual, SERVICE, at).await.unwrap().unwrap().id }
    };
    assert_eq!(current(NOW).await, first);
    assert_eq!(current(NOW + Duration::days(7)).await, second);
    let document = store.service_document(DocumentKind::CitizenManual, SERVICE).await.unwrap().unwrap();
    let revisions: Vec<u32> = store.versions(document.id).await.unwrap().iter().map(|v| v.revision).collect();
    assert_eq!(revisions, [1, 2], "every version is kept");
    let all = store.current_versions(DocumentKind::CitizenManual, NOW).await.unwrap();
    assert_eq!(all.iter().map(|v| v.id).collect::<Vec<_>>(), [first]);
    assert!(
        store
            .current_version(DocumentKind::CitizenManual, "information-systems", NOW)
            .await
            .unwrap()
            .is_none()
    );
}

async fn search_finds_a_thai_word_in_the_middle_of_a_sentence_in_force_only(store: Store) {
    let search = |query: &'static str, at| {
        let store = store.clone();
        async move {
            let found =
                store.search_current(DocumentKind::CitizenManual, &query_terms(query), at).await.unwrap();
            found.iter().map(|v| v.document.service_code.clone().unwrap()).collect::<Vec<_>>()
        }
    };
    publish(&store, "ผู้ขอต้องเป็นข้าราชการในสังกัดกระทรวงมหาดไทยเท่านั้น", NOW - Duration::days(1)).await;
    assert_eq!(search("ข้าราชการ", NOW).await, [SERVICE], "a word in the middle of a sentence");
    assert_eq!(search("สังกัด ข้าราชการ", NOW).await, [SERVICE], "all words, any order");
    assert_eq!(search("สารสนเทศ", NOW).await, [SERVICE], "a word inside the service's name");
    assert_eq!(search("Electronic", NOW).await, [SERVICE], "the English name, any case");
    assert!(search("ลูกจ้าง", NOW).await.is_empty());
    assert!(search("ข้าราชการ ลูกจ้าง", NOW).await.is_empty(), "every word must match");
    assert!(search("ข้าราชการ", NOW - Duration::days(2)).await.is_empty(), "not yet in force");
    assert!(search("\"' OR 1=1 --", NOW).await.is_empty(), "quotes are only text");
}

async fn a_form_file_belongs_to_the_service_s_manual_across_its_versions(store: Store) {
    let officer = add_user(&store, "officer@moi.go.th", Role::Officer, Some("information-technology")).await;
    let actor = Actor::user(officer.id, &officer.email);
    let form = NewAttachment {
        file_name: "แบบคำขอ.pdf".into(),
        media_type: MediaType::Pdf,
        content: b"%PDF-1.7 a form".to_vec(),
    };
    assert!(store.document_files(DocumentKind::CitizenManual, SERVICE).await.unwrap().is_empty());

    let stored =
        store.attach_document_file(&actor, DocumentKind::CitizenManual, SERVICE, &form, NOW).await.unwrap();
    let first = publish(&store, "ฉบับแรก", NOW - Duration::days(1)).await;
    publish(&store, "ฉบับที่สอง", NOW).await;

    let listed = store.document_files(DocumentKind::CitizenManual, SERVICE).await.unwrap();
    assert_eq!(listed, std::slice::from_ref(&stored), "one file, kept whatever the revision");
    assert_eq!(stored.size_bytes, 15);
    let read = store.document_file(DocumentKind::CitizenManual, SERVICE, stored.id).await.unwrap();
    assert_eq!(
        (read.meta.file_name.as_str(), read.content.as_slice()),
        ("แบบคำขอ.pdf", &b"%PDF-1.7 a form"[..])
    );
    let other_service = store.document_file(DocumentKind::CitizenManual, "network-status", stored.id).await;
    assert!(matches!(other_service, Err(StoreError::NotFound)), "a file is reached through its own service");
    assert!(matches!(store.announcement_file(first, stored.id).await, Err(StoreError::NotFound)));
    let unknown =
        store.attach_document_file(&actor, DocumentKind::CitizenManual, "no-such", &form, NOW).await;
    assert!(matches!(unknown, Err(StoreError::InvalidField { field: "service", .. })));
}
