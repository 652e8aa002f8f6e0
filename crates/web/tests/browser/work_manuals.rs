//! Work manuals on a 360 px phone: the director, one of the staff a manual
//! is addressed to, reads it, sees what changed since the revision read
//! before, and confirms "อ่านและเข้าใจแล้ว"; the manual, the comparison, the
//! editor and the list fit the screen and axe finds nothing on them.

use ruamjai_app::manuals::work::{self, NewManual};
use ruamjai_app::{App, Caller, Settings};
use ruamjai_domain::accounts::{Email, Role};
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::work_manual::WorkManualInput;
use ruamjai_domain::work_manual::control::Action;
use serde_json::json;

use crate::harness::{DIRECTOR, Harness};

async fn caller(app: &App, email: &str, role: Role, division: Option<&str>) -> Caller {
    Caller::Staff(ruamjai_store::testing::staff_user(app.store(), email, role, division).await)
}

fn draft(days: u32) -> ruamjai_domain::work_manual::Draft {
    serde_json::from_value::<WorkManualInput>(json!({
        "objective": "เพื่อให้การประชุมทางไกลกับจังหวัดเป็นไปอย่างราบรื่นและตรงเวลา",
        "scope": "การจัดประชุมทางไกลทุกครั้งที่หน่วยงานในสังกัดขอใช้",
        "responsibilities": [{"role": "เจ้าหน้าที่ห้องควบคุม", "duties": "ทดสอบสัญญาณและควบคุมการประชุม"}],
        "steps": [
            {"title": "รับคำขอจองห้องประชุม", "duration": {"value": 30, "unit": "minutes"}},
            {"title": "ทดสอบสัญญาณกับจังหวัด", "duration": {"value": days, "unit": "hours"}, "standard": "ภาพและเสียงชัดเจนทุกจุด"},
            {"title": "ควบคุมการประชุม", "kind": "end"}
        ],
        "standards": "ทดสอบสัญญาณล่วงหน้าอย่างน้อย 1 วันทำการ",
        "monitoring": "สรุปปัญหาสัญญาณรายเดือน"
    }))
    .unwrap()
    .parse()
    .unwrap()
}

