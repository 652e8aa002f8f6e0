//! Citizen manuals over HTTP: the staff API from draft to publication with
//! its role checks and refusals, and the public API, pages and flowchart.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use serde_json::{Value, json};

use crate::support::{TestApp, TestResponse, multipart_body, pdf_text};

const SERVICE: &str = "video-conference";
const DIVISION: &str = "communication-technology";

/// The test manual: four steps, one a decision, as the API takes it.
fn manual() -> Value {
    serde_json::from_str(include_str!("../fixtures/manual.json")).unwrap()
}

struct Staff {
    officer: String,
    collector: String,
    director: String,
}

async fn staff(app: &TestApp) -> Staff {
    let officer = app.add_user("officer@moi.go.th", Role::Officer, Some(DIVISION)).await;
    let collector = app.add_user("collector@moi.go.th", Role::Collector, Some(DIVISION)).await;
    let director = app.add_user("director@moi.go.th", Role::Director, None).await;
    Staff {
        officer: app.token_for(&officer).await,
        collector: app.token_for(&collector).await,
        director: app.token_for(&director).await,
    }
}

async fn call(app: &mut TestApp, method: Method, path: &str, body: Value, token: &str) -> TestResponse {
    app.send(
        method,
        &format!("/api/v1/staff/services/{SERVICE}/manual{path}"),
        "application/json",
        body.to_string(),
        Some(token),
    )
    .await
}

async fn save(app: &mut TestApp, manual: Value, token: &str) -> TestResponse {
    call(app, Method::PUT, "", json!({"change_summary": "ฉบับแรก", "manual": manual}), token).await
}

async fn act(app: &mut TestApp, action: &str, token: &str) -> TestResponse {
    call(app, Method::POST, "/actions", json!({"action": action, "comment": "ตรวจแล้ว"}), token).await
}

fn announcement() -> Value {
    json!({"announcement": {"date": "2026-11-25", "channels": ["website", "notice_board"]}})
}

fn error_fields(response: &TestResponse) -> Vec<String> {
    let errors = response.json()["errors"].as_array().cloned().unwrap_or_default();
    errors.iter().map(|e| e["field"].as_str().unwrap_or_default().to_owned()).collect()
}

/// An app where the test manual went through review and is in force.
async fn published() -> TestApp {
    published_by_staff().await.0
}

async fn published_by_staff() -> (TestApp, Staff) {
    let mut app = TestApp::new().await;
    let staff = staff(&app).await;
    save(&mut app, manual(), &staff.officer).await;
    act(&mut app, "submit", &staff.officer).await;
    act(&mut app, "approve", &staff.collector).await;
    call(&mut app, Method::POST, "/publication", announcement(), &staff.director).await;
    (app, staff)
}

#[tokio::test]
async fn an_officer_drafts_a_collector_approves_and_the_director_publishes() {
    let mut app = TestApp::new().await;
    let staff = staff(&app).await;
    let saved = save(&mut app, manual(), &staff.officer).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.json()["standing"], "draft");
    assert_eq!(saved.json()["missing_sections"], json!([]));
    assert_eq!(app.get(&format!("/api/v1/services/{SERVICE}/manual")).await.status, StatusCode::NOT_FOUND);

    assert_eq!(act(&mut app, "submit", &staff.officer).await.json()["standing"], "in_review");
    assert_eq!(act(&mut app, "approve", &staff.collector).await.json()["standing"], "approved");
    let published = call(&mut app, Method::POST, "/publication", announcement(), &staff.director).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
    assert_eq!(published.json()["standing"], "current");

    let public = app.get(&format!("/api/v1/services/{SERVICE}/manual")).await;
    assert_eq!(public.status, StatusCode::OK);
    let body = public.json();
    assert_eq!(body["revision"], 1);
    assert_eq!(body["steps"][1]["kind"], "decision");
    assert_eq!((body["steps"][1]["yes"].clone(), body["steps"][1]["no"].clone()), (json!(3), json!(4)));
    assert_eq!(body["steps"][2]["then"], "end");
    assert_eq!(body["total_duration"]["working_days"], 2);
    assert_eq!(body["total_duration"]["hours"], 1);
    assert_eq!(body["total_duration"]["minutes"], 30);
    assert_eq!(body["total_duration"]["text"], "2 วันทำการ 1 ชั่วโมง 30 นาที");
    assert_eq!(body["no_fee"], true);
    assert!(body["flowchart_url"].as_str().unwrap().ends_with("/services/video-conference/flowchart.svg"));
}

