//! Rebuilding a survey's cells from its raw answers: the check that the
//! cells, which reports read, still say what the answers say.

use futures_util::TryStreamExt;
use ruamjai_domain::satisfaction::response::Answer;
use ruamjai_domain::satisfaction::tally::delta_of_answers;
use serde_json::json;
use sqlx::Row;

use super::cells::{self, CellKey, Tally};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store};

impl Store {
    /// Rebuilds a survey's cells from its raw answers, in one transaction;
    /// returns how many responses were counted.
    pub async fn recompute_cells(&self, actor: &Actor, survey_id: i64) -> Result<u64> {
        let survey = self.survey(survey_id).await?;
        let questionnaire = &survey.questionnaire;
        let is_scale = |item: &str| questionnaire.scale_items().any(|(_, i)| i.code == item);
        let mut tx = self.begin_write().await?;
        let mut tally = Tally::default();
        let mut counted = 0;
        {
            // Rows come grouped by response; only five-point answers count
            // in cells, and a response without any still counts as one.
            let mut rows = sqlx::query(
                "SELECT r.id, r.service_id, r.group_id, r.month, a.item, a.score
                 FROM responses r LEFT JOIN answers a ON a.response_id = r.id
                 WHERE r.survey_id = $1 ORDER BY r.id",
            )
            .bind(survey_id)
            .fetch(&mut *tx);
            let mut current: Option<(i64, CellKey)> = None;
            let mut answers: Vec<(String, Answer)> = Vec::new();
            while let Some(row) = rows.try_next().await? {
                let id: i64 = row.try_get("id")?;
                if current.map(|(c, _)| c) != Some(id) {
                    if let Some((_, key)) = current {
                        tally.add(key, &delta_of_answers(questionnaire, &answers));
                        counted += 1;
                    }
                    answers.clear();
                    let key = CellKey {
                        survey_id,
                        service_id: row.try_get("service_id")?,
                        group_id: row.try_get("group_id")?,
                        month: row.try_get("month")?,
                    };
                    current = Some((id, key));
                }
                let item: Option<String> = row.try_get("item")?;
                if let Some(item) = item.filter(|i| is_scale(i)) {
                    let score: Option<i64> = row.try_get("score")?;
                    answers.push((item, Answer::Scale(score.and_then(|s| u8::try_from(s).ok()))));
                }
            }
            if let Some((_, key)) = current {
                tally.add(key, &delta_of_answers(questionnaire, &answers));
                counted += 1;
            }
        }
        cells::clear(&mut tx, survey_id).await?;
        cells::add(&mut tx, &tally).await?;
        let change = Change {
            action: "recompute-cells",
            entity: "survey",
            entity_id: &survey_id.to_string(),
            before: json!(null),
            after: json!({ "responses": counted }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(counted)
    }
}
