//! The staff pages of a manual, as a browser uses them: an officer types
//! the steps and sees the flowchart follow, a collector approves, the
//! director publishes with the announcement's evidence.

use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;

use crate::support::{PASSWORD, TestApp};

const SERVICE: &str = "video-conference";
const DIVISION: &str = "communication-technology";
const EDITOR: &str = "/staff/manuals/video-conference";

async fn team(app: &TestApp) {
    app.add_user("officer@moi.go.th", Role::Officer, Some(DIVISION)).await;
    app.add_user("collector@moi.go.th", Role::Collector, Some(DIVISION)).await;
    app.add_user("director@moi.go.th", Role::Director, None).await;
}

async fn as_user(app: &mut TestApp, email: &str) -> String {
    assert_eq!(app.login(email, PASSWORD).await.status, StatusCode::SEE_OTHER);
    app.get(EDITOR).await.csrf()
}

/// A complete manual as the form sends it, with `duration` for step 2.
fn manual_form<'a>(csrf: &'a str, duration: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("responsible_unit", "ส่วนเทคโนโลยีการสื่อสาร"),
        ("legal_basis", "ระเบียบกระทรวงมหาดไทย"),
        ("channels.1.place", "ศาลาว่าการกระทรวงมหาดไทย ชั้น 3"),
        ("criteria", "หน่วยงานในสังกัด"),
        ("steps.1.title", "รับคำขอใช้ห้องประชุมทางไกล"),
        ("steps.1.duration.value", "30"),
        ("steps.1.duration.unit", "minutes"),
        ("steps.1.kind", "task"),
        ("steps.1.then", ""),
        ("steps.2.title", "ติดตั้งและทดสอบระบบ"),
        ("steps.2.duration.value", duration),
        ("steps.2.duration.unit", "working_days"),
        ("steps.2.kind", "task"),
        ("steps.2.then", ""),
        ("steps.3.title", ""),
        ("steps.3.duration.value", ""),
        ("steps.3.duration.unit", "minutes"),
        ("documents_none", "on"),
        ("fees_none", "on"),
        ("complaint_channels", "ศูนย์ดำรงธรรม สายด่วน 1567"),
        ("change_summary", "ฉบับแรก"),
    ]
}

#[tokio::test]
async fn an_officer_edits_a_collector_approves_and_the_director_publishes_with_evidence() {
    let mut app = TestApp::new().await;
    team(&app).await;
    let csrf = as_user(&mut app, "officer@moi.go.th").await;
    let list = app.get("/staff/manuals").await;
    assert!(list.text.contains(EDITOR), "every service is listed");

    let preview = app.post_form(&format!("{EDITOR}/preview"), &manual_form(&csrf, "2")).await;
    assert_eq!(preview.status, StatusCode::OK);
    let preview = preview.json();
    assert!(preview["svg"].as_str().unwrap().contains("ติดตั้งและทดสอบระบบ"), "the chart follows the steps");
    assert_eq!(preview["total"], "2 วันทำการ 30 นาที");

    let refused = app.post_form(&format!("{EDITOR}/preview"), &manual_form(&csrf, "-1")).await;
    assert_eq!(refused.json()["errors"][0]["field"], "steps.2.duration.value");
    let refused = app.post_form(EDITOR, &manual_form(&csrf, "-1")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("ขั้นตอนที่ 2"), "the step is named");
    assert!(refused.text.contains(
        r#"name="steps.2.duration.value" value="-1" inputmode="numeric" size="5" aria-invalid="true""#
    ));
    assert!(refused.text.contains("ติดตั้งและทดสอบระบบ"), "what was typed is kept");

    let saved = app.post_form(EDITOR, &manual_form(&csrf, "2")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = app.get(EDITOR).await;
    assert!(page.text.contains("ฉบับร่าง") && page.text.contains("<svg"), "the draft with its chart");
    let submitted =
        app.post_form(&format!("{EDITOR}/actions"), &[("csrf", &csrf), ("action", "submit")]).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);
    let approve = [("csrf", csrf.as_str()), ("action", "approve")];
    assert_eq!(app.post_form(&format!("{EDITOR}/actions"), &approve).await.status, StatusCode::FORBIDDEN);

    let csrf = as_user(&mut app, "collector@moi.go.th").await;
    let approve = [("csrf", csrf.as_str()), ("action", "approve"), ("comment", "")];
    assert_eq!(app.post_form(&format!("{EDITOR}/actions"), &approve).await.status, StatusCode::SEE_OTHER);

    let csrf = as_user(&mut app, "director@moi.go.th").await;
    let publication = format!("{EDITOR}/publication");
    let fields = [
        ("csrf", csrf.as_str()),
        ("publish_at", ""),
        ("announcement.date", "2026-11-25"),
        ("announcement.channels", "website"),
        ("announcement.channels", "notice_board"),
        ("announcement.note", "ติดประกาศที่ชั้น 3"),
    ];
    let photo = b"\x89PNG\r\n\x1a\n not really a whole picture";
    let published = app.post_multipart(&publication, &fields, &[("evidence", "ป้ายประกาศ.png", photo)]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.text);

    let page = app.get(EDITOR).await;
    assert!(page.text.contains("ใช้อยู่ปัจจุบัน"), "the version is in force");
    assert!(page.text.contains("ป้ายประกาศ ณ จุดให้บริการ"), "the channels are recorded");
    let link =
        page.text.split("href=\"").find(|s| s.contains("/evidence/")).unwrap().split('"').next().unwrap();
    let evidence = app.get(link).await;
    assert_eq!(evidence.bytes, photo.to_vec(), "the evidence comes back as uploaded");
    let public = app.get(&format!("/services/{SERVICE}/manual")).await;
    assert!(public.text.contains("ติดตั้งและทดสอบระบบ"));

    let revision = page.text.split("href=\"").find(|s| s.contains("/versions/") && !s.contains("/evidence/"));
    let revision = app.get(revision.unwrap().split('"').next().unwrap()).await;
    assert_eq!(revision.status, StatusCode::OK);
    assert!(
        revision.text.contains("ฉบับที่ 1 สถานะ: ใช้อยู่ปัจจุบัน"),
        "every revision is viewable, with its standing"
    );
    assert!(revision.text.contains("ติดตั้งและทดสอบระบบ"));
}

