//! Filing with files, the acknowledgement mail, a fresh tracking link by
//! e-mail, and retried API submissions.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_web::WebConfig;
use serde_json::json;

use crate::support::{PASSWORD, TestApp};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

fn fields<'a>(csrf: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("kind", "complaint"),
        ("service", "video-conference"),
        ("group", "provinces"),
        ("subject", "ภาพค้างระหว่างประชุม"),
        ("details", "แนบภาพหน้าจอและหนังสือแจ้งปัญหา"),
        ("name", "สมหญิง"),
        ("email", email),
        ("phone", ""),
        ("website", ""),
    ]
}

async fn public_app() -> TestApp {
    TestApp::with_config(WebConfig {
        public_url: "https://ruamjai.example.go.th".into(),
        ..WebConfig::default()
    })
    .await
}

async fn submissions(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM submissions").fetch_one(app.state.store.pool()).await.unwrap()
}

/// The tracking path in the newest queued mail.
async fn link_in_newest_mail(app: &TestApp) -> String {
    let mail = app.state.store.outbox(1).await.unwrap().remove(0);
    let body = mail.body.expect("not sent yet");
    let start = body.find("https://ruamjai.example.go.th/track?").expect("an absolute link");
    let link = body[start..].split_whitespace().next().unwrap();
    link.trim_start_matches("https://ruamjai.example.go.th").to_owned()
}

#[tokio::test]
async fn a_complaint_with_a_file_is_filed_and_staff_can_download_the_file() {
    let mut app = public_app().await;
    let csrf = app.get("/participate").await.csrf();
    let filed =
        app.post_multipart("/participate", &fields(&csrf, ""), &[("attachments", "หนังสือแจ้ง.pdf", PDF)]).await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.text);
    let code = filed.header("location").split("code=").nth(1).unwrap().split('&').next().unwrap().to_owned();

    app.add_user("admin@ict.go.th", Role::Administrator, None).await;
    app.login("admin@ict.go.th", PASSWORD).await;
    let detail = app.get(&format!("/staff/submissions/{code}")).await;
    assert!(detail.text.contains("หนังสือแจ้ง.pdf"), "the file is listed");
    let href = detail.text.split(&format!("/staff/submissions/{code}/attachments/")).nth(1).unwrap();
    let id = href.split('"').next().unwrap();
    let file = app.get(&format!("/staff/submissions/{code}/attachments/{id}")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.header("content-type"), "application/pdf");
    assert!(file.header("content-disposition").starts_with("attachment;"));
    assert_eq!(file.header("cache-control"), "private, no-store");
    assert_eq!(file.text.as_bytes(), PDF);
}

#[tokio::test]
async fn a_file_whose_content_is_not_an_allowed_type_is_refused_and_nothing_is_filed() {
    let mut app = public_app().await;
    let csrf = app.get("/participate").await.csrf();
    let disguised: &[u8] = b"MZ\x90\x00\x03 this is a program, not a PDF";
    let response = app
        .post_multipart("/participate", &fields(&csrf, ""), &[("attachments", "invoice.pdf", disguised)])
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("รับเฉพาะไฟล์ PDF, JPEG, PNG, DOCX และ XLSX"), "{}", response.text);
    assert!(response.text.contains("ภาพค้างระหว่างประชุม"), "what was typed is kept");
    assert_eq!(submissions(&app).await, 0);

    let six: Vec<(&str, &str, &[u8])> = (0..6).map(|_| ("attachments", "a.pdf", PDF)).collect();
    let response = app.post_multipart("/participate", &fields(&csrf, ""), &six).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("แนบได้ไม่เกิน 5 ไฟล์"));
    assert_eq!(submissions(&app).await, 0);
}

#[tokio::test]
async fn a_file_over_ten_mebibytes_is_named_and_a_body_over_the_limit_is_413() {
    let mut app = public_app().await;
    let csrf = app.get("/participate").await.csrf();
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let response =
        app.post_multipart("/participate", &fields(&csrf, ""), &[("attachments", "scan.pdf", &big)]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("ไฟล์มีขนาดเกิน 10 MiB"));

    let huge = vec![b' '; 52 * 1024 * 1024];
    let response =
        app.post_multipart("/participate", &fields(&csrf, ""), &[("attachments", "x.pdf", &huge)]).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(submissions(&app).await, 0);
}

