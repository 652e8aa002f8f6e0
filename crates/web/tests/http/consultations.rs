//! A consultation from opening to its published response, over HTTP.

use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::participation::consultation::format_iso_date;
use time::{Duration, OffsetDateTime};

use crate::support::{PASSWORD, TestApp};

fn day(offset: i64) -> String {
    format_iso_date(bangkok_date(OffsetDateTime::now_utc() + Duration::days(offset)))
}

async fn open_consultation(app: &mut TestApp, opens: i64, closes: i64) -> String {
    let csrf = app.get("/staff/consultations").await.csrf();
    let (opens, closes) = (day(opens), day(closes));
    let fields = [
        ("csrf", csrf.as_str()),
        ("title", "ร่างมาตรฐานบริการประชุมทางไกล"),
        ("subject", "service-standard"),
        ("draft", "จองห้องประชุมล่วงหน้า 3 วันทำการ"),
        ("groups", "provinces"),
        ("groups", "public"),
        ("opens_on", opens.as_str()),
        ("closes_on", closes.as_str()),
    ];
    let created = app
        .post_multipart("/staff/consultations", &fields, &[("attachment", "ร่าง.pdf", b"%PDF-1.4 x")])
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    created.header("location").rsplit('/').next().unwrap().to_owned()
}

async fn officer() -> TestApp {
    let mut app = TestApp::new().await;
    app.add_user("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    app.login("it@ict.go.th", PASSWORD).await;
    app
}

#[tokio::test]
async fn the_public_comments_staff_moderate_and_only_published_comments_show() {
    let mut app = officer().await;
    let id = open_consultation(&mut app, -1, 5).await;
    let public = format!("/consultations/{id}");
    let page = app.get(&public).await;
    assert!(page.text.contains("เปิดรับฟังความคิดเห็น") && page.text.contains("ร่าง.pdf"));

    let csrf = page.csrf();
    let empty = app.post_form(&public, &[("csrf", &csrf), ("body", ""), ("group", "public")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let uninvited =
        app.post_form(&public, &[("csrf", &csrf), ("body", "x"), ("group", "private-sector")]).await;
    assert_eq!(uninvited.status, StatusCode::UNPROCESSABLE_ENTITY);
    for body in ["ควรจองผ่าน LINE ได้", "<script>alert('spam')</script>"] {
        let sent = app
            .post_form(
                &public,
                &[("csrf", &csrf), ("body", body), ("group", "public"), ("email", "p@example.com")],
            )
            .await;
        assert_eq!(sent.status, StatusCode::OK);
        assert!(sent.text.contains("จะแสดงหลังผ่านการตรวจสอบ"));
    }
    assert!(!app.get(&public).await.text.contains("ควรจองผ่าน LINE ได้"), "not before moderation");

    let staff_page = app.get(&format!("/staff/consultations/{id}")).await;
    assert!(staff_page.text.contains("p@example.com"), "moderators see how to answer");
    let ids: Vec<String> = staff_page
        .text
        .split(&format!("/staff/consultations/{id}/comments/"))
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect();
    let csrf = staff_page.csrf();
    let path = |comment: &str| format!("/staff/consultations/{id}/comments/{comment}");
    assert_eq!(
        app.post_form(&path(&ids[0]), &[("csrf", &csrf), ("decision", "published")]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post_form(&path(&ids[1]), &[("csrf", &csrf), ("decision", "rejected")]).await.status,
        StatusCode::SEE_OTHER
    );

    let after = app.get(&public).await;
    assert!(after.text.contains("ควรจองผ่าน LINE ได้"));
    assert!(!after.text.contains("alert('spam')") && !after.text.contains("p@example.com"));
    let early = app
        .post_form(&format!("/staff/consultations/{id}/response"), &[("csrf", &csrf), ("response", "ผล")])
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT, "no response while still open");
}

#[tokio::test]
async fn after_closing_staff_publish_what_changed() {
    let mut app = officer().await;
    let id = open_consultation(&mut app, -10, -1).await;
    let csrf = app.get(&format!("/staff/consultations/{id}")).await.csrf();
    let response = "ปรับให้จองผ่าน LINE ได้ตามความเห็น";
    let done = app
        .post_form(&format!("/staff/consultations/{id}/response"), &[("csrf", &csrf), ("response", response)])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let public = app.get(&format!("/consultations/{id}")).await;
    assert!(public.text.contains(response) && public.text.contains("เผยแพร่ผลแล้ว"));
    assert!(
        !public.text.contains("consult-send") && !public.text.contains(r#"name="body""#),
        "closed: no comment form"
    );
}

#[tokio::test]
async fn a_consultation_that_closes_before_it_opens_is_refused() {
    let mut app = officer().await;
    let csrf = app.get("/staff/consultations").await.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("title", "ร่าง"),
        ("subject", "plan"),
        ("draft", "ข้อความ"),
        ("groups", "public"),
        ("opens_on", "2026-12-10"),
        ("closes_on", "2026-12-01"),
    ];
    let refused = app.post_multipart("/staff/consultations", &fields, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("วันปิดรับความเห็นอยู่ก่อนวันเปิด"));
}
