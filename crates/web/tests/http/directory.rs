//! The stakeholder directory and invitations over HTTP: a sheet from Excel
//! imported whole or not at all, exported and imported back unchanged,
//! groups invited by mail, the invitation list, and erasure on request.

use axum::http::{Method, StatusCode};
use ruamjai_docs::list::list_xlsx;
use ruamjai_docs::table::{Format, read};
use ruamjai_domain::accounts::Role;
use serde_json::json;

use crate::support::{PASSWORD, TestApp};

async fn officer() -> TestApp {
    let mut app = TestApp::new().await;
    app.add_user("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    app.login("it@ict.go.th", PASSWORD).await;
    app
}

fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect()
}

/// The sheet a Thai office keeps: a title, Thai headings, group names, B.E. dates.
fn good_sheet() -> Vec<u8> {
    let headings = cells(&[&[
        "หน่วยงาน",
        "กลุ่มผู้มีส่วนได้ส่วนเสีย",
        "จังหวัด",
        "ชื่อผู้ติดต่อ",
        "ตำแหน่ง",
        "อีเมล",
        "โทรศัพท์",
        "ฐานทางกฎหมายในการเก็บข้อมูล",
        "วันที่ได้รับข้อมูล",
    ]])
    .remove(0);
    let rows = cells(&[
        &[
            "จังหวัดน่าน",
            "จังหวัด",
            "น่าน",
            "นายสมชาย ใจดี",
            "ผู้อำนวยการ",
            "somchai@nan.go.th",
            "",
            "ภารกิจของรัฐ",
            "1/10/2569",
        ],
        &["จังหวัดน่าน", "จังหวัด", "น่าน", "นางสาวนภา ดาวเด่น", "", "", "054 710 000", "ภารกิจของรัฐ", "1/10/2569"],
        &[
            "บริษัท ไทยดิจิทัล จำกัด",
            "หน่วยงานเอกชน",
            "กรุงเทพมหานคร",
            "คุณวีระ",
            "",
            "weera@thaidigital.co.th",
            "",
            "ความยินยอม",
            "5/10/2569",
        ],
    ]);
    list_xlsx(Some("ทะเบียนผู้มีส่วนได้ส่วนเสีย ปีงบประมาณ 2570"), &headings, &rows).unwrap()
}

async fn import(app: &mut TestApp, file_name: &str, content: &[u8]) -> crate::support::TestResponse {
    let csrf = app.get("/staff/directory").await.csrf();
    app.post_multipart("/staff/directory/import", &[("csrf", csrf.as_str())], &[("file", file_name, content)])
        .await
}

