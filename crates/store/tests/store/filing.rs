//! What is filed with a submission: files, the acknowledgement mail and the
//! idempotency key, all or nothing; and the outbox that sends the mail.

use ruamjai_domain::accounts::{Email, FieldError};
use ruamjai_domain::attachment::{MediaType, NewAttachment};
use ruamjai_domain::mail::{MAX_ATTEMPTS, NewMail, Purpose};
use ruamjai_domain::participation::Channel;
use ruamjai_domain::participation::TrackingCode;
use ruamjai_domain::participation::submission::{NewSubmission, SubmissionInput};
use ruamjai_store::participation::{Filing, FilingOutcome, IdempotencyKey};
use ruamjai_store::{Store, StoreError};
use time::Duration;
use time::OffsetDateTime;
use time::macros::datetime;

crate::store_tests!(
    files_and_the_acknowledgement_are_stored_with_the_submission,
    a_refused_submission_keeps_neither_its_files_nor_its_mail,
    a_retried_key_returns_the_first_submission_and_another_body_is_refused,
    mail_is_claimed_once_sent_once_and_its_body_erased,
    failed_mail_is_retried_later_and_given_up_after_the_last_attempt,
);

const NOW: OffsetDateTime = datetime!(2026-11-24 09:00 +7);

fn complaint(service: &str) -> NewSubmission {
    SubmissionInput {
        kind: "complaint".into(),
        service: service.into(),
        group: "public".into(),
        subject: "เว็บไซต์ช้า".into(),
        details: "หน้าแรกโหลดนานกว่า 30 วินาที".into(),
        contact_email: "citizen@example.com".into(),
        ..SubmissionInput::default()
    }
    .parse(Channel::Web)
    .unwrap()
}

fn acknowledgement(code: TrackingCode) -> NewMail {
    NewMail {
        to: Email::parse("citizen@example.com").unwrap(),
        subject: format!("ได้รับเรื่อง {code}"),
        body: format!("ติดตามได้ที่ https://example.go.th/track?code={code}&t=secret"),
        purpose: Purpose::Acknowledgement,
    }
}

fn pdf() -> NewAttachment {
    NewAttachment::check("หลักฐาน.pdf", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec()).unwrap()
}

async fn files_and_the_acknowledgement_are_stored_with_the_submission(store: Store) {
    let new = complaint("e-information");
    let files = [pdf()];
    let filing = Filing {
        attachments: &files,
        acknowledgement: Some(&acknowledgement),
        ..Filing::plain(&new, "h", NOW)
    };
    let FilingOutcome::Filed(filed) = store.file(&filing).await.unwrap() else { panic!("not a replay") };

    let listed = store.submission_attachments(filed.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].file_name.as_str(), listed[0].media_type), ("หลักฐาน.pdf", MediaType::Pdf));
    let file = store.submission_attachment(filed.id, listed[0].id).await.unwrap();
    assert_eq!(file.content, files[0].content, "the bytes come back unchanged");
    assert!(matches!(
        store.submission_attachment(filed.id + 1, listed[0].id).await,
        Err(StoreError::NotFound)
    ));

    let outbox = store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].subject, format!("ได้รับเรื่อง {}", filed.code));
    assert_eq!(outbox[0].purpose, Some(Purpose::Acknowledgement));
    assert_eq!(store.mail_waiting().await.unwrap(), 1);
}

async fn a_refused_submission_keeps_neither_its_files_nor_its_mail(store: Store) {
    let new = complaint("no-such-service");
    let files = [pdf()];
    let filing = Filing {
        attachments: &files,
        acknowledgement: Some(&acknowledgement),
        ..Filing::plain(&new, "h", NOW)
    };
    assert!(matches!(store.file(&filing).await, Err(StoreError::InvalidField { field: "service", .. })));
    assert!(store.outbox(10).await.unwrap().is_empty());
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM attachments").fetch_one(store.pool()).await.unwrap();
    assert_eq!(count, 0);
}

