//! Satisfaction surveys in the database: cells kept with each response read
//! as the raw answers would, rebuilt identically, and the refusals.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::response::{AnswerInput, NewResponse, ResponseInput};
use ruamjai_domain::satisfaction::standard::{DISSATISFIED_ITEM, standard};
use ruamjai_domain::satisfaction::survey::SurveyInput;
use ruamjai_domain::satisfaction::tally::{CellSums, delta};
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::{ReportFilter, Respondent, Source};
use ruamjai_store::{Store, StoreError};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

crate::store_tests!(
    reports_read_from_cells_equal_the_figures_of_the_raw_answers_for_any_filter,
    recomputing_the_cells_from_the_answers_gives_the_same_cells,
    responses_are_refused_outside_the_window_the_survey_and_without_a_fresh_token,
    paper_responses_are_taken_all_or_none_even_after_closing,
    an_improvement_action_is_tracked_and_published_in_staffs_words,
    the_standards_table_sets_targets_beside_the_measured_values,
);

pub(crate) const OPENS: OffsetDateTime = datetime!(2026-12-01 00:00 +7);

pub(crate) async fn survey(store: &Store, mode: &str) -> i64 {
    let input = SurveyInput {
        name: "สำรวจความพึงพอใจ ปีงบประมาณ 2570".into(),
        questionnaire: "standard".into(),
        service_codes: vec!["video-conference".into(), "telephone-fax".into()],
        group_codes: vec!["provinces".into(), "public".into()],
        opens_at: Some(OPENS),
        closes_at: Some(OPENS + Duration::days(120)),
        mode: mode.into(),
        populations: vec![("provinces".into(), "76".into())],
        ..SurveyInput::default()
    };
    store.create_survey(&Actor::command("test"), &input.parse().unwrap(), OPENS).await.unwrap()
}

/// Response `n`: scores drawn from `n` so that services, groups, months,
/// "not applicable" and dissatisfaction all vary.
pub(crate) fn response(n: u64) -> NewResponse {
    let answers = standard()
        .scale_items()
        .enumerate()
        .map(|(i, (_, item))| {
            let draw = (n * 7 + i as u64 * 13 + n * n) % 11;
            let answer = if draw == 10 { "na".to_owned() } else { (1 + draw % 5).to_string() };
            (item.code.clone(), AnswerInput::One(answer))
        })
        .chain(std::iter::once((DISSATISFIED_ITEM.to_owned(), AnswerInput::One("รอสายนานเกินไป".into()))))
        .collect();
    let service = if n.is_multiple_of(3) { "telephone-fax" } else { "video-conference" };
    let group = if n.is_multiple_of(2) { "public" } else { "provinces" };
    ResponseInput { group: group.into(), service: service.into(), answers }.check(&standard()).unwrap()
}

pub(crate) fn when(n: u64) -> OffsetDateTime {
    OPENS + Duration::days(i64::try_from(n * 3).unwrap())
}

async fn record(store: &Store, id: i64, count: u64) -> Vec<NewResponse> {
    let mut all = Vec::new();
    for n in 0..count {
        let r = response(n);
        store.record_response(id, &r, Respondent::Anonymous, Source::Web, when(n)).await.unwrap();
        all.push(r);
    }
    all
}

