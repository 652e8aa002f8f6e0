//! A survey's report, read from its cells: a handful of grouped sums,
//! whatever the number of responses.

use ruamjai_domain::satisfaction::report::{GroupCount, SatisfactionReport};
use ruamjai_domain::satisfaction::stats::ScaleCounts;
use ruamjai_domain::satisfaction::tally::{CellSums, DimensionSums, ItemSums};
use sqlx::Row;
use time::OffsetDateTime;

use super::month_of;
use crate::{Result, Store};

/// Which cells a report reads; each bound is optional.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub service: Option<String>,
    pub group: Option<String>,
    /// Months from the one holding `from` to the one holding `to`, inclusive.
    pub from: Option<OffsetDateTime>,
    pub to: Option<OffsetDateTime>,
}

/// (Sums are cast back to BIGINT: PostgreSQL sums BIGINT as NUMERIC.)
/// The cell filter shared by the queries: `$1` survey, `$2` service code
/// (`''` any), `$3` group code (`''` any), `$4`..`$5` month bounds.
pub(super) const CELL_FILTER: &str = "x.survey_id = $1
     AND ($2 = '' OR x.service_id = (SELECT id FROM services WHERE code = $2 AND office_id = $6))
     AND ($3 = '' OR x.group_id = (SELECT id FROM stakeholder_groups WHERE code = $3 AND office_id = $6))
     AND x.month BETWEEN $4 AND $5";

impl Store {
    pub async fn satisfaction_report(
        &self,
        survey_id: i64,
        filter: &ReportFilter,
    ) -> Result<SatisfactionReport> {
        let survey = self.survey(survey_id).await?;
        let sums = self.cell_sums(survey_id, filter).await?;
        let counted = self
            .filtered(
                &format!(
                    "SELECT g.code, CAST(SUM(x.responses) AS BIGINT) AS responses, CAST(SUM(x.dissatisfied) AS BIGINT) AS dissatisfied
                     FROM response_cells x JOIN stakeholder_groups g ON g.id = x.group_id
                     WHERE {CELL_FILTER} GROUP BY g.code"
                ),
                survey_id,
                filter,
            )
            .await?;
        let mut groups = Vec::new();
        for (code, population) in &survey.groups {
            if filter.group.as_ref().is_some_and(|g| g != code) {
                continue;
            }
            let row = counted.iter().find(|r| r.try_get::<String, _>("code").ok().as_ref() == Some(code));
            let sum = |column: &str| -> Result<u64> {
                Ok(row.map(|r| r.try_get::<i64, _>(column)).transpose()?.map_or(0, unsigned))
            };
            groups.push(GroupCount {
                group: code.clone(),
                population: *population,
                responses: sum("responses")?,
                dissatisfied: sum("dissatisfied")?,
            });
        }
        Ok(SatisfactionReport::build(&survey.questionnaire, &sums, &groups, survey.band_scheme))
    }

    /// The cells of a selection, summed per item and per dimension.
    pub async fn cell_sums(&self, survey_id: i64, filter: &ReportFilter) -> Result<CellSums> {
        let mut sums = CellSums::default();
        let items = self
            .filtered(
                &format!(
                    "SELECT x.item, CAST(SUM(x.c1) AS BIGINT) AS c1, CAST(SUM(x.c2) AS BIGINT) AS c2, CAST(SUM(x.c3) AS BIGINT) AS c3, CAST(SUM(x.c4) AS BIGINT) AS c4,
                         CAST(SUM(x.c5) AS BIGINT) AS c5, CAST(SUM(x.na) AS BIGINT) AS na, CAST(SUM(x.complete_sum) AS BIGINT) AS complete_sum,
                         CAST(SUM(x.complete_squares) AS BIGINT) AS complete_squares, CAST(SUM(x.all_complete_sum) AS BIGINT) AS all_complete_sum,
                         CAST(SUM(x.all_complete_squares) AS BIGINT) AS all_complete_squares
                     FROM item_cells x WHERE {CELL_FILTER} GROUP BY x.item"
                ),
                survey_id,
                filter,
            )
            .await?;
        for row in &items {
            let n = |column: &str| -> Result<u64> { Ok(unsigned(row.try_get::<i64, _>(column)?)) };
            let counts =
                ScaleCounts { dist: [n("c1")?, n("c2")?, n("c3")?, n("c4")?, n("c5")?], na: n("na")? };
            sums.items.insert(
                row.try_get("item")?,
                ItemSums {
                    counts,
                    complete_sum: n("complete_sum")?,
                    complete_squares: n("complete_squares")?,
                    all_complete_sum: n("all_complete_sum")?,
                    all_complete_squares: n("all_complete_squares")?,
                },
            );
        }
        let dimensions = self
            .filtered(
                &format!(
                    "SELECT x.dimension, CAST(SUM(x.complete) AS BIGINT) AS complete, CAST(SUM(x.total_sum) AS BIGINT) AS total_sum,
                         CAST(SUM(x.total_squares) AS BIGINT) AS total_squares
                     FROM dimension_cells x WHERE {CELL_FILTER} GROUP BY x.dimension"
                ),
                survey_id,
                filter,
            )
            .await?;
        for row in &dimensions {
            let n = |column: &str| -> Result<u64> { Ok(unsigned(row.try_get::<i64, _>(column)?)) };
            sums.dimensions.insert(
                row.try_get("dimension")?,
                DimensionSums {
                    complete: n("complete")?,
                    total_sum: n("total_sum")?,
                    total_squares: n("total_squares")?,
                },
            );
        }
        Ok(sums)
    }

    pub(super) async fn filtered(
        &self,
        sql: &str,
        survey_id: i64,
        filter: &ReportFilter,
    ) -> Result<Vec<sqlx::any::AnyRow>> {
        Ok(sqlx::query(sql)
            .bind(survey_id)
            .bind(filter.service.as_deref().unwrap_or(""))
            .bind(filter.group.as_deref().unwrap_or(""))
            .bind(filter.from.map_or(0, month_of))
            .bind(filter.to.map_or(999_999, month_of))
            .bind(self.office_id)
            .fetch_all(&self.pool)
            .await?)
    }
}

fn unsigned(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
