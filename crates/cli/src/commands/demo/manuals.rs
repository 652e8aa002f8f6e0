//! Demo citizen manuals, one per service, read through the product's own
//! parser and taken through review, approval and publication with an
//! announcement, as the divisions would.

use std::collections::BTreeMap;

use ruamjai_app::manuals::{self, NewForm};
use ruamjai_app::{App, Caller};
use ruamjai_domain::accounts::Email;
use ruamjai_domain::attachment::{MediaType, NewAttachment};
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::manual::ManualInput;
use ruamjai_domain::publication::{Action, Announcement, Channel};
use ruamjai_pdf::Engine;
use ruamjai_pdf::documents::report::{Report, Row, Table, Width};
use time::{Duration, OffsetDateTime};

const MANUALS: &str = include_str!("manuals.json");

async fn staff(app: &App, email: &str) -> anyhow::Result<Caller> {
    Ok(Caller::Staff(app.store().user_by_email(&Email::parse(email)?).await?))
}

/// Writes and publishes the manual of every service that has none yet, each
/// drafted by an officer of the service's division where the demo has one.
pub async fn load(app: &App) -> anyhow::Result<()> {
    let manuals: BTreeMap<String, ManualInput> = serde_json::from_str(MANUALS)?;
    let director = staff(app, "director@ruamjai.example").await?;
    let catalog = app.catalog().await?;
    let published = app.now() - Duration::days(45);
    let then = app.as_of(published);
    let mut engine = None;
    for (service, input) in &manuals {
        if !manuals::versions(app, service).await?.is_empty() {
            continue;
        }
        let mut manual =
            input.parse().map_err(|errors| anyhow::anyhow!("demo manual {service}: {errors:?}"))?;
        let division = catalog.service(service).map(|s| s.division_code.as_str());
        let author = match division {
            Some("infrastructure") => staff(app, "officer@ruamjai.example").await?,
            Some("information-technology") => staff(app, "officer.it@ruamjai.example").await?,
            _ => director.clone(),
        };
        let (blank, linked): (Vec<_>, Vec<_>) = manual.forms.drain(..).partition(|f| f.url.is_empty());
        manual.forms = linked;
        manuals::save_draft(&then, &author, service, manual, "จัดทำคู่มือฉบับแรก", None).await?;
        for form in blank {
            let file = blank_form_pdf(&form.title, &mut engine, published)?;
            manuals::attach_form(&then, &author, service, NewForm { title: form.title, file }).await?;
        }
        manuals::act(&then, &author, service, Action::Submit, "").await?;
        manuals::act(&then, &director, service, Action::Approve, "").await?;
        let announcement = Announcement {
            date: bangkok_date(published),
            channels: vec![Channel::Website, Channel::NoticeBoard, Channel::OfficialLetter],
            note: "ประกาศบนเว็บไซต์ศูนย์ฯ ติดบอร์ดประชาสัมพันธ์ชั้น 1 และแจ้งเวียนหน่วยงานในสังกัด".into(),
        };
        manuals::publish(&then, &director, service, published, &announcement, &[]).await?;
    }
    Ok(())
}

/// A form a manual names but links to nowhere becomes a blank paper form,
/// typeset by the product's PDF engine, so the demo shows forms to download.
fn blank_form_pdf(
    title: &str,
    engine: &mut Option<Engine>,
    now: OffsetDateTime,
) -> anyhow::Result<NewAttachment> {
    let engine = match engine {
        Some(engine) => engine,
        None => engine.insert(Engine::new()?),
    };
    let content = blank_form(title).render(engine, bangkok_date(now), false)?;
    Ok(NewAttachment { file_name: format!("{title}.pdf"), media_type: MediaType::Pdf, content })
}

/// A one-page form: who asks, for what, signed and seen by a superior.
fn blank_form(title: &str) -> Report {
    const FIELDS: [&str; 9] = [
        "ชื่อ-นามสกุล",
        "ตำแหน่ง",
        "หน่วยงาน / สังกัด",
        "โทรศัพท์ที่ติดต่อได้",
        "อีเมล",
        "รายละเอียดคำขอ",
        "วันที่ต้องการใช้บริการ",
        "ลงชื่อผู้ขอ / วันที่",
        "ความเห็นผู้บังคับบัญชา",
    ];
    let blank = ".".repeat(70);
    Report {
        organization: "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย".into(),
        title: title.into(),
        subtitle: "กรอกให้ครบทุกช่อง แล้วส่งที่จุดบริการหรือแนบในระบบร่วมใจ".into(),
        facts: Vec::new(),
        chart: None,
        tables: vec![Table {
            heading: "ข้อมูลผู้ขอรับบริการ".into(),
            columns: vec!["รายการ".into(), "ข้อมูล".into()],
            widths: vec![Width::Share(1.0), Width::Share(2.4)],
            rows: FIELDS
                .iter()
                .map(|f| Row { cells: vec![(*f).into(), blank.clone()], strong: false })
                .collect(),
            ..Table::default()
        }],
        notes: vec!["เจ้าหน้าที่จะแจ้งผลทางอีเมลหรือโทรศัพท์ภายในระยะเวลาที่กำหนดในคู่มือสำหรับประชาชน".into()],
        issued: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use ruamjai_store::documents::DocumentKind;
    use ruamjai_store::testing::TestDatabase;

    use super::*;

    #[tokio::test]
    async fn every_service_has_a_complete_published_manual() {
        let db = TestDatabase::sqlite().await;
        let store = db.open().await;
        super::super::load_demo_data(&super::super::demo_app(&store)).await.unwrap();
        let now = OffsetDateTime::now_utc();
        let current = store.current_versions(DocumentKind::CitizenManual, now).await.unwrap();
        assert_eq!(current.len(), 12);
        let decisions = current
            .iter()
            .map(|v| v.manual().unwrap())
            .inspect(|m| assert!(m.missing().is_empty(), "{m:?}"))
            .filter(|m| {
                m.steps.iter().any(|s| matches!(s.flow, ruamjai_domain::manual::Flow::Decision { .. }))
            })
            .count();
        assert!(decisions >= 4, "the demo shows decision steps");
        let announced = store.announcement(current[0].id).await.unwrap().unwrap();
        assert_eq!(announced.channels.len(), 3);
        let forms = store.document_files(DocumentKind::CitizenManual, "ict-training").await.unwrap();
        assert_eq!(forms.len(), 1, "the training application form is a file to download");
        let file =
            store.document_file(DocumentKind::CitizenManual, "ict-training", forms[0].id).await.unwrap();
        assert!(file.content.starts_with(b"%PDF-"));
    }
}
