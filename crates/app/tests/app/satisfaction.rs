//! Answering a survey: one path for the page and the API, which checks the
//! window, the privacy mode and the answers, and counts the public's writes.

use std::sync::Arc;

use ruamjai_app::satisfaction::effect::Effect;
use ruamjai_app::satisfaction::improvements;
use ruamjai_app::satisfaction::responses::{self, Sender};
use ruamjai_app::{App, Caller, Error, Result};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::satisfaction::improvement::{ImprovementInput, Source};
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
    an_action_is_measured_again_on_its_own_item_for_its_own_service_by_the_next_survey_that_asks,
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

/// A survey of two services on the standard questionnaire, open from `opens` for a month.
async fn survey_of_two_services(app: &App, name: &str, opens: OffsetDateTime) -> Arc<Survey> {
    let input = SurveyInput {
        name: name.into(),
        questionnaire: "standard".into(),
        service_codes: vec!["video-conference".into(), "msat".into()],
        group_codes: vec!["provinces".into()],
        opens_at: Some(opens),
        closes_at: Some(opens + Duration::days(30)),
        ..SurveyInput::default()
    };
    let id =
        app.store().create_survey(&Actor::command("test"), &input.parse().unwrap(), opens).await.unwrap();
    Arc::new(app.store().survey(id).await.unwrap())
}

/// `count` respondents of `service` answering `value` to every item.
async fn answered(app: &App, survey: &Arc<Survey>, service: &str, value: &str, count: u8) {
    for n in 0..count {
        let answers = standard()
            .scale_items()
            .map(|(_, item)| (item.code.clone(), AnswerInput::One(value.into())))
            .collect();
        let input = ResponseInput { group: "provinces".into(), service: service.into(), answers };
        let at = survey.opens_at + Duration::hours(i64::from(n) + 1);
        responses::take(app, &public(n + 1), survey, &input, &Sender::default(), at).await.unwrap();
    }
}

async fn an_action_is_measured_again_on_its_own_item_for_its_own_service_by_the_next_survey_that_asks(
    app: App,
) {
    let director = crate::support::staff(&app, "director@ict.go.th", Role::Director, None).await;
    let first = survey_of_two_services(&app, "สำรวจรอบที่ 1", OPENS).await;
    answered(&app, &first, "video-conference", "2", 4).await;
    answered(&app, &first, "msat", "5", 4).await;
    let action = |service: &str, source: &str| {
        ImprovementInput {
            source: source.into(),
            source_ref: if source == "comment" { "slow".into() } else { "process-2".into() },
            service: service.into(),
            what: format!("ปรับปรุง {service}"),
            owner: "ส่วนเทคโนโลยีการสื่อสาร".into(),
            due_on: "2027-03-31".into(),
            ..ImprovementInput::default()
        }
        .parse()
        .unwrap()
    };
    for (service, source) in [("video-conference", "item"), ("msat", "item"), ("video-conference", "comment")]
    {
        improvements::create(&app, &director, Some(first.id), &action(service, source)).await.unwrap();
    }
    let effects = |app: App, director: Caller| async move {
        let listed = improvements::with_effects(&app, &director, None).await.unwrap();
        listed.into_iter().map(|(a, e)| (a.what, a.source, e)).collect::<Vec<_>>()
    };
    let before = effects(app.clone(), director.clone()).await;
    for (what, source, effect) in &before {
        match source {
            Source::Comment => assert_eq!(effect, &Effect::NotMeasurable, "{what}"),
            _ => {
                assert!(matches!(effect, Effect::Measured { after: None, .. }), "not yet re-measured: {what}")
            }
        }
    }

    // The next survey hears only the video-conference users again, now satisfied; msat is not measured.
    let second = survey_of_two_services(&app, "สำรวจรอบที่ 2", OPENS + Duration::days(60)).await;
    answered(&app, &second, "video-conference", "4", 3).await;
    let after = effects(app.clone(), director.clone()).await;
    let of = |what: &str| {
        after.iter().find(|(w, s, _)| w == what && *s == Source::Item).map(|(_, _, e)| e.clone())
    };
    let Some(Effect::Measured { before, after: Some(later) }) = of("ปรับปรุง video-conference")
    else {
        panic!("video-conference is measured again: {after:?}")
    };
    assert_eq!(
        (before.answers, before.mean, before.dissatisfied_pct),
        (4, Some(2.0), Some(100.0)),
        "its own service only"
    );
    assert_eq!((later.survey_id, later.after.answers, later.after.mean), (second.id, 3, Some(4.0)));
    assert_eq!(later.after.dissatisfied_pct, Some(0.0));
    assert!(
        matches!(of("ปรับปรุง msat"), Some(Effect::Measured { after: None, .. })),
        "a survey that heard no msat user does not re-measure msat"
    );
}
