//! Indicator 4 evaluated from the live work of the five milestones: a step
//! is met when its rule finds its facts in the database, the level counts
//! the steps met in a row from the first, and the director may decide a
//! step instead, always saying why.

use ruamjai_app::kpi;
use ruamjai_app::manuals::work;
use ruamjai_app::{App, Caller, Error};
use ruamjai_domain::accounts::{FieldError, Role};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Decimal, Gap, IndicatorResult, JudgedBy, Named, Narrative, Round};
use ruamjai_domain::participation::Channel;
use time::Duration;

use crate::kpi_facts::{
    NOW, answer, center, citizen_manual_for_every_service, file_through, held_activity, improvement_from,
    respond, standard_for_every_service, survey_of_provinces, work_manual_for_every_service, write_minutes,
};
use crate::support::staff;

crate::app_tests!(
    the_level_climbs_from_0_to_5_as_each_step_s_facts_arrive_and_falls_when_one_is_taken_away,
    a_step_met_while_an_earlier_one_is_not_does_not_raise_the_level,
    only_the_director_signs_a_step_off_always_with_a_reason_and_the_sign_off_decides_the_step,
    the_newest_narrative_of_a_round_counts_and_each_one_is_audited,
    only_the_committee_scores_its_column_on_the_year_s_scale_and_its_newest_score_counts,
    an_evaluation_kept_between_writes_is_read_again_after_any_write,
);

/// Indicator 4 of the year of `app`'s today, as it stands at the end of today.
async fn indicator_4(app: &App, caller: &Caller) -> IndicatorResult {
    let evaluation = kpi::evaluate(app, caller, FiscalYear::of(app.now()), None).await.unwrap();
    evaluation.indicator("4").expect("predefined for every year").clone()
}

/// What step `number` still lacks, by the names the API gives each gap.
fn lacks(four: &IndicatorResult, number: u8) -> Vec<String> {
    let step = four.steps.iter().find(|s| s.number == number).expect("a step of indicator 4");
    let name = |gap: &Gap| serde_json::to_value(gap).unwrap()["gap"].as_str().unwrap().to_owned();
    step.verdict.missing.iter().map(name).collect()
}

async fn the_level_climbs_from_0_to_5_as_each_step_s_facts_arrive_and_falls_when_one_is_taken_away(app: App) {
    let app = app.as_of(NOW);
    let center = center(&app).await;
    let director = &center.director;
    let four = indicator_4(&app, director).await;
    assert_eq!(four.level, Some(0), "a fresh database holds none of the facts");
    assert_eq!(lacks(&four, 1), ["few-channels", "nothing-answered"]);

    // Step 1: matters come in through three channels and are answered within their target.
    let matters = file_through(&app, director, &[Channel::Web, Channel::Telephone, Channel::Letter]).await;
    assert_eq!(
        lacks(&indicator_4(&app, director).await, 1),
        ["nothing-answered"],
        "three channels, no reply yet"
    );
    for code in &matters {
        answer(&app, director, code).await;
    }
    assert_eq!(indicator_4(&app, director).await.level, Some(1));

    // Step 2: an activity held with three groups at the door counts once its minutes are written.
    let meeting = held_activity(&app, director).await;
    assert_eq!(
        lacks(&indicator_4(&app, director).await, 2),
        ["few-activities", "few-groups-reached", "activities-without-minutes"]
    );
    write_minutes(&app, director, meeting).await;
    assert_eq!(indicator_4(&app, director).await.level, Some(2));

    // Step 3: a survey answered by its Taro Yamane sample, an action taken
    // from it, and every service held to a standard.
    let survey = survey_of_provinces(&app, director, 3).await;
    for n in 1..=2 {
        respond(&app, &survey, n).await;
    }
    assert_eq!(
        lacks(&indicator_4(&app, director).await, 3),
        ["sample-short", "few-actions", "no-standard"],
        "a population of 3 asks all 3 to answer"
    );
    respond(&app, &survey, 3).await;
    improvement_from(&app, director, survey.id).await;
    standard_for_every_service(&app, director).await;
    assert_eq!(indicator_4(&app, director).await.level, Some(3));

    // Step 4: every service's citizen manual published and announced.
    assert_eq!(lacks(&indicator_4(&app, director).await, 4), ["no-citizen-manual"]);
    citizen_manual_for_every_service(&app, director).await;
    assert_eq!(indicator_4(&app, director).await.level, Some(4));

    // Step 5: every service's work manual approved this year and read by its audience.
    let manuals = work_manual_for_every_service(&app, &center).await;
    let four = indicator_4(&app, director).await;
    assert_eq!(four.level, Some(4), "approved, but read by no one yet");
    assert_eq!(lacks(&four, 5), vec!["few-acknowledged"; 12]);
    for (id, reader) in &manuals {
        work::acknowledge(&app, reader, *id, 0).await.unwrap();
    }
    assert_eq!(indicator_4(&app, director).await.level, Some(5));

    // A newcomer joins the strategy division: one of its two officers has
    // read each of its manuals, short of the 80 % asked.
    staff(&app, "newcomer@ict.go.th", Role::Officer, Some("strategy")).await;
    let four = indicator_4(&app, director).await;
    assert_eq!(four.level, Some(4));
    let half_read = |code: &str, service: &str| Gap::FewAcknowledged {
        manual: Named { code: code.into(), name: service.into() },
        acknowledged: 1,
        readers: 2,
        needed: Decimal::from_int(80),
    };
    assert_eq!(
        four.steps[4].verdict.missing,
        [
            half_read("WM-STRATEGY-ICT-TRAINING-01", "งานฝึกอบรมความรู้ด้าน ICT"),
            half_read(
                "WM-STRATEGY-PROCUREMENT-ANALYSIS-01",
                "งานวิเคราะห์โครงการจัดหาระบบคอมพิวเตอร์ของหน่วยงานในสังกัดกระทรวงมหาดไทย"
            ),
        ]
    );
}

