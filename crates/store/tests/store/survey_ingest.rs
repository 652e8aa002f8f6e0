//! Group commit of survey responses: many share a transaction, yet each
//! keeps its own outcome, and the cells still say what the answers say.

use std::sync::Arc;

use futures_util::future::join_all;
use ruamjai_domain::catalog::Code;
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::{Incoming, ReportFilter, Respondent, ResponseQueue, Source};
use ruamjai_store::{Store, StoreError};

use crate::satisfaction::{OPENS, response, survey, when};

crate::store_tests!(
    a_batch_keeps_each_responses_own_fate_and_cells_match_the_answers,
    the_queue_acknowledges_every_concurrent_response_once,
    a_response_the_database_refuses_fails_alone,
);

fn incoming(survey: &Arc<ruamjai_store::satisfaction::Survey>, n: u64, respondent: Respondent) -> Incoming {
    Incoming { survey: survey.clone(), response: response(n), respondent, source: Source::Web, now: when(n) }
}

async fn cells_equal_a_recount(store: &Store, id: i64) {
    let kept = store.cell_sums(id, &ReportFilter::default()).await.unwrap();
    let report = store.satisfaction_report(id, &ReportFilter::default()).await.unwrap();
    store.recompute_cells(&Actor::command("test"), id).await.unwrap();
    assert_eq!(store.cell_sums(id, &ReportFilter::default()).await.unwrap(), kept);
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap(), report);
}

async fn a_batch_keeps_each_responses_own_fate_and_cells_match_the_answers(store: Store) {
    let id = survey(&store, "token").await;
    for hash in ["hash-1", "hash-2"] {
        store.issue_survey_token(id, hash, None, OPENS).await.unwrap();
    }
    let c = Arc::new(store.survey(id).await.unwrap());
    let token = |hash: &str| Respondent::Token(hash.into());
    let mut elsewhere = incoming(&c, 3, token("hash-2"));
    elsewhere.response.service = Code::parse("network-interconnection").unwrap();
    let batch = [
        incoming(&c, 1, token("hash-1")),
        incoming(&c, 2, token("hash-1")),
        incoming(&c, 3, token("hash-x")),
        elsewhere,
        incoming(&c, 4, token("hash-2")),
    ];
    let outcomes = store.record_batch(&batch).await.unwrap();
    assert!(outcomes[0].is_ok());
    assert!(matches!(outcomes[1], Err(StoreError::Conflict("token-used"))), "{:?}", outcomes[1]);
    assert!(matches!(outcomes[2], Err(StoreError::NotFound)));
    assert!(matches!(outcomes[3], Err(StoreError::InvalidField { field: "service_id", .. })));
    assert!(outcomes[4].is_ok(), "a refused response must not spend the token: {:?}", outcomes[4]);
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap().responses, 2);
    cells_equal_a_recount(&store, id).await;
}

async fn the_queue_acknowledges_every_concurrent_response_once(store: Store) {
    let id = survey(&store, "").await;
    let c = Arc::new(store.survey(id).await.unwrap());
    let queue = ResponseQueue::start(store.clone());
    let sent = (0..300).map(|n| queue.record(incoming(&c, n % 40, Respondent::Anonymous)));
    let mut ids: Vec<i64> = join_all(sent).await.into_iter().map(Result::unwrap).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 300);
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap().responses, 300);
    cells_equal_a_recount(&store, id).await;
}

async fn a_response_the_database_refuses_fails_alone(store: Store) {
    let id = survey(&store, "").await;
    let c = Arc::new(store.survey(id).await.unwrap());
    // A survey the database does not have: its response breaks the
    // transaction itself, not one of the checks before it.
    let mut ghost = (*c).clone();
    ghost.id += 1000;
    let ghost = Arc::new(ghost);
    let whole = store
        .record_batch(&[incoming(&c, 1, Respondent::Anonymous), incoming(&ghost, 2, Respondent::Anonymous)])
        .await;
    assert!(whole.is_err());
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap().responses, 0);

    let queue = ResponseQueue::start(store.clone());
    let sent = [
        incoming(&c, 1, Respondent::Anonymous),
        incoming(&ghost, 2, Respondent::Anonymous),
        incoming(&c, 3, Respondent::Anonymous),
    ]
    .map(|i| queue.record(i));
    let outcomes = join_all(sent).await;
    assert!(outcomes[0].is_ok() && outcomes[2].is_ok(), "{outcomes:?}");
    assert!(outcomes[1].is_err());
    assert_eq!(store.satisfaction_report(id, &ReportFilter::default()).await.unwrap().responses, 2);
    cells_equal_a_recount(&store, id).await;
}
