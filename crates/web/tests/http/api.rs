use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;

use crate::support::TestApp;

#[tokio::test]
async fn services_list_the_catalog_with_their_divisions() {
    let mut app = TestApp::new().await;
    let response = app.get("/api/v1/services").await;
    assert_eq!(response.status, StatusCode::OK);
    let services = response.json();
    let services = services.as_array().unwrap();
    assert_eq!(services.len(), 12);
    assert_eq!(services[7]["id"], "msat");
    assert_eq!(services[7]["name_th"], "งานติดตั้งระบบสื่อสารผ่านดาวเทียมแบบเคลื่อนที่ (MSAT)");
    assert_eq!(services[7]["name_en"], "Installation of mobile satellite communication systems, MSAT");
    assert_eq!(services[7]["division"]["id"], "communication-technology");
}

#[tokio::test]
async fn stakeholder_groups_list_the_seven_groups() {
    let mut app = TestApp::new().await;
    let groups = app.get("/api/v1/stakeholder-groups").await.json();
    let names: Vec<_> =
        groups.as_array().unwrap().iter().map(|g| g["name_th"].as_str().unwrap().to_owned()).collect();
    assert_eq!(
        names,
        [
            "กระทรวง ทบวง กรม อื่น ๆ",
            "หน่วยงานในสังกัดกระทรวงมหาดไทย",
            "จังหวัด",
            "องค์กรอิสระ",
            "หน่วยงานเอกชน",
            "ผู้บริหาร",
            "ประชาชน"
        ]
    );
    assert_eq!(groups[0]["id"], "other-ministries");
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let mut app = TestApp::new().await;
    let doc = app.get("/api/v1/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/services",
        "/api/v1/stakeholder-groups",
        "/api/v1/divisions",
        "/api/v1/staff/me",
        "/api/v1/staff/services/{id}",
        "/api/v1/submissions",
        "/api/v1/submissions/{code}",
        "/api/v1/staff/submissions",
        "/api/v1/staff/submissions/{code}/transitions",
        "/api/v1/staff/submissions/{code}/replies",
        "/api/v1/staff/submissions/{code}/assignee",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    let docs = app.get("/api/docs").await;
    assert_eq!(docs.status, StatusCode::OK);
    assert!(docs.text.contains("/api/v1/staff/services/{id}"));
}

#[tokio::test]
async fn staff_endpoints_need_a_bearer_token_and_say_so_in_the_clients_language() {
    let mut app = TestApp::new().await;
    let thai = app.get("/api/v1/staff/me").await;
    assert_eq!(thai.status, StatusCode::UNAUTHORIZED);
    assert_eq!(thai.header("content-type"), "application/problem+json");
    assert_eq!(thai.header("www-authenticate"), "Bearer");
    assert_eq!(thai.json()["detail"], "กรุณาเข้าสู่ระบบหรือส่งโทเคนที่ถูกต้อง");
    app.extra_headers.push(("accept-language", "en-US,en;q=0.8".into()));
    let english = app.send(Method::GET, "/api/v1/staff/me", "application/json", "", Some("wrong")).await;
    assert_eq!(english.status, StatusCode::UNAUTHORIZED);
    assert_eq!(english.json()["detail"], "Please log in or send a valid token.");
}

#[tokio::test]
async fn a_token_identifies_its_account() {
    let mut app = TestApp::new().await;
    let user = app.add_user("c@ict.go.th", Role::Collector, Some("strategy")).await;
    let token = app.token_for(&user).await;
    let me = app.send(Method::GET, "/api/v1/staff/me", "application/json", "", Some(&token)).await.json();
    assert_eq!(
        (me["email"].as_str(), me["role"].as_str(), me["division"].as_str()),
        (Some("c@ict.go.th"), Some("collector"), Some("strategy"))
    );
}

#[tokio::test]
async fn an_administrator_edits_a_service_over_json() {
    let mut app = TestApp::new().await;
    let admin = app.add_user("a@ict.go.th", Role::Administrator, None).await;
    let token = app.token_for(&admin).await;
    let body =
        r#"{"name_th":"งานระบบโทรศัพท์และโทรสาร","name_en":"Telephone and fax","division":"infrastructure"}"#;
    let response = app
        .send(Method::PUT, "/api/v1/staff/services/telephone-fax", "application/json", body, Some(&token))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text);
    assert_eq!(response.json()["division"]["id"], "infrastructure");
    let listed = app.get("/api/v1/services").await.json();
    assert_eq!(listed[6]["name_en"], "Telephone and fax", "the cached list is refreshed");
}