async fn a_step_met_while_an_earlier_one_is_not_does_not_raise_the_level(app: App) {
    let app = app.as_of(NOW);
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let meeting = held_activity(&app, &director).await;
    write_minutes(&app, &director, meeting).await;
    let four = indicator_4(&app, &director).await;
    assert!(four.steps[1].met, "step 2 has its facts");
    assert_eq!(lacks(&four, 1), ["few-channels", "nothing-answered"]);
    assert_eq!(four.level, Some(0), "the steps count only in a row from the first");
    assert_eq!(four.blocking_step().map(|s| s.number), Some(1));
}

async fn only_the_director_signs_a_step_off_always_with_a_reason_and_the_sign_off_decides_the_step(app: App) {
    let app = app.as_of(NOW);
    let year = FiscalYear::of(app.now());
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let reason = "ตรวจทะเบียนรับเรื่องแล้ว มีช่องทางรับเรื่องครบตามเกณฑ์";
    for (email, role) in [("collector@ict.go.th", Role::Collector), ("officer@ict.go.th", Role::Officer)] {
        let caller = staff(&app, email, role, Some("strategy")).await;
        let refused = kpi::sign_off(&app, &caller, year, "4", (1, true, reason), &[]).await.unwrap_err();
        assert!(matches!(refused, Error::Forbidden), "{role:?}: {refused:?}");
    }
    let no_reason = kpi::sign_off(&app, &director, year, "4", (1, true, "  "), &[]).await.unwrap_err();
    assert!(
        matches!(&no_reason, Error::Invalid(f) if f == &[("reason", FieldError::Required)]),
        "{no_reason:?}"
    );
    let no_step = kpi::sign_off(&app, &director, year, "4", (6, true, reason), &[]).await.unwrap_err();
    assert!(matches!(no_step, Error::NotFound), "indicator 4 has five steps: {no_step:?}");
    assert_eq!(indicator_4(&app, &director).await.level, Some(0), "nothing was signed off");

    kpi::sign_off(&app, &director, year, "4", (1, true, reason), &[]).await.unwrap();
    let four = indicator_4(&app, &director).await;
    let step = &four.steps[0];
    assert!(step.met && step.judged_by == JudgedBy::SignOff && step.overrides_rule());
    assert_eq!(step.sign_off.as_ref().map(|s| s.reason.as_str()), Some(reason));
    assert_eq!(lacks(&four, 1), ["few-channels", "nothing-answered"], "the rule's own finding stays in view");
    assert_eq!(four.level, Some(1));

    let later = app.as_of(app.now() + Duration::hours(2));
    kpi::sign_off(&later, &director, year, "4", (1, false, "ช่องทางโทรสารยังไม่เปิดใช้"), &[]).await.unwrap();
    let four = indicator_4(&later, &director).await;
    assert!(!four.steps[0].met, "the newest sign-off decides");
    assert_eq!(four.level, Some(0));
}

async fn the_newest_narrative_of_a_round_counts_and_each_one_is_audited(app: App) {
    let app = app.as_of(NOW);
    let year = FiscalYear::of(app.now());
    let collector = staff(&app, "strategy@ict.go.th", Role::Collector, Some("strategy")).await;
    let officer = staff(&app, "officer@ict.go.th", Role::Officer, Some("strategy")).await;
    let typed = |performance: &str| Narrative { performance: performance.into(), ..Narrative::default() };
    let refused = kpi::write_narrative(&app, &officer, year, "4", Round::Six, &typed("ทดสอบ")).await;
    assert!(matches!(refused, Err(Error::Forbidden)));
    let empty = kpi::write_narrative(&app, &collector, year, "4", Round::Six, &typed("  ")).await;
    assert!(matches!(empty, Err(Error::Invalid(ref f)) if f == &[("performance", FieldError::Required)]));
    let unknown = kpi::write_narrative(&app, &collector, year, "9", Round::Six, &typed("ทดสอบ")).await;
    assert!(matches!(unknown, Err(Error::NotFound)));

    kpi::write_narrative(&app, &collector, year, "4", Round::Six, &typed("ฉบับแรก")).await.unwrap();
    kpi::write_narrative(&app, &collector, year, "4", Round::Six, &typed("ฉบับแก้ไข")).await.unwrap();
    kpi::write_narrative(&app, &collector, year, "4", Round::Nine, &typed("รอบเก้าเดือน")).await.unwrap();
    let written = kpi::narratives(&app, &officer, year).await.unwrap();
    let texts: Vec<(u8, &str)> =
        written.iter().map(|n| (n.round.months(), n.narrative.performance.as_str())).collect();
    assert_eq!(texts, [(6, "ฉบับแก้ไข"), (9, "รอบเก้าเดือน")], "the newest of each round");
    let audit = app.store().recent_audit(3).await.unwrap();
    assert!(audit.iter().all(|e| e.action == "write-narrative" && e.entity_id == format!("{}/4", year.be())));
}

