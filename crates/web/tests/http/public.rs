use axum::http::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn the_home_page_is_thai_and_lists_the_12_services_and_7_groups() {
    let mut app = TestApp::new().await;
    let page = app.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains(r#"<html lang="th">"#));
    assert_eq!(page.text.matches(r#"id="service-"#).count(), 12);
    assert_eq!(page.text.matches(r#"id="group-"#).count(), 7);
    assert!(page.text.contains("งานติดตั้งระบบวีดิทัศน์ทางไกล"));
    assert!(page.text.contains("องค์กรอิสระ"));
    assert!(page.text.contains(r#"href="/lang/en?next=%2F""#), "the switch offers English");
}

#[tokio::test]
async fn the_language_switch_remembers_english_and_returns_to_the_page() {
    let mut app = TestApp::new().await;
    let switched = app.get("/lang/en?next=%2Flogin").await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.header("location"), "/login");
    let page = app.get("/").await;
    assert!(page.text.contains(r#"<html lang="en">"#));
    assert!(page.text.contains("Installation of video-conference systems"));
    assert!(page.text.contains(r#"lang="th">ภาษาไทย</a>"#), "the switch offers Thai, marked as Thai");
    app.get("/lang/th").await;
    assert!(app.get("/").await.text.contains(r#"<html lang="th">"#));
}

#[tokio::test]
async fn the_language_switch_never_redirects_off_the_site() {
    let mut app = TestApp::new().await;
    assert_eq!(app.get("/lang/en?next=https://evil.example").await.header("location"), "/");
    assert_eq!(app.get("/lang/en?next=//evil.example").await.header("location"), "/");
    assert_eq!(app.get("/lang/xx").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let mut app = TestApp::new().await;
    for path in ["/", "/login", "/api/v1/services", "/no-such-page"] {
        let response = app.get(path).await;
        let csp = response.header("content-security-policy");
        assert!(csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(response.header("x-frame-options"), "DENY");
        assert_eq!(response.header("x-content-type-options"), "nosniff");
        assert_eq!(response.header("referrer-policy"), "same-origin");
    }
}

#[tokio::test]
async fn an_unknown_page_gets_a_localized_404_page() {
    let mut app = TestApp::new().await;
    let thai = app.get("/no-such-page").await;
    assert_eq!(thai.status, StatusCode::NOT_FOUND);
    assert!(thai.header("content-type").starts_with("text/html"));
    assert!(thai.text.contains("ไม่พบหน้าที่ต้องการ"));
    app.get("/lang/en").await;
    assert!(app.get("/no-such-page").await.text.contains("Page not found"));
}

#[tokio::test]
async fn a_wrong_method_gets_405_with_a_localized_page() {
    let mut app = TestApp::new().await;
    let response = app.post_form("/", &[]).await;
    assert_eq!(response.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(response.text.contains("ไม่รองรับวิธีการนี้"));
}

#[tokio::test]
async fn health_and_readiness_probes_answer() {
    let mut app = TestApp::new().await;
    assert_eq!(app.get("/healthz").await.text, "ok");
    assert_eq!(app.get("/readyz").await.text, "ready");
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let mut app = TestApp::new().await;
    app.state.store.close().await;
    let response = app.get("/readyz").await;
    assert_eq!(response.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.text.contains("ไม่พร้อมให้บริการชั่วคราว"));
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status() {
    let mut app = TestApp::new().await;
    app.get("/").await;
    app.get("/no-such-page").await;
    let metrics = app.get("/metrics").await;
    assert!(metrics.header("content-type").starts_with("application/openmetrics-text"));
    assert!(
        metrics.text.contains(r#"ruamjai_http_requests_total{method="GET",route="/",status="200"} 1"#),
        "{}",
        metrics.text
    );
    assert!(metrics.text.contains(r#"route="unmatched",status="404""#));
    assert!(metrics.text.contains("ruamjai_http_request_duration_seconds_bucket"));
}

#[tokio::test]
async fn the_stylesheet_is_versioned_and_cached_for_a_year() {
    let mut app = TestApp::new().await;
    let home = app.get("/").await;
    let start = home.text.find("/static/style.css?v=").unwrap();
    let href = home.text[start..].split('"').next().unwrap().to_owned();
    let css = app.get(&href).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header("content-type").starts_with("text/css"));
    assert!(css.header("cache-control").contains("immutable"));
}
