//! The Center's own questionnaires over HTTP: an officer starts one from the
//! standard, edits it in place while nobody has answered, launches a survey
//! on it, and after the first answer a save becomes version 2 while the
//! survey keeps its questions. The API reads and writes the same shape.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::local_input_value;
use ruamjai_domain::satisfaction::drafting::QuestionnaireInput;
use ruamjai_domain::satisfaction::standard::standard;
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::support::{PASSWORD, TestApp};
use crate::surveys::officer;

/// The editor's fields for these questions, as the page sends them back.
fn editor_fields(name: &str, input: &QuestionnaireInput) -> Vec<(String, String)> {
    let mut fields = vec![("name".to_owned(), name.to_owned())];
    for (s, section) in input.sections.iter().enumerate() {
        let at = |key: &str| format!("sections.{}.{key}", s + 1);
        fields.push((at("code"), section.code.clone()));
        fields.push((at("title_th"), section.title_th.clone()));
        fields.push((at("title_en"), section.title_en.clone()));
        for (i, item) in section.items.iter().enumerate() {
            let at = |key: &str| format!("sections.{}.items.{}.{key}", s + 1, i + 1);
            fields.push((at("code"), item.code.clone()));
            fields.push((at("text_th"), item.text_th.clone()));
            fields.push((at("text_en"), item.text_en.clone()));
            fields.push((at("kind"), item.kind.clone()));
            fields.push((at("order"), (i + 1).to_string()));
            fields.push((at("options"), item.options_lines()));
            if item.required {
                fields.push((at("required"), "on".into()));
            }
        }
    }
    fields
}

async fn post(app: &mut TestApp, path: &str, fields: &[(String, String)]) -> crate::support::TestResponse {
    let csrf = app.get("/staff/questionnaires").await.csrf();
    let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
    all.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    app.post_form(path, &all).await
}

