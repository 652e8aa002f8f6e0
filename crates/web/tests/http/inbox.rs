use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;
use ruamjai_domain::participation::Channel;
use ruamjai_domain::participation::TrackingCode;
use ruamjai_domain::participation::submission::SubmissionInput;
use time::{Duration, OffsetDateTime};

use crate::support::{PASSWORD, TestApp};

async fn signed_in(role: Role, division: Option<&str>) -> TestApp {
    let mut app = TestApp::new().await;
    app.add_user("me@ict.go.th", role, division).await;
    assert_eq!(app.login("me@ict.go.th", PASSWORD).await.status, StatusCode::SEE_OTHER);
    app
}

/// Files a submission directly in the store, `days_ago` days back; returns its code and token.
async fn filed(app: &TestApp, service: &str, subject: &str, days_ago: i64) -> (TrackingCode, String) {
    let input = SubmissionInput {
        kind: "complaint".into(),
        service: service.into(),
        group: "provinces".into(),
        subject: subject.into(),
        details: "รายละเอียด".into(),
        contact_email: "citizen@example.com".into(),
        ..SubmissionInput::default()
    };
    let token = ruamjai_app::secrets::random_token();
    let hash = ruamjai_app::secrets::token_hash(&token);
    let at = OffsetDateTime::now_utc() - Duration::days(days_ago);
    let filed =
        app.state.store.file_submission(&input.parse(Channel::Web).unwrap(), &hash, None, at).await.unwrap();
    (filed.code, token)
}

