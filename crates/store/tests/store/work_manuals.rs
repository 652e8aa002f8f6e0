//! Work manuals as records: signatures taken from the account as it is,
//! stage changes that only one of two people acting at once can make, one
//! acknowledgement per account and major revision, Thai search, and every
//! change in the audit chain.

use ruamjai_domain::accounts::Role;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::search::{index_terms, query_terms};
use ruamjai_domain::work_manual::control::{Action, Change, RevisionNumber, Stage};
use ruamjai_domain::work_manual::{Audience, WorkManualContent};
use ruamjai_store::audit::Actor;
use ruamjai_store::work_manuals::{Duty, NewRevision, NewWorkManual, WorkManualFilter};
use ruamjai_store::{Store, StoreError};
use time::OffsetDateTime;
use time::macros::{date, datetime};

use crate::support::add_user;

crate::store_tests!(
    a_draft_is_signed_by_its_author_and_kept_in_place_until_submitted,
    of_two_reviewers_acting_at_once_one_succeeds,
    an_account_acknowledges_a_major_revision_once,
    codes_are_unique_and_search_finds_a_thai_word_inside_a_sentence,
    a_form_file_belongs_to_its_manual_and_is_in_the_audit_chain,
);

const NOW: OffsetDateTime = datetime!(2026-12-07 10:00 +7);

async fn manual(store: &Store, actor: &Actor, code: &str) -> i64 {
    let audience = Audience::new(vec![Role::Officer], vec!["information-technology".into()]).unwrap();
    let new = NewWorkManual {
        service: "e-information",
        division: "information-technology",
        code,
        title_th: "การให้บริการสารสนเทศ",
        title_en: "",
        audience: &audience,
    };
    store.create_work_manual(actor, &new, NOW).await.unwrap().id
}

async fn save(store: &Store, actor: &Actor, id: i64, objective: &str) -> i64 {
    let content = WorkManualContent { objective: objective.into(), ..WorkManualContent::default() };
    let words = index_terms(objective).join(" ");
    let hash = "0".repeat(64);
    let draft = NewRevision {
        number: RevisionNumber::FIRST,
        content: &content,
        content_hash: &hash,
        change: &Change::Major,
        change_summary: "",
        requires_reading: true,
        search_text: &words,
    };
    store.save_work_manual_draft(actor, id, &draft, NOW).await.unwrap()
}

async fn a_draft_is_signed_by_its_author_and_kept_in_place_until_submitted(store: Store) {
    let author = add_user(&store, "author@ict.go.th", Role::Officer, Some("information-technology")).await;
    let actor = Actor::user(author.id, &author.email);
    let id = manual(&store, &actor, "WM-IT-01").await;
    let first = save(&store, &actor, id, "ก").await;
    let again = save(&store, &actor, id, "ข").await;
    assert_eq!(first, again, "the open draft is saved in place");
    let revisions = store.work_manual_revisions(id).await.unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].content().unwrap().objective, "ข");
    let signature = revisions[0].signature(Duty::Author).unwrap();
    assert_eq!((signature.user_id, signature.name.as_str()), (author.id, "เจ้าหน้าที่ทดสอบ"));
    store.act_on_work_manual_revision(&actor, first, Action::Submit, "", None, NOW).await.unwrap();
    let refused =
        store.act_on_work_manual_revision(&actor, first, Action::Submit, "", None, NOW).await.unwrap_err();
    assert!(matches!(refused, StoreError::Conflict("transition")), "{refused:?}");
    let content = WorkManualContent::default();
    let draft = NewRevision {
        number: RevisionNumber::FIRST,
        content: &content,
        content_hash: "",
        change: &Change::Major,
        change_summary: "",
        requires_reading: false,
        search_text: "",
    };
    let editing = store.save_work_manual_draft(&actor, id, &draft, NOW).await.unwrap_err();
    assert!(matches!(editing, StoreError::Conflict("version-not-draft")), "{editing:?}");
    let actions: Vec<String> = store.recent_audit(20).await.unwrap().into_iter().map(|e| e.action).collect();
    assert!(
        actions.iter().filter(|a| a.as_str() == "save-draft").count() >= 2
            && actions.contains(&"submit".to_owned())
    );
}

