use axum::http::{Method, StatusCode};
use ruamjai_domain::participation::{Status, TrackingCode};
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::Step;
use ruamjai_web::WebConfig;
use time::OffsetDateTime;

use crate::support::{TestApp, TestResponse};

fn complaint<'a>(csrf: &'a str, subject: &'a str, details: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("kind", "complaint"),
        ("service", "video-conference"),
        ("group", "provinces"),
        ("subject", subject),
        ("details", details),
        ("name", ""),
        ("email", "citizen@example.com"),
        ("phone", ""),
        ("website", ""),
    ]
}

async fn file(app: &mut TestApp, subject: &str, details: &str) -> TestResponse {
    let csrf = app.get("/participate").await.csrf();
    app.post_form("/participate", &complaint(&csrf, subject, details)).await
}

#[tokio::test]
async fn a_citizen_files_a_complaint_and_later_reads_the_public_reply() {
    let mut app = TestApp::new().await;
    let form = app.get("/participate").await;
    assert!(form.text.contains("การคุ้มครองข้อมูลส่วนบุคคล"), "the privacy notice is on the form");
    let filed = file(&mut app, "ภาพวีดิทัศน์ทางไกลค้าง", "ภาพค้างระหว่างประชุมทุก 10 นาที").await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER);
    let location = filed.header("location").to_owned();
    assert!(location.starts_with("/track?code=RJ-") && location.ends_with("&new=1"), "{location}");
    let page = app.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("ศูนย์ฯ ได้รับเรื่องของท่านแล้ว") && page.text.contains("รับเรื่องแล้ว"));

    let code =
        TrackingCode::parse(location.split("code=").nth(1).unwrap().split('&').next().unwrap()).unwrap();
    let reply = Step {
        to: Some(Status::Resolved), text: Some("เปลี่ยนอุปกรณ์เข้ารหัสสัญญาณแล้ว"), public: true
    };
    app.state
        .store
        .step_submission(&Actor::command("test"), code, reply, OffsetDateTime::now_utc())
        .await
        .unwrap();
    let later = app.get(&location.replace("&new=1", "")).await;
    assert!(later.text.contains("เปลี่ยนอุปกรณ์เข้ารหัสสัญญาณแล้ว") && later.text.contains("ดำเนินการแล้วเสร็จ"));
    assert!(!later.text.contains("citizen@example.com"), "personal data is never shown on the tracking page");
}

