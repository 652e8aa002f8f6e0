//! Merging duplicates from the submission page.

use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, Status, TrackingCode};

use crate::support::{PASSWORD, TestApp};

async fn file(app: &TestApp, service: &str) -> TrackingCode {
    let new = SubmissionInput {
        kind: "complaint".into(),
        service: service.into(),
        group: "public".into(),
        subject: "ระบบสารสนเทศใช้งานไม่ได้".into(),
        details: "เข้าใช้งานไม่ได้ทั้งวัน".into(),
        ..SubmissionInput::default()
    }
    .parse(Channel::Web)
    .unwrap();
    app.state.store.file_submission(&new, "t", None, time::OffsetDateTime::now_utc()).await.unwrap().code
}

#[tokio::test]
async fn an_officer_merges_a_duplicate_within_the_divisions_they_cover() {
    let mut app = TestApp::new().await;
    let first = file(&app, "e-information").await;
    let second = file(&app, "e-information").await;
    let elsewhere = file(&app, "network-interconnection").await;
    app.add_user("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    app.login("it@ict.go.th", PASSWORD).await;

    let page = app.get(&format!("/staff/submissions/{second}")).await;
    assert!(page.text.contains("รวมเป็นเรื่องซ้ำ"));
    let csrf = page.csrf();
    let path = format!("/staff/submissions/{second}/merge");
    let foreign =
        app.post_form(&path, &[("csrf", &csrf), ("into", &elsewhere.to_string()), ("reason", "ซ้ำ")]).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN, "not into a division the officer does not cover");
    let garbled = app.post_form(&path, &[("csrf", &csrf), ("into", "RJ-25"), ("reason", "ซ้ำ")]).await;
    assert_eq!(garbled.status, StatusCode::UNPROCESSABLE_ENTITY);

    let merged = app
        .post_form(&path, &[("csrf", &csrf), ("into", &first.to_string()), ("reason", "แจ้งเรื่องเดียวกันซ้ำ")])
        .await;
    assert_eq!(merged.status, StatusCode::SEE_OTHER);
    let detail = app.state.store.submission_detail(second).await.unwrap();
    assert_eq!((detail.status, detail.duplicate_of), (Status::Duplicate, Some(first)));
    let primary = app.get(&format!("/staff/submissions/{first}")).await;
    assert!(primary.text.contains(&second.to_string()), "the primary lists what was merged into it");
}

#[tokio::test]
async fn a_resolved_complaint_is_published_in_staff_words_on_the_public_page() {
    let mut app = TestApp::new().await;
    let code = file(&app, "e-information").await;
    app.add_user("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    app.login("it@ict.go.th", PASSWORD).await;
    let page = app.get(&format!("/staff/submissions/{code}")).await;
    assert!(!page.text.contains(r#"id="you-said""#), "not offered before it is resolved");
    let csrf = page.csrf();
    let path = format!("/staff/submissions/{code}/you-said");
    let early = app.post_form(&path, &[("csrf", &csrf), ("said", "ช้า"), ("did", "แก้แล้ว")]).await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert!(early.text.contains("เผยแพร่ได้เฉพาะข้อเสนอแนะหรือข้อร้องเรียนที่ดำเนินการแล้วเสร็จ"));

    let steps = format!("/staff/submissions/{code}/steps");
    let resolve =
        [("csrf", csrf.as_str()), ("to", "resolved"), ("text", "แก้ไขแล้ว"), ("visibility", "public")];
    assert_eq!(app.post_form(&steps, &resolve).await.status, StatusCode::SEE_OTHER);
    let said = "ผู้ใช้บริการแจ้งว่าระบบสารสนเทศใช้งานไม่ได้ทั้งวัน";
    let did = "เพิ่มเครื่องแม่ข่ายสำรองและระบบแจ้งเตือน";
    let published = app.post_form(&path, &[("csrf", &csrf), ("said", said), ("did", did)]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);

    let public = app.get("/you-said-we-did").await;
    assert!(public.text.contains(said) && public.text.contains(did));
    assert!(!public.text.contains("ระบบสารสนเทศใช้งานไม่ได้</"), "the original subject is not shown");
    let remove = app.post_form(&format!("{path}/remove"), &[("csrf", &csrf)]).await;
    assert_eq!(remove.status, StatusCode::SEE_OTHER);
    assert!(!app.get("/you-said-we-did").await.text.contains(said));
}
