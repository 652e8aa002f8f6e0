//! Demo work manuals: one for each service, started from its citizen
//! manual's steps and written out by the service's division as a Thai SOP,
//! reviewed by the division's director and approved by the Center's, a
//! year or less back. Some were revised since (so revisions compare), one
//! is past its yearly review, one takes longer than the public is promised,
//! and the staff addressed have acknowledged some of them.

use ruamjai_app::manuals::work::{self, NewManual};
use ruamjai_app::{App, Caller};
use ruamjai_domain::accounts::Email;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::catalog::Service;
use ruamjai_domain::manual::{Duration as StepDuration, Unit};
use ruamjai_domain::work_manual::control::{Action, Change};
use ruamjai_domain::work_manual::{Definition, Draft, Responsibility, WorkManualContent};
use time::Duration;

async fn staff(app: &App, email: &str) -> anyhow::Result<Caller> {
    Ok(Caller::Staff(app.store().user_by_email(&Email::parse(email)?).await?))
}

/// Who writes and who reviews in each division of the demo.
fn team(division: &str) -> (&'static str, &'static str) {
    match division {
        "information-technology" => ("officer.it@ruamjai.example", "collector.it@ruamjai.example"),
        "infrastructure" => ("officer@ruamjai.example", "collector.infra@ruamjai.example"),
        "communication-technology" => ("officer.comm@ruamjai.example", "collector.comm@ruamjai.example"),
        _ => ("officer.strategy@ruamjai.example", "collector@ruamjai.example"),
    }
}

/// Services revised since their first revision, with what changed.
const REVISED: [&str; 4] = ["network-status", "video-conference", "information-systems", "ict-training"];
/// A manual whose yearly review is past due.
pub(super) const OVERDUE: &str = "telephone-fax";
/// A manual whose procedure takes longer than the citizen manual promises.
const TOO_SLOW: &str = "msat";

/// Writes the manual of every service that has none.
pub async fn load(app: &App) -> anyhow::Result<()> {
    let catalog = app.catalog().await?;
    let director = staff(app, "director@ruamjai.example").await?;
    for service in &catalog.services {
        if app.store().work_manual_count(&service.code).await? > 0 {
            continue;
        }
        let (author, reviewer) = team(&service.division_code);
        let (author, reviewer) = (staff(app, author).await?, staff(app, reviewer).await?);
        // The citizen manuals were published 45 days ago; the work manuals
        // followed them, except the old one, written long before.
        let days_ago = if service.code == OVERDUE { 400 } else { 44 - 2 * i64::from(service.number) };
        let then = app.as_of(app.now() - Duration::days(days_ago));
        let citizen = app
            .store()
            .current_version(ruamjai_store::documents::DocumentKind::CitizenManual, &service.code, app.now())
            .await?
            .ok_or_else(|| anyhow::anyhow!("no citizen manual for {}", service.code))?;
        let new = NewManual {
            service: service.code.clone(),
            title_th: format!("คู่มือการปฏิบัติงาน{}", service.name_th),
            title_en: format!("Work manual: {}", service.name_en),
            roles: vec!["officer".into(), "collector".into()],
            divisions: vec![service.division_code.clone()],
            ..NewManual::default()
        };
        let record = work::create(&then, &author, new).await?;
        let citizen = citizen.manual()?;
        let mut content = WorkManualContent::from_citizen_steps(&citizen.steps);
        write_out(&mut content, service);
        // The staff use the forms the public fills in: the same files.
        content.forms = citizen.forms.clone();
        if service.code == TOO_SLOW
            && let Some(step) = content.steps.first_mut()
        {
            // The first step is on every path: the staff's check takes longer than the public was told.
            step.duration = StepDuration { value: 10, unit: Unit::WorkingDays };
        }
        let draft = Draft {
            content,
            change_summary: "จัดทำคู่มือฉบับแรก".into(),
            requires_reading: true,
            change: Change::Major,
        };
        approve(&then, (&author, &reviewer, &director), record.id, &draft).await?;
        acknowledge_some(&then, record.id, service, 0).await?;
        // Published for transparency, but for the old one nobody reviewed.
        if service.code != OVERDUE {
            work::set_public(&then, &director, record.id, true).await?;
        }
        if REVISED.contains(&service.code.as_str()) {
            let later = app.as_of(app.now() - Duration::days(12 - i64::from(service.number) % 10));
            let mut revised = draft.content.clone();
            revise(&mut revised);
            let draft = Draft {
                content: revised,
                change_summary: "เพิ่มการบันทึกผลในระบบติดตามงาน และปรับระยะเวลาตรวจสอบให้ตรงกับการปฏิบัติจริง".into(),
                requires_reading: true,
                change: Change::Major,
            };
            approve(&later, (&author, &reviewer, &director), record.id, &draft).await?;
            acknowledge_some(&app.as_of(later.now() + Duration::days(1)), record.id, service, 1).await?;
        }
    }
    Ok(())
}