/// A manual for the director and officers, in force at revision 1; the
/// director read revision 0.
async fn a_revised_manual(h: &Harness) -> i64 {
    let app = App::new(h.store.clone(), Settings::default());
    let author = caller(&app, "vc@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let reviewer = caller(&app, "chief@ict.go.th", Role::Collector, Some("communication-technology")).await;
    let director = Caller::Staff(app.store().user_by_email(&Email::parse(DIRECTOR).unwrap()).await.unwrap());
    let new = NewManual {
        service: "video-conference".into(),
        title_th: "การควบคุมการประชุมทางไกล".into(),
        roles: vec!["director".into(), "officer".into()],
        ..NewManual::default()
    };
    let id = work::create(&app, &author, new).await.unwrap().id;
    for (days, read) in [(1, true), (2, false)] {
        work::save_draft(&app, &author, id, &draft(days)).await.unwrap();
        work::act(&app, &author, id, Action::Submit, "", None).await.unwrap();
        work::act(&app, &reviewer, id, Action::Review, "", None).await.unwrap();
        let today = bangkok_date(app.now());
        work::act(&app, &director, id, Action::Approve, "", Some(today)).await.unwrap();
        if read {
            work::acknowledge(&app, &director, id, 0).await.unwrap();
        }
    }
    id
}

async fn fits_and_passes_axe(h: &Harness, path: &str) {
    h.browser.goto(&h.url(path)).await.unwrap();
    h.wait_for_path(path.split('?').next().unwrap()).await;
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    assert_eq!(overflow, "0", "{path} fits a 360 px phone (tables scroll inside)");
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{path}: {violations:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_sees_what_changed_and_acknowledges_on_a_phone() {
    let h = Harness::start().await;
    let id = a_revised_manual(&h).await;
    h.log_in_as_director().await;
    let page = format!("/staff/work-manuals/{id}");
    fits_and_passes_axe(&h, &page).await;
    h.wait_for_text("โปรดอ่านคู่มือนี้").await;
    h.screenshot("work-manual-360").await;
    h.click("a[href*='/diff?from=0']").await;
    h.wait_for_path(&format!("{page}/diff")).await;
    h.wait_for_text("ทดสอบสัญญาณกับจังหวัด").await;
    let marked = h.eval("return document.querySelector('main ins').innerText").await;
    assert!(marked.contains("2 ชั่วโมง"), "the new duration is marked inserted: {marked}");
    fits_and_passes_axe(&h, &format!("{page}/diff?from=0&to=1")).await;
    h.screenshot("work-manual-diff-360").await;
    h.browser.goto(&h.url(&page)).await.unwrap();
    h.wait_for_path(&page).await;
    h.click("form[action$='/acknowledgement'] button").await;
    h.wait_for_text("บันทึกแล้ว").await;
    let asked = h.eval("return String(!!document.querySelector(\"form[action$='/acknowledgement']\"))").await;
    assert_eq!(asked, "false", "asked no more once acknowledged");
    fits_and_passes_axe(&h, &format!("{page}/draft")).await;
    fits_and_passes_axe(&h, "/staff/work-manuals").await;
}

const OFFICER: &str = "vc.officer@ict.go.th";
const COLLECTOR: &str = "vc.chief@ict.go.th";
const READER: &str = "vc.reader@ict.go.th";

/// Clicks the button of the manual page's form for `action` (submit, review, return, approve).
async fn act(h: &Harness, action: &str) {
    h.submit_and_wait_for(&format!("form:has(input[name='action'][value='{action}']) button"), "บันทึกแล้ว")
        .await;
}

/// Saves the draft editor of the manual at `page` as its button does.
async fn save_draft(h: &Harness, page: &str) {
    h.submit_and_wait_for(&format!("form[action='{page}/draft'] button[type='submit']"), "บันทึกแล้ว").await;
}

/// `who` logs in, opens the manual and takes `action` on it.
async fn act_as(h: &Harness, who: &str, page: &str, action: &str) {
    h.log_in(who).await;
    h.browser.goto(&h.url(page)).await.unwrap();
    act(h, action).await;
    h.log_out().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manual_drafted_from_the_citizen_manual_is_returned_once_approved_and_acknowledged_on_a_phone() {
    let h = Harness::start().await;
    crate::manuals::publish_a_manual(&h).await;
    let division = Some("communication-technology");
    h.add_staff(OFFICER, Role::Officer, division).await;
    h.add_staff(COLLECTOR, Role::Collector, division).await;
    h.add_staff(READER, Role::Officer, division).await;

    // The officer starts from what the public was promised.
    h.log_in(OFFICER).await;
    h.browser.goto(&h.url("/staff/work-manuals")).await.unwrap();
    h.browser
        .find(fantoccini::Locator::Id("service"))
        .await
        .unwrap()
        .select_by_value(crate::manuals::SERVICE)
        .await
        .unwrap();
    h.fill("title_th", "การให้บริการห้องประชุมทางไกล").await;
    h.click("input[name='roles'][value='officer']").await;
    h.click("input[name='from_citizen_manual']").await;
    h.click("form[method='post'][action='/staff/work-manuals'] button[type='submit']").await;
    h.wait_for_text("สร้างแล้ว").await;
    let page = h.wait_for_path_prefix("/staff/work-manuals/").await;
    h.browser.goto(&h.url(&format!("{page}/draft"))).await.unwrap();
    h.wait_for_path(&format!("{page}/draft")).await;
    let first = h.eval("return document.getElementById('steps.1.title').value").await;
    assert_eq!(first, "รับคำขอใช้ห้องประชุมทางไกล", "the citizen manual's steps are filled in");
    fits_and_passes_axe(&h, &format!("{page}/draft")).await;
    fits_and_passes_axe(&h, &format!("{page}/details")).await;
    h.browser.goto(&h.url(&format!("{page}/draft"))).await.unwrap();
    h.wait_for_path(&format!("{page}/draft")).await;
    for (id, text) in [
        ("objective", "เพื่อให้การประชุมทางไกลเป็นไปตามเวลาที่ประกาศไว้"),
        ("scope", "การประชุมทางไกลทุกครั้งที่หน่วยงานขอใช้"),
        ("responsibilities.1.role", "เจ้าหน้าที่ห้องควบคุม"),
        ("responsibilities.1.duties", "ทดสอบสัญญาณและควบคุมการประชุม"),
        ("standards", "ทดสอบสัญญาณล่วงหน้าอย่างน้อย 1 วันทำการ"),
        ("monitoring", "สรุปปัญหาสัญญาณรายเดือน"),
    ] {
        h.fill(id, text).await;
    }
    save_draft(&h, &page).await;
    act(&h, "submit").await;
    h.log_out().await;

    // The division's collector sends it back once, saying why.
    h.log_in(COLLECTOR).await;
    h.browser.goto(&h.url(&page)).await.unwrap();
    h.fill("comment", "โปรดระบุจุดควบคุมของการทดสอบสัญญาณ").await;
    act(&h, "return").await;
    h.log_out().await;

    // The officer reads the comment, answers it and submits again.
    h.log_in(OFFICER).await;
    h.browser.goto(&h.url(&page)).await.unwrap();
    h.wait_for_text("โปรดระบุจุดควบคุมของการทดสอบสัญญาณ").await;
    h.screenshot("work-manual-returned-360").await;
    h.browser.goto(&h.url(&format!("{page}/draft"))).await.unwrap();
    h.fill("steps.3.standard", "ภาพและเสียงชัดเจนทุกจุดก่อนเริ่มประชุม").await;
    save_draft(&h, &page).await;
    act(&h, "submit").await;
    h.log_out().await;
    act_as(&h, COLLECTOR, &page, "review").await;

    // The director approves it in force today (the date is filled in).
    h.log_in_as_director().await;
    h.browser.goto(&h.url(&page)).await.unwrap();
    act(&h, "approve").await;
    h.wait_for_text("ภาพและเสียงชัดเจนทุกจุดก่อนเริ่มประชุม").await;
    h.submit_and_wait_for("form[action$='/publication'] button", "บันทึกแล้ว").await;
    h.log_out().await;

    // The public finds it beside the service and reads it on a phone.
    let id = page.rsplit('/').next().unwrap();
    fits_and_passes_axe(&h, &format!("/work-manuals?service={}", crate::manuals::SERVICE)).await;
    h.click(&format!("a[href='/work-manuals/{id}']")).await;
    h.wait_for_path(&format!("/work-manuals/{id}")).await;
    h.wait_for_text("ภาพและเสียงชัดเจนทุกจุดก่อนเริ่มประชุม").await;
    fits_and_passes_axe(&h, &format!("/work-manuals/{id}")).await;
    h.screenshot("work-manual-public-360").await;

    // Another officer of the audience is asked on the home page, reads and confirms.
    h.log_in(READER).await;
    h.click(&format!("a[href='{page}']")).await;
    h.wait_for_path(&page).await;
    fits_and_passes_axe(&h, &page).await;
    h.submit_and_wait_for("form[action$='/acknowledgement'] button", "บันทึกแล้ว").await;
    fits_and_passes_axe(&h, &page).await;
    h.screenshot("work-manual-acknowledged-360").await;
    let counts = h.eval("return document.querySelector('main').innerText").await;
    assert!(counts.contains("1 / 2"), "one of the two officers addressed has read it: {counts}");
}
