//! Seeds the work manuals that `scripts/bench-work-manuals` measures, into
//! a database `ruamjai demo` has already filled (its accounts sign them):
//! - `MANUALS` (1,000) manuals of the infrastructure division, each with
//!   `REVISIONS` (10) approved revisions: the division's staff list;
//! - five public 40-step manuals in force: the cold PDF and the public page;
//! - one manual with two 50-step revisions that differ: the comparison.
//!
//! Everything goes through the use cases (rules, audit chain), as staff
//! would write it. Seeds once per database; prints what it made as
//! `key=value` lines for the script.

use std::time::Instant;

use ruamjai_app::manuals::work::{self, NewManual};
use ruamjai_app::{App, Caller, Settings};
use ruamjai_domain::accounts::Email;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::work_manual::control::Action;
use ruamjai_domain::work_manual::{Draft, WorkManualInput};
use ruamjai_store::Store;
use ruamjai_store::work_manuals::WorkManualFilter;
use serde_json::json;

const DIVISION: &str = "infrastructure";
/// The division's own services.
const SERVICES: [&str; 3] = ["network-interconnection", "network-status", "network-inspection"];
const LISTED: &str = "คู่มือทดสอบรายการ";
const LONG: &str = "คู่มือทดสอบ 40 ขั้นตอน";
const COMPARED: &str = "คู่มือทดสอบการเปรียบเทียบ";

