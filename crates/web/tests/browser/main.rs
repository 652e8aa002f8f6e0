//! What a person does, in a real headless Chromium driven over WebDriver:
//! the home page on a 360 px phone, the language switch, staff login and
//! logout, and an axe-core accessibility check with zero violations.
//!
//! Needs `chromium` and `chromedriver` (Debian packages) and axe-core from
//! `tests/browser-tools` (`npm ci`); `scripts/test` installs all three.

mod harness;

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
    h.browser.find(Locator::Id("email")).await.unwrap().send_keys(harness::ADMIN).await.unwrap();
    h.browser.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    h.click("form.form button[type='submit']").await;
    h.wait_for_path("/staff").await;
    let body = h.browser.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(body.contains("ผู้ดูแลระบบ"), "{body}");
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

    h.log_in_as_admin().await;
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
