//! Staff's satisfaction work: a survey belongs to its services' division, an
//! improvement action to the division that carries it out, and evaluators
//! read it all and change none of it.

use ruamjai_app::satisfaction::responses::{self, Sender};
use ruamjai_app::satisfaction::{findings, improvements, summary, surveys};
use ruamjai_app::{App, Error};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::satisfaction::improvement::ImprovementInput;
use ruamjai_domain::satisfaction::survey::{NewSurvey, SurveyInput};
use time::{Duration, OffsetDateTime};

use crate::support::{public, staff};

crate::app_tests!(
    an_officer_launches_surveys_of_their_own_divisions_services_only,
    an_action_named_for_no_division_belongs_to_its_surveys_division,
    evaluators_read_surveys_and_actions_and_change_neither,
    the_survey_document_shows_the_findings_in_the_readers_language,
);

fn new_survey(services: &[&str]) -> NewSurvey {
    let now = OffsetDateTime::now_utc();
    SurveyInput {
        name: "สำรวจความพึงพอใจ".into(),
        questionnaire: "standard".into(),
        service_codes: services.iter().map(|s| (*s).to_owned()).collect(),
        group_codes: vec!["provinces".into()],
        opens_at: Some(now - Duration::days(1)),
        closes_at: Some(now + Duration::days(30)),
        ..SurveyInput::default()
    }
    .parse()
    .unwrap()
}

fn action(service: &str) -> ImprovementInput {
    ImprovementInput {
        source: "item".into(),
        source_ref: "process-2".into(),
        service: service.into(),
        what: "ตอบภายในวันเดียวกัน".into(),
        owner: "ส่วนเทคโนโลยีการสื่อสาร".into(),
        due_on: "2027-03-31".into(),
        ..ImprovementInput::default()
    }
}

async fn an_officer_launches_surveys_of_their_own_divisions_services_only(app: App) {
    let comms = staff(&app, "comms@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let it = staff(&app, "it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let own = new_survey(&["video-conference", "telephone-fax"]);

    let id = surveys::launch(&app, &comms, &own).await.expect("both services are the division's");
    assert!(matches!(surveys::launch(&app, &it, &own).await, Err(Error::Forbidden)));
    assert!(matches!(surveys::mail_links(&app, &it, id, Vec::new()).await, Err(Error::Forbidden)));
    assert!(surveys::of(&app, &it, id).await.is_ok(), "every division reads every survey");

    let across = new_survey(&["video-conference", "ict-training"]);
    assert!(matches!(surveys::launch(&app, &comms, &across).await, Err(Error::Forbidden)));
    surveys::launch(&app, &director, &across).await.expect("a survey across divisions is the director's");
}

async fn an_action_named_for_no_division_belongs_to_its_surveys_division(app: App) {
    let comms = staff(&app, "comms@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let it = staff(&app, "it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let survey = surveys::launch(&app, &comms, &new_survey(&["video-conference"])).await.unwrap();
    let unnamed = action("").parse().unwrap();

    assert!(matches!(improvements::create(&app, &it, Some(survey), &unnamed).await, Err(Error::Forbidden)));
    let id = improvements::create(&app, &comms, Some(survey), &unnamed).await.unwrap();
    assert!(matches!(improvements::update(&app, &it, id, &unnamed).await, Err(Error::Forbidden)));

    let of_service = action("video-conference").parse().unwrap();
    assert!(matches!(improvements::create(&app, &it, None, &of_service).await, Err(Error::Forbidden)));
    improvements::create(&app, &comms, None, &of_service).await.expect("the service's division");
    assert_eq!(improvements::list(&app, &it, Some(survey)).await.unwrap().len(), 1);
}

async fn evaluators_read_surveys_and_actions_and_change_neither(app: App) {
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let evaluator = staff(&app, "eval@ict.go.th", Role::Evaluator, None).await;
    let id = surveys::launch(&app, &director, &new_survey(&["video-conference"])).await.unwrap();

    assert_eq!(surveys::list(&app, &evaluator).await.unwrap().len(), 1);
    assert!(matches!(
        surveys::launch(&app, &evaluator, &new_survey(&["video-conference"])).await,
        Err(Error::Forbidden)
    ));
    assert!(matches!(surveys::hand_out_links(&app, &evaluator, id, 1).await, Err(Error::Forbidden)));
    let unnamed = action("").parse().unwrap();
    assert!(matches!(
        improvements::create(&app, &evaluator, Some(id), &unnamed).await,
        Err(Error::Forbidden)
    ));
}

async fn the_survey_document_shows_the_findings_in_the_readers_language(app: App) {
    use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
    use ruamjai_domain::satisfaction::standard::{DISSATISFIED_ITEM, standard};
    use ruamjai_i18n::Locale;
    use ruamjai_store::satisfaction::ReportFilter;

    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let id = surveys::launch(&app, &director, &new_survey(&["video-conference"])).await.unwrap();
    let survey = app.public_survey(id).await.unwrap();
    for (n, first) in ["4", "1"].into_iter().enumerate() {
        let mut answers: Vec<(String, AnswerInput)> = standard()
            .scale_items()
            .map(|(_, item)| {
                (
                    item.code.clone(),
                    AnswerInput::One(if item.code == "process-1" { first } else { "4" }.into()),
                )
            })
            .collect();
        if first == "1" {
            answers.push((DISSATISFIED_ITEM.into(), AnswerInput::One("รอสายนานเกินไป".into())));
        }
        let input = ResponseInput { group: "provinces".into(), service: "video-conference".into(), answers };
        let sender = Sender { token: String::new(), name: String::new(), email: String::new() };
        responses::take(&app, &public(u8::try_from(n).unwrap() + 1), &survey, &input, &sender, app.now())
            .await
            .unwrap();
    }

    let evaluator = staff(&app, "eval@opdc.go.th", Role::Evaluator, None).await;
    let filter = ReportFilter::default();
    let found = findings::of(&app, &evaluator, id, &filter).await.unwrap();
    assert_eq!((found.report.responses, found.report.dissatisfied_responses), (2, 1));
    assert_eq!(found.comments.len(), 1, "the dissatisfied respondent's words are read");

    let catalog = app.catalog().await.unwrap();
    let english = summary::document(&found, Locale::En, &catalog, &filter, None, app.now());
    assert_eq!(english.title, Locale::En.t("survey-pdf-title"));
    let fact = |report: &ruamjai_pdf::documents::report::Report, key: &str| {
        report.facts.iter().find(|(k, _)| *k == Locale::En.t(key)).map(|(_, v)| v.clone())
    };
    assert_eq!(fact(&english, "survey-responses").as_deref(), Some("2"));
    assert_eq!(fact(&english, "survey-service-used"), Some(Locale::En.t("survey-all")));
    let thai = summary::document(&found, Locale::Th, &catalog, &filter, Some("2026-12 – 2027-01"), app.now());
    assert!(thai.facts.iter().any(|(_, v)| v == "2026-12 – 2027-01"), "the months asked for are said");
    assert_ne!(thai.title, english.title);

    assert!(matches!(findings::of(&app, &public(9), id, &filter).await, Err(Error::Unauthenticated)));
}