/// The sections a division writes around the citizen manual's steps.
fn write_out(content: &mut WorkManualContent, service: &Service) {
    let name = &service.name_th;
    content.objective = format!(
        "1. เพื่อให้เจ้าหน้าที่ผู้ปฏิบัติงาน{name}ปฏิบัติงานได้ถูกต้อง ครบถ้วน และเป็นมาตรฐานเดียวกัน\n\
         2. เพื่อให้การให้บริการแล้วเสร็จภายในระยะเวลาที่ประกาศไว้ในคู่มือสำหรับประชาชน\n\
         3. เพื่อใช้เป็นเอกสารอ้างอิงในการถ่ายทอดงานและการสอนงานเจ้าหน้าที่ใหม่"
    );
    content.scope = format!(
        "ครอบคลุมการปฏิบัติงาน{name} ตั้งแต่การรับคำขอจากหน่วยงานในสังกัดกระทรวงมหาดไทย \
         การตรวจสอบ การดำเนินการ จนถึงการแจ้งผลและการบันทึกผลการให้บริการ"
    );
    content.definitions = vec![
        Definition {
            term: "ผู้ขอรับบริการ".into(), meaning: "หน่วยงานหรือบุคคลที่ยื่นคำขอรับบริการต่อศูนย์ฯ".into()
        },
        Definition {
            term: "ศูนย์ฯ".into(),
            meaning: "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย".into(),
        },
    ];
    content.responsibilities = vec![
        Responsibility {
            role: "ผู้อำนวยการส่วน".into(),
            duties: "กำกับ ติดตาม และตรวจสอบคุณภาพการปฏิบัติงานให้เป็นไปตามคู่มือ".into(),
        },
        Responsibility {
            role: "เจ้าหน้าที่ผู้ปฏิบัติงาน".into(),
            duties: "รับคำขอ ตรวจสอบ ดำเนินการ และบันทึกผลตามขั้นตอนในคู่มือ".into(),
        },
    ];
    for step in &mut content.steps {
        if step.responsible.is_empty() {
            step.responsible = "เจ้าหน้าที่ผู้ปฏิบัติงาน".into();
        }
        step.standard = "ตรวจสอบความถูกต้องครบถ้วนก่อนดำเนินการขั้นตอนถัดไป".into();
    }
    content.standards = "ดำเนินการแล้วเสร็จภายในระยะเวลาที่กำหนดในคู่มือสำหรับประชาชน \
         ผู้ขอรับบริการพึงพอใจไม่น้อยกว่าร้อยละ 85"
        .into();
    content.monitoring = "ผู้อำนวยการส่วนตรวจสอบรายงานผลการให้บริการทุกเดือน \
         และนำผลการสำรวจความพึงพอใจมาปรับปรุงคู่มือเมื่อครบรอบการทบทวน"
        .into();
    content.references = "คู่มือสำหรับประชาชนของงานบริการ และระเบียบกระทรวงมหาดไทยที่เกี่ยวข้อง".into();
}

