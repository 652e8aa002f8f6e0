//! Reading a survey beyond its figures: what dissatisfied respondents wrote.

use ruamjai_domain::satisfaction::standard::DISSATISFIED_ITEM;
use ruamjai_store::Store;
use ruamjai_store::satisfaction::{ReportFilter, Respondent, Source};

use crate::satisfaction::{response, survey, when};

crate::store_tests!(
    the_newest_dissatisfied_respondents_come_with_their_low_items_and_words,
    a_survey_is_compared_with_the_one_before_it_on_the_same_questionnaire,
    raw_responses_are_read_page_by_page_with_their_answers_and_no_other_surveys,
);

async fn raw_responses_are_read_page_by_page_with_their_answers_and_no_other_surveys(store: Store) {
    let id = survey(&store, "").await;
    let other = survey(&store, "").await;
    let mut recorded = Vec::new();
    for n in 0..5 {
        let r = response(n);
        recorded.push((
            store.record_response(id, &r, Respondent::Anonymous, Source::Web, when(n)).await.unwrap(),
            r,
        ));
        store
            .record_response(other, &response(n + 7), Respondent::Anonymous, Source::Web, when(n))
            .await
            .unwrap();
    }
    let mut read = Vec::new();
    let mut after = 0;
    loop {
        let page = store.response_page(id, after, 2).await.unwrap();
        let Some(last) = page.last() else { break };
        assert!(page.len() <= 2);
        after = last.id;
        read.extend(page);
    }
    assert_eq!(
        read.iter().map(|r| r.id).collect::<Vec<_>>(),
        recorded.iter().map(|(id, _)| *id).collect::<Vec<_>>()
    );
    for (row, (_, response)) in read.iter().zip(&recorded) {
        assert_eq!(
            (row.service.as_str(), row.group.as_str()),
            (response.service.as_str(), response.group.as_str())
        );
        assert_eq!(row.answers.len(), 23, "22 scale answers and the comment");
        assert_eq!(row.source, "web");
        assert_eq!(row.respondent, None, "an anonymous survey keeps no one");
    }
    let comment = read[0].answers.iter().find(|a| a.item == DISSATISFIED_ITEM).unwrap();
    assert_eq!(comment.value.as_deref(), Some("รอสายนานเกินไป"));
}

async fn the_newest_dissatisfied_respondents_come_with_their_low_items_and_words(store: Store) {
    let id = survey(&store, "").await;
    let mut dissatisfied = Vec::new();
    for n in 0..30 {
        let r = response(n);
        let recorded =
            store.record_response(id, &r, Respondent::Anonymous, Source::Web, when(n)).await.unwrap();
        if r.is_dissatisfied() && r.group.as_str() == "public" {
            dissatisfied.push((recorded, r));
        }
    }
    assert!(dissatisfied.len() >= 3, "the fixture must have some");
    let public = ReportFilter { group: Some("public".into()), ..ReportFilter::default() };
    let comments = store.dissatisfied_comments(id, &public, 2).await.unwrap();
    let newest: Vec<i64> = dissatisfied.iter().rev().take(2).map(|(id, _)| *id).collect();
    assert_eq!(comments.iter().map(|c| c.response_id).collect::<Vec<_>>(), newest);
    for comment in &comments {
        let (_, r) = dissatisfied.iter().find(|(id, _)| *id == comment.response_id).unwrap();
        let low: Vec<&str> = r
            .answers
            .iter()
            .filter(|(_, a)| matches!(a, ruamjai_domain::satisfaction::response::Answer::Scale(Some(1 | 2))))
            .map(|(code, _)| code.as_str())
            .collect();
        assert_eq!(comment.low_items, low);
        assert_eq!(comment.texts, [(DISSATISFIED_ITEM.to_owned(), "รอสายนานเกินไป".to_owned())]);
    }
    let all = store.dissatisfied_comments(id, &public, 1000).await.unwrap();
    assert_eq!(all.len(), dissatisfied.len(), "satisfied respondents and other groups are left out");
}

async fn a_survey_is_compared_with_the_one_before_it_on_the_same_questionnaire(store: Store) {
    let first = survey(&store, "").await;
    let second = survey(&store, "token").await;
    let third = survey(&store, "").await;
    assert_eq!(store.previous_survey(first).await.unwrap(), None);
    assert_eq!(store.previous_survey(second).await.unwrap(), Some(first));
    assert_eq!(
        store.previous_survey(third).await.unwrap(),
        Some(second),
        "opened together: the earlier created"
    );
}
