//! The KPI engine over the API: the evaluation of a year, the definitions
//! only administrators change, the values of the collectors and the
//! director's sign-offs — each refusal naming its field.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::FiscalYear;
use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::support::TestApp;

fn field_names(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect()
}

fn this_year() -> i32 {
    FiscalYear::of(OffsetDateTime::now_utc()).be()
}

#[tokio::test]
async fn a_fresh_year_evaluates_indicator_4_at_level_0_naming_what_each_step_lacks() {
    let mut app = TestApp::new().await;
    let evaluator = app.token_as("eval@opdc.go.th", Role::Evaluator, None).await;
    let year = this_year();
    let (status, body) =
        app.call(Method::GET, &format!("/api/v1/staff/kpi/{year}"), Value::Null, &evaluator).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["fiscal_year"], year);
    assert_eq!(body["weights"], 25);
    assert_eq!(body["weights_add_up"], false, "indicator 4 alone weighs 25 of 100");
    let four = &body["indicators"][0];
    assert_eq!(
        (four["code"].as_str(), four["kind"].as_str(), four["level"].as_i64()),
        (Some("4"), Some("milestone"), Some(0))
    );
    assert_eq!(four["score"], 0);
    let steps = four["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 5);
    assert_eq!(steps[0]["judged_by"], "rule");
    assert_eq!(steps[0]["facts"]["channels_used"], 0);
    let gaps: Vec<&str> =
        steps[0]["missing"].as_array().unwrap().iter().map(|g| g["gap"].as_str().unwrap()).collect();
    assert_eq!(gaps, ["few-channels", "nothing-answered"]);
    assert!(
        steps[0]["missing"][0]["text"].as_str().unwrap().contains("ช่องทาง"),
        "Thai first: {}",
        steps[0]["missing"][0]
    );
    let no_manuals = &steps[3]["missing"][0];
    assert_eq!(no_manuals["gap"], "no-citizen-manual");
    assert_eq!(no_manuals["detail"]["services"].as_array().unwrap().len(), 12, "every service is named");

    let path = format!("/api/v1/staff/kpi/{year}?as_of=2020-13-01");
    let (status, refused) = app.call(Method::GET, &path, Value::Null, &evaluator).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&refused), ["as_of"]);
    let (status, _) = app.call(Method::GET, "/api/v1/staff/kpi/2570", Value::Null, "no-such-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn only_administrators_define_and_every_bad_figure_is_named() {
    let mut app = TestApp::new().await;
    let admin = app.token_as("admin@ict.go.th", Role::Administrator, None).await;
    let director = app.token_as("director@ict.go.th", Role::Director, None).await;
    let year = this_year();
    let four = format!("/api/v1/staff/kpi/{year}/indicators/4");

    let (status, definition) = app.call(Method::GET, &four, Value::Null, &director).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(definition["settings_in_force"]["s2_min_groups"], 3);
    let (status, _) =
        app.call(Method::PUT, &four, json!({"settings": {"s2_min_groups": 4}}), &director).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the director works towards the indicator, not on it");

    let (status, saved) =
        app.call(Method::PUT, &four, json!({"settings": {"s2_min_groups": 4}}), &admin).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["settings"]["s2_min_groups"], 4);
    let (_, definition) = app.call(Method::GET, &four, Value::Null, &director).await;
    assert_eq!(definition["settings_in_force"]["s2_min_groups"], 4);
    assert_eq!(definition["settings_in_force"]["s1_min_channels"], 3, "the others keep their defaults");

    for (patch, field) in [
        (json!({"settings": {"s9_unknown": 1}}), "settings.s9_unknown"),
        (json!({"settings": {"s2_min_groups": "many"}}), "settings.s2_min_groups"),
        (json!({"weight": 140}), "weight"),
        (json!({"weight": "a quarter"}), "weight"),
        (json!({"colour": "red"}), "colour"),
    ] {
        let (status, problem) = app.call(Method::PUT, &four, patch.clone(), &admin).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{patch}");
        assert_eq!(field_names(&problem), [field], "{patch}: {problem}");
    }

    let range = json!({
        "code": "2.1", "name_th": "ร้อยละความพึงพอใจของผู้รับบริการ", "name_en": "Satisfaction of service users",
        "weight": 20, "kind": "range", "targets": [60, 65, 70, 65, 80], "direction": "rising", "measured": "entered"
    });
    let indicators = format!("/api/v1/staff/kpi/{year}/indicators");
    let (status, problem) = app.call(Method::POST, &indicators, range.clone(), &admin).await;
    assert_eq!(
        (status, field_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["targets".to_owned()])
    );
    let mut fixed = range.clone();
    fixed["targets"] = json!([60, 65, 70, 75, 80]);
    let (status, created) = app.call(Method::POST, &indicators, fixed.clone(), &admin).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let (status, _) = app.call(Method::POST, &indicators, fixed, &admin).await;
    assert_eq!(status, StatusCode::CONFLICT, "one indicator per code and year");

    let (_, log) = app.call(Method::GET, "/api/v1/staff/audit?latest=20", Value::Null, &admin).await;
    assert_eq!(log["intact"], true);
    let actions: Vec<&str> =
        log["entries"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "define-indicator").count(), 2, "{actions:?}");
}