/// What the second revision changed: a record-keeping step and a longer check.
fn revise(content: &mut WorkManualContent) {
    content.monitoring.push_str(" โดยบันทึกผลทุกคำขอในระบบติดตามงานของศูนย์ฯ");
    if let Some(first) = content.steps.first_mut() {
        first.duration.value += 1;
        first.standard = "ตรวจสอบความครบถ้วนของเอกสารและบันทึกเลขรับในระบบติดตามงาน".into();
    }
}

/// Takes a draft through review to approval, effective the day it is approved.
async fn approve(
    app: &App,
    (author, reviewer, director): (&Caller, &Caller, &Caller),
    id: i64,
    draft: &Draft,
) -> anyhow::Result<()> {
    work::save_draft(app, author, id, draft).await?;
    work::act(app, author, id, Action::Submit, "", None).await?;
    work::act(app, reviewer, id, Action::Review, "", None).await?;
    work::act(app, director, id, Action::Approve, "", Some(bangkok_date(app.now()))).await?;
    Ok(())
}

/// The division's director and its officer have read every manual of the
/// division in force (a revised one again), but the officer not yet the one
/// past its review.
async fn acknowledge_some(app: &App, id: i64, service: &Service, revision: u32) -> anyhow::Result<()> {
    let (officer, collector) = team(&service.division_code);
    work::acknowledge(app, &staff(app, collector).await?, id, revision).await?;
    if service.code != OVERDUE {
        work::acknowledge(app, &staff(app, officer).await?, id, revision).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ruamjai_store::testing::TestDatabase;
    use ruamjai_store::work_manuals::WorkManualFilter;

    use super::*;

    #[tokio::test]
    async fn every_service_has_a_work_manual_in_force_with_the_cases_a_newcomer_should_see() {
        let db = TestDatabase::sqlite().await;
        let store = db.open().await;
        let app = super::super::demo_app(&store);
        super::super::load_demo_data(&app).await.unwrap();
        let director = staff(&app, "director@ruamjai.example").await.unwrap();
        let lines = work::list(&app, &director, WorkManualFilter::default()).await.unwrap();
        assert_eq!(lines.len(), 12, "one for each service");
        assert!(lines.iter().all(|l| l.effective.is_some()), "each in force");
        let revised = lines.iter().filter(|l| l.effective.is_some_and(|n| n.number == 1)).count();
        assert_eq!(revised, REVISED.len());
        let overdue: Vec<&str> =
            lines.iter().filter(|l| l.review_overdue).map(|l| l.record.service_code.as_str()).collect();
        assert_eq!(overdue, [OVERDUE]);
        let published = work::published(&app, None).await.unwrap();
        assert_eq!(published.len(), 11, "all but the overdue one are public");
        let slow = lines.iter().find(|l| l.record.service_code == TOO_SLOW).unwrap();
        let detail = work::detail(&app, &director, slow.record.id).await.unwrap();
        assert!(detail.promise.unwrap().exceeded, "its procedure is longer than promised");
        let readers = detail.readers.len();
        assert_eq!(detail.effective().unwrap().acknowledged, readers, "read by all");
        let old = lines.iter().find(|l| l.record.service_code == OVERDUE).unwrap();
        let old = work::detail(&app, &director, old.record.id).await.unwrap();
        let (acknowledged, readers) = (old.effective().unwrap().acknowledged, old.readers.len());
        assert!(acknowledged > 0 && acknowledged < readers, "acknowledged partly: {acknowledged}/{readers}");
        assert!(
            detail
                .effective()
                .unwrap()
                .revision
                .signature(ruamjai_store::work_manuals::Duty::Approver)
                .is_some_and(|s| !s.job_title.is_empty())
        );
        let training = lines.iter().find(|l| l.record.service_code == "ict-training").unwrap();
        let detail = work::detail(&app, &director, training.record.id).await.unwrap();
        let forms = detail.effective().unwrap().revision.content().unwrap().forms;
        assert!(
            forms.iter().any(|f| f.url.starts_with("/services/ict-training/forms/")),
            "the staff manual names the public's application form: {forms:?}"
        );
        assert_eq!(store.verify_audit().await.unwrap().first_break, None);
    }
}