#[tokio::test]
async fn an_e_mail_address_gets_an_acknowledgement_with_a_working_link_kept_in_the_outbox() {
    let mut app = public_app().await;
    let csrf = app.get("/participate").await.csrf();
    let filed = app.post_multipart("/participate", &fields(&csrf, "Somying@Example.com"), &[]).await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER);

    let outbox = app.state.store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].recipient, "somying@example.com");
    let link = link_in_newest_mail(&app).await;
    assert_eq!(app.get(&link).await.status, StatusCode::OK, "the mailed link opens the submission");

    app.add_user("officer@ict.go.th", Role::Officer, Some("information-technology")).await;
    app.login("officer@ict.go.th", PASSWORD).await;
    assert_eq!(
        app.get("/staff/outbox").await.status,
        StatusCode::FORBIDDEN,
        "officers do not read others' mail"
    );
    app.add_user("admin@ict.go.th", Role::Administrator, None).await;
    app.login("admin@ict.go.th", PASSWORD).await;
    let page = app.get("/staff/outbox").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("somying@example.com") && page.text.contains("ตอบรับเรื่อง"));
}

#[tokio::test]
async fn code_and_e_mail_send_a_fresh_link_and_never_show_anything() {
    let mut app = public_app().await;
    let csrf = app.get("/participate").await.csrf();
    let old = app.post_multipart("/participate", &fields(&csrf, "somying@example.com"), &[]).await;
    let old_link = old.header("location").replace("&new=1", "");
    let code = old_link.split("code=").nth(1).unwrap().split('&').next().unwrap().to_owned();

    let csrf = app.get("/track").await.csrf();
    let wrong = app
        .post_form("/track/link", &[("csrf", &csrf), ("code", &code), ("email", "other@example.com")])
        .await;
    let right = app
        .post_form("/track/link", &[("csrf", &csrf), ("code", &code), ("email", "SOMYING@example.com")])
        .await;
    assert_eq!((wrong.status, right.status), (StatusCode::OK, StatusCode::OK));
    let notice = "หากรหัสและอีเมลตรงกับเรื่องที่ส่งไว้";
    assert!(wrong.text.contains(notice) && right.text.contains(notice), "the same answer either way");
    assert!(!right.text.contains("ภาพค้างระหว่างประชุม"), "nothing about the submission is shown");

    let outbox = app.state.store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 2, "the acknowledgement and one fresh link, none for the wrong address");
    let fresh = link_in_newest_mail(&app).await;
    assert_eq!(app.get(&fresh).await.status, StatusCode::OK);
    assert_eq!(app.get(&old_link).await.status, StatusCode::NOT_FOUND, "the old link stops working");

    let malformed =
        app.post_form("/track/link", &[("csrf", &csrf), ("code", "RJ-1"), ("email", "a@b.co")]).await;
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_retried_api_submit_with_the_same_key_returns_the_first_result() {
    let mut app = public_app().await;
    let body = json!({"kind": "question", "service_id": "general", "group_id": "public",
        "subject": "เวลาทำการ", "details": "ศูนย์ฯ เปิดวันเสาร์หรือไม่"});
    app.extra_headers.push(("idempotency-key", "4b1d7c2e-1111-4c2a-9d1e-0a1b2c3d4e5f".into()));
    let first =
        app.send(Method::POST, "/api/v1/submissions", "application/json", body.to_string(), None).await;
    let again =
        app.send(Method::POST, "/api/v1/submissions", "application/json", body.to_string(), None).await;
    assert_eq!((first.status, again.status), (StatusCode::CREATED, StatusCode::CREATED));
    assert_eq!(first.json(), again.json(), "the same code, token and link");
    assert!(
        first.json()["tracking_url"]
            .as_str()
            .unwrap()
            .starts_with("https://ruamjai.example.go.th/track?code=")
    );
    assert_eq!(submissions(&app).await, 1);
    let token = first.json()["token"].as_str().unwrap().to_owned();
    let code = first.json()["code"].as_str().unwrap().to_owned();
    let tracked = app.get(&format!("/api/v1/submissions/{code}?token={token}")).await;
    assert_eq!(tracked.status, StatusCode::OK, "the replayed token is the real one");

    let other = json!({"kind": "question", "service_id": "general", "group_id": "public",
        "subject": "อีกเรื่อง", "details": "คนละเรื่องกัน"});
    let reused =
        app.send(Method::POST, "/api/v1/submissions", "application/json", other.to_string(), None).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.json()["errors"][0]["field"], "idempotency_key");
    assert_eq!(submissions(&app).await, 1);
}
