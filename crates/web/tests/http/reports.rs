//! The participation report on the page and as a workbook.

use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::participation::Channel;
use ruamjai_domain::participation::submission::SubmissionInput;

use crate::support::{PASSWORD, TestApp};

#[tokio::test]
async fn staff_read_the_year_report_and_download_it_as_xlsx() {
    let mut app = TestApp::new().await;
    let new = SubmissionInput {
        kind: "complaint".into(),
        service: "msat".into(),
        group: "provinces".into(),
        subject: "สัญญาณขาด".into(),
        details: "ระหว่างถ่ายทอดสด".into(),
        ..SubmissionInput::default()
    }
    .parse(Channel::Telephone)
    .unwrap();
    app.state.store.file_submission(&new, "t", None, time::OffsetDateTime::now_utc()).await.unwrap();
    app.add_user("eval@ict.go.th", Role::Evaluator, None).await;
    app.login("eval@ict.go.th", PASSWORD).await;

    let page = app.get("/staff/reports").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("รายงานการมีส่วนร่วม") && page.text.contains("โทรศัพท์"));
    let year = FiscalYear::of(time::OffsetDateTime::now_utc());
    assert!(page.text.contains(&format!("ปีงบประมาณ {year}")));

    let xlsx = app.get(&format!("/staff/reports.xlsx?period={year}-h1")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(
        xlsx.header("content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(xlsx.header("content-disposition").contains(&format!("ruamjai-participation-{year}-h1.xlsx")));
    assert!(xlsx.text.starts_with("PK"));

    assert_eq!(app.get("/staff/reports?period=2570-h7").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_report_is_for_staff_only() {
    let mut app = TestApp::new().await;
    assert_eq!(app.get("/staff/reports.xlsx").await.status, StatusCode::SEE_OTHER);
}