#[tokio::test]
async fn refused_fields_are_explained_and_what_was_typed_is_kept() {
    let mut app = TestApp::new().await;
    let csrf = app.get("/participate").await.csrf();
    let mut fields = complaint(&csrf, "", "รายละเอียดที่พิมพ์ไว้แล้ว");
    fields[7] = ("email", "not-an-email");
    let response = app.post_form("/participate", &fields).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("กรุณาแก้ไขข้อมูลต่อไปนี้"));
    assert!(response.text.contains("กรุณากรอกช่องนี้") && response.text.contains("รูปแบบอีเมลไม่ถูกต้อง"));
    assert!(response.text.contains("รายละเอียดที่พิมพ์ไว้แล้ว"), "nothing typed is lost");
    assert!(response.text.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn text_that_looks_like_html_is_shown_as_text() {
    let mut app = TestApp::new().await;
    let filed =
        file(&mut app, "<script>alert('x')</script>", "<img src=x onerror=alert(1)> & \"quotes\"").await;
    let page = app.get(filed.header("location")).await;
    let escaped = ["&#60;script&#62;", "&lt;script&gt;"];
    assert!(escaped.iter().any(|e| page.text.contains(e)), "the subject is shown, escaped");
    assert!(!page.text.contains("<script>") && !page.text.contains("<img src=x"));
}

#[tokio::test]
async fn a_wrong_token_looks_exactly_like_an_unknown_code() {
    let mut app = TestApp::new().await;
    let filed = file(&mut app, "เรื่องทดสอบ", "รายละเอียด").await;
    let code = filed.header("location").split("code=").nth(1).unwrap().split('&').next().unwrap().to_owned();
    let wrong_token = app.get(&format!("/track?code={code}&t=guess")).await;
    let unknown_code = app.get("/track?code=RJ-2570-999999&t=guess").await;
    assert_eq!(wrong_token.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown_code.status, StatusCode::NOT_FOUND);
    assert_eq!(wrong_token.text.replace(&code, "CODE"), unknown_code.text.replace("RJ-2570-999999", "CODE"));
    assert!(app.get("/track").await.status == StatusCode::OK, "the empty lookup form is not an error");
}

#[tokio::test]
async fn a_bot_filling_the_honeypot_files_nothing() {
    let mut app = TestApp::new().await;
    let csrf = app.get("/participate").await.csrf();
    let mut fields = complaint(&csrf, "ขายยา", "spam");
    fields[9] = ("website", "http://spam.example");
    assert_eq!(app.post_form("/participate", &fields).await.status, StatusCode::BAD_REQUEST);
    let next = file(&mut app, "เรื่องจริง", "รายละเอียด").await;
    assert!(next.header("location").contains("-000001&"), "the bot used no tracking number");
}

#[tokio::test]
async fn the_form_needs_its_csrf_token() {
    let mut app = TestApp::new().await;
    app.get("/participate").await;
    let response = app.post_form("/participate", &complaint("forged", "x", "y")).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_address_sending_too_many_is_asked_to_wait() {
    let mut app = TestApp::with_config(WebConfig { public_writes_per_hour: 2, ..WebConfig::default() }).await;
    for _ in 0..2 {
        assert_eq!(file(&mut app, "เรื่อง", "รายละเอียด").await.status, StatusCode::SEE_OTHER);
    }
    let third = file(&mut app, "เรื่อง", "รายละเอียด").await;
    assert_eq!(third.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(third.text.contains("มีคำขอมากเกินไป"));
    assert!(!third.header("retry-after").is_empty());
}

#[tokio::test]
async fn the_api_files_and_tracks_a_submission() {
    let mut app = TestApp::new().await;
    let body = r#"{"kind":"request","service_id":"msat","group_id":"provinces","subject":"ขอติดตั้ง MSAT",
                   "details":"งานพระราชพิธีที่จังหวัด","contact":{"email":"officer@province.go.th"}}"#;
    let created = app.send(Method::POST, "/api/v1/submissions", "application/json", body, None).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let receipt = created.json();
    let (code, token) =
        (receipt["code"].as_str().unwrap().to_owned(), receipt["token"].as_str().unwrap().to_owned());
    assert_eq!(receipt["tracking_url"], format!("http://127.0.0.1:8080/track?code={code}&t={token}"));
    let tracked = app.get(&format!("/api/v1/submissions/{code}?token={token}")).await.json();
    assert_eq!((tracked["kind"].as_str(), tracked["status"].as_str()), (Some("request"), Some("received")));
    assert_eq!(tracked["service_id"], "msat");
    assert_eq!(tracked["events"][0]["status"], "received");
    let wrong = app.get(&format!("/api/v1/submissions/{code}?token=nope")).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    assert_eq!(wrong.header("content-type"), "application/problem+json");
}

#[tokio::test]
async fn the_api_names_an_unknown_service_in_thai_or_english() {
    let mut app = TestApp::new().await;
    let body =
        r#"{"kind":"complaint","service_id":"spaceships","group_id":"public","subject":"x","details":"y"}"#;
    let thai = app.send(Method::POST, "/api/v1/submissions", "application/json", body, None).await;
    assert_eq!(thai.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(thai.json()["errors"][0]["field"], "service_id");
    assert_eq!(thai.json()["errors"][0]["message"], "ไม่มีตัวเลือกนี้ กรุณาเลือกจากรายการ");
    app.extra_headers.push(("accept-language", "en".into()));
    let english = app.send(Method::POST, "/api/v1/submissions", "application/json", body, None).await;
    assert_eq!(english.json()["errors"][0]["message"], "Not one of the choices; please pick from the list.");
    let bad_kind =
        r#"{"kind":"praise","service_id":"general","group_id":"nowhere","subject":"x","details":"y"}"#;
    let both = app.send(Method::POST, "/api/v1/submissions", "application/json", bad_kind, None).await.json();
    let fields: Vec<_> =
        both["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect();
    assert_eq!(
        fields,
        ["kind"],
        "the domain reports what it can check; unknown groups are checked against the catalog next"
    );
}