async fn of_two_reviewers_acting_at_once_one_succeeds(store: Store) {
    let author = add_user(&store, "author@ict.go.th", Role::Officer, Some("information-technology")).await;
    let actor = Actor::user(author.id, &author.email);
    let id = manual(&store, &actor, "WM-IT-02").await;
    let revision = save(&store, &actor, id, "ก").await;
    store.act_on_work_manual_revision(&actor, revision, Action::Submit, "", None, NOW).await.unwrap();
    let mut reviewers = Vec::new();
    for n in 0..2 {
        let user =
            add_user(&store, &format!("c{n}@ict.go.th"), Role::Collector, Some("information-technology"))
                .await;
        reviewers.push(Actor::user(user.id, &user.email));
    }
    let (a, b) = tokio::join!(
        store.act_on_work_manual_revision(&reviewers[0], revision, Action::Review, "", None, NOW),
        store.act_on_work_manual_revision(&reviewers[1], revision, Action::Review, "", None, NOW),
    );
    assert_eq!(u8::from(a.is_ok()) + u8::from(b.is_ok()), 1, "{a:?} {b:?}");
    let revisions = store.work_manual_revisions(id).await.unwrap();
    assert_eq!(revisions[0].stage, Stage::Reviewed);
    assert_eq!(revisions[0].signatures.iter().filter(|s| s.duty == Duty::Reviewer).count(), 1);
    store
        .act_on_work_manual_revision(
            &reviewers[0],
            revision,
            Action::Approve,
            "",
            Some(date!(2026 - 12 - 07)),
            NOW,
        )
        .await
        .unwrap();
    let approved = &store.work_manual_revisions(id).await.unwrap()[0];
    assert_eq!((approved.stage, approved.effective_on), (Stage::Approved, Some(date!(2026 - 12 - 07))));
}

async fn an_account_acknowledges_a_major_revision_once(store: Store) {
    let author = add_user(&store, "author@ict.go.th", Role::Officer, Some("information-technology")).await;
    let actor = Actor::user(author.id, &author.email);
    let id = manual(&store, &actor, "WM-IT-03").await;
    save(&store, &actor, id, "ก").await;
    let revision = store.work_manual_revisions(id).await.unwrap().remove(0);
    let (a, b) = tokio::join!(
        store.acknowledge_work_manual(&actor, &revision, NOW),
        store.acknowledge_work_manual(&actor, &revision, NOW),
    );
    assert_eq!(u8::from(a.unwrap()) + u8::from(b.unwrap()), 1, "one of the two is recorded");
    let acknowledged = store.work_manual_acknowledgements(id).await.unwrap();
    assert_eq!(acknowledged.len(), 1);
    assert_eq!((acknowledged[0].user_id, acknowledged[0].number), (author.id, 0));
    assert_eq!(acknowledged[0].content_hash, revision.content_hash);
    let readers = store.work_manual_readers(&store.work_manual(id).await.unwrap().audience).await.unwrap();
    assert_eq!(readers.iter().map(|r| r.user_id).collect::<Vec<_>>(), [author.id]);
}

async fn codes_are_unique_and_search_finds_a_thai_word_inside_a_sentence(store: Store) {
    let author = add_user(&store, "author@ict.go.th", Role::Officer, Some("information-technology")).await;
    let actor = Actor::user(author.id, &author.email);
    let id = manual(&store, &actor, "WM-IT-04").await;
    let audience = Audience::new(vec![], vec!["information-technology".into()]).unwrap();
    let clash = NewWorkManual {
        service: "e-information",
        division: "information-technology",
        code: "WM-IT-04",
        title_th: "ซ้ำ",
        title_en: "",
        audience: &audience,
    };
    let refused = store.create_work_manual(&actor, &clash, NOW).await.unwrap_err();
    assert!(matches!(refused, StoreError::InvalidField { field: "code", .. }), "{refused:?}");
    save(&store, &actor, id, "เจ้าหน้าที่ตรวจสอบความถูกต้องของเอกสารก่อนส่งมอบ").await;
    let found = store.search_work_manuals(&query_terms("ความถูกต้อง")).await.unwrap();
    assert_eq!(found.iter().map(|m| m.id).collect::<Vec<_>>(), [id]);
    assert!(store.search_work_manuals(&query_terms("ค่าธรรมเนียม")).await.unwrap().is_empty());
    let of_division = WorkManualFilter { division: Some("infrastructure"), ..Default::default() };
    assert!(store.work_manuals(of_division).await.unwrap().is_empty());
}

async fn a_form_file_belongs_to_its_manual_and_is_in_the_audit_chain(store: Store) {
    let author = add_user(&store, "author@ict.go.th", Role::Officer, Some("information-technology")).await;
    let actor = Actor::user(author.id, &author.email);
    let (id, other) = (manual(&store, &actor, "WM-IT-05").await, manual(&store, &actor, "WM-IT-06").await);
    let file = NewAttachment::check("คำขอ.pdf", b"%PDF-1.7 form".to_vec()).unwrap();
    let stored = store.attach_work_manual_file(&actor, id, &file, NOW).await.unwrap();
    assert_eq!(store.work_manual_files(id).await.unwrap(), std::slice::from_ref(&stored));
    assert!(store.work_manual_files(other).await.unwrap().is_empty());
    assert_eq!(store.work_manual_file(id, stored.id).await.unwrap().content, b"%PDF-1.7 form");
    let elsewhere = store.work_manual_file(other, stored.id).await.unwrap_err();
    assert!(matches!(elsewhere, StoreError::NotFound), "{elsewhere:?}");
    let entry = &store.recent_audit(1).await.unwrap()[0];
    assert_eq!((entry.action.as_str(), entry.entity.as_str()), ("attach-file", "work-manual"));
    assert_eq!(entry.entity_id, id.to_string());
    assert_eq!(store.verify_audit().await.unwrap().first_break, None);
}
