use axum::http::{Method, StatusCode};
use ruamjai_app::secrets::{random_token, token_hash};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::participation::Channel;
use ruamjai_domain::participation::submission::SubmissionInput;
use time::OffsetDateTime;

use crate::support::TestApp;

async fn file(app: &TestApp, service: &str, subject: &str) -> (String, String) {
    let input = SubmissionInput {
        kind: "request".into(),
        service: service.into(),
        group: "provinces".into(),
        subject: subject.into(),
        details: "รายละเอียด".into(),
        ..SubmissionInput::default()
    };
    let token = random_token();
    let new = input.parse(Channel::Web).unwrap();
    let filed = app
        .state
        .store
        .file_submission(&new, &token_hash(&token), None, OffsetDateTime::now_utc())
        .await
        .unwrap();
    (filed.code.to_string(), token)
}

async fn as_role(role: Role, division: Option<&str>) -> (TestApp, String) {
    let app = TestApp::new().await;
    let user = app.add_user("api@ict.go.th", role, division).await;
    let token = app.token_for(&user).await;
    (app, token)
}

#[tokio::test]
async fn an_officers_token_lists_only_their_division() {
    let (mut app, token) = as_role(Role::Officer, Some("communication-technology")).await;
    file(&app, "msat", "ดาวเทียม").await;
    file(&app, "network-status", "เครือข่าย").await;
    let page = app.send(Method::GET, "/api/v1/staff/submissions", "application/json", "", Some(&token)).await;
    assert_eq!(page.status, StatusCode::OK);
    let items = page.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0]["subject"].as_str(), items[0]["service_id"].as_str()),
        (Some("ดาวเทียม"), Some("msat"))
    );
    assert!(page.json()["next_before"].is_null());
    assert_eq!(app.get("/api/v1/staff/submissions").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn transitions_and_replies_follow_the_workflow_and_reach_the_public() {
    let (mut app, token) = as_role(Role::Officer, Some("communication-technology")).await;
    let (code, public_token) = file(&app, "video-conference", "ภาพค้าง").await;
    let path = format!("/api/v1/staff/submissions/{code}");
    let start = app
        .send(
            Method::POST,
            &format!("{path}/transitions"),
            "application/json",
            r#"{"to":"in_progress"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(start.json()["status"], "in_progress");
    let skip = app
        .send(
            Method::POST,
            &format!("{path}/transitions"),
            "application/json",
            r#"{"to":"received"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(skip.status, StatusCode::CONFLICT);
    assert_eq!(skip.json()["title"], "เปลี่ยนเป็นสถานะนี้จากสถานะปัจจุบันไม่ได้");
    let reject = app
        .send(
            Method::POST,
            &format!("{path}/transitions"),
            "application/json",
            r#"{"to":"rejected"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(reject.status, StatusCode::UNPROCESSABLE_ENTITY);
    let reply = r#"{"text":"กำลังเปลี่ยนอุปกรณ์ คาดว่าเสร็จภายใน 3 วัน","public":true}"#;
    assert_eq!(
        app.send(Method::POST, &format!("{path}/replies"), "application/json", reply, Some(&token))
            .await
            .status,
        StatusCode::OK
    );
    let public = app.get(&format!("/api/v1/submissions/{code}?token={public_token}")).await.json();
    assert_eq!(public["status"], "in_progress");
    let replies: Vec<_> =
        public["events"].as_array().unwrap().iter().filter_map(|e| e["reply"].as_str()).collect();
    assert_eq!(replies, ["กำลังเปลี่ยนอุปกรณ์ คาดว่าเสร็จภายใน 3 วัน"]);
}

#[tokio::test]
async fn assignment_and_scope_are_enforced_for_tokens() {
    let (mut app, token) = as_role(Role::Officer, Some("infrastructure")).await;
    let (other_division, _) = file(&app, "msat", "ไม่ใช่ของเรา").await;
    let (ours, _) = file(&app, "network-inspection", "ของเรา").await;
    let me = app.state.store.list_users().await.unwrap()[0].id;
    let body = format!(r#"{{"user_id":{me}}}"#);
    let assigned = app
        .send(
            Method::PUT,
            &format!("/api/v1/staff/submissions/{ours}/assignee"),
            "application/json",
            body.clone(),
            Some(&token),
        )
        .await;
    assert_eq!(assigned.status, StatusCode::OK);
    let mine = app
        .send(Method::GET, "/api/v1/staff/submissions?assignee=me", "application/json", "", Some(&token))
        .await
        .json();
    assert_eq!(mine["items"][0]["code"], ours.as_str());
    let theirs = app
        .send(
            Method::PUT,
            &format!("/api/v1/staff/submissions/{other_division}/assignee"),
            "application/json",
            body,
            Some(&token),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN);
    let nobody = app
        .send(
            Method::PUT,
            &format!("/api/v1/staff/submissions/{ours}/assignee"),
            "application/json",
            r#"{"user_id":424242}"#,
            Some(&token),
        )
        .await;
    assert_eq!(nobody.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(nobody.json()["errors"][0]["field"], "assignee");
}

#[tokio::test]
async fn an_evaluators_token_reads_but_cannot_act() {
    let (mut app, token) = as_role(Role::Evaluator, None).await;
    let (code, _) = file(&app, "msat", "ประเมิน").await;
    let listed = app
        .send(Method::GET, "/api/v1/staff/submissions?show=all", "application/json", "", Some(&token))
        .await;
    assert_eq!(listed.json()["items"].as_array().unwrap().len(), 1);
    let act = app
        .send(
            Method::POST,
            &format!("/api/v1/staff/submissions/{code}/transitions"),
            "application/json",
            r#"{"to":"in_progress"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(act.status, StatusCode::FORBIDDEN);
}
