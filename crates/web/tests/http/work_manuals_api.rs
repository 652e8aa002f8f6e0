//! Work manuals over the API: one manual from a blank draft to in force and
//! acknowledged, with the refusals a careless or crafted request meets.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::participation::consultation::format_iso_date;
use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::support::{TestApp, multipart_body, pdf_text};

fn fields(problem: &Value) -> Vec<&str> {
    problem["errors"]
        .as_array()
        .map(|e| e.iter().map(|e| e["field"].as_str().unwrap()).collect())
        .unwrap_or_default()
}

fn sections(days: u32) -> Value {
    json!({
        "objective": "เพื่อให้การตรวจสอบสถานะอุปกรณ์เครือข่ายเป็นมาตรฐานเดียวกัน",
        "scope": "อุปกรณ์เครือข่ายโทรคมนาคมทุกจังหวัด",
        "definitions": [{"term": "สถานะ", "meaning": "การทำงานของอุปกรณ์ ณ เวลาที่ตรวจ"}],
        "responsibilities": [{"role": "เจ้าหน้าที่ศูนย์ปฏิบัติการ", "duties": "เฝ้าระวังและแจ้งเหตุ"}],
        "steps": [
            {"title": "เริ่ม", "kind": "start"},
            {"title": "ตรวจสถานะ", "responsible": "เจ้าหน้าที่", "duration": {"value": 15, "unit": "minutes"}},
            {"title": "อุปกรณ์ทำงานปกติหรือไม่", "kind": "decision", "duration": {"value": 5, "unit": "minutes"}, "yes": 5, "no": 4},
            {"title": "แจ้งซ่อม", "duration": {"value": days, "unit": "working_days"}, "kind": "document", "forms": "แบบแจ้งซ่อม"},
            {"title": "จบ", "kind": "end"}
        ],
        "standards": "แจ้งซ่อมภายในวันที่พบ",
        "monitoring": "สรุปรายเดือนเสนอผู้อำนวยการส่วน",
        "change_summary": "จัดทำครั้งแรก"
    })
}

