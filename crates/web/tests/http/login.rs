use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;

use crate::support::{PASSWORD, TestApp};

#[tokio::test]
async fn staff_log_in_and_reach_the_staff_area() {
    let mut app = TestApp::new().await;
    app.add_user("director@ict.go.th", Role::Director, None).await;
    let response = app.login("Director@ICT.go.th", PASSWORD).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.header("location"), "/staff");
    let cookie = response.header("set-cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"),
        "{cookie}"
    );
    let staff = app.get("/staff").await;
    assert_eq!(staff.status, StatusCode::OK);
    assert!(staff.text.contains("ผู้อำนวยการศูนย์ฯ (ผู้กำกับดูแลตัวชี้วัด)"));
}

#[tokio::test]
async fn a_failed_login_never_says_whether_the_email_exists() {
    let mut app = TestApp::new().await;
    app.add_user("officer@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let wrong_password = app.login("officer@ict.go.th", "not the password").await;
    let unknown_email = app.login("nobody@ict.go.th", "not the password").await;
    assert_eq!(wrong_password.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_email.status, StatusCode::UNAUTHORIZED);
    let message = "อีเมลหรือรหัสผ่านไม่ถูกต้อง";
    assert!(wrong_password.text.contains(message) && unknown_email.text.contains(message));
    assert!(!app.has_cookie("rj_session"));
}

#[tokio::test]
async fn a_disabled_account_cannot_log_in() {
    let mut app = TestApp::new().await;
    app.add_user("gone@ict.go.th", Role::Officer, Some("strategy")).await;
    let email = ruamjai_domain::accounts::Email::parse("gone@ict.go.th").unwrap();
    app.state
        .store
        .set_user_disabled(&ruamjai_store::audit::Actor::command("test"), &email, true)
        .await
        .unwrap();
    assert_eq!(app.login("gone@ict.go.th", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_login_without_its_csrf_token_is_refused() {
    let mut app = TestApp::new().await;
    app.add_user("a@ict.go.th", Role::Administrator, None).await;
    app.get("/login").await;
    let response = app.post_form("/login", &[("email", "a@ict.go.th"), ("password", PASSWORD)]).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(response.text.contains("แบบฟอร์มหมดอายุ"));
    let forged = app
        .post_form("/login", &[("csrf", "forged"), ("email", "a@ict.go.th"), ("password", PASSWORD)])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(!app.has_cookie("rj_session"));
}

#[tokio::test]
async fn a_post_from_another_site_is_refused() {
    let mut app = TestApp::new().await;
    let csrf = app.get("/login").await.csrf();
    app.extra_headers.push(("origin", "https://evil.example".into()));
    let response =
        app.post_form("/login", &[("csrf", &csrf), ("email", "a@ict.go.th"), ("password", "x")]).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn five_failures_make_the_account_wait() {
    let mut app = TestApp::new().await;
    app.add_user("target@ict.go.th", Role::Administrator, None).await;
    for _ in 0..5 {
        assert_eq!(app.login("target@ict.go.th", "guess").await.status, StatusCode::UNAUTHORIZED);
    }
    let throttled = app.login("target@ict.go.th", PASSWORD).await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    assert!(throttled.text.contains("กรุณาลองใหม่ในอีก 15 นาที"), "{}", throttled.text);
    assert!(!app.has_cookie("rj_session"));
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let mut app = TestApp::new().await;
    app.add_user("e@ict.go.th", Role::Evaluator, None).await;
    app.login("e@ict.go.th", PASSWORD).await;
    let csrf = app.get("/staff").await.csrf();
    let response = app.post_form("/logout", &[("csrf", &csrf)]).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(!app.has_cookie("rj_session"));
    assert_eq!(app.get("/staff").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_copied_session_cookie_stops_working_after_logout() {
    let mut app = TestApp::new().await;
    app.add_user("e@ict.go.th", Role::Evaluator, None).await;
    app.login("e@ict.go.th", PASSWORD).await;
    let copied = app.cookie("rj_session").expect("a session cookie");
    let csrf = app.get("/staff").await.csrf();
    app.post_form("/logout", &[("csrf", &csrf)]).await;
    app.set_cookie("rj_session", &copied);
    assert_eq!(
        app.get("/staff").await.status,
        StatusCode::SEE_OTHER,
        "the session is gone from the database"
    );
}

#[tokio::test]
async fn after_login_only_local_paths_are_followed() {
    let mut app = TestApp::new().await;
    app.add_user("a@ict.go.th", Role::Administrator, None).await;
    let csrf = app.get("/login").await.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("email", "a@ict.go.th"),
        ("password", PASSWORD),
        ("next", "//evil.example"),
    ];
    assert_eq!(app.post_form("/login", &fields).await.header("location"), "/staff");
}
