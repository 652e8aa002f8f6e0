//! The Center's own questionnaires: edited in place until the first
//! response, then every save is a new version and old answers keep theirs.

use ruamjai_domain::satisfaction::drafting::{ItemInput, QuestionnaireInput, SectionInput};
use ruamjai_domain::satisfaction::questionnaire::Questionnaire;
use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
use ruamjai_domain::satisfaction::survey::SurveyInput;
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::{Respondent, SavedVersion, Source};
use ruamjai_store::{Store, StoreError};
use time::Duration;

use crate::satisfaction::{OPENS, survey};

crate::store_tests!(
    a_questionnaire_changes_in_place_until_answered_then_each_save_is_a_new_version,
    the_builtin_standard_is_copied_never_changed,
);

fn questions(texts: &[&str], earlier: &[Questionnaire]) -> Questionnaire {
    let items = (texts.iter())
        .map(|t| ItemInput {
            text_th: (*t).into(),
            kind: "scale".into(),
            required: true,
            ..Default::default()
        })
        .collect();
    let section = SectionInput {
        title_th: "ด้านการบริการ".into(), items, ..Default::default()
    };
    QuestionnaireInput { sections: vec![section] }.parse(earlier).unwrap()
}

async fn survey_on(store: &Store, version_id: i64, name: &str) -> i64 {
    let input = SurveyInput {
        name: name.into(),
        questionnaire: version_id.to_string(),
        service_codes: vec!["video-conference".into()],
        group_codes: vec!["public".into()],
        opens_at: Some(OPENS),
        closes_at: Some(OPENS + Duration::days(30)),
        ..SurveyInput::default()
    };
    store.create_survey(&Actor::command("test"), &input.parse().unwrap(), OPENS).await.unwrap()
}

async fn answer_all_fives(store: &Store, survey_id: i64) {
    let survey = store.survey(survey_id).await.unwrap();
    let answers =
        survey.questionnaire.items().map(|i| (i.code.clone(), AnswerInput::One("5".into()))).collect();
    let response = ResponseInput { group: "public".into(), service: "video-conference".into(), answers }
        .check(&survey.questionnaire)
        .unwrap();
    store.record_response(survey_id, &response, Respondent::Anonymous, Source::Web, OPENS).await.unwrap();
}

async fn a_questionnaire_changes_in_place_until_answered_then_each_save_is_a_new_version(store: Store) {
    let actor = Actor::command("test");
    let first = questions(&["ตอบเร็ว"], &[]);
    let created = store.create_questionnaire(&actor, "แบบสอบถามศูนย์บริการ", &first, OPENS).await.unwrap();
    let id = created.questionnaire_id;
    assert_eq!((created.version, created.new_version), (1, true));

    let fixed = questions(&["ตอบรวดเร็ว"], std::slice::from_ref(&first));
    let saved = store.save_questionnaire(&actor, id, "แบบสอบถามศูนย์บริการ", &fixed, OPENS).await.unwrap();
    let unanswered =
        SavedVersion { questionnaire_id: id, version_id: created.version_id, version: 1, new_version: false };
    assert_eq!(saved, unanswered, "nobody answered version 1: it is corrected in place");

    let before = survey_on(&store, created.version_id, "รอบที่ 1").await;
    answer_all_fives(&store, before).await;
    let detail = store.questionnaire(id).await.unwrap();
    assert!(detail.summary.versions[0].locked_at.is_some(), "the first response locks the version");
    assert_eq!(detail.summary.versions[0].surveys, 1);

    let mut input = QuestionnaireInput::from(&fixed);
    input.sections[0].items.push(ItemInput {
        text_th: "สุภาพ".into(),
        kind: "scale".into(),
        ..Default::default()
    });
    let grown = input.parse(&detail.bodies).unwrap();
    let saved =
        store.save_questionnaire(&actor, id, "แบบสอบถามศูนย์บริการ (ปรับปรุง)", &grown, OPENS).await.unwrap();
    assert_eq!((saved.version, saved.new_version), (2, true));
    assert_ne!(saved.version_id, created.version_id);

    let old = store.survey(before).await.unwrap();
    assert_eq!(old.questionnaire, fixed, "answers keep the questions they answered");
    let after = survey_on(&store, saved.version_id, "รอบที่ 2").await;
    assert_eq!(store.survey(after).await.unwrap().questionnaire.items().count(), 2);
    assert_eq!(
        store.previous_survey(after).await.unwrap(),
        Some(before),
        "versions of one questionnaire trend together"
    );

    let detail = store.questionnaire(id).await.unwrap();
    assert_eq!(detail.summary.name, "แบบสอบถามศูนย์บริการ (ปรับปรุง)");
    assert_eq!(detail.bodies, [fixed, grown]);
    let own: Vec<_> = store.questionnaires().await.unwrap().into_iter().filter(|q| !q.builtin).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].latest().map(|v| v.version), Some(2));
}

async fn the_builtin_standard_is_copied_never_changed(store: Store) {
    let actor = Actor::command("test");
    survey(&store, "").await;
    let standard = store.questionnaires().await.unwrap().into_iter().find(|q| q.builtin).unwrap();
    let q = store.questionnaire(standard.id).await.unwrap();
    let refused = store.save_questionnaire(&actor, standard.id, "แก้แบบมาตรฐาน", &q.bodies[0], OPENS).await;
    assert!(matches!(refused, Err(StoreError::Conflict("builtin-questionnaire"))), "{refused:?}");
    let missing = store.save_questionnaire(&actor, 999_999, "ไม่มี", &q.bodies[0], OPENS).await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    assert_eq!(store.questionnaire(standard.id).await.unwrap().bodies.len(), 1);
}
