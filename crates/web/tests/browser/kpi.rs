//! The indicator on a 360 px phone: the director's home shows the level and
//! what blocks the next one; the indicator page shows every step with its
//! facts and gaps, and the director signs a step off with a reason. Both
//! pages fit the screen and axe finds nothing on them, in Thai and English.

use fantoccini::Locator;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::participation::Channel;
use ruamjai_domain::participation::submission::SubmissionInput;
use time::{Duration, OffsetDateTime};

use crate::harness::Harness;

/// Filed on the web 20 days ago, still without an answer: overdue (the
/// target is 15 days). Returns whether it falls in this fiscal year.
async fn a_complaint_unanswered_for_20_days(h: &Harness) -> bool {
    let complaint = SubmissionInput {
        kind: "complaint".into(),
        service: "video-conference".into(),
        group: "provinces".into(),
        subject: "ระบบประชุมทางไกลใช้งานไม่ได้".into(),
        details: "ภาพค้างทุกครั้งที่มีผู้เข้าร่วมเกินสิบจุด".into(),
        ..SubmissionInput::default()
    }
    .parse(Channel::Web)
    .unwrap();
    let now = OffsetDateTime::now_utc();
    let filed_at = now - Duration::days(20);
    h.store.file_submission(&complaint, "t", None, filed_at).await.unwrap();
    FiscalYear::of(filed_at) == FiscalYear::of(now)
}