async fn launch_on(app: &mut TestApp, version_id: &str) -> String {
    let csrf = app.get("/staff/surveys").await.csrf();
    let at = |days: i64| local_input_value(OffsetDateTime::now_utc() + Duration::days(days));
    let (opens, closes) = (at(-1), at(30));
    let fields = [
        ("csrf", csrf.as_str()),
        ("name", "สำรวจด้วยแบบสอบถามของศูนย์"),
        ("questionnaire", version_id),
        ("opens_at", opens.as_str()),
        ("closes_at", closes.as_str()),
        ("mode", "anonymous"),
        ("services", "video-conference"),
        ("groups", "public"),
    ];
    let created = app.post_form("/staff/surveys", &fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    created.header("location").rsplit('/').next().unwrap().to_owned()
}

#[tokio::test]
async fn an_officer_edits_a_questionnaire_in_place_until_it_is_answered_then_saves_version_two() {
    let mut app = officer().await;
    let created = post(
        &mut app,
        "/staff/questionnaires",
        &[("name".into(), "แบบสอบถามศูนย์ 2570".into()), ("from".into(), "standard".into())],
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    let editor = created.header("location").to_owned();
    let page = app.get(&editor).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text.contains("ขั้นตอนการให้บริการไม่ยุ่งยากซับซ้อน"),
        "the copy starts with the standard's questions"
    );
    assert!(page.text.contains("ยังไม่มีผู้ตอบ"), "{}", page.text);

    // Reword an item, drop one, and add one in the blank row of the first section.
    let mut input = QuestionnaireInput::from(&standard());
    input.sections[0].items[0].text_th = "ขั้นตอนการขอใช้บริการเข้าใจง่าย".into();
    input.sections[1].items.remove(4);
    let mut fields = editor_fields("แบบสอบถามศูนย์ 2570", &input);
    fields.push(("sections.1.items.9.text_th".into(), "ได้รับแจ้งผลทางไลน์".into()));
    fields.push(("sections.1.items.9.kind".into(), "scale".into()));
    fields.push(("sections.1.items.9.order".into(), "1".into()));
    let saved = post(&mut app, &editor, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    assert!(saved.header("location").ends_with("saved=1&new=false"), "{}", saved.header("location"));
    let page = app.get(saved.header("location")).await;
    assert!(page.text.contains("บันทึกฉบับที่ 1 แล้ว"));
    let first_item = page.text.find("ได้รับแจ้งผลทางไลน์").unwrap();
    assert!(first_item < page.text.find("ขั้นตอนการขอใช้บริการเข้าใจง่าย").unwrap(), "the order typed is kept");
    assert!(!page.text.contains("ไม่เรียกรับสิ่งตอบแทน"), "the removed item is gone");

    let versions = app.get("/staff/surveys").await;
    let option = versions.text.find("แบบสอบถามศูนย์ 2570 (ฉบับที่ 1)").expect("the survey form offers it");
    let value_at = versions.text[..option].rfind("value=\"").unwrap() + 7;
    let version_id = versions.text[value_at..].split('"').next().unwrap().to_owned();
    let survey = launch_on(&mut app, &version_id).await;
    let form = app.get(&format!("/surveys/{survey}")).await;
    assert!(form.text.contains("1. ได้รับแจ้งผลทางไลน์"), "respondents get the edited questions");

    let questionnaire = app.get(&format!("/api/v1/surveys/{survey}/questionnaire")).await.json();
    let mut answers = serde_json::Map::new();
    for section in questionnaire["sections"].as_array().unwrap() {
        for item in section["items"].as_array().unwrap() {
            if item["kind"]["type"] == "scale" {
                answers.insert(item["code"].as_str().unwrap().to_owned(), json!(4));
            }
        }
    }
    let answer = json!({"group_id": "public", "service_id": "video-conference", "answers": answers});
    let path = format!("/api/v1/surveys/{survey}/responses");
    let recorded = app.send(Method::POST, &path, "application/json", answer.to_string(), None).await;
    assert_eq!(recorded.status, StatusCode::CREATED, "{}", recorded.text);

    let page = app.get(&editor).await;
    assert!(page.text.contains("ฉบับที่ 1 มีผู้ตอบแล้ว เมื่อบันทึกจะเป็นฉบับที่ 2"), "{}", page.text);
    let mut fields = editor_fields("แบบสอบถามศูนย์ 2570", &input);
    fields.retain(|(k, _)| k != "sections.1.items.1.text_th");
    fields.push(("sections.1.items.1.text_th".into(), "ขั้นตอนชัดเจน".into()));
    let saved = post(&mut app, &editor, &fields).await;
    assert!(saved.header("location").ends_with("saved=2&new=true"), "{}", saved.header("location"));
    assert!(app.get(saved.header("location")).await.text.contains("บันทึกเป็นฉบับที่ 2 แล้ว"));
    let form = app.get(&format!("/surveys/{survey}")).await;
    assert!(
        form.text.contains("ได้รับแจ้งผลทางไลน์") && !form.text.contains("ขั้นตอนชัดเจน"),
        "the running survey keeps version 1"
    );
}

#[tokio::test]
async fn a_wrong_questionnaire_is_refused_field_by_field_and_nothing_changes() {
    let mut app = officer().await;
    let created = post(&mut app, "/staff/questionnaires", &[("name".into(), "แบบทดลอง".into())]).await;
    let editor = created.header("location").to_owned();
    let mut input = QuestionnaireInput::from(&standard());
    input.sections[0].items[1].kind = "long-text".into();
    input.sections[5].items[1].kind = "single-choice".into();
    input.sections[2].items[0].text_th = "   ".into();
    let refused = post(&mut app, &editor, &editor_fields("", &input)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in
        ["name", "sections.1.items.2.kind", "sections.3.items.1.text_th", "sections.6.items.2.options"]
    {
        assert!(refused.text.contains(&format!("href=\"#f-{field}\"")), "{field} is named");
        assert!(refused.text.contains(&format!("id=\"f-{field}\"")), "{field} has its box");
    }
    assert!(refused.text.contains("ด้านที่มีข้อคำถามแบบ 5 ระดับต้องมีแต่ข้อแบบ 5 ระดับ"));
    assert!(refused.text.contains("ต้องมีตัวเลือกอย่างน้อย 2 ตัวเลือก"));
    assert!(refused.text.contains("aria-invalid=\"true\""));
    let page = app.get(&editor).await;
    assert!(
        page.text.contains("value=\"มีช่องทางการให้บริการหลากหลายเพียงพอ\""),
        "the stored version is unchanged"
    );

    let standard_page = app.get("/staff/questionnaires/standard").await;
    assert!(standard_page.text.contains("<fieldset disabled>"), "the standard is shown, not edited");

    app.add_user("eval@ict.go.th", Role::Evaluator, None).await;
    app.login("eval@ict.go.th", PASSWORD).await;
    let forbidden = post(&mut app, &editor, &editor_fields("แบบทดลอง", &input)).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_api_reads_a_questionnaire_in_the_shape_it_writes_it_back() {
    let app = &mut TestApp::new().await;
    let officer = app.add_user("comms@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let evaluator = app.add_user("eval@ict.go.th", Role::Evaluator, None).await;
    let (token, evaluator) = (app.token_for(&officer).await, app.token_for(&evaluator).await);
    let body = json!({"name": "แบบสั้น", "sections": [
        {"title_th": "ด้านบริการ", "items": [{"text_th": "รวดเร็ว", "kind": "scale", "required": true}]},
        {"title_th": "ข้อมูล", "items": [{"text_th": "ติดต่อทางใด", "kind": "single-choice", "options": [{"text_th": "โทรศัพท์"}, {"text_th": "อีเมล"}]}]}
    ]});
    let created = app
        .send(
            Method::POST,
            "/api/v1/staff/questionnaires",
            "application/json",
            body.to_string(),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = created.json()["id"].as_i64().unwrap();
    let path = format!("/api/v1/staff/questionnaires/{id}");
    let mut read = app.send(Method::GET, &path, "application/json", "", Some(&token)).await.json();
    assert_eq!(
        read["sections"][1]["items"][0]["options"][1],
        json!({"code": "c2", "text_th": "อีเมล", "text_en": "อีเมล"})
    );

    read["sections"][0]["items"].as_array_mut().unwrap().push(json!({"text_th": "สุภาพ", "kind": "scale"}));
    let update = json!({"name": "แบบสั้น", "sections": read["sections"]});
    let saved = app.send(Method::PUT, &path, "application/json", update.to_string(), Some(&token)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.json()["version"], 1);
    assert_eq!(saved.json()["new_version"], false);
    let read = app.send(Method::GET, &path, "application/json", "", Some(&token)).await.json();
    assert_eq!(read["sections"][0]["items"][1]["code"], "q3", "a new item gets a code never used");

    let mut wrong = read["sections"].clone();
    wrong[1]["items"][0]["options"] = json!([{"text_th": "ไลน์"}]);
    let refused = app
        .send(
            Method::PUT,
            &path,
            "application/json",
            json!({"name": "แบบสั้น", "sections": wrong}).to_string(),
            Some(&token),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json()["errors"][0]["field"], "sections.2.items.1.options");
    let forbidden =
        app.send(Method::PUT, &path, "application/json", update.to_string(), Some(&evaluator)).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);

    let now = OffsetDateTime::now_utc();
    let survey = json!({"name": "มาตรฐาน", "questionnaire_id": "standard", "service_ids": ["video-conference"],
        "group_ids": ["public"], "opens_at": now.format(&Rfc3339).unwrap(), "closes_at": (now + Duration::days(9)).format(&Rfc3339).unwrap()});
    let launched = app
        .send(Method::POST, "/api/v1/staff/surveys", "application/json", survey.to_string(), Some(&token))
        .await;
    assert_eq!(launched.status, StatusCode::CREATED, "{}", launched.text);
    let list = app
        .send(Method::GET, "/api/v1/staff/questionnaires", "application/json", "", Some(&token))
        .await
        .json();
    let builtin =
        list.as_array().unwrap().iter().find(|q| q["builtin"] == true).unwrap()["id"].as_i64().unwrap();
    let standard_path = format!("/api/v1/staff/questionnaires/{builtin}");
    let builtin_refused =
        app.send(Method::PUT, &standard_path, "application/json", update.to_string(), Some(&token)).await;
    assert_eq!(builtin_refused.status, StatusCode::CONFLICT);
    assert!(
        builtin_refused.json()["title"].as_str().unwrap().contains("แบบสอบถามมาตรฐานแก้ไขไม่ได้"),
        "{}",
        builtin_refused.text
    );
}
