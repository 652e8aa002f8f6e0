//! Demo citizen manuals, one per service, read through the product's own
//! parser and taken through review, approval and publication with an
//! announcement, as the divisions would.

use std::collections::BTreeMap;

use ruamjai_domain::accounts::Email;
use ruamjai_domain::attachment::{MediaType, NewAttachment};
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::manual::{Manual, ManualInput};
use ruamjai_domain::publication::{Action, Announcement, Channel};
use ruamjai_pdf::Engine;
use ruamjai_pdf::documents::report::{Report, Row, Table, Width};
use ruamjai_store::Store;
use ruamjai_store::audit::Actor;
use ruamjai_store::documents::DocumentKind;
use time::{Duration, OffsetDateTime};

const MANUALS: &str = include_str!("manuals.json");

async fn actor(store: &Store, email: &str) -> anyhow::Result<Actor> {
    let user = store.user_by_email(&Email::parse(email)?).await?;
    Ok(Actor::user(user.id, &user.email))
}

/// Writes and publishes the manual of every service that has none yet.
pub async fn load(store: &Store) -> anyhow::Result<()> {
    let manuals: BTreeMap<String, ManualInput> = serde_json::from_str(MANUALS)?;
    let director = actor(store, "director@ruamjai.example").await?;
    let published = OffsetDateTime::now_utc() - Duration::days(45);
    let mut engine = None;
    for (service, input) in &manuals {
        if store.service_document(DocumentKind::CitizenManual, service).await?.is_some() {
            continue;
        }
        let mut manual =
            input.parse().map_err(|errors| anyhow::anyhow!("demo manual {service}: {errors:?}"))?;
        let author = match manual.responsible_unit.as_str() {
            unit if unit.contains("โครงสร้างพื้นฐาน") => {
                actor(store, "officer@ruamjai.example").await?
            }
            unit if unit.contains("เทคโนโลยีสารสนเทศ") => {
                actor(store, "officer.it@ruamjai.example").await?
            }
            _ => director.clone(),
        };
        attach_blank_forms(store, &author, service, &mut manual, &mut engine, published).await?;
        let draft = store.save_manual_draft(&author, service, &manual, "จัดทำคู่มือฉบับแรก", published).await?;
        store.act_on_version(&author, draft.id, Action::Submit, "", published).await?;
        store.act_on_version(&director, draft.id, Action::Approve, "", published).await?;
        let announcement = Announcement {
            date: bangkok_date(published),
            channels: vec![Channel::Website, Channel::NoticeBoard, Channel::OfficialLetter],
            note: "ประกาศบนเว็บไซต์ศูนย์ฯ ติดบอร์ดประชาสัมพันธ์ชั้น 1 และแจ้งเวียนหน่วยงานในสังกัด".into(),
        };
        store.publish_version(&director, draft.id, published, &announcement, &[], published).await?;
    }
    Ok(())
}

/// A form a manual names but links to nowhere becomes a blank paper form,
/// typeset by the product's PDF engine and attached, so the demo shows
/// forms to download.
async fn attach_blank_forms(
    store: &Store,
    author: &Actor,
    service: &str,
    manual: &mut Manual,
    engine: &mut Option<Engine>,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    for form in manual.forms.iter_mut().filter(|f| f.url.is_empty()) {
        let engine = match engine {
            Some(engine) => engine,
            None => engine.insert(Engine::new()?),
        };
        let content = blank_form(&form.title).render(engine, bangkok_date(now), false)?;
        let file =
            NewAttachment { file_name: format!("{}.pdf", form.title), media_type: MediaType::Pdf, content };
        let stored =
            store.attach_document_file(author, DocumentKind::CitizenManual, service, &file, now).await?;
        form.url = format!("/services/{service}/forms/{}", stored.id);
    }
    Ok(())
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
    use ruamjai_store::testing::TestDatabase;

    use super::*;

    #[tokio::test]
    async fn every_service_has_a_complete_published_manual() {
        let db = TestDatabase::sqlite().await;
        let store = db.open().await;
        super::super::load_demo_data(&store).await.unwrap();
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
