//! Links and paper responses over the API: single-use links mailed or handed
//! back (each answers once), and a filled paper template imported all or
//! none, with every wrong cell reported in Thai and English.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::satisfaction::standard::standard;
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::support::{TestApp, multipart_body};

async fn survey(app: &mut TestApp, token: &str, mode: &str) -> i64 {
    let now = OffsetDateTime::now_utc();
    let body = json!({"name": "สำรวจ", "service_ids": ["video-conference"], "group_ids": ["provinces"], "mode": mode,
        "opens_at": (now - Duration::days(1)).format(&Rfc3339).unwrap(),
        "closes_at": (now + Duration::days(9)).format(&Rfc3339).unwrap()});
    let created = app
        .send(Method::POST, "/api/v1/staff/surveys", "application/json", body.to_string(), Some(token))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.json()["id"].as_i64().unwrap()
}

fn answers() -> serde_json::Map<String, serde_json::Value> {
    standard().scale_items().map(|(_, i)| (i.code.clone(), json!(4))).collect()
}

#[tokio::test]
async fn links_are_mailed_or_handed_back_and_each_answers_once() {
    let app = &mut TestApp::new().await;
    let officer = app.add_user("comms@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let token = app.token_for(&officer).await;
    let id = survey(app, &token, "token").await;
    let path = format!("/api/v1/staff/surveys/{id}/tokens");

    let wrong = json!({"recipients": ["saraban@phrae.go.th", "ไม่ใช่อีเมล"]});
    let refused = app.send(Method::POST, &path, "application/json", wrong.to_string(), Some(&token)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json()["errors"][0]["field"], "recipients.2");
    assert!(app.state.store.outbox(10).await.unwrap().is_empty(), "nothing mailed");

    let asked = json!({"recipients": ["saraban@phrae.go.th"], "count": 2});
    let issued = app.send(Method::POST, &path, "application/json", asked.to_string(), Some(&token)).await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text);
    let issued = issued.json();
    assert_eq!((issued["mailed"].as_u64(), issued["skipped"].as_u64()), (Some(1), Some(0)));
    assert_eq!(app.state.store.outbox(10).await.unwrap()[0].recipient, "saraban@phrae.go.th");
    let link = issued["links"][0].as_str().unwrap();
    let secret = link.split("t=").nth(1).unwrap();
    let answer = json!({"group_id": "provinces", "service_id": "video-conference", "answers": answers(), "token": secret});
    let responses = format!("/api/v1/surveys/{id}/responses");
    let first = app.send(Method::POST, &responses, "application/json", answer.to_string(), None).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = app.send(Method::POST, &responses, "application/json", answer.to_string(), None).await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    let anonymous = survey(app, &token, "anonymous").await;
    let path = format!("/api/v1/staff/surveys/{anonymous}/tokens");
    let not_tokens = app
        .send(Method::POST, &path, "application/json", json!({"count": 1}).to_string(), Some(&token))
        .await;
    assert_eq!(not_tokens.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_paper_import_takes_every_row_or_none_and_names_each_wrong_cell_in_both_languages() {
    let app = &mut TestApp::new().await;
    let officer = app.add_user("comms@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let token = app.token_for(&officer).await;
    let id = survey(app, &token, "anonymous").await;
    let mut headings = vec!["กลุ่มผู้มีส่วนได้ส่วนเสีย".to_owned(), "บริการที่ใช้".to_owned()];
    headings.extend(standard().scale_items().map(|(_, i)| format!("{} {}", i.code, i.text_th)));
    let sheet = |score: &str| {
        let row = |s: &str| {
            let mut cells = vec!["provinces".to_owned(), "video-conference".to_owned()];
            cells.extend((0..22).map(|_| s.to_owned()));
            cells
        };
        ruamjai_docs::list::list_xlsx(Some("แบบบันทึก"), &headings, &[row("5"), row(score)]).unwrap()
    };
    let path = format!("/api/v1/staff/surveys/{id}/responses/import");
    let send = |content: Vec<u8>| multipart_body(&[], &[("file", "กระดาษ.xlsx", &content)]);

    let (content_type, body) = send(sheet("7"));
    let refused = app.send(Method::POST, &path, &content_type, body, Some(&token)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
    let errors = refused.json()["errors"].as_array().cloned().unwrap_or_else(|| panic!("{}", refused.text));
    assert_eq!(errors.len(), 22, "every wrong cell of the row");
    assert_eq!((errors[0]["row"].as_u64(), errors[0]["value"].as_str()), (Some(5), Some("7")));
    assert!(errors[0]["column"].as_str().is_some_and(|c| c.starts_with("process-1")), "{}", errors[0]);
    assert!(errors[0]["reason_th"].as_str().unwrap().contains("กรุณากรอกตัวเลข"), "{}", errors[0]);
    assert!(errors[0]["reason_en"].as_str().unwrap().contains("Enter a number"), "{}", errors[0]);
    let report = app.state.store.satisfaction_report(id, &Default::default()).await.unwrap();
    assert_eq!(report.responses, 0, "nothing of a refused sheet is kept");

    let (content_type, body) = send(sheet("ไม่เกี่ยวข้อง"));
    let taken = app.send(Method::POST, &path, &content_type, body, Some(&token)).await;
    assert_eq!(taken.status, StatusCode::CREATED, "{}", taken.text);
    assert_eq!(taken.json()["imported"], 2);
}
