//! The staff work that had pages only, as API calls over the same use
//! cases: consultations, the participation report, the directory,
//! improvement actions, service standards and the audit log.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::participation::consultation::format_iso_date;
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use crate::support::TestApp;

fn day(offset: i64) -> String {
    format_iso_date(bangkok_date(OffsetDateTime::now_utc() + Duration::days(offset)))
}

fn field_names(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect()
}

fn consultation(opens: i64, closes: i64) -> Value {
    json!({"title": "ร่างมาตรฐานบริการประชุมทางไกล", "subject": "service-standard",
           "draft": "จองห้องประชุมล่วงหน้า 3 วันทำการ", "group_ids": ["public"],
           "opens_on": day(opens), "closes_on": day(closes)})
}

#[tokio::test]
async fn a_consultation_is_opened_moderated_and_answered_over_the_api() {
    let mut app = TestApp::new().await;
    let officer = app.token_as("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let evaluator = app.token_as("eval@opdc.go.th", Role::Evaluator, None).await;

    let (status, refused) = app
        .call(Method::POST, "/api/v1/staff/consultations", json!({"title": "x", "groups": []}), &officer)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&refused), ["groups"], "the unknown field is named");
    let mut late = consultation(3, 1);
    late["title"] = json!("");
    let (status, refused) = app.call(Method::POST, "/api/v1/staff/consultations", late, &officer).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_names(&refused).contains(&"title".to_owned()), "{refused}");

    let (status, created) =
        app.call(Method::POST, "/api/v1/staff/consultations", consultation(-1, 5), &officer).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();

    let public = format!("/consultations/{id}");
    let csrf = app.get(&public).await.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("body", "ควรจองผ่าน LINE ได้"),
        ("group", "public"),
        ("name", "สมศรี"),
        ("email", "somsri@example.com"),
    ];
    assert_eq!(app.post_form(&public, &fields).await.status, StatusCode::OK, "thanked on the page");

    let path = format!("/api/v1/staff/consultations/{id}");
    let (_, detail) = app.call(Method::GET, &path, Value::Null, &officer).await;
    assert_eq!(detail["consultation"]["phase"], "open");
    assert_eq!(detail["pending"][0]["name"], "สมศรี", "moderators see who wrote");
    let (_, masked) = app.call(Method::GET, &path, Value::Null, &evaluator).await;
    assert!(masked["pending"][0]["name"].is_null() && masked["pending"][0]["email"].is_null(), "{masked}");

    let comment = detail["pending"][0]["id"].as_i64().unwrap();
    let moderation = format!("/api/v1/staff/consultations/{id}/comments/{comment}/moderation");
    let (status, _) = app.call(Method::PUT, &moderation, json!({"decision": "pending"}), &officer).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a decision is published or rejected");
    let (status, _) = app.call(Method::PUT, &moderation, json!({"decision": "published"}), &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "evaluators change nothing");
    let (status, _) = app.call(Method::PUT, &moderation, json!({"decision": "published"}), &officer).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(app.get(&public).await.text.contains("ควรจองผ่าน LINE ได้"), "published on the public page");

    let response = format!("/api/v1/staff/consultations/{id}/response");
    let (status, _) = app.call(Method::PUT, &response, json!({"response": "รับไว้แล้ว"}), &officer).await;
    assert_eq!(status, StatusCode::CONFLICT, "comments are still open");

    let (_, closed) =
        app.call(Method::POST, "/api/v1/staff/consultations", consultation(-10, -1), &officer).await;
    let response = format!("/api/v1/staff/consultations/{}/response", closed["id"]);
    let (status, _) =
        app.call(Method::PUT, &response, json!({"response": "เพิ่มการจองผ่าน LINE"}), &officer).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, all) = app.call(Method::GET, "/api/v1/staff/consultations", Value::Null, &evaluator).await;
    let responded: Vec<_> = all.as_array().unwrap().iter().filter(|c| c["phase"] == "responded").collect();
    assert_eq!(responded.len(), 1);
    assert_eq!(responded[0]["response"], "เพิ่มการจองผ่าน LINE");
}

