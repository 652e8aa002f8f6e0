//! The staff pages of work manuals: an officer starts one and writes its
//! draft in the form, the collector reviews and the director approves it,
//! and a colleague is asked to read it and acknowledges it.

use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::bangkok_date;
use time::OffsetDateTime;

use crate::support::{PASSWORD, TestApp};

async fn sign_in_as(app: &mut TestApp, email: &str) {
    app.forget_cookies();
    assert_eq!(app.login(email, PASSWORD).await.status, StatusCode::SEE_OTHER);
}

fn draft_fields(csrf: &str, days: &str) -> Vec<(String, String)> {
    [
        ("csrf", csrf),
        ("objective", "เพื่อให้การตรวจสอบสถานะเครือข่ายเป็นมาตรฐานเดียวกัน"),
        ("scope", "อุปกรณ์เครือข่ายทุกจังหวัด"),
        ("responsibilities.1.role", "เจ้าหน้าที่ศูนย์ปฏิบัติการ"),
        ("responsibilities.1.duties", "เฝ้าระวังและแจ้งเหตุ"),
        ("steps.1.title", "ตรวจสถานะ"),
        ("steps.1.kind", "process"),
        ("steps.1.duration.value", "15"),
        ("steps.1.duration.unit", "minutes"),
        ("steps.2.title", "แจ้งซ่อม"),
        ("steps.2.kind", "document"),
        ("steps.2.duration.value", days),
        ("steps.2.duration.unit", "working_days"),
        ("standards", "แจ้งซ่อมภายในวันที่พบ"),
        ("monitoring", "สรุปรายเดือน"),
        ("change", "major"),
        ("requires_reading", "yes"),
    ]
    .iter()
    .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
    .collect()
}

async fn post(app: &mut TestApp, path: &str, fields: &[(String, String)]) -> crate::support::TestResponse {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    app.post_form(path, &pairs).await
}