#[tokio::test]
async fn collectors_enter_values_per_round_and_the_score_follows_the_targets() {
    let mut app = TestApp::new().await;
    let admin = app.token_as("admin@ict.go.th", Role::Administrator, None).await;
    let collector = app.token_as("me@ict.go.th", Role::Collector, Some("monitoring-evaluation")).await;
    let officer = app.token_as("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let year = this_year();
    let range = json!({
        "code": "2.1", "name_th": "ร้อยละความพึงพอใจ", "name_en": "Satisfaction", "weight": 75,
        "kind": "range", "targets": [60, 65, 70, 75, 80], "direction": "rising", "measured": "entered"
    });
    let (status, _) =
        app.call(Method::POST, &format!("/api/v1/staff/kpi/{year}/indicators"), range, &admin).await;
    assert_eq!(status, StatusCode::CREATED);

    let values = format!("/api/v1/staff/kpi/{year}/indicators/2.1/values");
    for (body, field) in [
        (json!({"round": 3, "value": 72.5}), "round"),
        (json!({"round": 6, "value": "high"}), "value"),
        (json!({"round": 6, "value": 72.12345}), "value"),
    ] {
        let (status, problem) = app.call(Method::POST, &values, body.clone(), &collector).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(field_names(&problem), [field], "{body}");
    }
    let (status, _) = app.call(Method::POST, &values, json!({"round": 6, "value": 72.5}), &officer).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "officers read");
    let (status, _) = app
        .call(Method::POST, &values, json!({"round": 6, "value": 72.5, "note": "ครึ่งปีแรก"}), &collector)
        .await;
    assert_eq!(status, StatusCode::CREATED);

    let (_, body) = app.call(Method::GET, &format!("/api/v1/staff/kpi/{year}"), Value::Null, &officer).await;
    let satisfaction =
        body["indicators"].as_array().unwrap().iter().find(|i| i["code"] == "2.1").unwrap().clone();
    assert_eq!(satisfaction["value"], 72.5);
    assert_eq!(satisfaction["score"], 3.5, "half way between the targets of levels 3 and 4");
    assert_eq!(satisfaction["weighted"], 2.625);
    // (25 × 0 + 75 × 3.5) ⁄ 100.
    assert_eq!(body["composite"], 2.625);
    assert_eq!(body["weights_add_up"], true);

    let four_values = format!("/api/v1/staff/kpi/{year}/indicators/4/values");
    let (status, _) = app.call(Method::POST, &four_values, json!({"round": 6, "value": 3}), &collector).await;
    assert_eq!(status, StatusCode::CONFLICT, "a milestone indicator's level comes from its steps");
}

