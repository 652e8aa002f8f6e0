//! Manuals in a real browser: a citizen on a 360 px phone finds a service
//! by a Thai word from the middle of a sentence and reads its manual; an
//! officer types a step and the flowchart beside the form follows.

use fantoccini::Locator;
use ruamjai_domain::accounts::Role;
use ruamjai_domain::manual::ManualInput;
use ruamjai_domain::publication::{Action, Announcement, Channel};
use ruamjai_store::audit::Actor;
use std::time::Duration;

use crate::harness::Harness;

pub(crate) const SERVICE: &str = "video-conference";

/// The video-conference service's citizen manual, published.
pub(crate) async fn publish_a_manual(h: &Harness) {
    // The HTTP tests' manual: "จังหวัด" stands inside "ประชุมทางไกลกับจังหวัด".
    let input: ManualInput = serde_json::from_str(include_str!("../fixtures/manual.json")).unwrap();
    let manual = input.parse().unwrap();
    let actor = Actor::command("test");
    let now = time::OffsetDateTime::now_utc();
    let version = h.store.save_manual_draft(&actor, SERVICE, &manual, "ฉบับแรก", now).await.unwrap();
    for action in [Action::Submit, Action::Approve] {
        h.store.act_on_version(&actor, version.id, action, "", now).await.unwrap();
    }
    let announcement =
        Announcement { date: now.date(), channels: vec![Channel::Website], note: String::new() };
    h.store.publish_version(&actor, version.id, now, &announcement, &[], now).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_finds_a_manual_by_a_thai_word_and_reads_it_on_a_phone() {
    let h = Harness::start().await;
    publish_a_manual(&h).await;
    h.browser.goto(&h.url("/services")).await.unwrap();
    let search = h.browser.find(Locator::Id("q")).await.unwrap();
    // "จังหวัด" stands inside "ประชุมทางไกลกับจังหวัด", with no space around it.
    search.send_keys("จังหวัด").await.unwrap();
    h.click("form.search-form button[type='submit']").await;
    h.wait_for_text("พบ 1 บริการ").await;
    h.click(&format!("a[href='/services/{SERVICE}/manual']")).await;
    h.wait_for_path(&format!("/services/{SERVICE}/manual")).await;
    h.wait_for_text("ติดตั้งและทดสอบระบบ").await;
    let overflow = h.eval("return String(document.documentElement.scrollWidth - window.innerWidth)").await;
    assert_eq!(overflow, "0", "the manual fits a 360 px phone");
    let chart = h.eval("return document.querySelector('svg.flowchart title').textContent").await;
    assert!(chart.contains("ผังขั้นตอน"), "the chart has a title for screen readers: {chart}");
    let pdf = h.eval("return document.querySelector('a[href$=\"/manual.pdf\"]').href").await;
    assert!(pdf.ends_with(&format!("/services/{SERVICE}/manual.pdf")));
    h.screenshot("manual-360").await;
    for path in ["/services", &format!("/services/{SERVICE}/manual"), "/contact"] {
        h.browser.goto(&h.url(path)).await.unwrap();
        let violations = h.axe_violations().await;
        assert!(violations.is_empty(), "{path}: {violations:#?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_flowchart_follows_the_steps_an_officer_types() {
    let h = Harness::start().await;
    h.add_staff("officer@moi.go.th", Role::Officer, Some("communication-technology")).await;
    h.log_in("officer@moi.go.th").await;
    h.browser.goto(&h.url(&format!("/staff/manuals/{SERVICE}"))).await.unwrap();
    h.browser.find(Locator::Id("s1-title")).await.unwrap().send_keys("รับคำขอทางไปรษณีย์").await.unwrap();
    h.browser.find(Locator::Id("s1-value")).await.unwrap().send_keys("45").await.unwrap();
    let mut shown = String::new();
    for _ in 0..50 {
        shown = h.eval("return document.getElementById('preview-chart').textContent").await;
        if shown.contains("รับคำขอทางไปรษณีย์") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(shown.contains("รับคำขอทางไปรษณีย์"), "the chart shows the new step: {shown}");
    let total = h.eval("return document.getElementById('preview-total').textContent").await;
    assert_eq!(total, "45 นาที");
    h.screenshot("manual-editor-360").await;
    let violations = h.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");

    // A paper form attached with the draft: chosen, saved, then offered to open.
    let form = std::env::temp_dir().join(format!("ruamjai-form-{}.pdf", std::process::id()));
    std::fs::write(&form, b"%PDF-1.7 the request form").unwrap();
    h.browser.find(Locator::Id("o-new-title")).await.unwrap().send_keys("แบบคำขอใช้บริการ").await.unwrap();
    let file_input = h.browser.find(Locator::Id("o-new-file")).await.unwrap();
    file_input.send_keys(form.to_str().unwrap()).await.unwrap();
    h.click("#manual-form button[type='submit']").await;
    h.wait_for_path(&format!("/staff/manuals/{SERVICE}")).await;
    let link = "var a = document.querySelector('a.file-link'); return a ? a.getAttribute('href') : ''";
    let mut href = String::new();
    for _ in 0..50 {
        href = h.eval(link).await;
        if !href.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    std::fs::remove_file(&form).ok();
    assert!(
        href.starts_with(&format!("/services/{SERVICE}/forms/")),
        "the saved draft links the file: {href:?}"
    );
}
