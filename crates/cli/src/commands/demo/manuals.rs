//! Demo citizen manuals, one per service, read through the product's own
//! parser and taken through review, approval and publication with an
//! announcement, as the divisions would.

use std::collections::BTreeMap;

use ruamjai_domain::accounts::Email;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::manual::ManualInput;
use ruamjai_domain::publication::{Action, Announcement, Channel};
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
    for (service, input) in &manuals {
        if store.service_document(DocumentKind::CitizenManual, service).await?.is_some() {
            continue;
        }
        let manual = input.parse().map_err(|errors| anyhow::anyhow!("demo manual {service}: {errors:?}"))?;
        let author = match manual.responsible_unit.as_str() {
            unit if unit.contains("โครงสร้างพื้นฐาน") => {
                actor(store, "officer@ruamjai.example").await?
            }
            unit if unit.contains("เทคโนโลยีสารสนเทศ") => {
                actor(store, "officer.it@ruamjai.example").await?
            }
            _ => director.clone(),
        };
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
    }
}
