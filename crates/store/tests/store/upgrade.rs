//! A database filled under an earlier schema keeps its data through the
//! migrations that rename (0015: campaigns are surveys), on both backends.

use ruamjai_store::Store;
use ruamjai_store::testing::TestDatabase;
use sqlx::Executor;

/// What version 14 of the schema held: a campaign of two services and one
/// group, with one answered response.
const BEFORE: [&str; 5] = [
    "INSERT INTO campaigns (office_id, name, version_id, fiscal_year, opens_at, closes_at, mode, band_scheme, created_at)
     SELECT o.id, 'สำรวจก่อนเปลี่ยนชื่อ', (SELECT MIN(id) FROM questionnaire_versions), 2570,
            1790000000000, 1800000000000, 'anonymous', 'equal', 1790000000000
     FROM offices o ORDER BY o.id LIMIT 1",
    "INSERT INTO campaign_services (campaign_id, service_id)
     SELECT (SELECT MAX(id) FROM campaigns), id FROM services WHERE code IN ('video-conference', 'telephone-fax')",
    "INSERT INTO campaign_groups (campaign_id, group_id, population)
     SELECT (SELECT MAX(id) FROM campaigns), id, 76 FROM stakeholder_groups WHERE code = 'provinces'",
    "INSERT INTO responses (campaign_id, service_id, group_id, received_at, month, source, dissatisfied)
     SELECT (SELECT MAX(id) FROM campaigns), (SELECT id FROM services WHERE code = 'video-conference'),
            (SELECT id FROM stakeholder_groups WHERE code = 'provinces'), 1790000000000, 202609, 'web', 0",
    "INSERT INTO answers (response_id, item, score) SELECT MAX(id), 'process-1', 4 FROM responses",
];

async fn upgrade(db: TestDatabase) {
    let early = Store::connect(&db.url).await.unwrap();
    early.migrate_until(14).await.unwrap();
    let body = serde_json::to_string(&ruamjai_domain::satisfaction::standard::standard()).unwrap();
    early
        .pool()
        .execute(
            "INSERT INTO questionnaires (office_id, name, builtin, created_at)
             SELECT id, 'มาตรฐาน', 'standard', 0 FROM offices ORDER BY id LIMIT 1",
        )
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO questionnaire_versions (questionnaire_id, version, body, created_at)
         SELECT MAX(id), 1, $1, 0 FROM questionnaires",
    )
    .bind(body)
    .execute(early.pool())
    .await
    .unwrap();
    for statement in BEFORE {
        early.pool().execute(statement).await.unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
    early.pool().close().await;

    let store = db.open().await;
    let surveys = store.surveys().await.unwrap();
    assert_eq!(surveys.len(), 1, "the campaign is a survey now");
    let survey = store.survey(surveys[0].id).await.unwrap();
    assert_eq!(survey.name, "สำรวจก่อนเปลี่ยนชื่อ");
    assert_eq!(survey.service_codes, ["telephone-fax", "video-conference"]);
    assert_eq!(survey.groups, [("provinces".to_owned(), Some(76))]);
    let responses = store.response_page(survey.id, 0, 10).await.unwrap();
    assert_eq!(responses.len(), 1, "its response kept its survey");
    assert_eq!(
        (responses[0].answers[0].item.as_str(), responses[0].answers[0].score),
        ("process-1", Some(4))
    );
    assert_eq!(store.migrate().await.unwrap(), 0, "nothing is left to apply");
}

#[tokio::test]
async fn a_campaign_filled_before_the_renaming_is_a_survey_after_it_on_sqlite() {
    upgrade(TestDatabase::sqlite().await).await;
}

#[tokio::test]
async fn a_campaign_filled_before_the_renaming_is_a_survey_after_it_on_postgres() {
    if let Some(db) = TestDatabase::postgres().await {
        upgrade(db).await;
    }
}