async fn reports_read_from_cells_equal_the_figures_of_the_raw_answers_for_any_filter(store: Store) {
    let id = survey(&store, "").await;
    let responses = record(&store, id, 40).await;
    let filters = [
        (ReportFilter::default(), (0..40).collect::<Vec<u64>>()),
        (
            ReportFilter { service: Some("telephone-fax".into()), ..ReportFilter::default() },
            (0_u64..40).filter(|n| n.is_multiple_of(3)).collect(),
        ),
        (
            ReportFilter {
                group: Some("provinces".into()),
                from: Some(OPENS + Duration::days(31)),
                ..ReportFilter::default()
            },
            (0..40).filter(|n| n % 2 == 1 && when(*n) >= datetime!(2027-01-01 00:00 +7)).collect(),
        ),
    ];
    let q = standard();
    for (filter, chosen) in filters {
        let mut sums = CellSums::default();
        chosen.iter().for_each(|n| sums.add(&delta(&q, &responses[*n as usize])));
        let from_cells = store.satisfaction_report(id, &filter).await.unwrap();
        let by_hand_groups = from_cells.groups.iter().map(|g| {
            let of_group: Vec<_> =
                chosen.iter().filter(|n| responses[**n as usize].group.as_str() == g.group).collect();
            ruamjai_domain::satisfaction::report::GroupCount {
                group: g.group.clone(),
                population: g.population,
                responses: of_group.len() as u64,
                dissatisfied: of_group.iter().filter(|n| responses[***n as usize].is_dissatisfied()).count()
                    as u64,
            }
        });
        let by_hand =
            SatisfactionReport::build(&q, &sums, &by_hand_groups.collect::<Vec<_>>(), Default::default());
        assert_eq!(from_cells, by_hand, "{filter:?}");
        assert_eq!(from_cells.responses, chosen.len() as u64);
    }
    let all = store.satisfaction_report(id, &ReportFilter::default()).await.unwrap();
    assert_eq!(all.groups[0].required, Some(64), "76 provinces need 64 responses");
}

async fn recomputing_the_cells_from_the_answers_gives_the_same_cells(store: Store) {
    let id = survey(&store, "").await;
    record(&store, id, 25).await;
    let before = store.cell_sums(id, &ReportFilter::default()).await.unwrap();
    let report_before = store.satisfaction_report(id, &ReportFilter::default()).await.unwrap();
    assert_eq!(store.recompute_cells(&Actor::command("test"), id).await.unwrap(), 25);
    assert_eq!(store.cell_sums(id, &ReportFilter::default()).await.unwrap(), before);
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap(), report_before);
}

async fn responses_are_refused_outside_the_window_the_survey_and_without_a_fresh_token(store: Store) {
    let id = survey(&store, "").await;
    let early = store
        .record_response(id, &response(1), Respondent::Anonymous, Source::Web, OPENS - Duration::days(1))
        .await;
    assert!(matches!(early, Err(StoreError::InvalidField { field: "survey", error: FieldError::NotOpen })));
    let late = store
        .record_response(id, &response(1), Respondent::Anonymous, Source::Web, OPENS + Duration::days(200))
        .await;
    assert!(matches!(late, Err(StoreError::InvalidField { field: "survey", .. })));
    let mut elsewhere = response(1);
    elsewhere.service = ruamjai_domain::catalog::Code::parse("network-interconnection").unwrap();
    let refused = store.record_response(id, &elsewhere, Respondent::Anonymous, Source::Web, when(1)).await;
    assert!(matches!(refused, Err(StoreError::InvalidField { field: "service_id", .. })), "{refused:?}");

    let tokens = survey(&store, "token").await;
    store.issue_survey_token(tokens, "hash-1", Some("somchai@example.com"), OPENS).await.unwrap();
    let without =
        store.record_response(tokens, &response(1), Respondent::Anonymous, Source::Web, when(1)).await;
    assert!(matches!(without, Err(StoreError::NotFound)));
    let unknown = store
        .record_response(tokens, &response(1), Respondent::Token("hash-x".into()), Source::Web, when(1))
        .await;
    assert!(matches!(unknown, Err(StoreError::NotFound)));
    store
        .record_response(tokens, &response(1), Respondent::Token("hash-1".into()), Source::Web, when(1))
        .await
        .unwrap();
    let again = store
        .record_response(tokens, &response(2), Respondent::Token("hash-1".into()), Source::Web, when(2))
        .await;
    assert!(matches!(again, Err(StoreError::Conflict("token-used"))));
    assert_eq!(store.satisfaction_report(tokens, &ReportFilter::default()).await.unwrap().responses, 1);
}