#[tokio::test]
async fn bad_durations_branches_and_units_are_refused_with_the_field_named() {
    let mut app = TestApp::new().await;
    let staff = staff(&app).await;
    let mut bad = manual();
    bad["steps"][0]["duration"] = json!({"value": -1, "unit": "minutes"});
    bad["steps"][2]["duration"] = json!({"value": 2, "unit": "fortnights"});
    bad["steps"][3]["duration"] = json!({"value": 100_000, "unit": "days"});
    bad["steps"][1].as_object_mut().unwrap().remove("no");
    let refused = save(&mut app, bad, &staff.officer).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_fields(&refused),
        ["steps.1.duration.value", "steps.2.no", "steps.3.duration.unit", "steps.4.duration.value"]
    );
    let messages = refused.json()["errors"].clone();
    assert_eq!(messages[0]["message"], "กรุณากรอกตัวเลขตั้งแต่ 0 ถึง 1440", "Thai first");
    assert_eq!(messages[2]["message"], "ไม่มีตัวเลือกนี้ กรุณาเลือกจากรายการ");
    let versions = call(&mut app, Method::GET, "/versions", Value::Null, &staff.officer).await;
    assert_eq!(versions.json(), json!([]), "nothing stored");
}

#[tokio::test]
async fn submitting_or_publishing_with_sections_missing_lists_them() {
    let mut app = TestApp::new().await;
    let staff = staff(&app).await;
    let mut partial = manual();
    partial["legal_basis"] = json!("");
    partial.as_object_mut().unwrap().remove("fees");
    let saved = save(&mut app, partial, &staff.officer).await;
    assert_eq!(saved.json()["missing_sections"], json!(["legal_basis", "fees"]));
    let refused = act(&mut app, "submit", &staff.officer).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&refused), ["legal_basis", "fees"]);
    let early = call(&mut app, Method::POST, "/publication", announcement(), &staff.director).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY, "still missing sections");
    let no_channel = call(
        &mut app,
        Method::POST,
        "/publication",
        json!({"announcement": {"date": "2026-11-25", "channels": []}}),
        &staff.director,
    )
    .await;
    assert_eq!(error_fields(&no_channel), ["announcement.channels"]);
}

#[tokio::test]
async fn only_collectors_of_the_division_and_the_director_may_approve_and_publish() {
    let mut app = TestApp::new().await;
    let staff = staff(&app).await;
    let others = [
        ("admin@moi.go.th", Role::Administrator, None),
        ("evaluator@moi.go.th", Role::Evaluator, None),
        ("other.collector@moi.go.th", Role::Collector, Some("strategy")),
        ("other.officer@moi.go.th", Role::Officer, Some("strategy")),
    ];
    let mut outsiders = Vec::new();
    for (email, role, division) in others {
        let user = app.add_user(email, role, division).await;
        outsiders.push(app.token_for(&user).await);
    }
    for token in &outsiders {
        assert_eq!(save(&mut app, manual(), token).await.status, StatusCode::FORBIDDEN);
    }
    save(&mut app, manual(), &staff.officer).await;
    act(&mut app, "submit", &staff.officer).await;
    for token in outsiders.iter().chain([&staff.officer]) {
        assert_eq!(act(&mut app, "approve", token).await.status, StatusCode::FORBIDDEN);
    }
    assert_eq!(act(&mut app, "return", &staff.officer).await.status, StatusCode::FORBIDDEN);
    assert_eq!(act(&mut app, "approve", &staff.director).await.status, StatusCode::OK);
    for token in outsiders.iter().chain([&staff.officer]) {
        let refused = call(&mut app, Method::POST, "/publication", announcement(), token).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    let by_collector = call(&mut app, Method::POST, "/publication", announcement(), &staff.collector).await;
    assert_eq!(by_collector.status, StatusCode::OK);
    let twice = call(&mut app, Method::POST, "/publication", announcement(), &staff.director).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "nothing left to publish");
}

