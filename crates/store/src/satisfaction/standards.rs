//! The service standards table: the targets each service is held to per
//! fiscal year, beside what the year's surveys and submissions measured.

use std::collections::HashMap;

use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::participation::report::percentile;
use ruamjai_domain::satisfaction::improvement::{Measured, Standard};
use ruamjai_domain::satisfaction::stats::ScaleCounts;
use serde_json::json;
use sqlx::Row;

use super::improvements::service_id;
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, time_ms};

/// One service's row of the standards table.
#[derive(Debug, Clone, PartialEq)]
pub struct StandardLine {
    pub service_code: String,
    pub target: Standard,
    /// The reply target of the participation milestone, in days.
    pub reply_days: Option<i64>,
    /// All five-point answers about the service in the year's surveys.
    pub answers: ScaleCounts,
    /// The people who gave them: each response counts once, however many items it scored.
    pub respondents: u64,
    /// Submissions answered, and answered within the reply target.
    pub answered: u64,
    pub answered_in_time: u64,
    /// Median days from filing to resolution.
    pub median_resolution_days: Option<f64>,
}

impl StandardLine {
    /// The year's figures beside the standard.
    pub fn measured(&self) -> Measured {
        let summary = self.answers.summary(Default::default());
        Measured {
            satisfied_pct: summary.satisfied_pct,
            dissatisfied_pct: summary.dissatisfied_pct,
            in_time_pct: (self.answered > 0)
                .then(|| 100.0 * self.answered_in_time as f64 / self.answered as f64),
            median_resolution_days: self.median_resolution_days,
        }
    }
}

