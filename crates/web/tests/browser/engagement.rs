//! Milestone 2 in the browser: a citizen registers on a phone and is checked
//! in at the door; staff import the directory and invite a whole group.

use fantoccini::Locator;

use crate::harness::Harness;

/// A seminar for provinces and the private sector, open for registration now.
async fn open_seminar(h: &Harness) -> i64 {
    use ruamjai_domain::engagement::activity::ActivityInput;
    let now = time::OffsetDateTime::now_utc();
    let seminar = ActivityInput {
        title: "สัมมนาความร่วมมือด้าน ICT กับจังหวัดและภาคเอกชน".into(),
        kind: "seminar".into(),
        starts_at: Some(now + time::Duration::days(7)),
        ends_at: Some(now + time::Duration::days(7) + time::Duration::hours(6)),
        venue: "ห้องประชุมชั้น 5 ศาลาว่าการกระทรวงมหาดไทย".into(),
        capacity: "50".into(),
        group_codes: vec!["provinces".into(), "private-sector".into()],
        registration_opens_at: Some(now - time::Duration::days(1)),
        registration_closes_at: Some(now + time::Duration::days(5)),
        ..ActivityInput::default()
    }
    .parse()
    .unwrap();
    h.store.create_activity(&ruamjai_store::audit::Actor::command("test"), &seminar, now).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_registers_on_a_phone_gets_a_qr_code_and_is_checked_in_by_an_officer() {
    let h = Harness::start().await;
    let id = open_seminar(&h).await;

    h.browser.goto(&h.url("/activities")).await.unwrap();
    h.click(&format!("a[href='/activities/{id}']")).await;
    h.wait_for_path(&format!("/activities/{id}")).await;
    h.browser.find(Locator::Id("reg-name")).await.unwrap().send_keys("สมชาย ใจดี").await.unwrap();
    h.browser.find(Locator::Id("reg-group")).await.unwrap().select_by_value("provinces").await.unwrap();
    h.browser.find(Locator::Id("reg-phone")).await.unwrap().send_keys("0812345678").await.unwrap();
    h.click("#register-title ~ form button[type='submit']").await;
    h.wait_for_path_prefix("/registration").await;
    h.wait_for_text("ลงทะเบียนเรียบร้อยแล้ว").await;
    assert_eq!(h.eval("return String(document.querySelectorAll('.qr svg').length)").await, "1");
    let code = h.browser.find(Locator::Id("registration-code")).await.unwrap().text().await.unwrap();
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    h.screenshot("registration-360").await;
    assert_eq!(overflow, "0", "the ticket fits a 360 px phone");
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");

    h.log_in_as_director().await;
    h.browser.goto(&h.url(&format!("/staff/activities/{id}/check-in"))).await.unwrap();
    h.browser.find(Locator::Id("checkin-code")).await.unwrap().send_keys(&code.to_lowercase()).await.unwrap();
    h.click(".checkin-form button[type='submit']").await;
    h.wait_for_text("ลงชื่อแล้ว").await;
    let result = h.browser.find(Locator::Id("checkin-result")).await.unwrap().text().await.unwrap();
    assert!(result.contains("สมชาย ใจดี"), "{result}");
    h.browser.find(Locator::Id("checkin-code")).await.unwrap().send_keys(&code).await.unwrap();
    h.click(".checkin-form button[type='submit']").await;
    h.wait_for_text("ลงชื่อเข้าร่วมไปแล้ว").await;
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    h.screenshot("check-in-360").await;
    assert_eq!(overflow, "0", "the check-in page fits a 360 px phone");
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_imports_the_directory_and_invites_the_provinces_to_a_seminar_on_a_phone() {
    let h = Harness::start().await;
    let id = open_seminar(&h).await;
    let headings: Vec<String> =
        ["หน่วยงาน", "กลุ่มผู้มีส่วนได้ส่วนเสีย", "ชื่อผู้ติดต่อ", "อีเมล", "ฐานทางกฎหมายในการเก็บข้อมูล", "วันที่ได้รับข้อมูล"]
            .map(String::from)
            .to_vec();
    let rows: Vec<Vec<String>> = [
        ["จังหวัดน่าน", "จังหวัด", "นายสมชาย ใจดี", "somchai@nan.go.th", "ภารกิจของรัฐ", "1/10/2569"],
        ["จังหวัดแพร่", "จังหวัด", "นางสาวนภา ดาวเด่น", "napa@phrae.go.th", "ภารกิจของรัฐ", "2/10/2569"],
        ["บริษัท ไทยดิจิทัล จำกัด", "หน่วยงานเอกชน", "คุณวีระ", "weera@thaidigital.co.th", "ความยินยอม", "5/10/2569"],
    ]
    .map(|r| r.map(String::from).to_vec())
    .to_vec();
    let sheet = std::env::temp_dir().join(format!("ruamjai-directory-{}.xlsx", std::process::id()));
    std::fs::write(&sheet, ruamjai_docs::list::list_xlsx(None, &headings, &rows).unwrap()).unwrap();

    h.log_in_as_director().await;
    h.browser.goto(&h.url("/staff/directory")).await.unwrap();
    let file = h.browser.find(Locator::Id("d-file")).await.unwrap();
    file.send_keys(sheet.to_str().unwrap()).await.unwrap();
    h.click("form[action='/staff/directory/import'] button[type='submit']").await;
    h.wait_for_text("นำเข้าแล้ว").await;
    h.wait_for_text("นางสาวนภา ดาวเด่น").await;
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");

    h.browser.goto(&h.url(&format!("/staff/activities/{id}"))).await.unwrap();
    let provinces = h
        .eval("return String(document.querySelector(\"input[name='groups'][value='provinces']\").checked)")
        .await;
    assert_eq!(provinces, "true", "the activity's target groups come preselected");
    h.eval(
        "document.querySelector(\"input[name='groups'][value='private-sector']\").checked = false; return ''",
    )
    .await;
    h.click(&format!("form[action='/staff/activities/{id}/invitations'] button[type='submit']")).await;
    h.wait_for_text("เชิญใหม่ 2 คน").await;
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    h.screenshot("invitations-360").await;
    assert_eq!(overflow, "0", "the activity page fits a 360 px phone");
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    let mailed: Vec<String> = h.store.outbox(10).await.unwrap().into_iter().map(|m| m.recipient).collect();
    assert_eq!(mailed.len(), 2, "{mailed:?}");

    h.click(&format!("a[href='/staff/activities/{id}/invitations']")).await;
    h.wait_for_text("นายสมชาย ใจดี").await;
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    std::fs::remove_file(sheet).ok();
}
