use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;

use crate::support::{PASSWORD, TestApp};

async fn signed_in(role: Role, division: Option<&str>) -> TestApp {
    let mut app = TestApp::new().await;
    app.add_user("me@ict.go.th", role, division).await;
    assert_eq!(app.login("me@ict.go.th", PASSWORD).await.status, StatusCode::SEE_OTHER);
    app
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_login_and_brought_back() {
    let mut app = TestApp::new().await;
    let response = app.get("/staff/audit").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.header("location"), "/login?next=%2Fstaff%2Faudit");
}

#[tokio::test]
async fn the_navigation_follows_the_role() {
    let mut officer = signed_in(Role::Officer, Some("infrastructure")).await;
    let page = officer.get("/staff").await.text;
    assert!(page.contains("ส่วนโครงสร้างพื้นฐาน"), "the officer's division is shown");
    assert!(!page.contains(r#"href="/staff/catalog""#) && !page.contains(r#"href="/staff/audit""#));
    let mut admin = signed_in(Role::Administrator, None).await;
    let page = admin.get("/staff").await.text;
    for href in ["/staff/catalog", "/staff/users", "/staff/audit"] {
        assert!(page.contains(&format!(r#"href="{href}""#)), "{href}");
    }
    assert!(
        !page.contains(r#"href="/staff/submissions/new""#),
        "administrators run the platform, not the inbox"
    );
    assert!(officer.get("/staff").await.text.contains(r#"href="/staff/submissions/new""#));
    let mut evaluator = signed_in(Role::Evaluator, None).await;
    let page = evaluator.get("/staff").await.text;
    assert!(page.contains(r#"href="/staff/audit""#) && !page.contains(r#"href="/staff/users""#));
    assert!(!page.contains(r#"href="/staff/directory""#), "the directory is personal data, not evidence");
}

#[tokio::test]
async fn roles_without_the_right_get_a_localized_403() {
    let mut officer = signed_in(Role::Officer, Some("strategy")).await;
    for path in ["/staff/catalog", "/staff/users", "/staff/audit"] {
        let response = officer.get(path).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{path}");
        assert!(response.text.contains("ไม่มีสิทธิ์เข้าถึง"));
    }
}

#[tokio::test]
async fn an_administrators_edit_shows_at_once_and_is_audited() {
    let mut app = signed_in(Role::Administrator, None).await;
    assert!(app.get("/").await.text.contains("งานฝึกอบรมความรู้ด้าน ICT"), "the home page is cached first");
    let csrf = app.get("/staff/catalog").await.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("name_th", "งานฝึกอบรมด้านดิจิทัล"),
        ("name_en", "Digital training"),
        ("division", "general-administration"),
    ];
    let response = app.post_form("/staff/catalog/services/ict-training", &fields).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(app.get("/").await.text.contains("งานฝึกอบรมด้านดิจิทัล"), "this process's cache is refreshed");
    let audit = app.get("/staff/audit").await.text;
    assert!(audit.contains("update service ict-training") && audit.contains("me@ict.go.th"));
    assert!(audit.contains("ลูกโซ่บันทึกครบถ้วน"));
}

#[tokio::test]
async fn a_refused_edit_says_why_and_changes_nothing() {
    let mut app = signed_in(Role::Administrator, None).await;
    let csrf = app.get("/staff/catalog").await.csrf();
    let fields = [("csrf", csrf.as_str()), ("name_th", "   "), ("name_en", "Provinces")];
    let response = app.post_form("/staff/catalog/groups/provinces", &fields).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("กรุณากรอกช่องนี้"));
    let catalog = app.state.store.catalog().await.unwrap();
    assert_eq!(catalog.groups[2].name_th, "จังหวัด");
}

#[tokio::test]
async fn a_catalog_edit_without_csrf_is_refused() {
    let mut app = signed_in(Role::Administrator, None).await;
    let fields = [("name_th", "x"), ("name_en", "y")];
    assert_eq!(app.post_form("/staff/catalog/groups/provinces", &fields).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_administrator_adds_an_officer_who_can_then_log_in() {
    let mut app = signed_in(Role::Administrator, None).await;
    let csrf = app.get("/staff/users").await.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("email", "new@ict.go.th"),
        ("name", "เจ้าหน้าที่ใหม่"),
        ("role", "officer"),
        ("division", "infrastructure"),
        ("password", "a long enough secret"),
    ];
    assert_eq!(app.post_form("/staff/users", &fields).await.status, StatusCode::SEE_OTHER);
    let again = app.post_form("/staff/users", &fields).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text.contains("อีเมลนี้มีบัญชีอยู่แล้ว"));
    let csrf = app.get("/staff").await.csrf();
    app.post_form("/logout", &[("csrf", &csrf)]).await;
    assert_eq!(app.login("new@ict.go.th", "a long enough secret").await.status, StatusCode::SEE_OTHER);
    let dashboard = app.get("/staff").await.text;
    assert!(dashboard.contains("เจ้าหน้าที่ใหม่") && dashboard.contains("ส่วนโครงสร้างพื้นฐาน"));
}

#[tokio::test]
async fn an_officer_without_a_division_is_refused_with_a_reason() {
    let mut app = signed_in(Role::Administrator, None).await;
    let csrf = app.get("/staff/users").await.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("email", "x@ict.go.th"),
        ("name", "x"),
        ("role", "officer"),
        ("division", ""),
        ("password", "a long enough secret"),
    ];
    let response = app.post_form("/staff/users", &fields).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("บทบาทนี้ต้องระบุส่วนงาน"));
}

#[tokio::test]
async fn disabling_an_account_ends_its_session_at_once() {
    let mut admin = signed_in(Role::Administrator, None).await;
    admin.add_user("officer@ict.go.th", Role::Officer, Some("strategy")).await;
    let csrf = admin.get("/staff/users").await.csrf();
    let fields = [("csrf", csrf.as_str()), ("email", "officer@ict.go.th"), ("disabled", "1")];
    assert_eq!(admin.post_form("/staff/users/status", &fields).await.status, StatusCode::SEE_OTHER);
    assert!(admin.get("/staff/users").await.text.contains("ระงับแล้ว"));
    let own = [("csrf", csrf.as_str()), ("email", "me@ict.go.th"), ("disabled", "1")];
    assert_eq!(
        admin.post_form("/staff/users/status", &own).await.status,
        StatusCode::FORBIDDEN,
        "no self-lockout"
    );
}

#[tokio::test]
async fn a_malformed_form_gets_a_localized_400_and_changes_nothing() {
    let mut app = signed_in(Role::Administrator, None).await;
    let csrf = app.get("/staff/catalog").await.csrf();
    let missing_phone = [("csrf", csrf.as_str()), ("name_th", "ส่วนยุทธศาสตร์ฯ"), ("name_en", "Strategy")];
    let response = app.post_form("/staff/catalog/divisions/strategy", &missing_phone).await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    assert!(response.text.contains("คำขอไม่ถูกต้อง"));
    assert_eq!(app.state.store.catalog().await.unwrap().division("strategy").unwrap().phone, "0 2281 1567");
}

#[tokio::test]
async fn an_oversized_form_gets_a_localized_413() {
    let mut app = signed_in(Role::Administrator, None).await;
    let csrf = app.get("/staff/catalog").await.csrf();
    let huge = "ก".repeat(600_000);
    let fields = [("csrf", csrf.as_str()), ("name_th", huge.as_str()), ("name_en", "x")];
    let response = app.post_form("/staff/catalog/groups/provinces", &fields).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text.contains("ข้อมูลมีขนาดใหญ่เกินไป"));
}