#[tokio::test]
async fn the_participation_report_counts_what_was_filed_in_the_period() {
    let mut app = TestApp::new().await;
    let evaluator = app.token_as("eval@opdc.go.th", Role::Evaluator, None).await;
    let filed = json!({"kind": "complaint", "service_id": "msat", "group_id": "provinces",
                       "subject": "สัญญาณหลุด", "details": "ภาพหายทุกบ่าย", "contact": {"email": "a@example.com"}});
    let sent =
        app.send(Method::POST, "/api/v1/submissions", "application/json", filed.to_string(), None).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);

    let (status, report) =
        app.call(Method::GET, "/api/v1/staff/reports/participation", Value::Null, &evaluator).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["total"], 1);
    assert_eq!(report["open"], 1);
    let count = |rows: &Value, key: &str| {
        rows.as_array().unwrap().iter().find(|r| r["key"] == key).map(|r| r["count"].clone())
    };
    assert_eq!(count(&report["by_kind"], "complaint"), Some(json!(1)));
    assert_eq!(count(&report["by_kind"], "request"), Some(json!(0)), "every kind has its row");
    assert_eq!(count(&report["by_service"], "msat"), Some(json!(1)));
    assert_eq!(count(&report["by_channel"], "api"), Some(json!(1)), "counted under the channel it came by");
    let (_, earlier) = app
        .call(Method::GET, "/api/v1/staff/reports/participation?period=2560-h2", Value::Null, &evaluator)
        .await;
    assert_eq!((earlier["period"].as_str(), earlier["total"].as_u64()), (Some("2560-h2"), Some(0)));
    let (status, refused) = app
        .call(Method::GET, "/api/v1/staff/reports/participation?period=soon", Value::Null, &evaluator)
        .await;
    assert_eq!(
        (status, field_names(&refused)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["period".to_owned()])
    );
    let anonymous = app.get("/api/v1/staff/reports/participation").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_directory_keeps_organisations_and_erases_a_contact_on_request() {
    let mut app = TestApp::new().await;
    let officer = app.token_as("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let evaluator = app.token_as("eval@opdc.go.th", Role::Evaluator, None).await;

    let (status, refused) = app
        .call(
            Method::POST,
            "/api/v1/staff/directory/organisations",
            json!({"name": "อบจ.เชียงใหม่", "group_id": "no-such-group"}),
            &officer,
        )
        .await;
    assert_eq!(
        (status, field_names(&refused)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["group_id".to_owned()])
    );
    let (status, organisation) = app
        .call(
            Method::POST,
            "/api/v1/staff/directory/organisations",
            json!({"name": "อบจ.เชียงใหม่", "group_id": "provinces", "province": "เชียงใหม่"}),
            &officer,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{organisation}");
    let contacts = format!("/api/v1/staff/directory/organisations/{}/contacts", organisation["id"]);
    let (status, refused) = app
        .call(
            Method::POST,
            &contacts,
            json!({"name": "นายสมชาย", "pdpa_basis": "consent", "given_on": "2026-11-24"}),
            &officer,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an e-mail address or a phone number is needed: {refused}"
    );
    let (status, contact) = app.call(Method::POST, &contacts,
        json!({"name": "นายสมชาย", "email": "somchai@example.com", "pdpa_basis": "consent", "given_on": "24/11/2569"}), &officer).await;
    assert_eq!(status, StatusCode::CREATED);

    let (_, listed) =
        app.call(Method::GET, "/api/v1/staff/directory?group_id=provinces", Value::Null, &officer).await;
    assert_eq!(listed[0]["contacts"][0]["given_on"], "2026-11-24", "a Thai date is read in the Buddhist Era");
    let (status, _) = app.call(Method::GET, "/api/v1/staff/directory", Value::Null, &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the directory is personal data, not evidence");

    let erase = format!("/api/v1/staff/directory/contacts/{}", contact["id"]);
    assert_eq!(app.call(Method::DELETE, &erase, Value::Null, &officer).await.0, StatusCode::NO_CONTENT);
    let (_, listed) = app.call(Method::GET, "/api/v1/staff/directory", Value::Null, &officer).await;
    let erased = &listed[0]["contacts"][0];
    assert!(
        erased["name"].is_null() && erased["email"].is_null() && erased["erased_at"].is_string(),
        "{erased}"
    );
    assert_eq!(erased["pdpa_basis"], "consent", "the record of the basis stays");
    assert_eq!(
        app.call(Method::DELETE, "/api/v1/staff/directory/contacts/9999", Value::Null, &officer).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn improvement_actions_and_standards_belong_to_the_services_division() {
    let mut app = TestApp::new().await;
    // msat is a service of the communication-technology division.
    let theirs = app.token_as("ct@ict.go.th", Role::Collector, Some("communication-technology")).await;
    let other = app.token_as("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let action = json!({"source": "item", "source_ref": "process-1", "service_id": "msat",
                        "what": "เพิ่มช่องทางจองผ่าน LINE", "owner": "ฝ่ายดาวเทียม", "due_on": "2027-03-31"});

    let (status, refused) = app
        .call(
            Method::POST,
            "/api/v1/staff/improvements",
            json!({"source": "item", "service_id": "nope", "what": "x", "owner": "y", "due_on": "later"}),
            &theirs,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_names(&refused).contains(&"due_on".to_owned()), "{refused}");
    assert_eq!(
        app.call(Method::POST, "/api/v1/staff/improvements", action.clone(), &other).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, created) =
        app.call(Method::POST, "/api/v1/staff/improvements", action.clone(), &theirs).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");

    let mut progressed = action.clone();
    progressed["status"] = json!("in-progress");
    progressed["progress"] = json!(40);
    let path = format!("/api/v1/staff/improvements/{}", created["id"]);
    assert_eq!(app.call(Method::PUT, &path, progressed.clone(), &other).await.0, StatusCode::FORBIDDEN);
    let (status, updated) = app.call(Method::PUT, &path, progressed, &theirs).await;
    assert_eq!(
        (status, &updated["status"], &updated["progress"]),
        (StatusCode::OK, &json!("in-progress"), &json!(40))
    );
    let (_, listed) = app.call(Method::GET, "/api/v1/staff/improvements", Value::Null, &other).await;
    assert_eq!(listed.as_array().unwrap().len(), 1, "every division reads every action");

    let standard = json!({"satisfied_min_pct": "85", "dissatisfied_max_pct": "5", "resolution_days": "15"});
    let path = "/api/v1/staff/service-standards/msat?year=2570";
    assert_eq!(app.call(Method::PUT, path, standard.clone(), &other).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.call(Method::PUT, path, standard, &theirs).await.0, StatusCode::NO_CONTENT);
    let (status, refused) = app.call(Method::PUT, path, json!({"satisfied_min_pct": "185"}), &theirs).await;
    assert_eq!(
        (status, field_names(&refused)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["satisfied_min_pct".to_owned()])
    );
    let (_, lines) =
        app.call(Method::GET, "/api/v1/staff/service-standards?year=2570", Value::Null, &other).await;
    let msat = lines.as_array().unwrap().iter().find(|l| l["service_id"] == "msat").unwrap();
    assert_eq!((&msat["satisfied_min_pct"], &msat["resolution_days"]), (&json!(85.0), &json!(15)));
}

#[tokio::test]
async fn the_audit_log_is_evidence_for_those_who_check_it() {
    let mut app = TestApp::new().await;
    let officer = app.token_as("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let evaluator = app.token_as("eval@opdc.go.th", Role::Evaluator, None).await;
    app.call(Method::POST, "/api/v1/staff/consultations", consultation(-1, 5), &officer).await;

    assert_eq!(
        app.call(Method::GET, "/api/v1/staff/audit", Value::Null, &officer).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, log) = app.call(Method::GET, "/api/v1/staff/audit?latest=1", Value::Null, &evaluator).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(log["intact"], true);
    assert!(log["entries_checked"].as_i64().unwrap() >= 3, "the users, the token and the consultation");
    assert_eq!(log["entries"].as_array().unwrap().len(), 1);
    assert_eq!(log["entries"][0]["entity"], "consultation");
    assert!(log["entries"][0]["after"].is_object(), "the change reads as JSON: {log}");
}

#[tokio::test]
async fn every_new_operation_is_in_the_openapi_document() {
    let mut app = TestApp::new().await;
    let doc = app.get("/api/v1/openapi.json").await.json();
    for (path, method) in [
        ("/api/v1/staff/consultations", "post"),
        ("/api/v1/staff/consultations/{id}", "get"),
        ("/api/v1/staff/consultations/{id}/comments/{comment}/moderation", "put"),
        ("/api/v1/staff/consultations/{id}/response", "put"),
        ("/api/v1/staff/reports/participation", "get"),
        ("/api/v1/staff/directory", "get"),
        ("/api/v1/staff/directory/organisations/{id}/contacts", "post"),
        ("/api/v1/staff/directory/contacts/{id}", "delete"),
        ("/api/v1/staff/improvements/{id}", "put"),
        ("/api/v1/staff/service-standards/{service}", "put"),
        ("/api/v1/staff/audit", "get"),
    ] {
        let operation = &doc["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is documented");
        assert!(operation["responses"]["401"].is_object(), "{method} {path} says a token is needed");
    }
}
