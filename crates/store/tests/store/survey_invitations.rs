//! Automatic survey invitations: a resolved request for a service that a
//! token survey invites for gets, if drawn, one single-use link by mail,
//! sent after the delay and refused after the expiry; everything else is
//! passed over, and no request is taken up twice.

use ruamjai_domain::accounts::Email;
use ruamjai_domain::mail::{NewMail, Purpose};
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, Status, TrackingCode};
use ruamjai_domain::satisfaction::invitation::InvitationRule;
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::Step;
use ruamjai_store::satisfaction::{Invitations, Respondent, Source, Survey};
use ruamjai_store::{Store, StoreError};
use time::{Duration, OffsetDateTime};

use crate::satisfaction::{OPENS, response, survey};

crate::store_tests!(
    a_resolved_request_is_invited_once_after_the_delay_with_a_link_that_expires,
    only_token_surveys_invite_and_only_the_drawn_share,
);

async fn request(store: &Store, service: &str, email: &str) -> TrackingCode {
    let new = SubmissionInput {
        kind: "request".into(),
        service: service.into(),
        group: "public".into(),
        subject: "ขอใช้ห้องประชุมทางไกล".into(),
        details: "วันที่ 3 ธันวาคม".into(),
        contact_email: email.into(),
        ..SubmissionInput::default()
    }
    .parse(Channel::Web)
    .unwrap();
    let code = store.file_submission(&new, "t", None, OPENS).await.unwrap().code;
    let resolve =
        Step { to: Some(Status::Resolved), text: Some("จัดให้แล้ว"), public: true };
    store.step_submission(&Actor::command("test"), code, resolve, OPENS + Duration::hours(2)).await.unwrap();
    code
}

/// The link's secret is the address itself, so the test can spend it.
fn compose(survey: &Survey, to: Email) -> (String, NewMail) {
    let mail = NewMail {
        subject: format!("แบบสำรวจ {}", survey.name),
        body: "ลิงก์".into(),
        purpose: Purpose::SurveyInvitation,
        to: to.clone(),
    };
    (format!("hash-{}", to.as_str()), mail)
}

fn rule(rate_pct: u8) -> InvitationRule {
    InvitationRule { rate_pct, delay_hours: 24, expiry_days: 7 }
}

async fn a_resolved_request_is_invited_once_after_the_delay_with_a_link_that_expires(store: Store) {
    let actor = Actor::command("test");
    let id = survey(&store, "token").await;
    store.set_invitation_rules(&actor, id, &[("video-conference".into(), rule(100))]).await.unwrap();
    request(&store, "video-conference", "somchai@example.go.th").await;
    request(&store, "video-conference", "").await;
    request(&store, "telephone-fax", "somying@example.go.th").await;
    request(&store, "video-conference", "somchai@example.go.th").await;

    let now = OPENS + Duration::hours(3);
    let done = store.invite_resolved_requests(now, &|| 0, &compose, 100).await.unwrap();
    assert_eq!(
        done,
        Invitations { invited: 1, passed_over: 3 },
        "no address, a service not inviting, one link a person"
    );
    let again = store.invite_resolved_requests(now, &|| 0, &compose, 100).await.unwrap();
    assert_eq!(again, Invitations::default(), "a request is taken up once");

    assert!(store.claim_due_mail(now, 10).await.unwrap().is_empty(), "not before the delay");
    let sent_at = OPENS + Duration::hours(2 + 24);
    let due = store.claim_due_mail(sent_at, 10).await.unwrap();
    assert_eq!(due.iter().map(|m| m.recipient.as_str()).collect::<Vec<_>>(), ["somchai@example.go.th"]);

    let link = Respondent::Token("hash-somchai@example.go.th".into());
    let expired = sent_at + Duration::days(7) + Duration::minutes(1);
    let late = store.record_response(id, &response(1), link.clone(), Source::Web, expired).await;
    assert!(matches!(late, Err(StoreError::Conflict("token-expired"))), "{late:?}");
    store
        .record_response(id, &response(1), link.clone(), Source::Web, sent_at + Duration::days(1))
        .await
        .unwrap();
    let twice = store.record_response(id, &response(2), link, Source::Web, sent_at + Duration::days(2)).await;
    assert!(matches!(twice, Err(StoreError::Conflict("token-used"))), "{twice:?}");

    let rules = store.invitation_rules(id).await.unwrap();
    let expected =
        [("telephone-fax".to_owned(), InvitationRule::default()), ("video-conference".to_owned(), rule(100))];
    assert_eq!(rules, expected, "in the catalog's order");
}

async fn only_token_surveys_invite_and_only_the_drawn_share(store: Store) {
    let actor = Actor::command("test");
    let anonymous = survey(&store, "").await;
    let refused =
        store.set_invitation_rules(&actor, anonymous, &[("video-conference".into(), rule(100))]).await;
    assert!(matches!(refused, Err(StoreError::Conflict("not-a-token-survey"))), "{refused:?}");

    let id = survey(&store, "token").await;
    let rules = [("video-conference".into(), rule(5)), ("e-information".into(), rule(100))];
    let outside = store.set_invitation_rules(&actor, id, &rules).await;
    assert!(matches!(outside, Err(StoreError::InvalidField { field: "service_id", .. })), "{outside:?}");
    assert_eq!(store.invitation_rules(id).await.unwrap()[1].1, InvitationRule::default(), "all or nothing");
    store.set_invitation_rules(&actor, id, &[("video-conference".into(), rule(30))]).await.unwrap();
    for n in 0..4 {
        request(&store, "video-conference", &format!("p{n}@example.go.th")).await;
    }
    let draws = std::sync::Mutex::new(vec![10_u8, 29, 30, 99].into_iter());
    let draw = || draws.lock().unwrap().next().unwrap();
    let now: OffsetDateTime = OPENS + Duration::hours(3);
    let done = store.invite_resolved_requests(now, &draw, &compose, 100).await.unwrap();
    assert_eq!(done, Invitations { invited: 2, passed_over: 2 }, "draws under 30 of 100 are invited");
}