#[tokio::test]
async fn a_work_manual_goes_from_draft_to_in_force_and_is_acknowledged_over_the_api() {
    let mut app = TestApp::new().await;
    let officer = app.token_as("noc@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let reader = app.token_as("noc2@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let outsider = app.token_as("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let collector = app.token_as("chief@ict.go.th", Role::Collector, Some("infrastructure")).await;
    let director = app.token_as("director@ict.go.th", Role::Director, None).await;

    let new = json!({"service_id": "network-status", "title_th": "การตรวจสอบสถานะอุปกรณ์เครือข่าย",
                     "audience": {"roles": ["officer"], "divisions": ["infrastructure"]}});
    let (status, refused) = app
        .call(Method::POST, "/api/v1/staff/work-manuals", json!({"service": "network-status"}), &officer)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&refused), ["service"], "the unknown field is named");
    let (status, _) = app.call(Method::POST, "/api/v1/staff/work-manuals", new.clone(), &outsider).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "not another division's service");
    let (status, created) = app.call(Method::POST, "/api/v1/staff/work-manuals", new, &officer).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["code"], "WM-INFRASTRUCTURE-NETWORK-STATUS-01");
    let base = format!("/api/v1/staff/work-manuals/{}", created["id"]);

    let mut bad = sections(2);
    bad["steps"][2]["yes"] = json!(9);
    bad["steps"][1]["duration"] = json!({"value": -1, "unit": "minutes"});
    let (status, refused) = app.call(Method::PUT, &format!("{base}/draft"), bad, &officer).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&refused), ["steps.2.duration.value", "steps.3.yes"]);
    let (status, _) =
        app.call(Method::PUT, &format!("{base}/draft"), json!({"objective": "ก"}), &officer).await;
    assert_eq!(status, StatusCode::OK);
    let submit = json!({"action": "submit"});
    let (status, refused) =
        app.call(Method::POST, &format!("{base}/actions"), submit.clone(), &officer).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "required sections are missing");
    assert_eq!(fields(&refused), ["scope", "responsibilities", "steps", "standards", "monitoring"]);
    let (status, draft) = app.call(Method::PUT, &format!("{base}/draft"), sections(2), &officer).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(draft["draft"]["label"], "0");
    assert_eq!(draft["draft"]["content"]["steps"][3]["kind"], "document");
    let (status, _) = app.call(Method::PUT, &format!("{base}/draft"), sections(3), &outsider).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, _) = app.call(Method::POST, &format!("{base}/actions"), submit, &officer).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.call(Method::PUT, &format!("{base}/draft"), sections(3), &officer).await;
    assert_eq!(status, StatusCode::CONFLICT, "in review, not editable");
    let (status, _) =
        app.call(Method::POST, &format!("{base}/actions"), json!({"action": "review"}), &collector).await;
    assert_eq!(status, StatusCode::OK);
    let today = format_iso_date(bangkok_date(OffsetDateTime::now_utc()));
    let approve = json!({"action": "approve", "effective_date": today});
    let (status, refused) =
        app.call(Method::POST, &format!("{base}/actions"), approve.clone(), &collector).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the director approves: {refused}");
    let (status, body) = app.call(Method::POST, &format!("{base}/actions"), approve, &director).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["effective_revision"], "0");
    let revision = &body["revisions"][0];
    assert_eq!(revision["stage"], "effective");
    assert_eq!(revision["audience_size"], 2);
    assert_eq!(revision["content_hash"].as_str().unwrap().len(), 64);
    assert!(revision["author"]["name"].is_string() && revision["approver"]["signed_at"].is_string());
    assert!(body["review_due"].is_string());

    let pdf = app.send(Method::GET, &format!("{base}/revisions/0.pdf"), "", "", Some(&reader)).await;
    assert_eq!((pdf.status, pdf.header("content-type")), (StatusCode::OK, "application/pdf"));
    let text = pdf_text(&pdf.bytes);
    for part in ["คู่มือการปฏิบัติงาน", "WM-INFRASTRUCTURE-NETWORK-STATUS-01", "ผังกระบวนการ", "แบบแจ้งซ่อม"]
    {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert!(text.contains(revision["content_hash"].as_str().unwrap()), "the hash at the foot");
    assert!(!text.contains("ฉบับร่าง") && !text.contains("ยกเลิกแล้ว"), "in force: no watermark");
    let again = app.send(Method::GET, &format!("{base}/revisions/0.pdf"), "", "", Some(&reader)).await;
    assert_eq!(again.bytes, pdf.bytes, "kept, not typeset again differently");
    let docx = app.send(Method::GET, &format!("{base}/revisions/0.docx"), "", "", Some(&reader)).await;
    assert_eq!(docx.status, StatusCode::OK);
    assert!(docx.header("content-type").contains("wordprocessingml") && docx.bytes.starts_with(b"PK"));
    for missing in ["7.pdf", "0.txt", "x.pdf"] {
        let response =
            app.send(Method::GET, &format!("{base}/revisions/{missing}"), "", "", Some(&reader)).await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{missing}");
    }
    let anonymous = app.send(Method::GET, &format!("{base}/revisions/0.pdf"), "", "", None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    let ack = format!("{base}/revisions/0/acknowledgement");
    assert_eq!(app.call(Method::POST, &ack, Value::Null, &reader).await.0, StatusCode::CREATED);
    assert_eq!(
        app.call(Method::POST, &ack, Value::Null, &reader).await.0,
        StatusCode::OK,
        "nothing duplicated"
    );
    assert_eq!(app.call(Method::POST, &ack, Value::Null, &outsider).await.0, StatusCode::FORBIDDEN);
    let later = format!("{base}/revisions/3/acknowledgement");
    assert_eq!(app.call(Method::POST, &later, Value::Null, &reader).await.0, StatusCode::CONFLICT);

    let (status, _) = app.call(Method::PUT, &format!("{base}/draft"), sections(3), &officer).await;
    assert_eq!(status, StatusCode::OK);
    let draft = app.send(Method::GET, &format!("{base}/revisions/1.pdf"), "", "", Some(&officer)).await;
    assert!(pdf_text(&draft.bytes).contains("ฉบับร่าง"), "a draft prints as one");
    let (status, diff) =
        app.call(Method::GET, &format!("{base}/diff?from=0&to=1"), Value::Null, &reader).await;
    assert_eq!(status, StatusCode::OK, "{diff}");
    assert_eq!(
        diff["steps"],
        json!([{"number": 4, "change": "changed", "title": "แจ้งซ่อม",
        "fields": {"duration": {"from": {"value": 2, "unit": "working_days"}, "to": {"value": 3, "unit": "working_days"}}}}])
    );
    let (status, refused) =
        app.call(Method::GET, &format!("{base}/diff?from=0&to=x"), Value::Null, &reader).await;
    assert_eq!((status, fields(&refused)), (StatusCode::UNPROCESSABLE_ENTITY, vec!["to"]));

    let (status, list) = app
        .call(Method::GET, "/api/v1/staff/work-manuals?division=infrastructure", Value::Null, &outsider)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["items"][0]["draft"], json!({"revision": "1", "stage": "draft"}));
    let document = app.get("/api/v1/openapi.json").await.json();
    assert!(document["paths"]["/api/v1/staff/work-manuals/{id}/diff"]["get"].is_object());
}

