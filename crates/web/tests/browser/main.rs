//! What a person does, in a real headless Chromium driven over WebDriver:
//! the home page on a 360 px phone, the language switch, staff login and
//! logout, and an axe-core accessibility check with zero violations.
//!
//! Needs `chromium` and `chromedriver` (Debian packages) and axe-core from
//! `tests/browser-tools` (`npm ci`); `scripts/test` installs all three.

mod engagement;
mod harness;
mod kpi;
mod manuals;
mod work_manuals;

use fantoccini::Locator;
use harness::{Harness, PASSWORD};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_fits_a_360px_phone_and_lists_services_and_groups() {
    let h = Harness::start().await;
    h.browser.goto(&h.url("/")).await.unwrap();
    assert_eq!(h.eval("return document.documentElement.lang").await, "th");
    assert_eq!(h.browser.find_all(Locator::Css("li[id^='service-']")).await.unwrap().len(), 12);
    assert_eq!(h.browser.find_all(Locator::Css("li[id^='group-']")).await.unwrap().len(), 7);
    assert_eq!(h.eval("return String(window.innerWidth)").await, "360");
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    assert_eq!(overflow, "0", "nothing scrolls sideways at 360 px");
    let header =
        h.eval("return getComputedStyle(document.querySelector('.site-header')).backgroundColor").await;
    assert_eq!(header, "rgb(11, 79, 138)", "the stylesheet loads under the CSP");
    h.screenshot("home-360").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_goes_to_english_and_back_on_the_same_page() {
    let h = Harness::start().await;
    h.browser.goto(&h.url("/login")).await.unwrap();
    h.click("a.lang-switch").await;
    h.wait_for_path("/login").await;
    assert_eq!(h.eval("return document.documentElement.lang").await, "en");
    assert_eq!(h.browser.find(Locator::Css("h1")).await.unwrap().text().await.unwrap(), "Staff login");
    h.click("a.lang-switch").await;
    h.wait_for_path("/login").await;
    assert_eq!(h.eval("return document.documentElement.lang").await, "th");
    assert_eq!(h.browser.find(Locator::Css("h1")).await.unwrap().text().await.unwrap(), "เข้าสู่ระบบเจ้าหน้าที่");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_member_logs_in_on_a_phone_and_logs_out() {
    let h = Harness::start().await;
    h.browser.goto(&h.url("/staff")).await.unwrap();
    h.wait_for_path("/login").await;
    h.browser.find(Locator::Id("email")).await.unwrap().send_keys(harness::DIRECTOR).await.unwrap();
    h.browser.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    h.click("form.form button[type='submit']").await;
    h.wait_for_path("/staff").await;
    let body = h.browser.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(body.contains("ผู้อำนวยการศูนย์ฯ"), "{body}");
    h.screenshot("staff-360").await;
    h.click(".staff-nav button").await;
    h.wait_for_path("/").await;
    h.browser.goto(&h.url("/staff")).await.unwrap();
    h.wait_for_path("/login").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_pages_have_no_accessibility_violations() {
    let h = Harness::start().await;
    for lang in ["th", "en"] {
        h.browser.goto(&h.url(&format!("/lang/{lang}"))).await.unwrap();
        for path in ["/", "/login", "/participate", "/track"] {
            h.browser.goto(&h.url(path)).await.unwrap();
            let violations = h.axe_violations().await;
            assert!(violations.is_empty(), "{lang} {path}: {violations:#?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_files_a_complaint_on_a_phone_and_keeps_the_tracking_link() {
    let h = Harness::start().await;
    h.browser.goto(&h.url("/")).await.unwrap();
    h.click("a.button-link").await;
    h.wait_for_path("/participate").await;
    h.click("input[name='kind'][value='complaint']").await;
    let service = h.browser.find(Locator::Id("field-service")).await.unwrap();
    service.select_by_value("video-conference").await.unwrap();
    let hostile = "<img src=x onerror=\"document.title='pwned'\"> ภาพค้าง";
    h.browser.find(Locator::Id("field-subject")).await.unwrap().send_keys(hostile).await.unwrap();
    h.browser
        .find(Locator::Id("field-details"))
        .await
        .unwrap()
        .send_keys("ภาพค้างระหว่างประชุมกับจังหวัด")
        .await
        .unwrap();
    let evidence = std::env::temp_dir().join(format!("หลักฐาน-{}.pdf", std::process::id()));
    std::fs::write(&evidence, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
        .unwrap();
    let file_input = h.browser.find(Locator::Id("field-attachments")).await.unwrap();
    file_input.send_keys(evidence.to_str().unwrap()).await.unwrap();
    h.click("form.form button[type='submit']").await;
    h.wait_for_path("/track").await;
    let code = h.browser.find(Locator::Css(".big-code")).await.unwrap().text().await.unwrap();
    assert!(code.starts_with("RJ-") && code.ends_with("-000001"), "{code}");
    let subject = h.eval("return document.querySelector('dl.facts').textContent").await;
    assert!(subject.contains("<img src=x"), "the hostile subject is shown as text");
    assert_eq!(h.eval("return String(document.querySelectorAll('main img').length)").await, "0");
    assert_ne!(h.eval("return document.title").await, "pwned");
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    assert_eq!(overflow, "0", "the tracking page fits a 360 px phone");
    h.screenshot("track-360").await;
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");

    h.log_in_as_director().await;
    h.browser.goto(&h.url(&format!("/staff/submissions/{code}"))).await.unwrap();
    let file_name = evidence.file_name().unwrap().to_str().unwrap().to_owned();
    h.wait_for_text(&file_name).await;
    let _ = std::fs::remove_file(&evidence);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_answer_a_citizen_on_a_phone_and_the_citizen_reads_the_reply() {
    let h = Harness::start().await;
    h.browser.goto(&h.url("/participate")).await.unwrap();
    h.browser.find(Locator::Id("field-subject")).await.unwrap().send_keys("สอบถามหลักสูตรอบรม").await.unwrap();
    h.browser
        .find(Locator::Id("field-details"))
        .await
        .unwrap()
        .send_keys("มีหลักสูตรออนไลน์หรือไม่")
        .await
        .unwrap();
    h.click("form.form button[type='submit']").await;
    h.wait_for_path("/track").await;
    let tracking_link = h.eval("return document.querySelector('a.keep-link').href").await;

    h.log_in_as_director().await;
    h.browser.goto(&h.url("/staff/inbox")).await.unwrap();
    h.screenshot("inbox-360").await;
    h.click("table.inbox a").await;
    let detail = h.wait_for_path_prefix("/staff/submissions/RJ-").await;
    let status = h.browser.find(Locator::Id("step-to")).await.unwrap();
    status.select_by_value("resolved").await.unwrap();
    h.browser.find(Locator::Id("step-text")).await.unwrap().send_keys("มีหลักสูตรออนไลน์ทุกเดือน").await.unwrap();
    h.click("input[name='visibility'][value='public']").await;
    h.click("#step ~ form button[type='submit']").await;
    h.wait_for_text("มีหลักสูตรออนไลน์ทุกเดือน").await;
    assert_eq!(
        h.browser.current_url().await.unwrap().path(),
        detail,
        "back on the submission after the step"
    );

    h.browser.goto(&tracking_link).await.unwrap();
    h.wait_for_path("/track").await;
    let page = h.browser.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(page.contains("มีหลักสูตรออนไลน์ทุกเดือน") && page.contains("ดำเนินการแล้วเสร็จ"), "{page}");
}

/// Markup and script that must show as text wherever a submission or a
/// comment is displayed. Each payload would set `window.__xss` if it ran.
const XSS_CORPUS: &[&str] = &[
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=1>",
    "<svg onload=window.__xss=1>",
    "\"><iframe src=javascript:window.__xss=1>",
    "'><a href=javascript:window.__xss=1>x</a>",
    "<details open ontoggle=window.__xss=1>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "&lt;b&gt;already escaped&lt;/b&gt;",
];

async fn assert_nothing_ran(h: &Harness, page: &str) {
    assert_eq!(h.eval("return String(window.__xss)").await, "undefined", "a payload ran on {page}");
    let injected = h
        .eval(
            "return String(document.querySelectorAll('main script, main iframe, main svg, main img, \
             main details[ontoggle], main a[href^=javascript]').length)",
        )
        .await;
    assert_eq!(injected, "0", "a payload became markup on {page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_xss_payload_runs_or_becomes_markup_on_public_or_staff_pages() {
    let h = Harness::start().await;
    let mut tracking = Vec::new();
    for payload in XSS_CORPUS {
        h.browser.goto(&h.url("/participate")).await.unwrap();
        h.browser.find(Locator::Id("field-subject")).await.unwrap().send_keys(payload).await.unwrap();
        h.browser.find(Locator::Id("field-details")).await.unwrap().send_keys(payload).await.unwrap();
        h.browser.find(Locator::Id("field-contact-name")).await.unwrap().send_keys(payload).await.unwrap();
        h.click("form.form button[type='submit']").await;
        h.wait_for_path("/track").await;
        tracking.push(h.eval("return document.querySelector('a.keep-link').href").await);
    }
    for (link, payload) in tracking.iter().zip(XSS_CORPUS) {
        h.browser.goto(link).await.unwrap();
        h.wait_for_path("/track").await;
        let text = h.browser.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
        assert!(text.contains(payload), "{payload} is shown exactly as typed: {text}");
        assert_nothing_ran(&h, link).await;
    }
    h.log_in_as_director().await;
    h.browser.goto(&h.url("/staff/inbox?show=all")).await.unwrap();
    h.wait_for_text("{{7*7}}").await;
    assert_nothing_ran(&h, "the inbox").await;
    for n in 1..=XSS_CORPUS.len() {
        let code = format!(
            "RJ-{}-{n:06}",
            ruamjai_domain::calendar::FiscalYear::of(time::OffsetDateTime::now_utc())
        );
        h.browser.goto(&h.url(&format!("/staff/submissions/{code}"))).await.unwrap();
        h.wait_for_text(&code).await;
        assert_nothing_ran(&h, &code).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_comments_on_a_consultation_by_phone_and_sees_it_after_moderation() {
    use ruamjai_domain::calendar::bangkok_date;
    use ruamjai_domain::participation::consultation::{ConsultationInput, format_iso_date};
    let h = Harness::start().await;
    let now = time::OffsetDateTime::now_utc();
    let day = |offset: i64| format_iso_date(bangkok_date(now + time::Duration::days(offset)));
    let draft = ConsultationInput {
        title: "ร่างมาตรฐานบริการประชุมทางไกล".into(),
        subject: "service-standard".into(),
        draft: "จองห้องล่วงหน้า 3 วันทำการ".into(),
        groups: vec!["public".into(), "provinces".into()],
        opens_on: day(-1),
        closes_on: day(7),
    }
    .parse()
    .unwrap();
    let id = h
        .store
        .create_consultation(&ruamjai_store::audit::Actor::command("test"), &draft, &[], now)
        .await
        .unwrap();

    h.browser.goto(&h.url("/consultations")).await.unwrap();
    h.click(&format!("a[href='/consultations/{id}']")).await;
    h.wait_for_path(&format!("/consultations/{id}")).await;
    let comment = "ขอให้จองผ่าน LINE ได้ด้วย <b>ด่วน</b>";
    h.browser.find(Locator::Id("comment-body")).await.unwrap().send_keys(comment).await.unwrap();
    h.browser.find(Locator::Id("comment-group")).await.unwrap().select_by_value("public").await.unwrap();
    h.click("#comment-title ~ form button[type='submit']").await;
    h.wait_for_text("จะแสดงหลังผ่านการตรวจสอบ").await;
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    assert_eq!(overflow, "0", "the consultation page fits a 360 px phone");
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");

    h.log_in_as_director().await;
    h.browser.goto(&h.url(&format!("/staff/consultations/{id}"))).await.unwrap();
    h.wait_for_text("ด่วน").await;
    h.click("button[name='decision'][value='published']").await;
    h.wait_for_text("ไม่มีความเห็นรอตรวจสอบ").await;

    h.browser.goto(&h.url(&format!("/consultations/{id}"))).await.unwrap();
    h.wait_for_text("ขอให้จองผ่าน LINE ได้ด้วย").await;
    assert_eq!(
        h.eval("return String(document.querySelectorAll('main b').length)").await,
        "0",
        "shown as text"
    );
    for path in ["/consultations", "/you-said-we-did"] {
        h.browser.goto(&h.url(path)).await.unwrap();
        let violations = h.axe_violations().await;
        assert!(violations.is_empty(), "{path}: {violations:#?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_logs_a_telephone_request_and_exports_the_year_report() {
    let h = Harness::start().await;
    h.log_in_as_director().await;
    h.browser.goto(&h.url("/staff/submissions/new")).await.unwrap();
    h.browser.find(Locator::Id("field-channel")).await.unwrap().select_by_value("telephone").await.unwrap();
    h.click("input[name='kind'][value='request']").await;
    h.browser.find(Locator::Id("field-service")).await.unwrap().select_by_value("msat").await.unwrap();
    h.browser
        .find(Locator::Id("field-subject"))
        .await
        .unwrap()
        .send_keys("ขอใช้ MSAT งานพระราชพิธี")
        .await
        .unwrap();
    h.browser.find(Locator::Id("field-details")).await.unwrap().send_keys("โทรแจ้งจากจังหวัด").await.unwrap();
    h.browser.find(Locator::Id("field-contact-phone")).await.unwrap().send_keys("0812345678").await.unwrap();
    h.click("form.form button[type='submit']").await;
    h.wait_for_text("RJ-").await;
    let code = h.browser.find(Locator::Css(".big-code")).await.unwrap().text().await.unwrap();

    h.browser.goto(&h.url("/staff/inbox")).await.unwrap();
    h.wait_for_text(&code).await;
    h.browser.goto(&h.url("/staff/reports")).await.unwrap();
    h.wait_for_text("รายงานการมีส่วนร่วม").await;
    let download = h
        .eval(
            "const a = document.querySelector('a[href^=\"/staff/reports.xlsx\"]'); \
             return fetch(a.href).then(r => r.status + ' ' + r.headers.get('content-type'))",
        )
        .await;
    assert_eq!(download, "200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    h.screenshot("report-360").await;
    assert_eq!(overflow, "0", "the report page fits a 360 px phone (tables scroll inside)");
}

/// Presses one key where the focus is, as a person at a keyboard would.
async fn press(h: &Harness, key: fantoccini::key::Key) {
    let key: char = key.into();
    h.browser.active_element().await.unwrap().send_keys(&key.to_string()).await.unwrap();
}

/// The focused element's name (or id), as the page reports it.
async fn focused(h: &Harness) -> String {
    h.eval("const e = document.activeElement; return e.name || e.id || e.tagName").await
}

/// Tabs forward until the element named `name` has the focus.
async fn tab_to(h: &Harness, name: &str) {
    for _ in 0..60 {
        if focused(h).await == name {
            return;
        }
        press(h, fantoccini::key::Key::Tab).await;
    }
    panic!("{name} never got the focus (last: {})", focused(h).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_respondent_answers_the_standard_survey_keyboard_only_on_a_phone() {
    use fantoccini::key::Key;
    use ruamjai_domain::satisfaction::standard::standard;
    use ruamjai_domain::satisfaction::survey::SurveyInput;
    let h = Harness::start().await;
    let now = time::OffsetDateTime::now_utc();
    let survey = SurveyInput {
        name: "สำรวจความพึงพอใจ ปีงบประมาณ 2570".into(),
        service_codes: vec!["video-conference".into(), "telephone-fax".into()],
        group_codes: vec!["provinces".into(), "public".into()],
        opens_at: Some(now - time::Duration::days(1)),
        closes_at: Some(now + time::Duration::days(30)),
        ..SurveyInput::default()
    }
    .parse()
    .unwrap();
    let id =
        h.store.create_survey(&ruamjai_store::audit::Actor::command("test"), &survey, now).await.unwrap();

    h.browser.goto(&h.url(&format!("/surveys/{id}"))).await.unwrap();
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    tab_to(&h, "group").await;
    press(&h, Key::Down).await;
    press(&h, Key::Tab).await;
    assert_eq!(focused(&h).await, "service");
    press(&h, Key::Down).await;
    let items: Vec<String> = standard().scale_items().map(|(_, i)| format!("a-{}", i.code)).collect();
    for item in &items {
        press(&h, Key::Tab).await;
        assert_eq!(&focused(&h).await, item, "Tab goes from one question to the next");
        // Space takes the focused choice ("very high"); the arrow moves to "high".
        press(&h, Key::Space).await;
        press(&h, Key::Right).await;
    }
    tab_to(&h, "a-what-to-improve").await;
    h.browser.active_element().await.unwrap().send_keys("อยากให้มีคู่มือแบบวิดีโอ").await.unwrap();
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    h.screenshot("survey-360").await;
    assert_eq!(overflow, "0", "the survey fits a 360 px phone");
    press(&h, Key::Tab).await;
    assert_eq!(h.eval("return document.activeElement.type").await, "submit", "the honeypot is skipped");
    press(&h, Key::Enter).await;
    h.wait_for_text("ขอบคุณที่ตอบแบบสำรวจ").await;

    let report = h.store.satisfaction_report(id, &Default::default()).await.unwrap();
    assert_eq!(report.responses, 1);
    assert_eq!(report.overall.summary.dist, [0, 0, 0, 22, 0], "every item answered 'high' by keyboard");
}
