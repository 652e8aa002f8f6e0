//! Answering a survey: one path for the page and the API, which checks the
//! window, the privacy mode and the answers, and counts the public's writes.

use std::sync::Arc;

use ruamjai_app::satisfaction::responses::{self, Sender};
use ruamjai_app::{App, Error, Result};
use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
use ruamjai_domain::satisfaction::standard::standard;
use ruamjai_domain::satisfaction::survey::SurveyInput;
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::Survey;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use crate::support::public;

crate::app_tests!(
    a_survey_takes_answers_only_within_its_window,
    each_privacy_mode_asks_for_what_it_needs,
    answers_that_do_not_fit_the_questionnaire_are_named_by_item,
);

const OPENS: OffsetDateTime = datetime!(2026-12-01 00:00 +7);

async fn survey(app: &App, mode: &str) -> Arc<Survey> {
    let input = SurveyInput {
        name: "สำรวจความพึงพอใจ ปีงบประมาณ 2570".into(),
        questionnaire: "standard".into(),
        service_codes: vec!["video-conference".into()],
        group_codes: vec!["provinces".into()],
        opens_at: Some(OPENS),
        closes_at: Some(OPENS + Duration::days(30)),
        mode: mode.into(),
        ..SurveyInput::default()
    };
    let id =
        app.store().create_survey(&Actor::command("test"), &input.parse().unwrap(), OPENS).await.unwrap();
    Arc::new(app.store().survey(id).await.unwrap())
}

fn full_answers() -> ResponseInput {
    let answers =
        standard().scale_items().map(|(_, item)| (item.code.clone(), AnswerInput::One("4".into()))).collect();
    ResponseInput { group: "provinces".into(), service: "video-conference".into(), answers }
}

/// One response from the public at `at`.
async fn answer(
    app: &App,
    survey: &Arc<Survey>,
    input: ResponseInput,
    sender: Sender,
    at: OffsetDateTime,
) -> Result<i64> {
    responses::take(app, &public(1), survey, &input, &sender, at).await
}

async fn a_survey_takes_answers_only_within_its_window(app: App) {
    let survey = survey(&app, "").await;
    let early = answer(&app, &survey, full_answers(), Sender::default(), OPENS - Duration::hours(1)).await;
    assert!(matches!(early, Err(Error::Refused("survey-not-open"))));
    let late = answer(&app, &survey, full_answers(), Sender::default(), OPENS + Duration::days(30)).await;
    assert!(matches!(late, Err(Error::Gone("survey-closed"))));
    let during = answer(&app, &survey, full_answers(), Sender::default(), OPENS + Duration::days(2)).await;
    assert!(during.unwrap() > 0);
}

async fn each_privacy_mode_asks_for_what_it_needs(app: App) {
    let during = OPENS + Duration::days(2);
    let token_survey = survey(&app, "token").await;
    let nothing = answer(&app, &token_survey, full_answers(), Sender::default(), during).await;
    assert!(matches!(nothing, Err(Error::Refused("token-unknown"))));
    let forged = Sender { token: "not-a-link-we-sent".into(), ..Sender::default() };
    let forged = answer(&app, &token_survey, full_answers(), forged, during).await;
    assert!(matches!(forged, Err(Error::Refused("token-unknown"))), "{forged:?}");

    let identified = survey(&app, "identified").await;
    match answer(&app, &identified, full_answers(), Sender::default(), during).await {
        Err(Error::Invalid(fields)) => {
            let names: Vec<_> = fields.iter().map(|(f, _)| *f).collect();
            assert_eq!(names, ["respondent_name", "respondent_email"]);
        }
        other => panic!("{other:?}"),
    }
    let named = Sender {
        name: "สมหญิง".into(), email: "somying@example.com".into(), ..Sender::default()
    };
    answer(&app, &identified, full_answers(), named, during).await.unwrap();
}

async fn answers_that_do_not_fit_the_questionnaire_are_named_by_item(app: App) {
    let survey = survey(&app, "").await;
    let mut answers = full_answers();
    let first = answers.answers[0].0.clone();
    answers.answers[0].1 = AnswerInput::One("9".into());
    match answer(&app, &survey, answers, Sender::default(), OPENS + Duration::days(1)).await {
        Err(Error::InvalidItems(items)) => {
            assert!(items.iter().any(|(field, _)| field.contains(&first)), "{items:?}")
        }
        other => panic!("{other:?}"),
    }
}
