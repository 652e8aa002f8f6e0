//! Every request can be followed through the log by its id, and the client
//! behind a trusted proxy is the one its limits count.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use ruamjai_web::WebConfig;
use ruamjai_web::auth::proxies::TrustedProxies;
use serde_json::json;

use crate::support::TestApp;

fn with_header(path: &str, name: &str, value: &str) -> Request<Body> {
    Request::get(path).header(name, value).body(Body::empty()).unwrap()
}

/// In-process requests come from no address (0.0.0.0): trusting it makes
/// the tests' client a trusted proxy.
fn behind_proxy() -> WebConfig {
    WebConfig { trusted_proxies: TrustedProxies::parse("0.0.0.0").unwrap(), ..WebConfig::default() }
}

#[tokio::test]
async fn every_answer_names_its_request_and_strangers_cannot_choose_the_name() {
    let mut app = TestApp::new().await;
    let (a, b) = (app.get("/").await, app.get("/no-such-page").await);
    let (a, b) = (a.header("x-request-id").to_owned(), b.header("x-request-id").to_owned());
    assert!(!a.is_empty() && a != b, "{a} {b}");
    let forged = app.request(with_header("/", "x-request-id", "chosen-by-client")).await;
    assert_ne!(forged.header("x-request-id"), "chosen-by-client");

    let mut app = TestApp::with_config(behind_proxy()).await;
    let kept = app.request(with_header("/", "x-request-id", "lb-7f3a-0001")).await;
    assert_eq!(kept.header("x-request-id"), "lb-7f3a-0001", "the proxy's id follows the request");
    let garbled = app.request(with_header("/", "x-request-id", "two words")).await;
    assert_ne!(garbled.header("x-request-id"), "two words", "nothing that could garble a log line");
}

async fn submit_from(app: &mut TestApp, forwarded_for: &str) -> StatusCode {
    let body = json!({
        "kind": "suggestion", "service_id": "video-conference", "group_id": "provinces",
        "subject": "ขอเพิ่มห้องประชุมทางไกล", "details": "ห้องไม่พอในช่วงต้นเดือน"
    });
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/submissions")
        .header("content-type", "application/json")
        .header("x-forwarded-for", forwarded_for)
        .body(Body::from(body.to_string()))
        .unwrap();
    app.request(request).await.status
}

#[tokio::test]
async fn limits_count_the_client_behind_a_trusted_proxy_and_ignore_a_strangers_forwarded_for() {
    let limited = |config: WebConfig| WebConfig { public_writes_per_hour: 1, ..config };
    let mut app = TestApp::with_config(limited(behind_proxy())).await;
    assert_eq!(submit_from(&mut app, "203.0.113.1").await, StatusCode::CREATED);
    assert_eq!(submit_from(&mut app, "203.0.113.2").await, StatusCode::CREATED, "another office");
    assert_eq!(submit_from(&mut app, "203.0.113.1").await, StatusCode::TOO_MANY_REQUESTS);

    let mut app = TestApp::with_config(limited(WebConfig::default())).await;
    assert_eq!(submit_from(&mut app, "203.0.113.1").await, StatusCode::CREATED);
    let escaped = submit_from(&mut app, "203.0.113.2").await;
    assert_eq!(escaped, StatusCode::TOO_MANY_REQUESTS, "a client cannot pick its own address");
}