async fn paper_responses_are_taken_all_or_none_even_after_closing(store: Store) {
    let id = survey(&store, "").await;
    let after_closing = OPENS + Duration::days(150);
    let mut stray = response(2);
    stray.service = ruamjai_domain::catalog::Code::parse("network-interconnection").unwrap();
    let batch = [response(1), stray, response(3)];
    let refused = store.record_paper_responses(&Actor::command("test"), id, &batch, after_closing).await;
    assert!(matches!(refused, Err(StoreError::InvalidField { field: "service_id", .. })), "{refused:?}");
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap().responses, 0);
    let taken = store
        .record_paper_responses(&Actor::command("test"), id, &[response(1), response(3)], after_closing)
        .await;
    assert_eq!(taken.unwrap(), 2);
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap().responses, 2);
}

fn action(status: &str, public_text: &str) -> ruamjai_domain::satisfaction::improvement::NewImprovement {
    ruamjai_domain::satisfaction::improvement::ImprovementInput {
        source: "item".into(),
        source_ref: "process-2".into(),
        service: "video-conference".into(),
        what: "ทดสอบระบบก่อนประชุม 60 นาที".into(),
        owner: "ส่วนเทคโนโลยีการสื่อสาร".into(),
        division: "communication-technology".into(),
        due_on: "2027-03-31".into(),
        status: status.into(),
        progress: "30".into(),
        public_text: public_text.into(),
    }
    .parse()
    .unwrap()
}

async fn an_improvement_action_is_tracked_and_published_in_staffs_words(store: Store) {
    let id = survey(&store, "").await;
    let actor = Actor::command("test");
    let action_id = store.create_improvement(&actor, Some(id), &action("", ""), OPENS).await.unwrap();
    assert!(
        store.public_improvements(10).await.unwrap().is_empty(),
        "internal until staff write the public words"
    );
    let done = action("done", "เราทดสอบระบบก่อนการประชุมทุกครั้งแล้ว");
    store.update_improvement(&actor, action_id, &done, OPENS + Duration::days(40)).await.unwrap();
    let stored = store.improvement(action_id).await.unwrap();
    assert_eq!((stored.progress, stored.division_code.as_deref()), (100, Some("communication-technology")));
    assert_eq!(store.improvements(Some(id)).await.unwrap().len(), 1);
    let public = store.public_improvements(10).await.unwrap();
    assert_eq!(public[0].public_text.as_deref(), Some("เราทดสอบระบบก่อนการประชุมทุกครั้งแล้ว"));
    let missing = store.update_improvement(&actor, action_id + 99, &done, OPENS).await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
}

async fn the_standards_table_sets_targets_beside_the_measured_values(store: Store) {
    let id = survey(&store, "").await;
    let responses = record(&store, id, 30).await;
    let year = ruamjai_domain::calendar::FiscalYear::from_be(2570);
    let standard = ruamjai_domain::satisfaction::improvement::StandardInput {
        satisfied_min_pct: "80".into(),
        dissatisfied_max_pct: "10".into(),
        resolution_days: "15".into(),
    }
    .parse()
    .unwrap();
    store.set_standard(&Actor::command("test"), "video-conference", year, &standard).await.unwrap();
    let lines = store.standards(year).await.unwrap();
    let video = lines.iter().find(|l| l.service_code == "video-conference").unwrap();
    assert_eq!(video.target.satisfied_min_permille, Some(800));
    let mut expected = ruamjai_domain::satisfaction::stats::ScaleCounts::default();
    for r in responses.iter().filter(|r| r.service.as_str() == "video-conference") {
        standard_scores(r).into_iter().for_each(|s| expected.add(s));
    }
    assert_eq!(video.answers, expected, "measured from the year's cells");
    let answered = responses.iter().filter(|r| r.service.as_str() == "video-conference").count() as u64;
    assert_eq!(video.respondents, answered, "each response once, not once per item");
    assert!(video.answers.n() > video.respondents);
    let other = lines.iter().find(|l| l.service_code == "network-status").unwrap();
    assert_eq!((other.target.satisfied_min_permille, other.answers.n()), (None, 0));
    assert_eq!(
        store.standards(year.next()).await.unwrap()[0].answers.n(),
        0,
        "another year measures nothing"
    );
}

fn standard_scores(response: &NewResponse) -> Vec<Option<u8>> {
    standard()
        .scale_items()
        .filter(|(_, i)| response.answer(&i.code).is_some())
        .map(|(_, i)| response.score(&i.code))
        .collect()
}
