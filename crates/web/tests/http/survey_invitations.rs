//! Automatic survey invitations over HTTP: an officer sets, per service of
//! a token survey, the share invited, the delay and the link's life; a
//! resolved request is then mailed a link that answers the survey once.

use axum::http::StatusCode;
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, Status};
use ruamjai_domain::satisfaction::standard::standard;
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::Step;
use ruamjai_store::satisfaction::Invitations;
use time::OffsetDateTime;

use crate::surveys::{launch_in_mode, officer};

#[tokio::test]
async fn a_resolved_request_is_mailed_a_link_that_answers_the_token_survey_once() {
    let mut app = officer().await;
    let id = launch_in_mode(&mut app, "token").await;
    let page = app.get(&format!("/staff/surveys/{id}")).await;
    assert!(page.text.contains("id=\"invitations\""), "token surveys offer automatic invitations");
    let csrf = page.csrf();
    let path = format!("/staff/surveys/{id}/invitations");
    let wrong = [
        ("csrf", csrf.as_str()),
        ("rate-video-conference", "150"),
        ("delay-video-conference", "0"),
        ("expiry-video-conference", "7"),
        ("rate-telephone-fax", "ครึ่งหนึ่ง"),
        ("delay-telephone-fax", "0"),
        ("expiry-telephone-fax", "7"),
    ];
    let refused = app.post_form(&path, &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("value=\"150\""), "what was typed is kept");
    assert!(refused.text.contains("กรุณากรอกตัวเลขตั้งแต่"), "{}", refused.text);
    assert_eq!(refused.text.matches("aria-invalid=\"true\"").count(), 2);
    assert_eq!(
        app.state.store.invitation_rules(id.parse().unwrap()).await.unwrap()[1].1.rate_pct,
        0,
        "nothing saved"
    );

    let right = [
        ("csrf", csrf.as_str()),
        ("rate-video-conference", "100"),
        ("delay-video-conference", "0"),
        ("expiry-video-conference", "7"),
        ("rate-telephone-fax", "0"),
        ("delay-telephone-fax", "0"),
        ("expiry-telephone-fax", "14"),
    ];
    let saved = app.post_form(&path, &right).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let page = app.get(saved.header("location")).await;
    assert!(page.text.contains("บันทึกการเชิญตอบอัตโนมัติแล้ว"));
    assert!(page.text.contains("id=\"rate-video-conference\" name=\"rate-video-conference\" value=\"100\""));

    let store = app.state.store.clone();
    let request = SubmissionInput {
        kind: "request".into(),
        service: "video-conference".into(),
        group: "provinces".into(),
        subject: "ขอใช้ระบบประชุมทางไกล".into(),
        details: "ประชุมกับอำเภอ 18 แห่ง".into(),
        contact_email: "saraban@phrae.go.th".into(),
        ..SubmissionInput::default()
    };
    let now = OffsetDateTime::now_utc();
    let code =
        store.file_submission(&request.parse(Channel::Web).unwrap(), "t", None, now).await.unwrap().code;
    let resolve =
        Step { to: Some(Status::Resolved), text: Some("จัดให้แล้ว"), public: true };
    store.step_submission(&Actor::command("test"), code, resolve, now).await.unwrap();
    let public_url = app.state.config.public_url.clone();
    let compose =
        |c: &ruamjai_store::satisfaction::Survey, to| ruamjai_web::mail::survey_link(&public_url, c, to);
    let done = store.invite_resolved_requests(now, &|| 99, &compose, 10).await.unwrap();
    assert_eq!(done, Invitations { invited: 1, passed_over: 0 });

    let mail = store.claim_due_mail(now, 10).await.unwrap().pop().expect("the invitation is due at once");
    assert_eq!(mail.recipient, "saraban@phrae.go.th");
    let link = mail.body.lines().find(|l| l.contains("/surveys/")).unwrap().trim().to_owned();
    let path = link[link.find("/surveys/").unwrap()..].to_owned();
    let form = app.get(&path).await;
    let (csrf, token) = (form.csrf(), path.split("t=").nth(1).unwrap().to_owned());
    let names: Vec<String> = standard().scale_items().map(|(_, i)| format!("a-{}", i.code)).collect();
    let mut answer: Vec<(&str, &str)> =
        vec![("csrf", &csrf), ("t", &token), ("group", "provinces"), ("service", "video-conference")];
    answer.extend(names.iter().map(|n| (n.as_str(), "5")));
    let first = app.post_form(&format!("/surveys/{id}"), &answer).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.text);
    let second = app.post_form(&format!("/surveys/{id}"), &answer).await;
    assert_eq!(second.status, StatusCode::CONFLICT);
}