impl Store {
    /// Sets (or replaces) a service's standard for a fiscal year.
    pub async fn set_standard(
        &self,
        actor: &Actor,
        service: &str,
        year: FiscalYear,
        standard: &Standard,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let service_id = service_id(&mut tx, self.office_id, service).await?;
        let value = |v: Option<u16>| v.map(i64::from);
        sqlx::query(
            "INSERT INTO service_standards (office_id, service_id, fiscal_year, satisfied_min_permille,
                 dissatisfied_max_permille, resolution_days)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (office_id, service_id, fiscal_year) DO UPDATE SET
                 satisfied_min_permille = excluded.satisfied_min_permille,
                 dissatisfied_max_permille = excluded.dissatisfied_max_permille,
                 resolution_days = excluded.resolution_days",
        )
        .bind(self.office_id)
        .bind(service_id)
        .bind(i64::from(year.be()))
        .bind(value(standard.satisfied_min_permille))
        .bind(value(standard.dissatisfied_max_permille))
        .bind(value(standard.resolution_days))
        .execute(&mut *tx)
        .await?;
        let change = Change {
            action: "set-service-standard",
            entity: "service",
            entity_id: service,
            before: json!(null),
            after: json!({
                "fiscal_year": year.be(),
                "satisfied_min_permille": standard.satisfied_min_permille,
                "dissatisfied_max_permille": standard.dissatisfied_max_permille,
                "resolution_days": standard.resolution_days,
            }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// Every service's standard for the year against what was measured in it.
    pub async fn standards(&self, year: FiscalYear) -> Result<Vec<StandardLine>> {
        let be = i64::from(year.be());
        let services = sqlx::query(
            "SELECT s.id, s.code, t.reply_days, st.satisfied_min_permille, st.dissatisfied_max_permille,
                    st.resolution_days
             FROM services s LEFT JOIN service_targets t ON t.service_id = s.id
             LEFT JOIN service_standards st ON st.service_id = s.id AND st.office_id = s.office_id AND st.fiscal_year = $2
             WHERE s.office_id = $1 ORDER BY s.number",
        )
        .bind(self.office_id)
        .bind(be)
        .fetch_all(&self.pool)
        .await?;
        let answers = self.year_answers(be).await?;
        let respondents: HashMap<i64, i64> = sqlx::query_as(
            "SELECT x.service_id, CAST(SUM(x.responses) AS BIGINT) FROM response_cells x JOIN surveys c ON c.id = x.survey_id
             WHERE c.office_id = $1 AND c.fiscal_year = $2 GROUP BY x.service_id",
        )
        .bind(self.office_id)
        .bind(be)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        let (from, until) = (year.first_day(), year.next().first_day());
        let (from, until) = (
            time_ms::to_ms(ruamjai_domain::calendar::bangkok_midnight(from)),
            time_ms::to_ms(ruamjai_domain::calendar::bangkok_midnight(until)),
        );
        let replies = sqlx::query(
            "SELECT service_id, COUNT(reply_met) AS answered, CAST(SUM(COALESCE(reply_met, 0)) AS BIGINT) AS met
             FROM submissions WHERE office_id = $1 AND created_at >= $2 AND created_at < $3 AND service_id IS NOT NULL
             GROUP BY service_id",
        )
        .bind(self.office_id)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let resolutions: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT service_id, answered_at - created_at FROM submissions
             WHERE office_id = $1 AND created_at >= $2 AND created_at < $3 AND service_id IS NOT NULL
               AND answered_at IS NOT NULL AND status IN ('resolved', 'closed')",
        )
        .bind(self.office_id)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let mut lines = Vec::new();
        for row in &services {
            let id: i64 = row.try_get("id")?;
            let reply = replies.iter().find(|r| r.try_get::<i64, _>("service_id").ok() == Some(id));
            let count = |column: &str| -> Result<u64> {
                Ok(reply
                    .map(|r| r.try_get::<Option<i64>, _>(column))
                    .transpose()?
                    .flatten()
                    .map_or(0, |n| u64::try_from(n).unwrap_or(0)))
            };
            let mut days: Vec<f64> = resolutions
                .iter()
                .filter(|(s, _)| *s == id)
                .map(|(_, ms)| *ms as f64 / 86_400_000.0)
                .collect();
            days.sort_by(f64::total_cmp);
            let permille = |column: &str| -> Result<Option<u16>> {
                Ok(row.try_get::<Option<i64>, _>(column)?.and_then(|n| u16::try_from(n).ok()))
            };
            lines.push(StandardLine {
                service_code: row.try_get("code")?,
                target: Standard {
                    satisfied_min_permille: permille("satisfied_min_permille")?,
                    dissatisfied_max_permille: permille("dissatisfied_max_permille")?,
                    resolution_days: permille("resolution_days")?,
                },
                reply_days: row.try_get("reply_days")?,
                answers: answers.get(&id).copied().unwrap_or_default(),
                respondents: respondents.get(&id).map_or(0, |n| u64::try_from(*n).unwrap_or(0)),
                answered: count("answered")?,
                answered_in_time: count("met")?,
                median_resolution_days: percentile(&days, 0.5),
            });
        }
        Ok(lines)
    }

    /// Each service with a satisfaction target for the year, its target and
    /// what the year's surveys measured of it: from cells only, for a home page.
    pub async fn satisfaction_against_standards(
        &self,
        year: FiscalYear,
    ) -> Result<Vec<(String, Standard, Measured)>> {
        let be = i64::from(year.be());
        let targets: Vec<(i64, String, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT s.id, s.code, st.satisfied_min_permille, st.dissatisfied_max_permille
             FROM services s JOIN service_standards st ON st.service_id = s.id AND st.office_id = s.office_id
             WHERE s.office_id = $1 AND st.fiscal_year = $2 ORDER BY s.number",
        )
        .bind(self.office_id)
        .bind(be)
        .fetch_all(&self.pool)
        .await?;
        let answers = self.year_answers(be).await?;
        let permille = |p: Option<i64>| p.and_then(|n| u16::try_from(n).ok());
        Ok(targets
            .into_iter()
            .map(|(id, code, satisfied, dissatisfied)| {
                let summary = answers.get(&id).copied().unwrap_or_default().summary(Default::default());
                let standard = Standard {
                    satisfied_min_permille: permille(satisfied),
                    dissatisfied_max_permille: permille(dissatisfied),
                    resolution_days: None,
                };
                let measured = Measured {
                    satisfied_pct: summary.satisfied_pct,
                    dissatisfied_pct: summary.dissatisfied_pct,
                    ..Measured::default()
                };
                (code, standard, measured)
            })
            .collect())
    }

    /// Five-point answers per service over the year's surveys, from cells.
    async fn year_answers(&self, year_be: i64) -> Result<HashMap<i64, ScaleCounts>> {
        let rows = sqlx::query(
            "SELECT x.service_id, CAST(SUM(x.c1) AS BIGINT) AS c1, CAST(SUM(x.c2) AS BIGINT) AS c2,
                    CAST(SUM(x.c3) AS BIGINT) AS c3, CAST(SUM(x.c4) AS BIGINT) AS c4, CAST(SUM(x.c5) AS BIGINT) AS c5,
                    CAST(SUM(x.na) AS BIGINT) AS na
             FROM item_cells x JOIN surveys c ON c.id = x.survey_id
             WHERE c.office_id = $1 AND c.fiscal_year = $2 GROUP BY x.service_id",
        )
        .bind(self.office_id)
        .bind(year_be)
        .fetch_all(&self.pool)
        .await?;
        let mut answers = HashMap::new();
        for row in &rows {
            let n = |column: &str| -> Result<u64> {
                Ok(u64::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0))
            };
            answers.insert(
                row.try_get("service_id")?,
                ScaleCounts { dist: [n("c1")?, n("c2")?, n("c3")?, n("c4")?, n("c5")?], na: n("na")? },
            );
        }
        Ok(answers)
    }
}