async fn a_retried_key_returns_the_first_submission_and_another_body_is_refused(store: Store) {
    let new = complaint("e-information");
    let key = IdempotencyKey { key_hash: "k".into(), request_hash: "body-1".into(), salt: "salt-1".into() };
    let first = Filing { idempotency: Some(&key), ..Filing::plain(&new, "h", NOW) };
    let FilingOutcome::Filed(filed) = store.file(&first).await.unwrap() else { panic!("first is filed") };

    let retry_key = IdempotencyKey { salt: "salt-2".into(), ..key.clone() };
    let retry = Filing { idempotency: Some(&retry_key), ..Filing::plain(&new, "h2", NOW) };
    assert_eq!(
        store.file(&retry).await.unwrap(),
        FilingOutcome::Replayed { filed, salt: "salt-1".into() },
        "the first submission, with the salt its token came from"
    );

    let other_key = IdempotencyKey { request_hash: "body-2".into(), ..key.clone() };
    let other = Filing { idempotency: Some(&other_key), ..Filing::plain(&new, "h3", NOW) };
    assert!(matches!(
        store.file(&other).await,
        Err(StoreError::InvalidField { field: "idempotency_key", error: FieldError::KeyReused })
    ));
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM submissions").fetch_one(store.pool()).await.unwrap();
    assert_eq!(count, 1, "no duplicate was filed");

    assert_eq!(store.purge_idempotency_keys(NOW + Duration::days(1)).await.unwrap(), 1);
    let after_purge = store.file(&retry).await.unwrap();
    assert!(matches!(after_purge, FilingOutcome::Filed(_)), "a forgotten key files anew");
}

async fn mail_is_claimed_once_sent_once_and_its_body_erased(store: Store) {
    store.queue_mail(&acknowledgement(TrackingCode::parse("RJ-2570-000001").unwrap()), NOW).await.unwrap();
    let claimed = store.claim_due_mail(NOW, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert!(claimed[0].body.contains("track?code=RJ-2570-000001"));
    assert!(
        store.claim_due_mail(NOW, 10).await.unwrap().is_empty(),
        "a claimed message is not handed out twice"
    );

    store.mail_sent(claimed[0].id, NOW).await.unwrap();
    let sent = &store.outbox(10).await.unwrap()[0];
    assert_eq!(sent.sent_at, Some(NOW));
    assert_eq!(sent.body, None, "the secret link is gone once sent");
    assert_eq!(store.mail_waiting().await.unwrap(), 0);
    assert!(store.claim_due_mail(NOW + Duration::hours(1), 10).await.unwrap().is_empty());
}

async fn failed_mail_is_retried_later_and_given_up_after_the_last_attempt(store: Store) {
    store.queue_mail(&acknowledgement(TrackingCode::parse("RJ-2570-000002").unwrap()), NOW).await.unwrap();
    let id = store.claim_due_mail(NOW, 10).await.unwrap()[0].id;
    store.mail_failed(id, "connection refused", NOW).await.unwrap();
    assert!(
        store.claim_due_mail(NOW + Duration::seconds(59), 10).await.unwrap().is_empty(),
        "backs off a minute"
    );
    assert_eq!(store.claim_due_mail(NOW + Duration::seconds(61), 10).await.unwrap().len(), 1);

    let mut at = NOW;
    for _ in 1..MAX_ATTEMPTS {
        store.mail_failed(id, "connection refused", at).await.unwrap();
        at += Duration::days(1);
        let _ = store.claim_due_mail(at, 10).await.unwrap();
    }
    let given_up = &store.outbox(10).await.unwrap()[0];
    assert_eq!(given_up.attempts, i64::from(MAX_ATTEMPTS));
    assert_eq!(given_up.last_error.as_deref(), Some("connection refused"));
    assert!(given_up.body.is_some(), "kept for an administrator to read");
    assert!(store.claim_due_mail(at + Duration::days(30), 10).await.unwrap().is_empty());
    assert_eq!(store.mail_waiting().await.unwrap(), 0);
}
