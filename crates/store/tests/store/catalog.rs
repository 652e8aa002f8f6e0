use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::catalog::{Code, DivisionEdit, Name, NamesEdit, Phone, ServiceEdit};
use ruamjai_store::{Store, StoreError};

use crate::support::admin;

crate::store_tests!(
    every_database_starts_with_the_centers_catalog,
    migrating_again_changes_nothing,
    an_administrator_renames_a_service_and_moves_it_to_another_division,
    editing_an_unknown_service_or_division_is_refused,
    a_division_keeps_its_office_phone,
);

async fn every_database_starts_with_the_centers_catalog(store: Store) {
    let catalog = store.catalog().await.unwrap();
    assert_eq!(catalog.divisions.len(), 6);
    assert_eq!(catalog.services.len(), 12);
    assert_eq!(catalog.groups.len(), 7);
    assert_eq!(catalog.services[0].name_th, "งานบริการพัฒนาและบำรุงรักษาระบบงานสารสนเทศ");
    assert_eq!(catalog.services[7].name_th, "งานติดตั้งระบบสื่อสารผ่านดาวเทียมแบบเคลื่อนที่ (MSAT)");
    assert_eq!(
        catalog.services[11].name_th,
        "งานวิเคราะห์โครงการจัดหาระบบคอมพิวเตอร์ของหน่วยงานในสังกัดกระทรวงมหาดไทย"
    );
    assert_eq!(catalog.groups[0].name_th, "กระทรวง ทบวง กรม อื่น ๆ");
    assert_eq!(catalog.groups[6].name_th, "ประชาชน");
    let numbers: Vec<i32> = catalog.services.iter().map(|s| s.number).collect();
    assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
    for service in &catalog.services {
        assert!(catalog.division(&service.division_code).is_some(), "{} has a known division", service.code);
    }
}

async fn migrating_again_changes_nothing(store: Store) {
    assert_eq!(store.migrate().await.unwrap(), 0);
    assert_eq!(store.catalog().await.unwrap().services.len(), 12);
}

async fn an_administrator_renames_a_service_and_moves_it_to_another_division(store: Store) {
    let edit = ServiceEdit {
        names: NamesEdit {
            name_th: Name::parse("งานฝึกอบรมความรู้ด้านดิจิทัล").unwrap(),
            name_en: Name::parse("Digital skills training").unwrap(),
        },
        division: Code::parse("general-administration").unwrap(),
    };
    let updated = store.update_service(&admin(), "ict-training", edit).await.unwrap();
    assert_eq!(updated.division_code, "general-administration");
    let catalog = store.catalog().await.unwrap();
    let service = catalog.services.iter().find(|s| s.code == "ict-training").unwrap();
    assert_eq!(service.name_en, "Digital skills training");
    let entry = &store.recent_audit(1).await.unwrap()[0];
    assert_eq!((entry.entity.as_str(), entry.entity_id.as_str()), ("service", "ict-training"));
    assert!(entry.before.contains("งานฝึกอบรมความรู้ด้าน ICT") && entry.after.contains("ดิจิทัล"));
}

async fn editing_an_unknown_service_or_division_is_refused(store: Store) {
    let names = NamesEdit { name_th: Name::parse("ก").unwrap(), name_en: Name::parse("A").unwrap() };
    let to_nowhere = ServiceEdit { names: names.clone(), division: Code::parse("no-such-division").unwrap() };
    let err = store.update_service(&admin(), "msat", to_nowhere).await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(FieldError::UnknownDivision)), "{err:?}");
    let unknown = ServiceEdit { names, division: Code::parse("strategy").unwrap() };
    let err = store.update_service(&admin(), "no-such-service", unknown).await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    assert!(store.recent_audit(10).await.unwrap().is_empty(), "refused edits leave no audit entry");
}

async fn a_division_keeps_its_office_phone(store: Store) {
    let catalog = store.catalog().await.unwrap();
    let strategy = catalog.division("strategy").unwrap();
    assert_eq!((strategy.phone.as_str(), strategy.extension.as_str()), ("0 2281 1567", "51420"));
    let edit = DivisionEdit {
        names: NamesEdit {
            name_th: Name::parse("ส่วนยุทธศาสตร์และแผนงาน").unwrap(),
            name_en: Name::parse("Strategy and Planning Division").unwrap(),
        },
        phone: Phone::parse("0 2281 1568").unwrap(),
        extension: Phone::parse("51421").unwrap(),
    };
    let updated = store.update_division(&admin(), "strategy", edit).await.unwrap();
    assert_eq!(updated.phone, "0 2281 1568");
}
