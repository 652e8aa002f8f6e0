//! Satisfaction surveys over HTTP: an officer launches the standard survey,
//! a respondent answers on the page (nothing pre-selected, each missing or
//! wrong answer named), the report counts it; the API does the same, with
//! tokens, windows and items refused as the issue asks.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::local_input_value;
use ruamjai_domain::satisfaction::standard::standard;
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::support::{PASSWORD, TestApp};

/// An officer of the division whose services `launch` surveys.
pub(crate) async fn officer() -> TestApp {
    let mut app = TestApp::new().await;
    app.add_user("comms@ict.go.th", Role::Officer, Some("communication-technology")).await;
    app.login("comms@ict.go.th", PASSWORD).await;
    app
}

pub(crate) async fn launch(app: &mut TestApp) -> String {
    launch_in_mode(app, "anonymous").await
}

pub(crate) async fn launch_in_mode(app: &mut TestApp, mode: &str) -> String {
    let csrf = app.get("/staff/surveys").await.csrf();
    let at = |days: i64| local_input_value(OffsetDateTime::now_utc() + Duration::days(days));
    let (opens, closes) = (at(-1), at(30));
    let fields = [
        ("csrf", csrf.as_str()),
        ("name", "สำรวจความพึงพอใจ ปีงบประมาณ 2570"),
        ("opens_at", opens.as_str()),
        ("closes_at", closes.as_str()),
        ("mode", mode),
        ("services", "video-conference"),
        ("services", "telephone-fax"),
        ("groups", "provinces"),
        ("population-provinces", "76"),
        ("groups", "public"),
    ];
    let created = app.post_form("/staff/surveys", &fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    created.header("location").rsplit('/').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_respondent_answers_on_the_page_and_the_report_counts_it() {
    let mut app = officer().await;
    let id = launch(&mut app).await;
    let page = app.get(&format!("/surveys/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text.matches("type=\"radio\"").count(), 22 * 6 + 11);
    assert!(!page.text.contains("checked"), "no answer is pre-selected");
    assert!(page.text.contains("ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ"));
    assert!(page.text.contains("23. ท่านจะแนะนำบริการนี้"), "items are numbered across the whole form");

    let csrf = page.csrf();
    let names: Vec<String> = standard().scale_items().map(|(_, i)| format!("a-{}", i.code)).collect();
    let mut fields: Vec<(&str, &str)> =
        vec![("csrf", &csrf), ("group", "provinces"), ("service", "video-conference")];
    fields.extend(
        names
            .iter()
            .filter(|n| !["a-process-1", "a-staff-1"].contains(&n.as_str()))
            .map(|n| (n.as_str(), "4")),
    );
    fields.push(("a-staff-1", "7"));
    let refused = app.post_form(&format!("/surveys/{id}"), &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("id=\"error-process-1\""), "the missing item is named");
    assert!(refused.text.contains("id=\"error-staff-1\""), "the out-of-range answer is named");
    assert!(refused.text.contains("value=\"4\" checked"), "answers given are kept");

    fields.retain(|(n, _)| *n != "a-staff-1");
    fields.push(("a-staff-1", "na"));
    fields.push(("a-process-1", "2"));
    fields.push(("a-what-dissatisfied", "รอสายนาน"));
    let done = app.post_form(&format!("/surveys/{id}"), &fields).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
    assert!(app.get(done.header("location")).await.text.contains("ขอบคุณที่ตอบแบบสำรวจ"));

    let report = app.get(&format!("/staff/surveys/{id}")).await;
    let summary = report.text.split("id=\"summary\"").nth(1).unwrap();
    assert!(summary.contains("<dd>1</dd>"), "{summary}");
    assert!(summary.contains("1 (100.0%)"), "the respondent who gave a 2 counts as dissatisfied");
    let groups = report.text.split("id=\"groups\"").nth(1).unwrap();
    assert!(groups.contains("<td>76</td>") && groups.contains("<td>64</td>"), "Yamane for 76 is 64");
    let comments = report.text.split("id=\"comments\"").nth(1).unwrap();
    for word in ["รอ", "สาย", "นาน"] {
        let chip = format!("<span lang=\"th\">{word}</span> <span class=\"count\">1</span>");
        assert!(comments.contains(&chip), "the comment is cut into words: {word}");
    }
    assert!(comments.contains("<q>รอสายนาน</q>") && comments.contains("source=comment&amp;ref=response-"));
    let filtered = app.get(&format!("/staff/surveys/{id}?service=telephone-fax")).await;
    assert!(filtered.text.split("id=\"summary\"").nth(1).unwrap().contains("<dd>0</dd>"));
    assert_eq!(
        app.get(&format!("/staff/surveys/{id}?from=2026-13")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

fn rfc(days: i64) -> String {
    (OffsetDateTime::now_utc() + Duration::days(days)).format(&Rfc3339).unwrap()
}

#[tokio::test]
async fn the_api_launches_reports_and_refuses_what_the_issue_names() {
    let mut app = TestApp::new().await;
    let officer = app.add_user("comms@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let token = app.token_for(&officer).await;
    let body = json!({
        "name": "สำรวจ API", "questionnaire_id": "standard",
        "service_ids": ["video-conference"], "group_ids": ["provinces"],
        "opens_at": rfc(-1), "closes_at": rfc(10), "populations": {"provinces": 1000}
    });
    let created = app
        .send(Method::POST, "/api/v1/staff/surveys", "application/json", body.to_string(), Some(&token))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = created.json()["id"].as_i64().unwrap();
    let other = app.add_user("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let other = app.token_for(&other).await;
    let refused = app
        .send(Method::POST, "/api/v1/staff/surveys", "application/json", body.to_string(), Some(&other))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "another division's services: {}", refused.text);
    let legacy = app
        .send(Method::POST, "/api/v1/staff/campaigns", "application/json", body.to_string(), Some(&token))
        .await;
    assert_eq!(legacy.status, StatusCode::CREATED, "the old path still launches: {}", legacy.text);
    let legacy = app.get(&format!("/api/v1/campaigns/{id}/questionnaire")).await;
    assert_eq!(legacy.status, StatusCode::OK, "the old path still reads");
    let questionnaire = app.get(&format!("/api/v1/surveys/{id}/questionnaire")).await.json();
    assert_eq!(questionnaire["sections"].as_array().unwrap().len(), 6);

    let answers: serde_json::Map<String, serde_json::Value> =
        standard().scale_items().map(|(_, i)| (i.code.clone(), json!(5))).collect();
    let responses = format!("/api/v1/surveys/{id}/responses");
    let ok = json!({"group_id": "provinces", "service_id": "video-conference", "answers": answers});
    let recorded = app.send(Method::POST, &responses, "application/json", ok.to_string(), None).await;
    assert_eq!(recorded.status, StatusCode::CREATED, "{}", recorded.text);

    let mut wrong = answers.clone();
    wrong.insert("staff-3".into(), json!(6));
    wrong.insert("no-such-item".into(), json!(3));
    let bad = json!({"group_id": "provinces", "service_id": "video-conference", "answers": wrong});
    let refused = app.send(Method::POST, &responses, "application/json", bad.to_string(), None).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<_> =
        refused.json()["errors"].as_array().unwrap().iter().map(|e| e["field"].clone()).collect();
    assert_eq!(fields, [json!("no-such-item"), json!("staff-3")]);

    let report = app
        .send(
            Method::GET,
            &format!("/api/v1/staff/surveys/{id}/report"),
            "application/json",
            "",
            Some(&token),
        )
        .await
        .json();
    assert_eq!(report["n_responses"], 1);
    assert_eq!(report["items"].as_array().unwrap().len(), 22);
    assert_eq!(report["overall"]["dist"], json!([0, 0, 0, 0, 22]));
    assert_eq!(report["overall"]["band"], "very-high");
    assert_eq!(report["groups"][0]["required"], 286);
    assert!(report["dimensions"][0]["alpha"].is_null(), "one respondent gives no alpha");

    let closed = json!({
        "name": "ปิดแล้ว", "service_ids": ["video-conference"], "group_ids": ["provinces"],
        "opens_at": rfc(-10), "closes_at": rfc(-1)
    });
    let closed = app
        .send(Method::POST, "/api/v1/staff/surveys", "application/json", closed.to_string(), Some(&token))
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let late = app
        .send(
            Method::POST,
            &format!("/api/v1/surveys/{closed}/responses"),
            "application/json",
            ok.to_string(),
            None,
        )
        .await;
    assert_eq!(late.status, StatusCode::GONE);
    let closed_page = app.get(&format!("/surveys/{closed}")).await;
    assert!(
        closed_page.text.contains("ปิดรับคำตอบแล้วเมื่อ")
            && !closed_page.text.contains("<form method=\"post\" action=\"/surveys/")
    );
    assert!(late.json()["title"].as_str().unwrap().contains("ปิดรับแล้ว"));

    let tokens = json!({
        "name": "ลิงก์ใช้ครั้งเดียว", "service_ids": ["video-conference"], "group_ids": ["provinces"],
        "opens_at": rfc(-1), "closes_at": rfc(10), "mode": "token"
    });
    let tokens = app
        .send(Method::POST, "/api/v1/staff/surveys", "application/json", tokens.to_string(), Some(&token))
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let secret = "a-secret-token-from-the-mail";
    let hash = ruamjai_app::secrets::token_hash(secret);
    app.state.store.issue_survey_token(tokens, &hash, None, OffsetDateTime::now_utc()).await.unwrap();
    let to_tokens = format!("/api/v1/surveys/{tokens}/responses");
    let without = app.send(Method::POST, &to_tokens, "application/json", ok.to_string(), None).await;
    assert_eq!(without.status, StatusCode::FORBIDDEN);
    let mut with = ok.clone();
    with["token"] = json!(secret);
    let first = app.send(Method::POST, &to_tokens, "application/json", with.to_string(), None).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = app.send(Method::POST, &to_tokens, "application/json", with.to_string(), None).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn paper_questionnaires_keyed_into_the_template_are_imported_all_or_none() {
    let mut app = officer().await;
    let id = launch(&mut app).await;
    let template = app.get(&format!("/staff/surveys/{id}/paper-template.xlsx")).await;
    assert_eq!(template.status, StatusCode::OK);
    let sheet = ruamjai_docs::table::read(&template.bytes, ruamjai_docs::table::Format::Xlsx).unwrap();
    let headings = sheet[2].clone();
    assert_eq!(headings[0], "กลุ่มผู้มีส่วนได้ส่วนเสีย");
    assert!(headings[2].starts_with("process-1 "), "{headings:?}");

    let filled = |first_score: &str| -> Vec<u8> {
        let row = |group: &str, service: &str, score: &str| -> Vec<String> {
            let mut cells = vec![group.to_owned(), service.to_owned()];
            cells.extend((0..22).map(|_| score.to_owned()));
            cells
        };
        let rows = vec![
            row("จังหวัด", "งานติดตั้งระบบวีดิทัศน์ทางไกล", first_score),
            row("public", "telephone-fax", "ไม่เกี่ยวข้อง"),
        ];
        ruamjai_docs::list::list_xlsx(Some("แบบบันทึก"), &headings, &rows).unwrap()
    };
    let refused = upload_paper(&mut app, &id, filled("9")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = refused.text.split("id=\"paper-errors\"").nth(1).expect("an error table");
    assert!(errors.contains("<td>4</td>") && errors.contains("<td>9</td>"), "{errors}");
    assert_eq!(
        app.state
            .store
            .satisfaction_report(id.parse().unwrap(), &Default::default())
            .await
            .unwrap()
            .responses,
        0
    );

    let taken = upload_paper(&mut app, &id, filled("4")).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.text);
    assert!(app.get(taken.header("location")).await.text.contains("นำเข้าคำตอบจากกระดาษแล้ว 2 ฉบับ"));
    let report = app.state.store.satisfaction_report(id.parse().unwrap(), &Default::default()).await.unwrap();
    assert_eq!((report.responses, report.overall.summary.n, report.overall.summary.na), (2, 22, 22));
}

async fn upload_paper(app: &mut TestApp, id: &str, content: Vec<u8>) -> crate::support::TestResponse {
    let csrf = app.get(&format!("/staff/surveys/{id}")).await.csrf();
    let path = format!("/staff/surveys/{id}/paper");
    app.post_multipart(&path, &[("csrf", csrf.as_str())], &[("file", "กระดาษ.xlsx", &content)]).await
}

#[tokio::test]
async fn a_weak_item_becomes_an_improvement_shown_to_the_public_and_standards_judge_the_service() {
    let mut app = officer().await;
    let id = launch(&mut app).await;
    let page = app.get(&format!("/surveys/{id}")).await;
    let csrf = page.csrf();
    let names: Vec<String> = standard().scale_items().map(|(_, i)| format!("a-{}", i.code)).collect();
    let mut fields: Vec<(&str, &str)> =
        vec![("csrf", &csrf), ("group", "provinces"), ("service", "video-conference")];
    fields.extend(names.iter().map(|n| (n.as_str(), if n == "a-process-2" { "1" } else { "5" })));
    assert_eq!(app.post_form(&format!("/surveys/{id}"), &fields).await.status, StatusCode::SEE_OTHER);

    let report = app.get(&format!("/staff/surveys/{id}")).await;
    let weakest = report.text.split("id=\"weakest\"").nth(1).unwrap();
    let link = weakest.split("href=\"").nth(1).unwrap().split('"').next().unwrap().replace("&amp;", "&");
    assert!(link.contains("ref=process-2"), "{link}");
    let form = app.get(&link).await;
    assert!(form.text.contains("value=\"process-2\""), "the form is filled from the weak item");
    let csrf = form.csrf();
    let action = [
        ("csrf", csrf.as_str()),
        ("survey", id.as_str()),
        ("source", "item"),
        ("ref", "process-2"),
        ("service", "video-conference"),
        ("what", "ทดสอบระบบก่อนประชุม 60 นาที"),
        ("owner", "ส่วนเทคโนโลยีการสื่อสาร"),
        ("due_on", "2027-03-31"),
        ("progress", "20"),
    ];
    let created = app.post_form("/staff/improvements", &action).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    assert!(app.get(&format!("/staff/surveys/{id}")).await.text.contains("ทดสอบระบบก่อนประชุม 60 นาที"));
    assert!(
        !app.get("/you-said-we-did").await.text.contains("ทดสอบระบบก่อนประชุม"),
        "internal until published"
    );

    let action_id = app.state.store.improvements(None).await.unwrap()[0].id;
    let mut done = action.to_vec();
    done.extend([("status", "done"), ("public_text", "เราทดสอบระบบก่อนการประชุมทุกครั้งแล้ว")]);
    let updated = app.post_form(&format!("/staff/improvements/{action_id}"), &done).await;
    assert_eq!(updated.status, StatusCode::SEE_OTHER, "{}", updated.text);
    let public = app.get("/you-said-we-did").await;
    assert!(public.text.contains("เราทดสอบระบบก่อนการประชุมทุกครั้งแล้ว") && public.text.contains("เสร็จแล้ว"));
    let waiting = "ยังไม่ได้วัดผลซ้ำ · ก่อนปรับปรุง ค่าเฉลี่ย 1.00 · ไม่พึงพอใจร้อยละ 100.0";
    assert!(
        public.text.contains(waiting),
        "the item's figures for the action's service, before: {}",
        public.text
    );
    assert!(app.get("/staff/improvements").await.text.contains(waiting), "and on the staff list");
    let bad = app.post_form("/staff/improvements", &[("csrf", csrf.as_str()), ("source", "item")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    let year = ruamjai_domain::calendar::FiscalYear::of(OffsetDateTime::now_utc()).be().to_string();
    let standards = app.get(&format!("/staff/service-standards?year={year}")).await;
    let csrf = standards.csrf();
    let target = [
        ("csrf", csrf.as_str()),
        ("year", year.as_str()),
        ("satisfied_min_pct", "90"),
        ("dissatisfied_max_pct", "2"),
    ];
    let set = app.post_form("/staff/service-standards/video-conference", &target).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.text);
    let table = app.get(&format!("/staff/service-standards?year={year}")).await;
    let row =
        table.text.split("id=\"service-video-conference\"").nth(1).unwrap().split("</tr>").next().unwrap();
    // 21 answers of 5 and one of 1: 95.5 % satisfied (met ≥ 90), 4.5 % dissatisfied (not met ≤ 2).
    assert!(row.contains("95.5") && row.contains("≥ 90.0") && row.contains("✓"), "{row}");
    assert!(row.contains("4.5") && row.contains("≤ 2.0") && row.contains("✗"), "{row}");
    let wrong = [("csrf", csrf.as_str()), ("year", year.as_str()), ("satisfied_min_pct", "150")];
    assert_eq!(
        app.post_form("/staff/service-standards/video-conference", &wrong).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn single_use_links_are_mailed_once_per_person_and_answer_once() {
    let mut app = officer().await;
    let csrf = app.get("/staff/surveys").await.csrf();
    let at = |days: i64| local_input_value(OffsetDateTime::now_utc() + Duration::days(days));
    let (opens, closes) = (at(-1), at(30));
    let fields = [
        ("csrf", csrf.as_str()),
        ("name", "สำรวจผู้ใช้ระบบประชุมทางไกล"),
        ("opens_at", opens.as_str()),
        ("closes_at", closes.as_str()),
        ("mode", "token"),
        ("services", "video-conference"),
        ("groups", "provinces"),
    ];
    let created = app.post_form("/staff/surveys", &fields).await;
    let id = created.header("location").rsplit('/').next().unwrap().to_owned();
    let tokens = format!("/staff/surveys/{id}/tokens");
    let csrf = app.get(&format!("/staff/surveys/{id}")).await.csrf();
    let refused =
        app.post_form(&tokens, &[("csrf", &csrf), ("recipients", "a@nan.go.th\nnot-an-address")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("not-an-address"));
    assert!(
        app.state.store.outbox(10).await.unwrap().is_empty(),
        "nothing is sent unless every entry is right"
    );

    let list = "a@nan.go.th, b@phrae.go.th\nA@nan.go.th";
    let sent = app.post_form(&tokens, &[("csrf", &csrf), ("recipients", list)]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text);
    assert!(app.get(sent.header("location")).await.text.contains("ส่งลิงก์แล้ว 2 คน"));
    let again = app.post_form(&tokens, &[("csrf", &csrf), ("recipients", "b@phrae.go.th")]).await;
    assert!(app.get(again.header("location")).await.text.contains("ข้าม 1 คน"));
    let outbox = app.state.store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 2);
    let body = outbox[0].body.clone().unwrap();
    let link = body.lines().find(|l| l.contains("/surveys/")).unwrap().trim().to_owned();
    let path = &link[link.find("/surveys/").unwrap()..];

    let page = app.get(path).await;
    let csrf = page.csrf();
    let token = path.split("t=").nth(1).unwrap();
    assert!(page.text.contains(&format!("name=\"t\" value=\"{token}\"")));
    let names: Vec<String> = standard().scale_items().map(|(_, i)| format!("a-{}", i.code)).collect();
    let mut answer: Vec<(&str, &str)> =
        vec![("csrf", &csrf), ("t", token), ("group", "provinces"), ("service", "video-conference")];
    answer.extend(names.iter().map(|n| (n.as_str(), "4")));
    let first = app.post_form(&format!("/surveys/{id}"), &answer).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.text);
    let second = app.post_form(&format!("/surveys/{id}"), &answer).await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(second.text.contains("ลิงก์นี้ใช้ตอบไปแล้ว"));
}