#[tokio::test]
async fn the_director_signs_a_step_off_with_a_reason_and_it_shows_as_such() {
    let mut app = TestApp::new().await;
    let director = app.token_as("director@ict.go.th", Role::Director, None).await;
    let collector = app.token_as("me@ict.go.th", Role::Collector, Some("monitoring-evaluation")).await;
    let year = this_year();
    let step = format!("/api/v1/staff/kpi/{year}/indicators/4/steps/1/sign-off");
    let (status, _) =
        app.call(Method::POST, &step, json!({"met": true, "reason": "ตรวจแล้ว"}), &collector).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the director's alone");
    let (status, problem) =
        app.call(Method::POST, &step, json!({"met": true, "reason": " "}), &director).await;
    assert_eq!(
        (status, field_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["reason".to_owned()])
    );
    let six = format!("/api/v1/staff/kpi/{year}/indicators/4/steps/6/sign-off");
    let (status, _) =
        app.call(Method::POST, &six, json!({"met": true, "reason": "ตรวจแล้ว"}), &director).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "indicator 4 has five steps");

    let reason = "ช่องทางไลน์และหนังสือราชการบันทึกในระบบสารบรรณ ตรวจสอบแล้ว";
    let (status, _) = app.call(Method::POST, &step, json!({"met": true, "reason": reason}), &director).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, body) =
        app.call(Method::GET, &format!("/api/v1/staff/kpi/{year}"), Value::Null, &collector).await;
    let first = &body["indicators"][0]["steps"][0];
    assert_eq!((first["met"].as_bool(), first["judged_by"].as_str()), (Some(true), Some("sign_off")));
    assert_eq!(first["overrides_rule"], true, "the rule found it not met");
    assert_eq!(first["rule_met"], false);
    assert_eq!(first["sign_off"]["reason"], reason);
    assert_eq!(body["indicators"][0]["level"], 1);
}