#[tokio::test]
async fn the_public_finds_the_manual_by_a_thai_word_and_reads_it_with_its_flowchart() {
    let mut app = published().await;

    let charter = app.get("/services").await;
    assert_eq!(charter.status, StatusCode::OK);
    assert!(charter.text.contains("2 วันทำการ 1 ชั่วโมง 30 นาที"), "the standard time");
    assert!(charter.text.contains("ไม่มีค่าธรรมเนียม"));
    assert!(charter.text.contains("คู่มือของบริการนี้กำลังจัดทำ"), "services without a manual say so");

    let found = app.get("/services?q=%E0%B8%88%E0%B8%B1%E0%B8%87%E0%B8%AB%E0%B8%A7%E0%B8%B1%E0%B8%94").await; // จังหวัด
    assert!(found.text.contains(&format!("/services/{SERVICE}/manual")), "a word mid-sentence is found");
    assert!(found.text.contains("พบ 1 บริการ"), "{}", found.text);
    let none =
        app.get("/services?q=%E0%B8%94%E0%B8%B2%E0%B8%A7%E0%B9%80%E0%B8%97%E0%B8%B5%E0%B8%A2%E0%B8%A1").await; // ดาวเทียม
    assert!(none.text.contains("ไม่พบคู่มือ"));

    let page = app.get(&format!("/services/{SERVICE}/manual")).await;
    assert_eq!(page.status, StatusCode::OK);
    let headings = ["หน่วยงานที่รับผิดชอบ", "หลักเกณฑ์ตามกฎหมาย", "ช่องทางการให้บริการ", "ขั้นตอน", "ค่าธรรมเนียม"];
    let positions: Vec<usize> = headings.iter().map(|h| page.text.find(h).expect(h)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "sections in the model's order");
    assert!(page.text.contains("<svg") && page.text.contains("<desc id=\"fc-desc\">4 ขั้นตอน"));
    assert!(page.text.contains("ใช่ → ขั้นตอนที่ 3 · ไม่ใช่ → ขั้นตอนที่ 4"), "branches in words beside the chart");

    let svg = app.get(&format!("/services/{SERVICE}/flowchart.svg")).await;
    assert_eq!(svg.header("content-type"), "image/svg+xml");
    assert!(svg.text.contains("ติดตั้งและทดสอบระบบ"));
    app.extra_headers.push(("accept-language", "en".into()));
    let english = app.get(&format!("/api/v1/services/{SERVICE}/manual")).await;
    assert_eq!(english.json()["total_duration"]["text"], "2 working days 1 hour 30 minutes");
    assert_eq!(app.get("/services/msat/manual").await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/services/no-such/flowchart.svg").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_published_manual_prints_as_a_pdf_with_its_flowchart_and_as_a_qr_poster() {
    let mut app = published().await;
    let page = app.get(&format!("/services/{SERVICE}/manual")).await;
    assert!(page.text.contains(&format!("/services/{SERVICE}/manual.pdf")), "the page links the PDF");
    let api = app.get(&format!("/api/v1/services/{SERVICE}/manual")).await;
    assert!(api.json()["pdf_url"].as_str().unwrap().ends_with(&format!("/services/{SERVICE}/manual.pdf")));

    let pdf = app.get(&format!("/services/{SERVICE}/manual.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.text);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    assert!(pdf.header("content-disposition").starts_with("inline"), "opens in the phone's viewer");
    let text = pdf_text(&pdf.bytes);
    let in_order = [
        "คู่มือสำหรับประชาชน",
        "หน่วยงานที่รับผิดชอบ",
        "หลักเกณฑ์ตามกฎหมาย",
        "ช่องทางการให้บริการ",
        "ขั้นตอน",
        // The table of steps, then the flowchart's boxes.
        "ติดตั้งและทดสอบระบบ",
        "1.รับคำขอใช้ห้องประชุมทางไกล",
        "4.แจ้งเสนอวันเวลาอื่น",
        "สิ้นสุด",
        "รายการเอกสารหลักฐานประกอบ",
        "หนังสือขอใช้บริการ",
        "ไม่มีค่าธรรมเนียม",
        "ศูนย์ดำรงธรรม",
    ];
    let mut from = 0;
    for part in in_order {
        let at = text[from..].find(part).unwrap_or_else(|| panic!("{part} after byte {from} in {text}"));
        from += at + part.len();
    }
    let again = app.get(&format!("/services/{SERVICE}/manual.pdf")).await;
    assert_eq!(again.bytes, pdf.bytes, "the same version gives the same document");
    let thai = app.get(&format!("/services/{SERVICE}/manual.pdf?digits=thai")).await;
    assert!(pdf_text(&thai.bytes).contains("๔.แจ้งเสนอวันเวลาอื่น"), "Thai digits on request");

    let poster = app.get(&format!("/services/{SERVICE}/poster.pdf")).await;
    assert_eq!(poster.status, StatusCode::OK);
    let text = pdf_text(&poster.bytes);
    assert!(text.contains(&format!("/services/{SERVICE}/manual")), "the address is printed: {text}");
    assert!(text.contains("ระยะเวลาดำเนินการรวม"), "{text}");
    assert_eq!(app.get("/services/msat/manual.pdf").await.status, StatusCode::NOT_FOUND, "nothing published");
}

#[tokio::test]
async fn the_contact_chart_routes_each_need_and_each_service_to_its_division() {
    let mut app = published().await;
    let chart = app.get("/contact").await;
    assert_eq!(chart.status, StatusCode::OK);
    for route in ["/participate", "/track", "/consultations", "/activities", "#services"] {
        assert!(chart.text.contains(&format!("href=\"{route}\"")), "{route}");
    }
    assert_eq!(chart.text.matches("class=\"contact-group\"").count(), 4, "{}", chart.text);
    assert!(
        chart.text.contains(&format!("href=\"/services/{SERVICE}/manual\"")),
        "a published manual is linked"
    );
    assert!(!chart.text.contains("href=\"/services/msat/manual\""), "an unpublished one is not");
}

#[tokio::test]
async fn the_manual_page_is_sent_gzipped_to_browsers_that_take_it() {
    use std::io::Read;
    let mut app = published().await;
    let plain = app.get(&format!("/services/{SERVICE}/manual")).await;
    app.extra_headers.push(("accept-encoding", "gzip, deflate, br".into()));
    let gzipped = app.get(&format!("/services/{SERVICE}/manual")).await;
    assert_eq!(gzipped.header("content-encoding"), "gzip");
    assert_eq!(gzipped.header("vary"), "accept-encoding");
    let mut html = String::new();
    flate2::read::GzDecoder::new(&gzipped.bytes[..]).read_to_string(&mut html).unwrap();
    assert_eq!(html, plain.text, "the same page");
    assert!(gzipped.bytes.len() * 3 < plain.bytes.len(), "a third of the bytes or less");
    app.extra_headers.push(("accept-encoding", "gzip;q=0".into()));
    let refused = app.get(&format!("/services/{SERVICE}/manual")).await;
    assert!(refused.headers.get("content-encoding").is_none(), "gzip;q=0 refuses it");
}

#[tokio::test]
async fn a_published_pdf_is_sent_gzipped_with_a_tag_and_not_again_to_a_browser_that_has_it() {
    use std::io::Read;
    let mut app = published().await;
    let path = format!("/services/{SERVICE}/manual.pdf");
    let plain = app.get(&path).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(plain.headers.get("content-encoding").is_none(), "no gzip unless asked for");
    let tag = plain.header("etag").to_owned();
    assert!(tag.starts_with('"') && tag.len() == 34, "a strong tag: {tag}");
    app.extra_headers.push(("accept-encoding", "gzip, deflate, br".into()));
    let gzipped = app.get(&path).await;
    assert_eq!((gzipped.header("content-encoding"), gzipped.header("vary")), ("gzip", "accept-encoding"));
    assert_eq!(gzipped.header("etag"), tag, "one tag for the one document");
    let mut pdf = Vec::new();
    flate2::read::GzDecoder::new(&gzipped.bytes[..]).read_to_end(&mut pdf).unwrap();
    assert_eq!(pdf, plain.bytes, "the same bytes");
    assert!(gzipped.bytes.len() < plain.bytes.len() * 3 / 4, "a quarter smaller at least");
    app.extra_headers.push(("if-none-match", tag.clone()));
    let again = app.get(&path).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.bytes.is_empty(), "nothing sent again");
    app.extra_headers.retain(|(name, _)| *name != "if-none-match");
    app.extra_headers.push(("if-none-match", "\"stale\"".into()));
    assert_eq!(app.get(&path).await.status, StatusCode::OK, "another tag gets the document");
}

#[tokio::test]
async fn a_form_file_attached_over_the_api_joins_the_draft_and_goes_public_with_it() {
    let (mut app, staff) = published_by_staff().await;
    let outsider = app.add_user("other.officer@moi.go.th", Role::Officer, Some("strategy")).await;
    let outsider = app.token_for(&outsider).await;
    let path = format!("/api/v1/staff/services/{SERVICE}/manual/forms");
    let form = b"PK\x03\x04 not an office document";
    let (content_type, body) = multipart_body(&[("title", "แบบคำขอ")], &[("file", "คำขอ.docx", form)]);
    let refused = app.send(Method::POST, &path, &content_type, body, Some(&staff.officer)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "a ZIP that is no Word file is refused");
    assert_eq!(error_fields(&refused), ["forms.new.file"]);

    let (content_type, body) =
        multipart_body(&[("title", "แบบคำขอ")], &[("file", "คำขอ.pdf", b"%PDF-1.7 form")]);
    let outsider = app.send(Method::POST, &path, &content_type, body.clone(), Some(&outsider)).await;
    assert_eq!(outsider.status, StatusCode::FORBIDDEN);
    let attached = app.send(Method::POST, &path, &content_type, body, Some(&staff.officer)).await;
    assert_eq!(attached.status, StatusCode::CREATED, "{}", attached.text);
    let url = attached.json()["url"].as_str().unwrap().to_owned();
    assert_eq!(attached.json()["media_type"], "application/pdf");
    assert_eq!(attached.json()["file_name"], "คำขอ.pdf");
    assert_eq!(app.get(&url).await.status, StatusCode::NOT_FOUND, "revision 2 is only a draft");

    let versions = call(&mut app, Method::GET, "/versions", json!(null), &staff.officer).await.json();
    assert_eq!(versions[1]["standing"], "draft", "the form started revision 2 from revision 1");
    act(&mut app, "submit", &staff.officer).await;
    let (content_type, body) = multipart_body(&[("title", "อีกฉบับ")], &[("file", "b.pdf", b"%PDF-1.7")]);
    let in_review = app.send(Method::POST, &path, &content_type, body, Some(&staff.officer)).await;
    assert_eq!(in_review.status, StatusCode::CONFLICT, "a version in review takes no new file");
    act(&mut app, "approve", &staff.collector).await;
    call(&mut app, Method::POST, "/publication", announcement(), &staff.director).await;

    assert_eq!(app.get(&url).await.bytes, b"%PDF-1.7 form");
    let public = app.get(&format!("/api/v1/services/{SERVICE}/manual")).await.json();
    let forms = public["forms"].as_array().unwrap();
    assert_eq!(forms.last().unwrap()["url"], url.as_str(), "{forms:?}");
}