#[tokio::test]
async fn a_work_manual_is_written_reviewed_approved_and_acknowledged_on_its_pages() {
    let mut app = TestApp::new().await;
    for (email, role, division) in [
        ("noc@ict.go.th", Role::Officer, Some("infrastructure")),
        ("noc2@ict.go.th", Role::Officer, Some("infrastructure")),
        ("chief@ict.go.th", Role::Collector, Some("infrastructure")),
        ("director@ict.go.th", Role::Director, None),
    ] {
        app.add_user(email, role, division).await;
    }
    sign_in_as(&mut app, "noc@ict.go.th").await;
    let list = app.get("/staff/work-manuals").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text.contains("จัดทำคู่มือการปฏิบัติงานใหม่"));
    let csrf = list.csrf();
    let refused = app
        .post_form("/staff/work-manuals", &[("csrf", &csrf), ("service", "network-status"), ("title_th", "")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "no title, no audience");
    let started = app
        .post_form(
            "/staff/work-manuals",
            &[
                ("csrf", &csrf),
                ("service", "network-status"),
                ("title_th", "การตรวจสอบสถานะอุปกรณ์เครือข่าย"),
                ("roles", "officer"),
                ("divisions", "infrastructure"),
            ],
        )
        .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let page_path = started.header("location").to_owned();
    let editor = app.get(&format!("{page_path}/draft")).await;
    assert_eq!(editor.status, StatusCode::OK);
    let mut bad = draft_fields(&editor.csrf(), "-3");
    bad.push(("steps.1.title".into(), "<script>alert(1)</script>".into()));
    let refused = post(&mut app, &format!("{page_path}/draft"), &bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("steps.2.duration.value"), "the refused field is named");
    assert!(!refused.text.contains("<script>alert(1)"), "what was typed is shown escaped");
    let saved = post(&mut app, &format!("{page_path}/draft"), &draft_fields(&editor.csrf(), "2")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = app.get(&page_path).await;
    assert!(page.text.contains("ส่งตรวจทาน"), "the author may send it for review");
    assert!(!page.text.contains("อนุมัติ</button>"));
    let submitted =
        app.post_form(&format!("{page_path}/actions"), &[("csrf", &page.csrf()), ("action", "submit")]).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);

    sign_in_as(&mut app, "chief@ict.go.th").await;
    let page = app.get(&page_path).await;
    let reviewed =
        app.post_form(&format!("{page_path}/actions"), &[("csrf", &page.csrf()), ("action", "review")]).await;
    assert_eq!(reviewed.status, StatusCode::SEE_OTHER);

    sign_in_as(&mut app, "director@ict.go.th").await;
    let page = app.get(&page_path).await;
    assert!(page.text.contains("วันที่มีผลใช้"));
    let today = bangkok_date(OffsetDateTime::now_utc()).to_string();
    let approved = app
        .post_form(
            &format!("{page_path}/actions"),
            &[("csrf", &page.csrf()), ("action", "approve"), ("effective_date", &today)],
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    let id = page_path.rsplit('/').next().unwrap().to_owned();
    assert_eq!(
        app.get(&format!("/work-manuals/{id}")).await.status,
        StatusCode::NOT_FOUND,
        "internal until published"
    );
    let page = app.get(&page_path).await;
    assert!(page.text.contains("เผยแพร่ต่อสาธารณะ</button>"), "the director may publish it");
    let published = app
        .post_form(&format!("{page_path}/publication"), &[("csrf", &page.csrf()), ("public", "true")])
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let search = app
        .get("/staff/work-manuals?q=%E0%B9%81%E0%B8%88%E0%B9%89%E0%B8%87%E0%B8%8B%E0%B9%88%E0%B8%AD%E0%B8%A1")
        .await;
    assert!(search.text.contains(&page_path), "found by a word of its procedure (แจ้งซ่อม)");
    let search =
        app.get("/staff/work-manuals?q=%E0%B8%A7%E0%B8%B1%E0%B8%84%E0%B8%8B%E0%B8%B5%E0%B8%99").await;
    assert!(!search.text.contains(&page_path) && search.text.contains("ไม่พบคู่มือ"), "not by a word it lacks");

    app.forget_cookies();
    let listed = app.get("/work-manuals?service=network-status").await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(listed.text.contains("การตรวจสอบสถานะอุปกรณ์เครือข่าย"), "listed for the public");
    let public = app.get(&format!("/work-manuals/{id}")).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.text.contains("แจ้งซ่อมภายในวันที่พบ") && public.text.contains("2 วันทำการ"), "its content");
    assert!(!public.text.contains("noc2@ict.go.th"), "nothing of who must read it");
    let pdf = app.get(&format!("/work-manuals/{id}/manual.pdf")).await;
    assert_eq!((pdf.status, pdf.header("content-type")), (StatusCode::OK, "application/pdf"));
    assert!(crate::support::pdf_text(&pdf.bytes).contains("ผังกระบวนการ"));

    sign_in_as(&mut app, "noc2@ict.go.th").await;
    let home = app.get("/staff").await;
    assert!(
        home.text.contains("คู่มือการปฏิบัติงานที่ท่านต้องอ่าน") && home.text.contains(&page_path),
        "asked on the home page"
    );
    let page = app.get(&page_path).await;
    assert!(page.text.contains("อ่านและเข้าใจแล้ว"), "a reader is asked to read it");
    assert!(page.text.contains("0 / 2"), "nobody has acknowledged yet");
    let read = app
        .post_form(&format!("{page_path}/acknowledgement"), &[("csrf", &page.csrf()), ("number", "0")])
        .await;
    assert_eq!(read.status, StatusCode::SEE_OTHER);
    let page = app.get(&page_path).await;
    assert!(page.text.contains("1 / 2") && !page.text.contains("อ่านและเข้าใจแล้ว</button>"));

    sign_in_as(&mut app, "noc@ict.go.th").await;
    let editor = app.get(&format!("{page_path}/draft")).await;
    let saved = post(&mut app, &format!("{page_path}/draft"), &draft_fields(&editor.csrf(), "3")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let diff = app.get(&format!("{page_path}/diff?from=0&to=1")).await;
    assert_eq!(diff.status, StatusCode::OK);
    assert!(diff.text.contains("<del>2 วันทำการ</del> → <ins>3 วันทำการ</ins>"), "{}", diff.text);
}

#[tokio::test]
async fn the_details_page_renames_a_manual_and_names_what_is_wrong() {
    let mut app = TestApp::new().await;
    app.add_user("noc@ict.go.th", Role::Officer, Some("infrastructure")).await;
    sign_in_as(&mut app, "noc@ict.go.th").await;
    let csrf = app.get("/staff/work-manuals").await.csrf();
    let started = app
        .post_form(
            "/staff/work-manuals",
            &[
                ("csrf", &csrf),
                ("service", "network-status"),
                ("title_th", "การตรวจสอบ"),
                ("roles", "officer"),
            ],
        )
        .await;
    let page_path = started.header("location").to_owned();
    let manual = app.get(&page_path).await;
    assert!(
        manual.text.contains(&format!("href=\"{page_path}/details\"")),
        "the manual page links its details"
    );
    let details = app.get(&format!("{page_path}/details")).await;
    assert_eq!(details.status, StatusCode::OK);
    assert!(details.text.contains("WM-INFRASTRUCTURE-NETWORK-STATUS-01"));
    let csrf = details.csrf();
    let form = |code: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("code", code.to_owned()),
            ("title_th", "การตรวจสอบสถานะอุปกรณ์".to_owned()),
            ("roles", "officer".to_owned()),
            ("divisions", "infrastructure".to_owned()),
        ]
    };
    let pairs =
        |f: &[(&str, String)]| f.iter().map(|(n, v)| ((*n).to_owned(), v.clone())).collect::<Vec<_>>();
    let refused = post(&mut app, &format!("{page_path}/details"), &pairs(&form("WM/1"))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("class=\"field-error\""), "the wrong field says why");
    let saved = post(&mut app, &format!("{page_path}/details"), &pairs(&form("WM-NOC-01"))).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let manual = app.get(&page_path).await;
    assert!(manual.text.contains("WM-NOC-01") && manual.text.contains("การตรวจสอบสถานะอุปกรณ์"));
}
