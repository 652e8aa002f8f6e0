//! The raw responses of a survey, page by page in id order, for exports
//! that stream: a page is read, written out and dropped before the next.

use sqlx::Row;
use time::Date;

use crate::{Result, Store, time_ms};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseRow {
    pub id: i64,
    /// The Bangkok day it was received (anonymous and token surveys keep no more).
    pub received_on: Date,
    /// `web` or `paper`.
    pub source: String,
    pub service: String,
    pub group: String,
    /// Name and address, in identified surveys only.
    pub respondent: Option<(String, String)>,
    /// In item order of the questionnaire as stored (by item code).
    pub answers: Vec<StoredAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub item: String,
    /// 1..5 (`None` with no value: not applicable), or 0..10.
    pub score: Option<i64>,
    /// A choice code, choice codes as a JSON array, or a text.
    pub value: Option<String>,
}

impl Store {
    /// Up to `limit` responses with an id above `after`, with their answers.
    pub async fn response_page(&self, survey_id: i64, after: i64, limit: i64) -> Result<Vec<ResponseRow>> {
        let rows = sqlx::query(
            "SELECT r.id, r.received_at, r.source, s.code AS service, g.code AS grp,
                    r.respondent_name, r.respondent_email
             FROM responses r JOIN services s ON s.id = r.service_id JOIN stakeholder_groups g ON g.id = r.group_id
             WHERE r.survey_id = $1 AND r.id > $2 ORDER BY r.id LIMIT $3",
        )
        .bind(survey_id)
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut page = Vec::with_capacity(rows.len());
        for row in &rows {
            let name: Option<String> = row.try_get("respondent_name")?;
            let email: Option<String> = row.try_get("respondent_email")?;
            page.push(ResponseRow {
                id: row.try_get("id")?,
                received_on: ruamjai_domain::calendar::bangkok_date(time_ms::from_ms(
                    row.try_get("received_at")?,
                )),
                source: row.try_get("source")?,
                service: row.try_get("service")?,
                group: row.try_get("grp")?,
                respondent: name.zip(email),
                answers: Vec::new(),
            });
        }
        let (Some(first), Some(last)) = (page.first().map(|r| r.id), page.last().map(|r| r.id)) else {
            return Ok(page);
        };
        // The answers of exactly these responses: a range scan of the
        // answers' primary key, other surveys' responses filtered out.
        let answers = sqlx::query(
            "SELECT a.response_id, a.item, a.score, a.value FROM answers a
             JOIN responses r ON r.id = a.response_id
             WHERE a.response_id >= $1 AND a.response_id <= $2 AND r.survey_id = $3
             ORDER BY a.response_id, a.item",
        )
        .bind(first)
        .bind(last)
        .bind(survey_id)
        .fetch_all(&self.pool)
        .await?;
        let mut at = 0;
        for answer in &answers {
            let id: i64 = answer.try_get("response_id")?;
            while page[at].id < id {
                at += 1;
            }
            page[at].answers.push(StoredAnswer {
                item: answer.try_get("item")?,
                score: answer.try_get("score")?,
                value: answer.try_get("value")?,
            });
        }
        Ok(page)
    }
}
