//! A survey report taken away: the same figures in the workbook, the CSV
//! and the JSON as on the page, with the chart beside the tables.

use axum::http::{Method, StatusCode};
use ruamjai_docs::table::{Format, read};
use ruamjai_domain::satisfaction::standard::standard;
use serde_json::json;

use crate::surveys::{launch, officer};

/// Answers the standard survey through the API: 5 on every item but `item`.
pub(crate) async fn respond(app: &mut crate::support::TestApp, id: &str, item: &str, score: u8) {
    let answers: serde_json::Map<String, serde_json::Value> = standard()
        .scale_items()
        .map(|(_, i)| (i.code.clone(), json!(if i.code == item { score } else { 5 })))
        .collect();
    let body = json!({"group_id": "provinces", "service_id": "video-conference", "answers": answers});
    let path = format!("/api/v1/surveys/{id}/responses");
    let sent = app.send(Method::POST, &path, "application/json", body.to_string(), None).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);
}

#[tokio::test]
async fn the_report_downloads_as_xlsx_csv_and_json_with_the_same_figures() {
    let mut app = officer().await;
    let id = launch(&mut app).await;
    for first in [1, 4, 5] {
        respond(&mut app, &id, "process-1", first).await;
    }

    let page = app.get(&format!("/staff/surveys/{id}")).await;
    assert!(
        page.text.contains("<title id=\"chart-title\">สัดส่วนความพึงพอใจรายด้าน</title>"),
        "the chart has a title"
    );
    assert!(
        page.text.contains(&format!("/staff/surveys/{id}/report.xlsx?service=&#38;group=")),
        "the links keep the filter"
    );

    let xlsx = app.get(&format!("/staff/surveys/{id}/report.xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let rows = read(&xlsx.bytes, Format::Xlsx).unwrap();
    let process_1 = rows.iter().find(|r| r.get(1).map(String::as_str) == Some("process-1")).unwrap();
    assert_eq!(process_1[0], "ข้อคำถาม");
    assert_eq!(
        &process_1[4..11],
        ["3", "0", "1", "1", "0", "0", "1"],
        "n, na, then 5 down to 1: {process_1:?}"
    );
    assert!(process_1[11].starts_with("3.33"), "the mean is a number: {process_1:?}");
    let overall = rows.iter().find(|r| r.first().map(String::as_str) == Some("ภาพรวม")).unwrap();
    assert_eq!(overall[4], "66");

    let csv = app.get(&format!("/staff/surveys/{id}/report.csv?service=video-conference")).await;
    assert!(csv.bytes.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM to show Thai");
    let line = csv.text.lines().find(|l| l.contains(",process-1,")).unwrap();
    assert!(line.contains(",3,0,1,1,0,0,1,3.3333,"), "{line}");

    let report: serde_json::Value = serde_json::from_str(
        &app.get(&format!("/staff/surveys/{id}/report.json?group=provinces")).await.text,
    )
    .unwrap();
    assert_eq!(report["overall"]["n"], 66);
    assert_eq!(report["n_responses"], 3);
    let telephone: serde_json::Value = serde_json::from_str(
        &app.get(&format!("/staff/surveys/{id}/report.json?service=telephone-fax")).await.text,
    )
    .unwrap();
    assert_eq!(telephone["n_responses"], 0, "the filter applies to every format");
}

#[tokio::test]
async fn the_next_survey_shows_the_dimensions_and_the_improved_item_before_and_after() {
    let mut app = officer().await;
    let first = launch(&mut app).await;
    assert!(
        !app.get(&format!("/staff/surveys/{first}")).await.text.contains("id=\"trend\""),
        "nothing to compare yet"
    );
    respond(&mut app, &first, "process-2", 1).await;
    respond(&mut app, &first, "process-2", 4).await;
    let csrf = app.get("/staff/improvements").await.csrf();
    let action = [
        ("csrf", csrf.as_str()),
        ("survey", first.as_str()),
        ("source", "item"),
        ("ref", "process-2"),
        ("what", "ตอบภายในวันเดียวกัน"),
        ("owner", "ส่วนเทคโนโลยีการสื่อสาร"),
        ("due_on", "2027-03-31"),
    ];
    assert_eq!(app.post_form("/staff/improvements", &action).await.status, StatusCode::SEE_OTHER);

    let second = launch(&mut app).await;
    respond(&mut app, &second, "process-2", 5).await;
    let report = app.get(&format!("/staff/surveys/{second}")).await;
    let trend = report.text.split("id=\"trend-table\"").nth(1).unwrap().split("</table>").next().unwrap();
    // process: 8 answers before (one 1), 4 now (all 5): dissatisfied 12.5 % → 0.0 %.
    assert!(trend.contains("<td>12.5</td><td>0.0</td><td>-12.5</td>"), "{trend}");
    let actions =
        report.text.split("id=\"before-after-table\"").nth(1).unwrap().split("</table>").next().unwrap();
    assert!(actions.contains("ตอบภายในวันเดียวกัน"));
    assert!(
        actions.contains("<td>50.0</td><td>0.0 (-50.0)</td><td>2.50</td><td>5.00 (+2.50)</td>"),
        "{actions}"
    );
}

#[tokio::test]
async fn every_response_is_streamed_as_a_workbook_row_in_the_readers_language() {
    let mut app = officer().await;
    let id = launch(&mut app).await;
    respond(&mut app, &id, "process-1", 2).await;
    let mut answers: serde_json::Map<String, serde_json::Value> =
        standard().scale_items().map(|(_, i)| (i.code.clone(), json!(4))).collect();
    answers.insert("staff-2".into(), json!("na"));
    answers.insert("what-dissatisfied".into(), json!("=1+1 รอนาน"));
    let body = json!({"group_id": "public", "service_id": "telephone-fax", "answers": answers});
    let path = format!("/api/v1/surveys/{id}/responses");
    let sent = app.send(Method::POST, &path, "application/json", body.to_string(), None).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);

    let xlsx = app.get(&format!("/staff/surveys/{id}/responses.xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(xlsx.header("cache-control"), "private, no-store");
    let rows = read(&xlsx.bytes, Format::Xlsx).unwrap();
    assert_eq!(rows.len(), 3, "the headings and one row a response");
    assert_eq!(rows[0][..5], ["เลขที่คำตอบ", "วันที่ตอบ", "ช่องทาง", "บริการที่ใช้", "กลุ่มผู้มีส่วนได้ส่วนเสีย"]);
    assert_eq!(rows[0][5], "1. ขั้นตอนการให้บริการไม่ยุ่งยากซับซ้อน");
    assert_eq!(rows[1][2], "ออนไลน์");
    assert_eq!((rows[1][5].as_str(), rows[1][6].as_str()), ("2", "5"), "scores are numbers");
    let staff_2 = rows[0].iter().position(|h| h == "6. เจ้าหน้าที่มีความรู้ ตอบคำถามได้ตรงประเด็น").unwrap();
    assert_eq!(rows[2][staff_2], "ไม่เกี่ยวข้อง");
    assert_eq!(rows[2].last().map(String::as_str), Some(""), "nothing to improve was written");
    // The reader takes back the apostrophe the sheet puts before a formula
    // (see the streamed sheet's own test): what matters here is the text.
    assert!(rows[2].iter().any(|c| c == "=1+1 รอนาน"), "{:?}", rows[2]);
    assert_eq!(rows[2][1], rows[1][1], "a day, read as a date");

    app.add_user("eval@ict.go.th", ruamjai_domain::accounts::Role::Evaluator, None).await;
    app.forget_cookies();
    let anonymous = app.get(&format!("/staff/surveys/{id}/responses.xlsx")).await;
    assert_ne!(anonymous.status, StatusCode::OK, "staff only");
}

#[tokio::test]
async fn an_evaluator_exports_identified_responses_without_names_or_addresses() {
    let mut app = officer().await;
    let id = crate::surveys::launch_in_mode(&mut app, "identified").await;
    let answers: serde_json::Map<String, serde_json::Value> =
        standard().scale_items().map(|(_, i)| (i.code.clone(), json!(4))).collect();
    let body = json!({"group_id": "provinces", "service_id": "video-conference", "answers": answers,
                      "name": "นางสาวสมศรี ใจงาม", "email": "somsri@example.com"});
    let path = format!("/api/v1/surveys/{id}/responses");
    let sent = app.send(Method::POST, &path, "application/json", body.to_string(), None).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);

    let export = format!("/staff/surveys/{id}/responses.xlsx");
    let theirs = read(&app.get(&export).await.bytes, Format::Xlsx).unwrap();
    assert!(theirs[1].iter().any(|c| c == "somsri@example.com"), "the survey's officers see who answered");

    app.add_user("eval@ict.go.th", ruamjai_domain::accounts::Role::Evaluator, None).await;
    app.forget_cookies();
    app.login("eval@ict.go.th", crate::support::PASSWORD).await;
    let masked = app.get(&export).await;
    assert_eq!(masked.status, StatusCode::OK, "evaluators read the evidence");
    let rows = read(&masked.bytes, Format::Xlsx).unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows[1].iter().all(|c| !c.contains("somsri") && !c.contains("สมศรี")), "{:?}", rows[1]);
}