async fn only_the_committee_scores_its_column_on_the_year_s_scale_and_its_newest_score_counts(app: App) {
    let app = app.as_of(NOW);
    let year = FiscalYear::of(app.now());
    let evaluator = staff(&app, "committee@opdc.go.th", Role::Evaluator, None).await;
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let refused = kpi::assess(&app, &director, year, "4", ("6", "4", "")).await;
    assert!(
        matches!(refused, Err(Error::Forbidden)),
        "the Center does not score itself in the committee's column"
    );
    let bad = kpi::assess(&app, &director, year, "4", ("7", "x", "")).await;
    assert!(matches!(bad, Err(Error::Forbidden)), "who may comes before what was typed");

    let typed = kpi::assess(&app, &evaluator, year, "4", ("7", "5.5", "")).await;
    let expected =
        [("round", FieldError::UnknownChoice), ("score", FieldError::OutOfRange { min: 0, max: 5 })];
    assert!(matches!(typed, Err(Error::Invalid(ref f)) if f == &expected), "{typed:?}");
    let places = kpi::assess(&app, &evaluator, year, "4", ("6", "4.12345", "")).await;
    assert!(
        matches!(places, Err(Error::Invalid(ref f)) if f == &[("score", FieldError::TooManyPlaces { max: 4 })])
    );
    let unknown = kpi::assess(&app, &evaluator, year, "9", ("6", "4", "")).await;
    assert!(matches!(unknown, Err(Error::NotFound)));
    assert_eq!(indicator_4(&app, &evaluator).await.committee, None);

    kpi::assess(&app, &evaluator, year, "4", ("6", "3", "")).await.unwrap();
    kpi::assess(&app, &evaluator, year, "4", ("6", "3.5", "ตรวจหลักฐานขั้นตอนที่ 4 แล้ว")).await.unwrap();
    let four = indicator_4(&app, &director).await;
    let committee = four.committee.expect("scored");
    assert_eq!((committee.round, committee.score), (Round::Six, Decimal::parse("3.5").unwrap()));
    assert_eq!(committee.note, "ตรวจหลักฐานขั้นตอนที่ 4 แล้ว");
    let evaluation = kpi::evaluate(&app, &director, year, None).await.unwrap();
    assert_eq!(evaluation.committee_composite(), Some(Decimal::parse("3.5").unwrap()), "indicator 4 alone");
    let before =
        kpi::evaluate(&app, &director, year, Some(app.now().date().previous_day().unwrap())).await.unwrap();
    assert_eq!(before.indicator("4").unwrap().committee, None, "as of yesterday it had not scored yet");
    let audit = app.store().recent_audit(2).await.unwrap();
    assert!(audit.iter().all(|e| e.action == "assess-indicator"));
}

async fn an_evaluation_kept_between_writes_is_read_again_after_any_write(app: App) {
    let app = app.as_of(NOW);
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let first = kpi::evaluate(&app, &director, FiscalYear::of(app.now()), None).await.unwrap();
    let again = kpi::evaluate(&app, &director, FiscalYear::of(app.now()), None).await.unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &again), "nothing was written in between: the same evaluation");
    // A write in another area: a matter filed changes step 1's facts.
    file_through(&app, &director, &[Channel::Web]).await;
    let after = kpi::evaluate(&app, &director, FiscalYear::of(app.now()), None).await.unwrap();
    assert!(!std::sync::Arc::ptr_eq(&first, &after));
    let submissions = |e: &ruamjai_domain::kpi::Evaluation| {
        let step = &e.indicator("4").unwrap().steps[0];
        step.verdict.facts.iter().find(|f| f.key == "submissions").map(|f| f.value.clone())
    };
    assert_ne!(submissions(&first), submissions(&after), "the new matter is counted");

    // After a write, callers asking at once share one reading.
    file_through(&app, &director, &[Channel::Telephone]).await;
    let year = FiscalYear::of(app.now());
    let (one, other) =
        tokio::join!(kpi::evaluate(&app, &director, year, None), kpi::evaluate(&app, &director, year, None));
    assert!(std::sync::Arc::ptr_eq(&one.unwrap(), &other.unwrap()), "read once for both");
}
