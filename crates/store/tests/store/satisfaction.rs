//! Satisfaction surveys in the database: cells kept with each response read
//! as the raw answers would, rebuilt identically, and the refusals.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::satisfaction::campaign::CampaignInput;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::response::{AnswerInput, NewResponse, ResponseInput};
use ruamjai_domain::satisfaction::standard::{DISSATISFIED_ITEM, standard};
use ruamjai_domain::satisfaction::tally::{CellSums, delta};
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::{ReportFilter, Respondent, Source};
use ruamjai_store::{Store, StoreError};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

crate::store_tests!(
    reports_read_from_cells_equal_the_figures_of_the_raw_answers_for_any_filter,
    recomputing_the_cells_from_the_answers_gives_the_same_cells,
    responses_are_refused_outside_the_window_the_campaign_and_without_a_fresh_token,
    paper_responses_are_taken_all_or_none_even_after_closing,
);

const OPENS: OffsetDateTime = datetime!(2026-12-01 00:00 +7);

async fn campaign(store: &Store, mode: &str) -> i64 {
    let input = CampaignInput {
        name: "สำรวจความพึงพอใจ ปีงบประมาณ 2570".into(),
        questionnaire: "standard".into(),
        service_codes: vec!["video-conference".into(), "telephone-fax".into()],
        group_codes: vec!["provinces".into(), "public".into()],
        opens_at: Some(OPENS),
        closes_at: Some(OPENS + Duration::days(120)),
        mode: mode.into(),
        populations: vec![("provinces".into(), "76".into())],
        ..CampaignInput::default()
    };
    store.create_campaign(&Actor::command("test"), &input.parse().unwrap(), OPENS).await.unwrap()
}

/// Response `n`: scores drawn from `n` so that services, groups, months,
/// "not applicable" and dissatisfaction all vary.
fn response(n: u64) -> NewResponse {
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

fn when(n: u64) -> OffsetDateTime {
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
    let id = campaign(&store, "").await;
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
    let id = campaign(&store, "").await;
    record(&store, id, 25).await;
    let before = store.cell_sums(id, &ReportFilter::default()).await.unwrap();
    let report_before = store.satisfaction_report(id, &ReportFilter::default()).await.unwrap();
    assert_eq!(store.recompute_cells(&Actor::command("test"), id).await.unwrap(), 25);
    assert_eq!(store.cell_sums(id, &ReportFilter::default()).await.unwrap(), before);
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap(), report_before);
}

async fn responses_are_refused_outside_the_window_the_campaign_and_without_a_fresh_token(store: Store) {
    let id = campaign(&store, "").await;
    let early = store
        .record_response(id, &response(1), Respondent::Anonymous, Source::Web, OPENS - Duration::days(1))
        .await;
    assert!(matches!(early, Err(StoreError::InvalidField { field: "campaign", error: FieldError::NotOpen })));
    let late = store
        .record_response(id, &response(1), Respondent::Anonymous, Source::Web, OPENS + Duration::days(200))
        .await;
    assert!(matches!(late, Err(StoreError::InvalidField { field: "campaign", .. })));
    let mut elsewhere = response(1);
    elsewhere.service = ruamjai_domain::catalog::Code::parse("network-interconnection").unwrap();
    let refused = store.record_response(id, &elsewhere, Respondent::Anonymous, Source::Web, when(1)).await;
    assert!(matches!(refused, Err(StoreError::InvalidField { field: "service_id", .. })), "{refused:?}");

    let tokens = campaign(&store, "token").await;
    store.issue_survey_token(tokens, "hash-1", Some("somchai@example.com"), OPENS).await.unwrap();
    let without =
        store.record_response(tokens, &response(1), Respondent::Anonymous, Source::Web, when(1)).await;
    assert!(matches!(without, Err(StoreError::NotFound)));
    let unknown =
        store.record_response(tokens, &response(1), Respondent::Token("hash-x"), Source::Web, when(1)).await;
    assert!(matches!(unknown, Err(StoreError::NotFound)));
    store
        .record_response(tokens, &response(1), Respondent::Token("hash-1"), Source::Web, when(1))
        .await
        .unwrap();
    let again =
        store.record_response(tokens, &response(2), Respondent::Token("hash-1"), Source::Web, when(2)).await;
    assert!(matches!(again, Err(StoreError::Conflict("token-used"))));
    assert_eq!(store.satisfaction_report(tokens, &ReportFilter::default()).await.unwrap().responses, 1);
}

async fn paper_responses_are_taken_all_or_none_even_after_closing(store: Store) {
    let id = campaign(&store, "").await;
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
