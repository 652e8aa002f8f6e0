//! Consultations: open between two dates, moderated comments, a response once closed.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::participation::consultation::{CommentInput, ConsultationInput, Moderation, Phase};
use ruamjai_domain::text::Text;
use ruamjai_store::audit::Actor;
use ruamjai_store::{Store, StoreError};
use time::OffsetDateTime;
use time::macros::datetime;

crate::store_tests!(
    comments_are_taken_while_open_from_invited_groups_and_shown_only_once_published,
    the_response_is_published_only_after_closing,
);

const BEFORE: OffsetDateTime = datetime!(2026-11-30 12:00 +7);
const DURING: OffsetDateTime = datetime!(2026-12-05 12:00 +7);
const AFTER: OffsetDateTime = datetime!(2026-12-16 09:00 +7);

async fn open(store: &Store) -> i64 {
    let new = ConsultationInput {
        title: "ร่างมาตรฐานการให้บริการประชุมทางไกล".into(),
        subject: "service-standard".into(),
        draft: "จองห้องล่วงหน้า 3 วันทำการ".into(),
        groups: vec!["provinces".into(), "public".into()],
        opens_on: "2026-12-01".into(),
        closes_on: "2026-12-15".into(),
    }
    .parse()
    .unwrap();
    let draft = NewAttachment::check("ร่าง.pdf", b"%PDF-1.4 draft".to_vec()).unwrap();
    store.create_consultation(&Actor::command("test"), &new, &[draft], BEFORE).await.unwrap()
}

fn comment(group: &str, body: &str) -> ruamjai_domain::participation::consultation::NewComment {
    CommentInput {
        body: body.into(),
        group: group.into(),
        email: "p@example.com".into(),
        ..CommentInput::default()
    }
    .parse()
    .unwrap()
}

async fn comments_are_taken_while_open_from_invited_groups_and_shown_only_once_published(store: Store) {
    let id = open(&store).await;
    let consultation = store.consultation(id).await.unwrap();
    assert_eq!(consultation.groups, ["provinces", "public"]);
    assert_eq!(consultation.phase(BEFORE), Phase::Upcoming);
    assert_eq!(store.consultation_attachments(id).await.unwrap()[0].file_name, "ร่าง.pdf");

    let early = store.add_comment(id, &comment("public", "เร็วไป"), BEFORE).await;
    assert!(matches!(early, Err(StoreError::InvalidField { error: FieldError::NotOpen, .. })));
    let uninvited = store.add_comment(id, &comment("private-sector", "ไม่ได้รับเชิญ"), DURING).await;
    assert!(matches!(uninvited, Err(StoreError::InvalidField { field: "group", .. })));

    store.add_comment(id, &comment("public", "ควรจองผ่าน LINE ได้"), DURING).await.unwrap();
    store.add_comment(id, &comment("provinces", "ข้อความโฆษณา"), DURING).await.unwrap();
    let pending = store.comments(id, Moderation::Pending).await.unwrap();
    assert_eq!(pending.len(), 2);
    assert!(store.comments(id, Moderation::Published).await.unwrap().is_empty(), "nothing shows unmoderated");

    let actor = Actor::command("test");
    store.moderate_comment(&actor, id, pending[0].id, Moderation::Published, DURING).await.unwrap();
    store.moderate_comment(&actor, id, pending[1].id, Moderation::Rejected, DURING).await.unwrap();
    let again = store.moderate_comment(&actor, id, pending[1].id, Moderation::Published, DURING).await;
    assert!(matches!(again, Err(StoreError::NotFound)), "a decision is final");
    let published = store.comments(id, Moderation::Published).await.unwrap();
    assert_eq!(published.iter().map(|c| c.body.as_str()).collect::<Vec<_>>(), ["ควรจองผ่าน LINE ได้"]);
    let counts = store.consultation(id).await.unwrap();
    assert_eq!((counts.published_comments, counts.pending_comments), (1, 0));
    assert_eq!(store.verify_audit().await.unwrap().first_break, None);
}

async fn the_response_is_published_only_after_closing(store: Store) {
    let id = open(&store).await;
    let actor = Actor::command("test");
    let response = Text::paragraphs("เพิ่มการจองผ่าน LINE ตามความเห็นที่ได้รับ", 20_000).unwrap();
    let early = store.publish_response(&actor, id, &response, DURING).await;
    assert!(matches!(early, Err(StoreError::Conflict("consultation-open"))));
    store.publish_response(&actor, id, &response, AFTER).await.unwrap();
    let done = store.consultation(id).await.unwrap();
    assert_eq!(done.phase(AFTER), Phase::Responded);
    assert_eq!(done.response.as_deref(), Some("เพิ่มการจองผ่าน LINE ตามความเห็นที่ได้รับ"));
    assert_eq!(store.consultations().await.unwrap().len(), 1);
}