struct Signers {
    author: Caller,
    reviewer: Caller,
    director: Caller,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::args().nth(1).ok_or("usage: work_manuals_seed <database url>")?;
    let manuals: usize = env_number("MANUALS", 1_000);
    let revisions: usize = env_number("REVISIONS", 10);
    let app = App::new(Store::open(&url).await?, Settings::default());
    let signers = Signers {
        author: staff(&app, "officer@ruamjai.example").await?,
        reviewer: staff(&app, "collector.infra@ruamjai.example").await?,
        director: staff(&app, "director@ruamjai.example").await?,
    };
    let existing = app.store().work_manuals(WorkManualFilter::default()).await?;
    let titled = |title: &str| -> Vec<i64> {
        existing.iter().filter(|m| m.title_th.starts_with(title)).map(|m| m.id).collect()
    };
    let (mut long, mut compared) = (titled(LONG), titled(COMPARED));
    if titled(LISTED).is_empty() {
        let started = Instant::now();
        for i in 0..manuals {
            let id =
                manual(&app, &signers, &format!("{LISTED} {}", i + 1), SERVICES[i % SERVICES.len()]).await?;
            for r in 0..revisions {
                approve(&app, &signers, id, &content(10, r)).await?;
            }
        }
        for i in 0..5 {
            let id = manual(&app, &signers, &format!("{LONG} ชุดที่ {}", i + 1), "network-status").await?;
            approve(&app, &signers, id, &content(40, i)).await?;
            work::set_public(&app, &signers.director, id, true).await?;
            long.push(id);
        }
        let id = manual(&app, &signers, COMPARED, "network-inspection").await?;
        approve(&app, &signers, id, &content(50, 0)).await?;
        approve(&app, &signers, id, &content(50, 1)).await?;
        compared.push(id);
        eprintln!("seeded {} revisions in {:.0} s", manuals * revisions + 7, started.elapsed().as_secs_f64());
    }
    println!("division={DIVISION}");
    println!("long=\"{}\"", long.iter().map(i64::to_string).collect::<Vec<_>>().join(" "));
    println!("compared={}", compared.first().ok_or("no compared manual")?);
    Ok(())
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

async fn staff(app: &App, email: &str) -> Result<Caller, Box<dyn std::error::Error>> {
    Ok(Caller::Staff(app.store().user_by_email(&Email::parse(email)?).await?))
}

async fn manual(
    app: &App,
    signers: &Signers,
    title: &str,
    service: &str,
) -> Result<i64, Box<dyn std::error::Error>> {
    let new = NewManual {
        service: service.into(),
        title_th: title.into(),
        division: Some(DIVISION.into()),
        roles: vec!["officer".into()],
        divisions: vec![DIVISION.into()],
        ..NewManual::default()
    };
    Ok(work::create(app, &signers.author, new).await?.id)
}

/// The draft written, submitted, reviewed and approved in force today.
async fn approve(app: &App, s: &Signers, id: i64, draft: &Draft) -> Result<(), Box<dyn std::error::Error>> {
    work::save_draft(app, &s.author, id, draft).await?;
    work::act(app, &s.author, id, Action::Submit, "", None).await?;
    work::act(app, &s.reviewer, id, Action::Review, "", None).await?;
    let today = bangkok_date(app.now());
    work::act(app, &s.director, id, Action::Approve, "", Some(today)).await?;
    Ok(())
}

/// A procedure of `steps` steps; `revision` changes a few words, a duration
/// and every seventh step's standard, as a real revision would.
fn content(steps: usize, revision: usize) -> Draft {
    let steps: Vec<_> = (1..=steps)
        .map(|n| {
            let kind = match n {
                1 => "start",
                _ if n == steps => "end",
                _ if n.is_multiple_of(9) => "document",
                _ => "process",
            };
            let standard = match (n + revision) % 7 {
                0 => format!("ตรวจสอบความถูกต้องครบถ้วนก่อนส่งต่อ ครั้งที่ {}", revision + 1),
                _ => "บันทึกผลในระบบติดตามงานภายในวันเดียวกัน".to_owned(),
            };
            json!({
                "title": format!("ขั้นตอนที่ {n} ตรวจสอบและบันทึกคำขอใช้บริการเครือข่าย"),
                "detail": format!(
                    "เจ้าหน้าที่รับเรื่องจากระบบ ตรวจสอบเอกสารประกอบ และประสานหน่วยงานที่เกี่ยวข้อง \
                     เพื่อดำเนินการตามมาตรฐานที่กำหนด รอบการแก้ไขที่ {}",
                    revision + 1
                ),
                "kind": kind,
                "responsible": "นักวิชาการคอมพิวเตอร์",
                "duration": {"value": 1 + (n + revision) % 4, "unit": "hours"},
                "standard": standard,
                "forms": if n.is_multiple_of(5) { "แบบฟอร์มขอใช้บริการ (ทส.01)" } else { "" },
            })
        })
        .collect();
    let input: WorkManualInput = serde_json::from_value(json!({
        "objective": format!("เพื่อให้การให้บริการเครือข่ายเป็นไปอย่างมีมาตรฐาน รวดเร็ว และตรวจสอบได้ ฉบับที่ {}", revision + 1),
        "scope": "ครอบคลุมตั้งแต่การรับคำขอจนถึงการแจ้งผลแก่ผู้ใช้บริการ",
        "definitions": [{"term": "ผู้ใช้บริการ", "meaning": "หน่วยงานในสังกัดกระทรวงมหาดไทยที่ขอใช้บริการ"}],
        "responsibilities": [{"role": "นักวิชาการคอมพิวเตอร์", "duties": "รับคำขอ ตรวจสอบ และดำเนินการ"}],
        "steps": steps,
        "standards": "ดำเนินการแล้วเสร็จภายในระยะเวลาที่ประกาศในคู่มือสำหรับประชาชน",
        "monitoring": "สรุปผลการให้บริการรายเดือนเสนอผู้อำนวยการส่วน",
        "references": "ระเบียบกระทรวงมหาดไทยว่าด้วยการรักษาความมั่นคงปลอดภัยสารสนเทศ",
        "change_summary": format!("ปรับปรุงครั้งที่ {revision}"),
        "requires_reading": revision.is_multiple_of(3),
    }))
    .expect("a well-formed work manual");
    input.parse().expect("a valid work manual")
}