#[tokio::test]
async fn a_form_file_is_attached_to_the_draft_and_the_public_gets_it_once_in_force() {
    let mut app = TestApp::new().await;
    let officer = app.token_as("noc@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let outsider = app.token_as("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let collector = app.token_as("chief@ict.go.th", Role::Collector, Some("infrastructure")).await;
    let director = app.token_as("director@ict.go.th", Role::Director, None).await;
    let new = json!({"service_id": "network-status", "title_th": "การแจ้งซ่อมอุปกรณ์เครือข่าย",
                     "audience": {"roles": ["officer"]}});
    let (_, created) = app.call(Method::POST, "/api/v1/staff/work-manuals", new, &officer).await;
    let base = format!("/api/v1/staff/work-manuals/{}", created["id"]);
    let upload =
        |title: &str, name: &str, bytes: &[u8]| multipart_body(&[("title", title)], &[("file", name, bytes)]);
    let path = format!("{base}/forms");

    let (content_type, body) = upload("แบบแจ้งซ่อม", "แจ้งซ่อม.pdf", b"%PDF-1.7 repair form");
    let early = app.send(Method::POST, &path, &content_type, body, Some(&officer)).await;
    assert_eq!(early.status, StatusCode::CONFLICT, "no draft to attach to yet: {}", early.text);
    app.call(Method::PUT, &format!("{base}/draft"), sections(1), &officer).await;
    let (content_type, body) = upload("แบบแจ้งซ่อม", "แจ้งซ่อม.exe", b"MZ not a form");
    let refused = app.send(Method::POST, &path, &content_type, body, Some(&officer)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&refused.json()), ["forms.new.file"], "the file is named");
    let (content_type, body) = upload("แบบแจ้งซ่อม", "แจ้งซ่อม.pdf", b"%PDF-1.7 repair form");
    let forbidden = app.send(Method::POST, &path, &content_type, body.clone(), Some(&outsider)).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN, "another division's officer");
    let attached = app.send(Method::POST, &path, &content_type, body, Some(&officer)).await;
    assert_eq!(attached.status, StatusCode::CREATED, "{}", attached.text);
    let url = attached.json()["url"].as_str().unwrap().to_owned();
    let (_, shown) = app.call(Method::GET, &base, json!(null), &officer).await;
    assert_eq!(shown["draft"]["content"]["forms"][0]["url"], url.as_str(), "{shown}");
    assert_eq!(app.get(&url).await.status, StatusCode::NOT_FOUND, "a draft's form is not public");

    for (action, by) in [("submit", &officer), ("review", &collector)] {
        app.call(Method::POST, &format!("{base}/actions"), json!({"action": action}), by).await;
    }
    let today = format_iso_date(bangkok_date(OffsetDateTime::now_utc()));
    let approve = json!({"action": "approve", "effective_date": today});
    app.call(Method::POST, &format!("{base}/actions"), approve, &director).await;
    app.call(Method::PUT, &format!("{base}/public"), json!({"public": true}), &director).await;
    let public = app.get(&url).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(public.bytes, b"%PDF-1.7 repair form");
    let page = app.get(&format!("/work-manuals/{}", created["id"])).await;
    assert!(page.text.contains(&format!("href=\"{url}\"")), "the public page links the form");
    let pdf = app.get(&format!("/work-manuals/{}/manual.pdf", created["id"])).await;
    assert!(!pdf.header("etag").is_empty(), "the public copy carries its tag");
    let printed = pdf_text(&pdf.bytes);
    assert!(printed.contains("8.แบบฟอร์มที่ใช้1.แบบแจ้งซ่อม"), "the printed copy names the form: {printed}");
}

#[tokio::test]
async fn the_details_change_over_the_api_until_a_revision_goes_to_review() {
    let mut app = TestApp::new().await;
    let officer = app.token_as("noc@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let collector = app.token_as("chief@ict.go.th", Role::Collector, Some("infrastructure")).await;
    let new = json!({"service_id": "network-status", "title_th": "การตรวจสอบสถานะ",
                     "audience": {"roles": ["officer"]}});
    let (_, created) = app.call(Method::POST, "/api/v1/staff/work-manuals", new, &officer).await;
    let base = format!("/api/v1/staff/work-manuals/{}", created["id"]);
    let details = json!({"code": "WM-NOC-STATUS-01", "title_th": "การตรวจสอบสถานะอุปกรณ์",
                         "audience": {"roles": ["officer", "collector"], "divisions": ["infrastructure"]}});
    let (status, shown) = app.call(Method::PUT, &base, details.clone(), &officer).await;
    assert_eq!(status, StatusCode::OK, "{shown}");
    assert_eq!(
        (shown["code"].as_str(), shown["title_th"].as_str()),
        (Some("WM-NOC-STATUS-01"), Some("การตรวจสอบสถานะอุปกรณ์"))
    );
    assert_eq!(shown["audience"]["roles"], json!(["officer", "collector"]));
    let (status, refused) =
        app.call(Method::PUT, &base, json!({"code": "", "title_th": "ก", "audience": {}}), &officer).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&refused), ["code", "audience"]);
    app.call(Method::PUT, &format!("{base}/draft"), sections(1), &officer).await;
    app.call(Method::POST, &format!("{base}/actions"), json!({"action": "submit"}), &officer).await;
    let renamed =
        json!({"code": "WM-NOC-STATUS-02", "title_th": "ชื่อใหม่", "audience": {"roles": ["officer"]}});
    let (status, conflict) = app.call(Method::PUT, &base, renamed, &collector).await;
    assert_eq!(status, StatusCode::CONFLICT, "{conflict}");
    let audience_only = json!({"code": "WM-NOC-STATUS-01", "title_th": "การตรวจสอบสถานะอุปกรณ์",
                               "audience": {"roles": ["officer"]}});
    let (status, _) = app.call(Method::PUT, &base, audience_only, &collector).await;
    assert_eq!(status, StatusCode::OK, "the audience may change in review");
}