#[tokio::test]
async fn a_sheet_with_wrong_cells_is_refused_whole_naming_each_cell_and_a_right_one_is_taken() {
    let mut app = officer().await;
    let bad = "หน่วยงาน,กลุ่มผู้มีส่วนได้ส่วนเสีย,ชื่อผู้ติดต่อ,อีเมล,ฐานทางกฎหมายในการเก็บข้อมูล,วันที่ได้รับข้อมูล\r\n\
               จังหวัดแพร่,จังหวัด,นายก,k@phrae.go.th,ความยินยอม,1/10/2569\r\n\
               จังหวัดตาก,กลุ่มที่ไม่มี,นายข,not-an-address,ความยินยอม,31/02/2569\r\n";
    // Excel on a Thai Windows saves CSV in Windows-874, not UTF-8.
    let (windows_874, _, _) = encoding_rs::WINDOWS_874.encode(bad);
    let refused = import(&mut app, "รายชื่อ.csv", &windows_874).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let table = refused.text.split("id=\"import-errors\"").nth(1).expect("an error table");
    for expected in ["กลุ่มที่ไม่มี", "not-an-address", "31/02/2569", "<td>3</td>"]
    {
        assert!(table.contains(expected), "{expected} in {table}");
    }
    assert!(!table.contains("<td>2</td>"), "the right row is not listed");
    assert!(app.get("/staff/directory").await.text.contains("ยังไม่มีหน่วยงานในทะเบียน"), "nothing was kept");

    let taken = import(&mut app, "ทะเบียน.xlsx", &good_sheet()).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.text);
    let page = app.get(taken.header("location")).await;
    assert!(page.text.contains("หน่วยงานใหม่ 2 แห่ง"), "{}", page.text);
    assert!(page.text.contains("ผู้ติดต่อใหม่ 3 คน"));
    assert!(page.text.contains("นางสาวนภา ดาวเด่น") && page.text.contains("ภารกิจของรัฐ"));

    let not_a_sheet = import(&mut app, "รายชื่อ.pdf", b"%PDF-1.7").await;
    assert_eq!(not_a_sheet.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_export_imports_back_unchanged_in_either_format() {
    let mut app = officer().await;
    import(&mut app, "ทะเบียน.xlsx", &good_sheet()).await;
    let xlsx = app.get("/staff/directory/export.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(xlsx.header("cache-control"), "private, no-store");
    let rows = read(&xlsx.bytes, Format::Xlsx).unwrap();
    assert_eq!(rows.len(), 4, "a heading and three contacts: {rows:?}");
    assert_eq!(rows[1][..2], ["จังหวัดน่าน", "จังหวัด"]);
    let again = import(&mut app, "ส่งออก.xlsx", &xlsx.bytes).await;
    let page = app.get(again.header("location")).await;
    assert!(page.text.contains("หน่วยงานใหม่ 0 แห่ง ปรับปรุง 0 แห่ง ผู้ติดต่อใหม่ 0 คน ปรับปรุง 0 คน"), "{}", page.text);

    let csv = app.get("/staff/directory/export.csv").await;
    assert!(csv.bytes.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(read(&csv.bytes, Format::Csv).unwrap(), rows);
    let again = import(&mut app, "ส่งออก.csv", &csv.bytes).await;
    assert!(app.get(again.header("location")).await.text.contains("ผู้ติดต่อใหม่ 0 คน ปรับปรุง 0 คน"));
}

async fn seminar(app: &mut TestApp) -> String {
    crate::activities::create_seminar(app, "60").await
}

#[tokio::test]
async fn a_group_is_invited_by_mail_once_and_the_invitation_list_prints_and_downloads() {
    let mut app = officer().await;
    import(&mut app, "ทะเบียน.xlsx", &good_sheet()).await;
    let id = seminar(&mut app).await;
    let page = app.get(&format!("/staff/activities/{id}")).await;
    assert!(
        page.text.contains("name=\"groups\" value=\"provinces\" checked"),
        "target groups are preselected"
    );
    let csrf = page.csrf();
    let fields = [("csrf", csrf.as_str()), ("groups", "provinces")];
    let sent = app.post_form(&format!("/staff/activities/{id}/invitations"), &fields).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text);
    let shown = app.get(sent.header("location")).await;
    assert!(shown.text.contains("เชิญใหม่ 2 คน (ไม่มีอีเมล 1 คน"), "{}", shown.text);
    let outbox = app.state.store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1, "only the contact with an address is mailed");
    assert_eq!(outbox[0].recipient, "somchai@nan.go.th");
    assert!(outbox[0].subject.starts_with("ขอเชิญเข้าร่วม: สัมมนาความร่วมมือ"));
    assert!(outbox[0].body.as_deref().unwrap().contains(&format!("/activities/{id}")));
    let again = app.post_form(&format!("/staff/activities/{id}/invitations"), &fields).await;
    assert!(app.get(again.header("location")).await.text.contains("เคยเชิญแล้ว 2 คน"));
    assert_eq!(app.state.store.outbox(10).await.unwrap().len(), 1, "no one is mailed twice");

    let list = app.get(&format!("/staff/activities/{id}/invitations")).await;
    assert!(list.text.contains("นายสมชาย ใจดี") && list.text.contains("054 710 000"));
    let xlsx = app.get(&format!("/staff/activities/{id}/invitations.xlsx")).await;
    let rows = read(&xlsx.bytes, Format::Xlsx).unwrap();
    assert!(rows[0][0].contains("สัมมนาความร่วมมือ"), "titled: {rows:?}");
    assert_eq!(rows.iter().filter(|r| r.iter().any(|c| c == "จังหวัดน่าน")).count(), 2);

    let nobody =
        app.post_form(&format!("/staff/activities/{id}/invitations"), &[("csrf", csrf.as_str())]).await;
    assert_eq!(nobody.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn erasing_a_contact_or_a_registrant_needs_confirmation_and_keeps_the_counts() {
    let mut app = officer().await;
    import(&mut app, "ทะเบียน.xlsx", &good_sheet()).await;
    let id = seminar(&mut app).await;
    let csrf = app.get(&format!("/staff/activities/{id}")).await.csrf();
    app.post_form(
        &format!("/staff/activities/{id}/invitations"),
        &[("csrf", &csrf), ("groups", "provinces")],
    )
    .await;
    let somchai = app.state.store.directory(Some("provinces")).await.unwrap()[0].contacts[0].id;
    let erase = format!("/staff/directory/contacts/{somchai}/erase");
    let unconfirmed = app.post_form(&erase, &[("csrf", &csrf)]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let erased = app.post_form(&erase, &[("csrf", &csrf), ("confirm", "yes")]).await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER);
    let directory = app.get("/staff/directory").await;
    assert!(!directory.text.contains("นายสมชาย ใจดี") && directory.text.contains("ลบข้อมูลส่วนบุคคลตามคำขอแล้ว"));
    let list = app.get(&format!("/staff/activities/{id}/invitations")).await;
    assert!(list.text.contains("เชิญแล้ว 2 คน"), "the invitation still counts");

    let page = format!("/activities/{id}");
    let public_csrf = app.get(&page).await.csrf();
    let fields = [
        ("csrf", public_csrf.as_str()),
        ("name", "นางมาลี"),
        ("group", "provinces"),
        ("email", "malee@example.com"),
    ];
    let ticket = app.post_form(&page, &fields).await;
    let ticket = app.get(ticket.header("location")).await;
    let code = ticket.text.split("id=\"registration-code\">").nth(1).unwrap()[..9].to_owned();
    let erase = format!("/staff/activities/{id}/registrations/{code}/erase");
    let erased = app.post_form(&erase, &[("csrf", &csrf), ("confirm", "yes")]).await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER, "{}", erased.text);
    let staff_page = app.get(&format!("/staff/activities/{id}")).await;
    assert!(!staff_page.text.contains("malee@example.com") && staff_page.text.contains("ลบข้อมูลตามคำขอแล้ว"));
    assert_eq!(app.state.store.activity_counts(id.parse().unwrap()).await.unwrap().registered, 1);
}

#[tokio::test]
async fn evaluators_see_no_directory_and_the_api_sets_status_and_invites() {
    let mut app = TestApp::new().await;
    app.add_user("eval@ict.go.th", Role::Evaluator, None).await;
    app.login("eval@ict.go.th", PASSWORD).await;
    assert_eq!(app.get("/staff/directory").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/staff/directory/export.csv").await.status, StatusCode::FORBIDDEN);

    let mut app = officer().await;
    import(&mut app, "ทะเบียน.xlsx", &good_sheet()).await;
    let id = seminar(&mut app).await;
    let officer = app.add_user("api@ict.go.th", Role::Officer, Some("information-technology")).await;
    let token = app.token_for(&officer).await;
    let json_put = |body: serde_json::Value| body.to_string();
    let status = format!("/api/v1/staff/activities/{id}/status");
    let held = app
        .send(Method::PUT, &status, "application/json", json_put(json!({"status": "held"})), Some(&token))
        .await;
    assert_eq!(held.status, StatusCode::OK, "{}", held.text);
    assert_eq!(held.json()["status"], "held");
    let unknown = app
        .send(Method::PUT, &status, "application/json", json_put(json!({"status": "open"})), Some(&token))
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.json()["errors"][0]["field"], "status");

    let invitations = format!("/api/v1/staff/activities/{id}/invitations");
    let body = json!({"group_ids": ["private-sector"]}).to_string();
    let invited = app.send(Method::POST, &invitations, "application/json", body, Some(&token)).await;
    assert_eq!(invited.status, StatusCode::OK, "{}", invited.text);
    assert_eq!(
        (invited.json()["invited"].as_i64(), invited.json()["already_invited"].as_i64()),
        (Some(1), Some(0))
    );
    let empty = app.send(Method::POST, &invitations, "application/json", "{}".to_owned(), Some(&token)).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
}