#[tokio::test]
async fn an_officer_works_only_the_inbox_of_their_division() {
    let mut app = signed_in(Role::Officer, Some("communication-technology")).await;
    let (mine, _) = filed(&app, "msat", "จานดาวเทียมเสีย", 1).await;
    let (theirs, _) = filed(&app, "network-status", "เครือข่ายล่ม", 1).await;
    let inbox = app.get("/staff/inbox").await;
    assert_eq!(inbox.status, StatusCode::OK);
    assert!(inbox.text.contains("จานดาวเทียมเสีย") && !inbox.text.contains("เครือข่ายล่ม"));
    assert_eq!(app.get(&format!("/staff/submissions/{mine}")).await.status, StatusCode::OK);
    assert_eq!(app.get(&format!("/staff/submissions/{theirs}")).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_public_reply_reaches_the_tracking_page_and_an_internal_note_does_not() {
    let mut app = signed_in(Role::Officer, Some("communication-technology")).await;
    let (code, token) = filed(&app, "video-conference", "ภาพค้าง", 1).await;
    let page = app.get(&format!("/staff/submissions/{code}")).await;
    assert!(page.text.contains("citizen@example.com"), "staff see how to reach the person");
    let csrf = page.csrf();
    let path = format!("/staff/submissions/{code}/steps");
    let note = [
        ("csrf", csrf.as_str()),
        ("to", "in_progress"),
        ("text", "ส่งช่างตรวจสอบ"),
        ("visibility", "internal"),
    ];
    assert_eq!(app.post_form(&path, &note).await.status, StatusCode::SEE_OTHER);
    let reply =
        [("csrf", csrf.as_str()), ("to", "resolved"), ("text", "เปลี่ยนอุปกรณ์แล้ว"), ("visibility", "public")];
    assert_eq!(app.post_form(&path, &reply).await.status, StatusCode::SEE_OTHER);
    let public = app.get(&format!("/track?code={code}&t={token}")).await.text;
    assert!(public.contains("เปลี่ยนอุปกรณ์แล้ว") && !public.contains("ส่งช่างตรวจสอบ"));
    let audit = app.state.store.recent_audit(5).await.unwrap();
    assert!(
        audit.iter().filter(|e| e.entity == "submission").count() == 2 && audit[0].actor == "me@ict.go.th"
    );
}

#[tokio::test]
async fn the_workflow_refuses_with_a_reason_in_thai() {
    let mut app = signed_in(Role::Officer, Some("strategy")).await;
    let (code, _) = filed(&app, "ict-training", "ขอหลักสูตร", 1).await;
    let csrf = app.get(&format!("/staff/submissions/{code}")).await.csrf();
    let path = format!("/staff/submissions/{code}/steps");
    let silent_reject = [("csrf", csrf.as_str()), ("to", "rejected"), ("text", ""), ("visibility", "public")];
    let refused = app.post_form(&path, &silent_reject).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("ข้อมูลไม่ถูกต้อง"));
    let skip_ahead = [("csrf", csrf.as_str()), ("to", "closed"), ("text", ""), ("visibility", "internal")];
    let conflict = app.post_form(&path, &skip_ahead).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert!(conflict.text.contains("เปลี่ยนเป็นสถานะนี้จากสถานะปัจจุบันไม่ได้"), "{}", conflict.text);
}

#[tokio::test]
async fn overdue_and_due_soon_items_stand_out() {
    let mut app = signed_in(Role::Director, None).await;
    filed(&app, "msat", "ค้างนาน", 16).await;
    filed(&app, "msat", "ใกล้ครบ", 12).await;
    filed(&app, "msat", "เพิ่งแจ้ง", 1).await;
    let inbox = app.get("/staff/inbox").await.text;
    assert!(inbox.contains(r#"<tr class="overdue">"#) && inbox.contains(r#"<tr class="due-soon">"#));
    let overdue_only = app.get("/staff/inbox?show=overdue").await.text;
    assert!(
        overdue_only.contains("ค้างนาน")
            && !overdue_only.contains("ใกล้ครบ")
            && !overdue_only.contains("เพิ่งแจ้ง")
    );
}

#[tokio::test]
async fn staff_log_a_telephone_request_and_get_a_code_to_give() {
    let mut app = signed_in(Role::Officer, Some("infrastructure")).await;
    let csrf = app.get("/staff/submissions/new").await.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("channel", "telephone"),
        ("kind", "request"),
        ("service", "network-interconnection"),
        ("group", "provinces"),
        ("subject", "ขอเชื่อมต่อเครือข่ายสำนักงานจังหวัด"),
        ("details", "โทรแจ้งเวลา 10:00 น."),
        ("name", "ผู้แทนจังหวัด"),
        ("email", ""),
        ("phone", "0 2111 2222"),
    ];
    let logged = app.post_form("/staff/submissions/new", &fields).await;
    assert_eq!(logged.status, StatusCode::OK);
    assert!(logged.text.contains("บันทึกเรื่องแล้ว") && logged.text.contains("/track?code=RJ-"));
    let inbox = app.get("/staff/inbox?channel=telephone").await.text;
    assert!(inbox.contains("ขอเชื่อมต่อเครือข่ายสำนักงานจังหวัด"));
    let web_channel = [("channel", "web")];
    let mut refused_fields = fields.to_vec();
    refused_fields[1] = web_channel[0];
    let refused = app.post_form("/staff/submissions/new", &refused_fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "staff log only the channels they receive");
}

#[tokio::test]
async fn an_evaluator_reads_the_inbox_but_changes_nothing() {
    let mut app = signed_in(Role::Evaluator, None).await;
    let (code, _) = filed(&app, "msat", "ตรวจประเมิน", 1).await;
    let page = app.get(&format!("/staff/submissions/{code}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.text.contains("/steps"), "no forms for evaluators");
    let csrf = page.csrf();
    let step = [("csrf", csrf.as_str()), ("to", "in_progress"), ("text", "x"), ("visibility", "internal")];
    assert_eq!(
        app.post_form(&format!("/staff/submissions/{code}/steps"), &step).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get("/staff/submissions/new").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_confirmation_cookie_cannot_choose_its_words() {
    let mut app = signed_in(Role::Administrator, None).await;
    app.set_cookie("flash", "<script>alert(1)</script>");
    let page = app.get("/staff/service-targets").await.text;
    assert!(!page.contains("notice flash") && !page.contains("<script>alert"));
    app.set_cookie("flash", "created");
    app.set_cookie("rj_lang", "en");
    assert!(app.get("/staff/service-targets").await.text.contains(">Created.</p>"));
}

#[tokio::test]
async fn an_administrator_sets_working_day_targets_and_a_holiday() {
    let mut app = signed_in(Role::Administrator, None).await;
    let page = app.get("/staff/service-targets").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("ใช้ค่าเริ่มต้น"));
    let csrf = page.csrf();
    let fields = [("csrf", csrf.as_str()), ("reply_days", "10"), ("update_days", "5"), ("count", "working")];
    assert_eq!(app.post_form("/staff/service-targets/msat", &fields).await.status, StatusCode::SEE_OTHER);
    let holiday = [("csrf", csrf.as_str()), ("day", "2026-12-10"), ("name", "วันรัฐธรรมนูญ")];
    assert_eq!(app.post_form("/staff/holidays", &holiday).await.status, StatusCode::SEE_OTHER);
    let after = app.get("/staff/service-targets").await.text;
    assert!(after.contains("10 ธันวาคม 2569 · วันรัฐธรรมนูญ"), "holidays show in the Buddhist Era");
    assert!(
        after.contains("<p class=\"notice flash\" role=\"status\">บันทึกแล้ว</p>"),
        "the page confirms the write"
    );
    assert!(!app.get("/staff/service-targets").await.text.contains("บันทึกแล้ว"), "once");
    let rows = app.state.store.service_targets().await.unwrap();
    assert!(rows.iter().any(|r| r.service_code == "msat" && r.custom && r.targets.reply_days == 10));
    let nonsense =
        [("csrf", csrf.as_str()), ("reply_days", "soon"), ("update_days", "5"), ("count", "working")];
    assert_eq!(
        app.post_form("/staff/service-targets/msat", &nonsense).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let mut officer = signed_in(Role::Officer, Some("strategy")).await;
    assert_eq!(officer.get("/staff/service-targets").await.status, StatusCode::FORBIDDEN);
}
