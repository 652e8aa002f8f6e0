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
