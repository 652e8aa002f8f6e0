//! The open answers of dissatisfied respondents, for the term analysis and
//! for staff to read: raw answers, so the newest few thousand only.

use std::collections::BTreeMap;

use ruamjai_domain::satisfaction::questionnaire::ItemKind;
use ruamjai_domain::satisfaction::terms::DissatisfiedComment;
use sqlx::Row;

use super::ReportFilter;
use super::report::CELL_FILTER;
use crate::{Result, Store};

impl Store {
    /// The newest `limit` dissatisfied respondents of a selection with their
    /// low items and open answers, newest first. Respondents who wrote
    /// nothing are kept (their low scores still say where).
    pub async fn dissatisfied_comments(
        &self,
        survey_id: i64,
        filter: &ReportFilter,
        limit: u32,
    ) -> Result<Vec<DissatisfiedComment>> {
        let survey = self.survey(survey_id).await?;
        let questionnaire = &survey.questionnaire;
        let is_scale = |code: &str| questionnaire.scale_items().any(|(_, i)| i.code == code);
        let is_text = |code: &str| {
            questionnaire
                .items()
                .any(|i| i.code == code && matches!(i.kind, ItemKind::ShortText | ItemKind::LongText))
        };
        let rows = self
            .filtered(
                &format!(
                    "SELECT a.response_id, a.item, a.score, a.value FROM answers a
                     WHERE a.response_id IN (
                         SELECT x.id FROM responses x WHERE {CELL_FILTER} AND x.dissatisfied = 1
                         ORDER BY x.id DESC LIMIT {limit})
                       AND (a.score IN (1, 2) OR a.value IS NOT NULL)"
                ),
                survey_id,
                filter,
            )
            .await?;
        let mut comments: BTreeMap<i64, DissatisfiedComment> = BTreeMap::new();
        for row in &rows {
            let response_id: i64 = row.try_get("response_id")?;
            let item: String = row.try_get("item")?;
            let comment = comments.entry(response_id).or_insert_with(|| DissatisfiedComment {
                response_id,
                low_items: Vec::new(),
                texts: Vec::new(),
            });
            let score: Option<i64> = row.try_get("score")?;
            let value: Option<String> = row.try_get("value")?;
            if is_scale(&item) && matches!(score, Some(1 | 2)) {
                comment.low_items.push(item);
            } else if let Some(text) = value.filter(|v| is_text(&item) && !v.trim().is_empty()) {
                comment.texts.push((item, text));
            }
        }
        let order = |code: &str| questionnaire.items().position(|i| i.code == code);
        let mut newest_first: Vec<DissatisfiedComment> = comments.into_values().rev().collect();
        for comment in &mut newest_first {
            comment.low_items.sort_by_key(|code| order(code));
            comment.texts.sort_by_key(|(code, _)| order(code));
        }
        Ok(newest_first)
    }
}