#[tokio::test]
async fn publishing_without_a_channel_or_with_a_bad_file_keeps_the_version_approved() {
    let mut app = TestApp::new().await;
    team(&app).await;
    let csrf = as_user(&mut app, "director@moi.go.th").await;
    app.post_form(EDITOR, &manual_form(&csrf, "2")).await;
    for action in ["submit", "approve"] {
        app.post_form(&format!("{EDITOR}/actions"), &[("csrf", &csrf), ("action", action)]).await;
    }
    let publication = format!("{EDITOR}/publication");
    let fields = [("csrf", csrf.as_str()), ("announcement.date", "2026-11-25")];
    let refused = app.post_multipart(&publication, &fields, &[("evidence", "virus.exe", b"MZ")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text.contains("ช่องทางการประกาศ") || refused.text.contains("การประกาศ"),
        "{}",
        refused.text
    );
    assert!(refused.text.contains("อนุมัติแล้ว รอประกาศ"), "still approved");
    assert_eq!(app.get(&format!("/services/{SERVICE}/manual")).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_form_attached_in_the_editor_is_downloadable_once_the_manual_is_in_force() {
    let mut app = TestApp::new().await;
    team(&app).await;
    let csrf = as_user(&mut app, "director@moi.go.th").await;
    let form_pdf: &[u8] = b"%PDF-1.7 the request form";
    let mut fields = manual_form(&csrf, "2");
    fields.push(("forms.new.title", "แบบคำขอใช้ห้องประชุมทางไกล"));
    let saved = app.post_multipart(EDITOR, &fields, &[("forms.new.file", "คำขอ.pdf", form_pdf)]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let editor = app.get(EDITOR).await;
    let url = editor.text.split("value=\"").find(|s| s.starts_with("/services/")).unwrap();
    let url = url.split('"').next().unwrap().to_owned();
    assert!(url.starts_with(&format!("/services/{SERVICE}/forms/")), "the draft links the file: {url}");
    assert!(editor.text.contains("แบบคำขอใช้ห้องประชุมทางไกล"));
    assert_eq!(app.get(&url).await.bytes, form_pdf, "staff open the draft's file");

    app.forget_cookies();
    assert_eq!(app.get(&url).await.status, StatusCode::NOT_FOUND, "not public before publication");
    let csrf = as_user(&mut app, "director@moi.go.th").await;
    for action in ["submit", "approve"] {
        app.post_form(&format!("{EDITOR}/actions"), &[("csrf", &csrf), ("action", action)]).await;
    }
    let announcement =
        [("csrf", csrf.as_str()), ("announcement.date", "2026-11-25"), ("announcement.channels", "website")];
    let published = app.post_multipart(&format!("{EDITOR}/publication"), &announcement, &[]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.text);

    app.forget_cookies();
    let download = app.get(&url).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.bytes, form_pdf);
    assert_eq!(download.header("content-type"), "application/pdf");
    assert!(download.header("content-disposition").starts_with("inline"), "a phone opens it");
    let page = app.get(&format!("/services/{SERVICE}/manual")).await;
    assert!(page.text.contains(&format!(r#"<a href="{url}">แบบคำขอใช้ห้องประชุมทางไกล</a>"#)));
    let pdf = app.get(&format!("/services/{SERVICE}/manual.pdf")).await;
    assert!(crate::support::pdf_text(&pdf.bytes).contains(&url), "the PDF prints the form's address");
    let other = url.rsplit_once('/').unwrap().0.to_owned() + "/999";
    assert_eq!(app.get(&other).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_form_without_a_title_or_of_a_refused_type_is_named_and_nothing_is_saved() {
    let mut app = TestApp::new().await;
    team(&app).await;
    let csrf = as_user(&mut app, "officer@moi.go.th").await;
    let mut fields = manual_form(&csrf, "2");
    let refused = app.post_multipart(EDITOR, &fields, &[("forms.new.file", "คำขอ.pdf", b"%PDF-1.7")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("แนบแบบฟอร์มใหม่"), "the new form is named");
    assert!(refused.text.contains(r#"name="forms.new.title" maxlength="300" aria-invalid="true""#));

    fields.push(("forms.new.title", "แบบคำขอ"));
    let refused = app.post_multipart(EDITOR, &fields, &[("forms.new.file", "คำขอ.pdf", b"MZ\x90\x00")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains(r#"type="file" aria-describedby="o-new-hint" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" aria-invalid="true""#));
    let editor = app.get(EDITOR).await;
    assert!(!editor.text.contains("ติดตั้งและทดสอบระบบ"), "no draft was saved");
    let files =
        app.state.store.document_files(ruamjai_store::documents::DocumentKind::CitizenManual, SERVICE);
    assert!(files.await.unwrap().is_empty(), "no file was stored");
}