async fn fits_and_passes_axe(h: &Harness, page: &str) {
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    assert_eq!(overflow, "0", "{page} fits a 360 px phone");
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_director_sees_the_level_and_signs_a_step_off_on_a_phone() {
    let h = Harness::start().await;
    let this_year = a_complaint_unanswered_for_20_days(&h).await;
    h.log_in_as_director().await;
    h.browser.goto(&h.url("/staff")).await.unwrap();
    h.wait_for_text("ตัวชี้วัดที่ 4: ระดับ 0 จาก 5").await;
    let gaps = h.eval("return document.querySelector('#kpi-heading').parentElement.textContent").await;
    assert!(gaps.contains("สิ่งที่ยังขาดก่อนถึงระดับ 1") && gaps.contains("ช่องทาง"), "{gaps}");
    let late = h.eval("return document.querySelector('.needs-list li.late a').textContent").await;
    assert_eq!(late, "เรื่องเกินกำหนดตอบ 1 เรื่อง", "what needs the director comes first");
    h.screenshot("kpi-home-360").await;
    fits_and_passes_axe(&h, "the staff home").await;
    h.click(".needs-list li.late a").await;
    h.wait_for_text("ระบบประชุมทางไกลใช้งานไม่ได้").await;
    h.browser.back().await.unwrap();

    h.click("#kpi-heading ~ p a.button-link").await;
    h.wait_for_text("ขั้นตอนที่ 5").await;
    assert_eq!(h.browser.find_all(Locator::Css("li.kpi-step")).await.unwrap().len(), 5);
    assert_eq!(h.eval("return document.querySelector('#kpi-level').textContent").await, "0");
    let channels =
        h.eval("return document.querySelector('#step-1 [data-fact=channels_used] a').textContent").await;
    assert_eq!(channels, if this_year { "1" } else { "0" }, "each figure links to the list behind it");
    fits_and_passes_axe(&h, "the indicator page").await;

    h.click("#step-1 details:last-of-type summary").await;
    h.fill("reason-1", "รับเรื่องทางหนังสือราชการและ LINE ในระบบสารบรรณ ตรวจสอบหลักฐานแล้ว").await;
    h.submit_and_wait_for("#step-1 form button[type='submit']", "ลงนามรับรองโดย").await;
    assert_eq!(h.eval("return document.querySelector('#kpi-level').textContent").await, "1");
    let note = h.eval("return document.querySelector('#step-1 .alert').textContent").await;
    assert!(note.contains("ต่างจากผลตามเกณฑ์") && note.contains("ระบบสารบรรณ"), "an override says so: {note}");
    h.screenshot("kpi-indicator-360").await;

    h.browser.goto(&h.url("/lang/en")).await.unwrap();
    h.browser.goto(&h.url("/staff/kpi")).await.unwrap();
    h.wait_for_text("Scorecard").await;
    fits_and_passes_axe(&h, "the scorecard in English").await;
    h.browser.goto(&h.url("/staff")).await.unwrap();
    h.wait_for_text("Indicator 4: level 1 of 5").await;
    fits_and_passes_axe(&h, "the staff home in English").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_committee_scores_and_an_administrator_defines_on_a_phone() {
    let h = Harness::start().await;
    h.add_staff("committee@opdc.go.th", ruamjai_domain::accounts::Role::Evaluator, None).await;
    h.log_in("committee@opdc.go.th").await;
    let be = FiscalYear::of(OffsetDateTime::now_utc()).be();
    h.browser.goto(&h.url(&format!("/staff/kpi/{be}/indicators/4"))).await.unwrap();
    h.wait_for_text("ผลการประเมินของคณะกรรมการ").await;
    h.click("#committee details summary").await;
    h.fill("assessment-score", "9").await;
    h.submit_and_wait_for("#committee form button[type='submit']", "กรุณากรอกตัวเลขตั้งแต่ 0 ถึง 5").await;
    fits_and_passes_axe(&h, "the refused score").await;
    h.eval("document.getElementById('assessment-score').value = ''; return ''").await;
    h.fill("assessment-score", "3.5").await;
    h.fill("assessment-note", "หลักฐานขั้นตอนที่ 1 ถึง 3 ครบถ้วน").await;
    h.submit_and_wait_for("#committee form button[type='submit']", "หลักฐานขั้นตอนที่ 1 ถึง 3 ครบถ้วน").await;
    assert_eq!(h.eval("return document.querySelector('#committee-score').textContent").await, "3.5000");
    h.screenshot("kpi-committee-360").await;
    h.browser.goto(&h.url("/staff/kpi")).await.unwrap();
    h.wait_for_text("คณะกรรมการประเมิน").await;
    assert_eq!(h.eval("return document.querySelector('#committee-composite').textContent").await, "3.5000");
    fits_and_passes_axe(&h, "the scorecard with the committee's column").await;
    h.log_out().await;

    h.add_staff("admin@ict.go.th", ruamjai_domain::accounts::Role::Administrator, None).await;
    h.log_in("admin@ict.go.th").await;
    h.browser.goto(&h.url(&format!("/staff/kpi/{be}/indicators/4/definition"))).await.unwrap();
    h.wait_for_text("ค่ากำหนดของเกณฑ์").await;
    fits_and_passes_axe(&h, "the definition form").await;
    h.fill("d-setting-s2_min_groups", "4").await;
    h.submit_and_wait_for("form[action$='/definition'] button[type='submit']", "ต้องมีอย่างน้อย 4 กลุ่ม").await;
    h.screenshot("kpi-definition-saved-360").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_director_seals_a_round_and_the_committee_remarks_on_a_step_on_a_phone() {
    let h = Harness::start().await;
    h.log_in_as_director().await;
    let be = FiscalYear::of(OffsetDateTime::now_utc()).be();
    h.browser.goto(&h.url(&format!("/staff/kpi?year={be}"))).await.unwrap();
    h.click("#rounds-link").await;
    h.wait_for_text("ส่งมอบหลักฐานประจำรอบ").await;
    fits_and_passes_axe(&h, "the rounds page").await;
    h.submit_and_wait_for("#round-6 form[action$='/packs'] button[type='submit']", "ชุดหลักฐาน").await;
    // The page refreshes itself while a pack is made (tested over HTTP); here it is reloaded as a reader would.
    for _ in 0..50 {
        if h.eval("return document.querySelector('main').innerText").await.contains("ดาวน์โหลด ZIP")
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        h.browser.refresh().await.unwrap();
    }
    h.wait_for_text("ดาวน์โหลด ZIP").await;
    fits_and_passes_axe(&h, "a finished pack").await;
    h.click("#round-6 details summary").await;
    h.submit_and_wait_for("#round-6 form[action$='/seals'] button[type='submit']", "ผลที่ประทับตราแล้ว").await;
    let manifest = h.eval("return document.querySelector('#round-6 .seal code.hash').textContent").await;
    assert_eq!(manifest.len(), 64, "the pack's manifest hash is shown: {manifest}");
    h.screenshot("kpi-sealed-360").await;
    fits_and_passes_axe(&h, "a sealed round").await;
    h.log_out().await;

    h.add_staff("committee@opdc.go.th", ruamjai_domain::accounts::Role::Evaluator, None).await;
    h.log_in("committee@opdc.go.th").await;
    h.browser.goto(&h.url(&format!("/staff/kpi/{be}/rounds"))).await.unwrap();
    h.wait_for_text("ผลที่ประทับตราแล้ว").await;
    let writable = h.eval("return String(document.querySelectorAll(\"form[action$='/packs'], form[action$='/seals']\").length)").await;
    assert_eq!(writable, "0", "the committee neither packs nor seals");
    h.submit_and_wait_for("#seal-6-step-2 form button[type='submit']", "กรุณากรอก").await;
    fits_and_passes_axe(&h, "a refused remark").await;
    h.fill("comment-6-2", "ขอดูรายชื่อผู้เข้าร่วมกิจกรรมทั้งสามกลุ่ม").await;
    h.submit_and_wait_for("#seal-6-step-2 form button[type='submit']", "ขอดูรายชื่อผู้เข้าร่วมกิจกรรมทั้งสามกลุ่ม").await;
    let by = h.eval("return document.querySelector('#seal-6-step-2 .comments small').textContent").await;
    assert!(by.contains("committee@opdc.go.th"), "{by}");
    h.screenshot("kpi-remark-360").await;
    fits_and_passes_axe(&h, "the committee's remark").await;
}