#[tokio::test]
async fn an_officer_may_not_edit_services() {
    let mut app = TestApp::new().await;
    let officer = app.add_user("o@ict.go.th", Role::Officer, Some("strategy")).await;
    let token = app.token_for(&officer).await;
    let body = r#"{"name_th":"x","name_en":"y","division":"strategy"}"#;
    let response =
        app.send(Method::PUT, "/api/v1/staff/services/msat", "application/json", body, Some(&token)).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(response.json()["detail"], "บทบาทของคุณไม่มีสิทธิ์ทำรายการนี้");
}

#[tokio::test]
async fn bad_json_gets_the_right_status_and_a_localized_problem_and_nothing_changes() {
    let mut app = TestApp::new().await;
    let admin = app.add_user("a@ict.go.th", Role::Administrator, None).await;
    let token = app.token_for(&admin).await;
    let path = "/api/v1/staff/services/msat";
    let cases: [(&str, &str, StatusCode, &str); 5] = [
        ("application/json", "{not json", StatusCode::BAD_REQUEST, "คำขอไม่ถูกต้อง"),
        ("text/plain", "{}", StatusCode::UNSUPPORTED_MEDIA_TYPE, "ไม่รองรับรูปแบบข้อมูลนี้"),
        ("application/json", r#"{"name_th":1}"#, StatusCode::UNPROCESSABLE_ENTITY, "ข้อมูลไม่ถูกต้อง"),
        (
            "application/json",
            r#"{"name_th":"","name_en":"x","division":"strategy"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "ข้อมูลไม่ถูกต้อง",
        ),
        (
            "application/json",
            r#"{"name_th":"ก","name_en":"x","division":"nowhere"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "ข้อมูลไม่ถูกต้อง",
        ),
    ];
    for (content_type, body, status, title) in cases {
        let response = app.send(Method::PUT, path, content_type, body, Some(&token)).await;
        assert_eq!(response.status, status, "{body}: {}", response.text);
        assert_eq!(response.header("content-type"), "application/problem+json");
        assert_eq!(response.json()["title"], title, "{body}");
    }
    let invalid = app
        .send(
            Method::PUT,
            path,
            "application/json",
            r#"{"name_th":"","name_en":"x","division":"strategy"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(invalid.json()["errors"][0]["field"], "name_th");
    assert_eq!(invalid.json()["errors"][0]["message"], "กรุณากรอกช่องนี้");
    let msat = &app.get("/api/v1/services").await.json()[7];
    assert_eq!(msat["name_th"], "งานติดตั้งระบบสื่อสารผ่านดาวเทียมแบบเคลื่อนที่ (MSAT)", "nothing stored was changed");
    assert!(app.state.store.recent_audit(5).await.unwrap().iter().all(|e| e.entity != "service"));
}

#[tokio::test]
async fn an_oversized_json_body_gets_413() {
    let mut app = TestApp::new().await;
    let admin = app.add_user("a@ict.go.th", Role::Administrator, None).await;
    let token = app.token_for(&admin).await;
    let body =
        format!(r#"{{"name_th":"{}","name_en":"x","division":"strategy"}}"#, "x".repeat(2 * 1024 * 1024));
    let response =
        app.send(Method::PUT, "/api/v1/staff/services/msat", "application/json", body, Some(&token)).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.json()["title"], "ข้อมูลมีขนาดใหญ่เกินไป");
}

#[tokio::test]
async fn an_unknown_api_route_gets_a_problem_not_a_page() {
    let mut app = TestApp::new().await;
    let response = app.get("/api/v1/nothing-here").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(response.header("content-type"), "application/problem+json");
    assert_eq!(response.json()["status"], 404);
}

#[tokio::test]
async fn a_misnamed_or_missing_json_field_is_named_in_the_refusal() {
    let mut app = TestApp::new().await;
    let body = serde_json::json!({
        "kind": "complaint", "service": "video-conference", "group_id": "provinces",
        "subject": "ภาพค้าง", "details": "ภาพค้างทุกสิบนาที"
    });
    let refused =
        app.send(Method::POST, "/api/v1/submissions", "application/json", body.to_string(), None).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
    let problem = refused.json();
    assert_eq!(problem["errors"][0]["field"], "service", "{problem}");
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("ไม่มีช่องข้อมูลชื่อนี้"));

    let body =
        serde_json::json!({ "kind": "complaint", "group_id": "provinces", "subject": "ก", "details": "ข" });
    let refused =
        app.send(Method::POST, "/api/v1/submissions", "application/json", body.to_string(), None).await;
    assert_eq!(refused.json()["errors"][0]["field"], "service_id");
    let wrong = app.send(Method::POST, "/api/v1/submissions", "text/plain", "{}".to_owned(), None).await;
    assert_eq!(wrong.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}
