//! Accounts and the platform's records: administrators keep them, nobody
//! locks themselves out, and consultations show evaluators no commenter's
//! name or address.

use ruamjai_app::participation::consultations;
use ruamjai_app::{App, Caller, Error, accounts};
use ruamjai_domain::accounts::{Email, Role};
use ruamjai_domain::participation::consultation::{CommentInput, ConsultationInput, Moderation};
use time::{Duration, OffsetDateTime};

use crate::support::{public, staff};

crate::app_tests!(
    only_administrators_keep_accounts_and_none_disables_their_own,
    evaluators_read_consultation_comments_without_names_or_addresses,
);

async fn only_administrators_keep_accounts_and_none_disables_their_own(app: App) {
    let admin = staff(&app, "admin@ict.go.th", Role::Administrator, None).await;
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let own = Email::parse("admin@ict.go.th").unwrap();
    let theirs = Email::parse("director@ict.go.th").unwrap();

    assert!(matches!(accounts::set_disabled(&app, &admin, &own, true).await, Err(Error::Forbidden)));
    assert!(matches!(accounts::set_disabled(&app, &director, &own, true).await, Err(Error::Forbidden)));
    assert!(matches!(accounts::users(&app, &director).await, Err(Error::Forbidden)));
    assert!(accounts::set_disabled(&app, &admin, &theirs, true).await.unwrap().disabled);
    let refused = accounts::issue_token(&app, &Caller::Command("test"), &theirs, "api").await;
    assert!(matches!(refused, Err(Error::Conflict(_))), "no token for a disabled account");
}

async fn evaluators_read_consultation_comments_without_names_or_addresses(app: App) {
    let officer = staff(&app, "comms@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let evaluator = staff(&app, "eval@ict.go.th", Role::Evaluator, None).await;
    let today = OffsetDateTime::now_utc().date();
    let day = |d: time::Date| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
    let new = ConsultationInput {
        title: "ร่างแนวทางการให้บริการ".into(),
        subject: "service-standard".into(),
        draft: "ร่าง".into(),
        groups: vec!["public".into()],
        opens_on: day(today - Duration::days(1)),
        closes_on: day(today + Duration::days(9)),
    }
    .parse()
    .unwrap();
    let id = consultations::open(&app, &officer, &new, &[]).await.unwrap();
    let comment = CommentInput {
        body: "ควรเปิดช่องทางไลน์".into(),
        group: "public".into(),
        name: "สมชาย ใจดี".into(),
        email: "somchai@example.com".into(),
        ..CommentInput::default()
    };
    consultations::comment(&app, &public(7), id, &comment.parse().unwrap()).await.unwrap();
    assert!(matches!(consultations::open(&app, &evaluator, &new, &[]).await, Err(Error::Forbidden)));

    let seen = consultations::comments(&app, &officer, id, Moderation::Pending).await.unwrap();
    assert_eq!(seen[0].name.as_deref(), Some("สมชาย ใจดี"));
    let masked = consultations::comments(&app, &evaluator, id, Moderation::Pending).await.unwrap();
    assert_eq!((masked[0].name.as_deref(), masked[0].email.as_deref()), (None, None));
    assert_eq!(masked[0].body, "ควรเปิดช่องทางไลน์");
}
