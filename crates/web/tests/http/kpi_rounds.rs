//! Handing a round in over the API and on its page: a pack requested and
//! followed as a job, downloaded as a bag that verifies and carries the
//! evaluation exactly as the API gives it; the director's seal; the
//! committee's remarks — and every refusal with its status and field.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::FiscalYear;
use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::support::{PASSWORD, TestApp};

fn this_year() -> i32 {
    FiscalYear::of(OffsetDateTime::now_utc()).be()
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect()
}

/// Follows a job until it is done or failed.
async fn finished(app: &mut TestApp, job: i64, token: &str) -> Value {
    for _ in 0..600 {
        let (status, body) =
            app.call(Method::GET, &format!("/api/v1/staff/jobs/{job}"), Value::Null, token).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        if matches!(body["state"].as_str(), Some("done" | "failed")) {
            return body;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("job {job} did not finish");
}

fn kpi_json_of(zip: &[u8]) -> Value {
    let dir = std::env::temp_dir().join(format!("ruamjai-http-pack-{}-{}", std::process::id(), zip.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("pack.zip");
    std::fs::write(&path, zip).unwrap();
    let checked = ruamjai_app::kpi::pack::verify::verify(&path, |_| {}).unwrap();
    assert!(checked.holds(), "{:?}", checked.problems());
    let mut bag = ruamjai_bagit::Bag::open(std::io::Cursor::new(zip)).unwrap();
    let json: Value = serde_json::from_reader(bag.file("data/kpi.json").unwrap().unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    json
}

#[tokio::test]
async fn a_pack_is_requested_followed_downloaded_sealed_and_discussed_over_the_api() {
    let mut app = TestApp::new().await;
    let year = this_year();
    let collector = app.token_as("collector@ict.go.th", Role::Collector, Some("strategy")).await;
    let director = app.token_as("director@ict.go.th", Role::Director, None).await;
    let evaluator = app.token_as("evaluator@opdc.go.th", Role::Evaluator, None).await;
    let officer = app.token_as("officer@ict.go.th", Role::Officer, Some("strategy")).await;
    let packs = format!("/api/v1/staff/kpi/{year}/packs");
    let seals = format!("/api/v1/staff/kpi/{year}/seals");

    let (status, _) = app.call(Method::POST, &packs, json!({"round": 12}), &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the committee reads the evidence, the Center hands it in");
    let (status, _) = app.call(Method::POST, &packs, json!({"round": "x", "extra": 1}), &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "who may is said before what was sent is judged");
    let sign_off = format!("/api/v1/staff/kpi/{year}/indicators/4/steps/1/sign-off");
    let (status, _) = app.call(Method::POST, &sign_off, json!({"met": "maybe"}), &collector).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a step's sign-off is the director's, whatever the body");
    let (status, refused) = app.call(Method::POST, &packs, json!({"round": 7}), &collector).await;
    assert_eq!((status, fields(&refused)), (StatusCode::UNPROCESSABLE_ENTITY, vec!["round".to_owned()]));
    let (status, refused) = app.call(Method::POST, &seals, json!({"round": 12}), &director).await;
    assert_eq!(status, StatusCode::CONFLICT, "a seal needs a finished pack: {refused}");

    let (status, queued) = app.call(Method::POST, &packs, json!({"round": 12}), &collector).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{queued}");
    let job = finished(&mut app, queued["job_id"].as_i64().unwrap(), &evaluator).await;
    assert_eq!(job["state"], "done", "{job}");
    assert!(job["total"].as_i64().unwrap() > 3 && job["done"] == job["total"], "{job}");
    let href = job["href"].as_str().unwrap().to_owned();

    let download = app.send(Method::GET, &href, "", String::new(), Some(&evaluator)).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.header("content-type"), "application/zip");
    assert_eq!(download.header("content-length"), download.bytes.len().to_string());
    let packed = kpi_json_of(&download.bytes);
    let (_, live) = app.call(Method::GET, &format!("/api/v1/staff/kpi/{year}"), Value::Null, &director).await;
    assert_eq!(packed, live, "kpi.json is the evaluation as the API gives it");
    let missing =
        app.send(Method::GET, &format!("{packs}/999.zip"), "", String::new(), Some(&evaluator)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    let (status, _) = app.call(Method::POST, &seals, json!({"round": 12}), &collector).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "sealing is the director's");
    let (status, sealed) = app.call(Method::POST, &seals, json!({"round": 12}), &director).await;
    assert_eq!(status, StatusCode::CREATED, "{sealed}");
    let (status, refused) = app.call(Method::POST, &seals, json!({"round": 12}), &director).await;
    assert_eq!((status, fields(&refused)), (StatusCode::UNPROCESSABLE_ENTITY, vec!["reason".to_owned()]));

    let step = |n: u8| format!("/api/v1/staff/kpi/{year}/seals/12/steps/{n}/comments");
    let (status, _) = app.call(Method::POST, &step(2), json!({"text": "ขอดูรายชื่อผู้เข้าร่วม"}), &evaluator).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = app.call(Method::POST, &step(2), json!({"text": "แนบไว้แล้ว"}), &director).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = app.call(Method::POST, &step(2), json!({"text": "ขอบคุณ"}), &officer).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, refused) = app.call(Method::POST, &step(2), json!({"text": "  "}), &evaluator).await;
    assert_eq!((status, fields(&refused)), (StatusCode::UNPROCESSABLE_ENTITY, vec!["text".to_owned()]));
    let (status, _) = app.call(Method::POST, &step(9), json!({"text": "?"}), &evaluator).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, listed) = app.call(Method::GET, &seals, Value::Null, &evaluator).await;
    assert_eq!(status, StatusCode::OK);
    let seal = &listed[0];
    assert_eq!((seal["round"].as_i64(), seal["by"].as_str()), (Some(12), Some("director@ict.go.th")));
    assert_eq!(seal["manifest_sha256"], job["manifest_sha256"]);
    assert_eq!(seal["evaluation"], packed, "the sealed evaluation is the pack's");
    assert_eq!(seal["changed_steps"], json!([]));
    let said: Vec<(&str, &str)> = seal["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["role"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert_eq!(said, [("evaluator", "ขอดูรายชื่อผู้เข้าร่วม"), ("director", "แนบไว้แล้ว")]);

    // The director decides step 1 after sealing: the seal keeps its result and names the step.
    let sign_off = format!("/api/v1/staff/kpi/{year}/indicators/4/steps/1/sign-off");
    let (status, _) =
        app.call(Method::POST, &sign_off, json!({"met": true, "reason": "ครบตามเกณฑ์"}), &director).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, listed) = app.call(Method::GET, &seals, Value::Null, &director).await;
    assert_eq!(listed[0]["changed_steps"], json!([{"code": "4", "step": 1, "met": true}]));
    assert_eq!(listed[0]["evaluation"], packed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rounds_page_makes_a_pack_seals_it_and_shows_what_changed_on_the_indicator_page() {
    let mut app = TestApp::new().await;
    let year = this_year();
    app.add_user("director@ict.go.th", Role::Director, None).await;
    app.login("director@ict.go.th", PASSWORD).await;
    let page = app.get(&format!("/staff/kpi/{year}/rounds")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("ส่งมอบหลักฐานประจำรอบ"), "Thai first");
    let csrf = page.csrf();
    let made = app.post_form(&format!("/staff/kpi/{year}/packs"), &[("csrf", &csrf), ("round", "6")]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let mut page = app.get(&format!("/staff/kpi/{year}/rounds")).await;
    for _ in 0..600 {
        if page.text.contains("ดาวน์โหลด ZIP") {
            break;
        }
        assert!(page.text.contains("http-equiv=\"refresh\""), "the page follows the pack by itself");
        tokio::time::sleep(Duration::from_millis(50)).await;
        page = app.get(&format!("/staff/kpi/{year}/rounds")).await;
    }
    assert!(page.text.contains("ดาวน์โหลด ZIP"), "{}", page.text);
    assert!(!page.text.contains("http-equiv=\"refresh\""), "nothing left to follow");

    let sealed = app.post_form(&format!("/staff/kpi/{year}/seals"), &[("csrf", &csrf), ("round", "6")]).await;
    assert_eq!(sealed.status, StatusCode::SEE_OTHER);
    let sealed_page = app.get(&format!("/staff/kpi/{year}/rounds")).await;
    assert!(sealed_page.text.contains("จำนวนช่องทางที่ใช้"), "each sealed step shows the facts it rested on");
    let again = app.post_form(&format!("/staff/kpi/{year}/seals"), &[("csrf", &csrf), ("round", "6")]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text.contains("field-error"), "the reason is asked for beside its field");

    let indicator = app.get(&format!("/staff/kpi/{year}/indicators/4")).await;
    assert!(!indicator.text.contains("changed-since-sealing"));
    let step = format!("/staff/kpi/{year}/indicators/4/steps/1/sign-off");
    let signed = app.post_multipart(&step, &[("csrf", &csrf), ("met", "met"), ("reason", "ครบ")], &[]).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.text);
    let indicator = app.get(&format!("/staff/kpi/{year}/indicators/4")).await;
    assert!(
        indicator.text.contains("changed-since-sealing"),
        "the indicator page says the sealed result moved"
    );
}