#[tokio::test]
async fn an_evaluator_reads_the_scorecard_page_and_downloads_it_for_excel() {
    use crate::support::PASSWORD;
    let mut app = TestApp::new().await;
    app.add_user("eval@opdc.go.th", Role::Evaluator, None).await;
    app.login("eval@opdc.go.th", PASSWORD).await;
    let year = this_year();
    let page = app.get(&format!("/staff/kpi?year={year}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text.contains("ระดับ 0") && page.text.contains("ไม่ครบร้อยละ 100"),
        "the weights warning shows"
    );
    let indicator = app.get(&format!("/staff/kpi/{year}/indicators/4")).await;
    assert_eq!(indicator.status, StatusCode::OK);
    assert!(!indicator.text.contains("/sign-off\""), "the sign-off form is the director's alone");
    assert_eq!(app.get(&format!("/staff/kpi/{year}/indicators/9")).await.status, StatusCode::NOT_FOUND);

    let xlsx = app.get(&format!("/staff/kpi/{year}/scorecard.xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.header("content-disposition").contains(&format!("ruamjai-scorecard-{year}-")));
    let sheet = ruamjai_docs::table::read(&xlsx.bytes, ruamjai_docs::table::Format::Xlsx).unwrap();
    let indicator_row =
        sheet.iter().find(|row| row.first().is_some_and(|c| c == "4")).expect("indicator 4's row");
    assert_eq!(indicator_row[2], "25", "the weight as a number");
    assert!(sheet[0][0].contains(&year.to_string()));
}

#[tokio::test]
async fn collectors_write_the_round_s_narrative_and_the_sar_prints_it_with_thai_digits() {
    let mut app = TestApp::new().await;
    let collector = app.token_as("infra-director@ict.go.th", Role::Collector, Some("infrastructure")).await;
    let officer = app.token_as("officer@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let year = this_year();
    let path = format!("/api/v1/staff/kpi/{year}/indicators/4/rounds/6/narrative");
    let narrative = json!({
        "performance": "เปิดรับเรื่องผ่านเว็บไซต์ โทรศัพท์ และหนังสือราชการ ตอบภายในกำหนดร้อยละ 92",
        "obstacles": "ผู้ใช้บริการบางจังหวัดไม่สะดวกตอบแบบสำรวจออนไลน์",
    });
    let (status, _) = app.call(Method::PUT, &path, narrative.clone(), &officer).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "officers read the indicator, collectors report it");
    let (status, body) = app.call(Method::PUT, &path, narrative, &collector).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    let bad_round = format!("/api/v1/staff/kpi/{year}/indicators/4/rounds/3/narrative");
    let (status, refused) =
        app.call(Method::PUT, &bad_round, json!({ "performance": "x" }), &collector).await;
    assert_eq!((status, field_names(&refused)), (StatusCode::UNPROCESSABLE_ENTITY, vec!["round".to_owned()]));
    let (status, refused) = app.call(Method::PUT, &path, json!({ "performance": " " }), &collector).await;
    assert_eq!(
        (status, field_names(&refused)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["performance".to_owned()]),
        "all four empty"
    );
    let (status, _) = app.call(Method::PUT, &path, json!({ "summary": "x" }), &collector).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "an unknown field is refused");

    app.add_user("director@ict.go.th", Role::Director, None).await;
    app.login("director@ict.go.th", crate::support::PASSWORD).await;
    let pdf = app.get(&format!("/staff/kpi/{year}/sar.pdf?round=6")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    let text = crate::support::pdf_text(&pdf.bytes);
    assert!(text.contains("รายงานผลการประเมินตนเอง"), "{text}");
    assert!(text.contains("ตอบภายในกำหนดร้อยละ๙๒"), "the collector's words, in Thai digits: {text}");
    assert!(text.contains("ไม่สะดวกตอบแบบสำรวจออนไลน์"));
    assert!(text.contains("(ยังไม่ได้บันทึก)"), "headings left empty say so");
    assert!(text.contains("ผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร"), "the supervisor: {text}");
    assert_eq!(
        app.get(&format!("/staff/kpi/{year}/sar.pdf?round=3")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let page = app.get(&format!("/staff/kpi/{year}/indicators/4")).await;
    assert!(
        page.text.contains(&format!("/staff/kpi/{year}/sar.pdf?round=12")),
        "each round's report is linked"
    );
    let csrf = page.csrf();
    let too_long = "ก".repeat(4_001);
    let refused = app
        .post_form(
            &format!("/staff/kpi/{year}/indicators/4/narrative"),
            &[("csrf", &csrf), ("round", "9"), ("performance", &too_long), ("factors", "งบประมาณเพียงพอ")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("narrative-performance-error"), "the field is named");
    assert!(refused.text.contains("งบประมาณเพียงพอ"), "what was typed is kept");
}

#[tokio::test]
async fn the_committee_scores_beside_the_centre_on_the_scorecard_page_api_and_workbook() {
    let mut app = TestApp::new().await;
    let evaluator = app.token_as("committee@opdc.go.th", Role::Evaluator, None).await;
    let collector = app.token_as("infra-director@ict.go.th", Role::Collector, Some("infrastructure")).await;
    let year = this_year();
    let path = format!("/api/v1/staff/kpi/{year}/indicators/4/assessments");
    let (status, _) = app.call(Method::POST, &path, json!({ "round": 6, "score": 4 }), &collector).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the Center does not fill the committee's column");
    let (status, refused) =
        app.call(Method::POST, &path, json!({ "round": 3, "score": "สี่" }), &evaluator).await;
    assert_eq!(
        (status, field_names(&refused)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["round".to_owned(), "score".to_owned()])
    );
    let (status, refused) =
        app.call(Method::POST, &path, json!({ "round": 6, "score": 6 }), &evaluator).await;
    assert_eq!((status, field_names(&refused)), (StatusCode::UNPROCESSABLE_ENTITY, vec!["score".to_owned()]));
    let (status, body) = app
        .call(
            Method::POST,
            &path,
            json!({ "round": "6", "score": 3.75, "note": "หลักฐานขั้นที่ 4 ครบ" }),
            &evaluator,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    let (status, evaluation) =
        app.call(Method::GET, &format!("/api/v1/staff/kpi/{year}"), json!(null), &collector).await;
    assert_eq!(status, StatusCode::OK);
    let four = &evaluation["indicators"][0];
    assert_eq!(four["committee"]["score"], json!(3.75));
    assert_eq!(four["committee"]["weighted"], json!(0.9375), "3.75 × 25 ⁄ 100");
    assert_eq!(four["committee"]["round"], json!(6));
    assert_eq!(evaluation["committee_composite"], json!(3.75));

    app.add_user("director@ict.go.th", Role::Director, None).await;
    app.login("director@ict.go.th", crate::support::PASSWORD).await;
    let page = app.get(&format!("/staff/kpi?year={year}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("คณะกรรมการประเมิน"), "the committee's column is headed");
    assert!(page.text.contains(r#"<td data-committee="score">3.7500"#), "{}", page.text);
    let indicator = app.get(&format!("/staff/kpi/{year}/indicators/4")).await;
    assert!(indicator.text.contains("หลักฐานขั้นที่ 4 ครบ"), "the committee's remark");
    assert!(
        !indicator.text.contains(r#"name="score""#),
        "the director reads the committee's score, not enters it"
    );
    let workbook = app.get(&format!("/staff/kpi/{year}/scorecard.xlsx")).await;
    assert_eq!(workbook.status, StatusCode::OK);
    let rows = ruamjai_docs::table::read(&workbook.bytes, ruamjai_docs::table::Format::Xlsx).unwrap();
    let four = rows.iter().find(|row| row.first().is_some_and(|c| c == "4")).expect("indicator 4's row");
    assert_eq!(four[6..], ["3.75", "0.9375", "6"], "the committee's score, weighted, and round: {four:?}");
}

#[tokio::test]
async fn a_sign_off_over_the_api_takes_its_evidence_files_afterwards_five_at_most() {
    let mut app = TestApp::new().await;
    let director = app.token_as("director@ict.go.th", Role::Director, None).await;
    let collector = app.token_as("infra-director@ict.go.th", Role::Collector, Some("infrastructure")).await;
    let year = this_year();
    let sign_off = format!("/api/v1/staff/kpi/{year}/indicators/4/steps/2/sign-off");
    let (status, created) = app
        .call(Method::POST, &sign_off, json!({ "met": true, "reason": "ประชุมครบสามกลุ่ม" }), &director)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().expect("the sign-off's id");
    let path = format!("/api/v1/staff/kpi/{year}/sign-offs/{id}/evidence");
    let memo: &[u8] = b"%PDF-1.4 minutes";
    let (content_type, body) =
        crate::support::multipart_body(&[], &[("evidence", "รายงานการประชุม.pdf", memo)]);
    let refused = app.send(Method::POST, &path, &content_type, body.clone(), Some(&collector)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "the director's sign-off, the director's files");
    let stored = app.send(Method::POST, &path, &content_type, body, Some(&director)).await;
    assert_eq!(stored.status, StatusCode::CREATED, "{}", stored.text);
    let files: Value = serde_json::from_str(&stored.text).unwrap();
    assert_eq!(files[0]["name"], "รายงานการประชุม.pdf");

    let five: Vec<(&str, &str, &[u8])> = (0..5).map(|_| ("evidence", "เพิ่ม.pdf", memo)).collect();
    let (content_type, body) = crate::support::multipart_body(&[], &five);
    let over = app.send(Method::POST, &path, &content_type, body, Some(&director)).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY, "one held and five more is six: {}", over.text);
    let (content_type, body) = crate::support::multipart_body(&[], &[("evidence", "x.pdf", memo)]);
    let elsewhere = format!("/api/v1/staff/kpi/{}/sign-offs/{id}/evidence", year + 1);
    assert_eq!(
        app.send(Method::POST, &elsewhere, &content_type, body, Some(&director)).await.status,
        StatusCode::NOT_FOUND
    );

    let (_, evaluation) =
        app.call(Method::GET, &format!("/api/v1/staff/kpi/{year}"), Value::Null, &collector).await;
    let step = &evaluation["indicators"][0]["steps"][1];
    assert_eq!(step["sign_off"]["files"][0]["name"], "รายงานการประชุม.pdf", "{step}");
}
