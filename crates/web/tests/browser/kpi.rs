//! The indicator on a 360 px phone: the director's home shows the level and
//! what blocks the next one; the indicator page shows every step with its
//! facts and gaps, and the director signs a step off with a reason. Both
//! pages fit the screen and axe finds nothing on them, in Thai and English.

use fantoccini::Locator;

use crate::harness::Harness;

async fn fits_and_passes_axe(h: &Harness, page: &str) {
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    assert_eq!(overflow, "0", "{page} fits a 360 px phone");
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_director_sees_the_level_and_signs_a_step_off_on_a_phone() {
    let h = Harness::start().await;
    h.log_in_as_director().await;
    h.browser.goto(&h.url("/staff")).await.unwrap();
    h.wait_for_text("ตัวชี้วัดที่ 4: ระดับ 0 จาก 5").await;
    let gaps = h.eval("return document.querySelector('#kpi-heading').parentElement.textContent").await;
    assert!(gaps.contains("สิ่งที่ยังขาดก่อนถึงระดับ 1") && gaps.contains("ช่องทาง"), "{gaps}");
    h.screenshot("kpi-home-360").await;
    fits_and_passes_axe(&h, "the staff home").await;

    h.click("#kpi-heading ~ p a.button-link").await;
    h.wait_for_text("ขั้นตอนที่ 5").await;
    assert_eq!(h.browser.find_all(Locator::Css("li.kpi-step")).await.unwrap().len(), 5);
    assert_eq!(h.eval("return document.querySelector('#kpi-level').textContent").await, "0");
    let channels =
        h.eval("return document.querySelector('#step-1 [data-fact=channels_used] a').textContent").await;
    assert_eq!(channels, "0", "each figure links to the list behind it");
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
