//! The collectors' narratives of each reporting round, kept as entries:
//! the newest of a round counts, every earlier one stays.

use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Narrative, Round};
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, time_ms};

/// A round's narrative of one indicator, with who wrote it when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundNarrative {
    pub code: String,
    pub round: Round,
    pub narrative: Narrative,
    pub by: String,
    pub at: OffsetDateTime,
}

impl Store {
    /// Records what the collectors write for `round` of the indicator.
    pub async fn write_narrative(
        &self,
        actor: &Actor,
        (year, code): (FiscalYear, &str),
        round: Round,
        narrative: &Narrative,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        self.store_predefined(&mut tx, year, now).await?;
        let indicator_id = self.indicator_id(&mut tx, year, code).await?;
        sqlx::query(
            "INSERT INTO kpi_narratives (indicator_id, round, performance, explanation, factors, obstacles,
                 written_by, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(indicator_id)
        .bind(i64::from(round.months()))
        .bind(&narrative.performance)
        .bind(&narrative.explanation)
        .bind(&narrative.factors)
        .bind(&narrative.obstacles)
        .bind(actor.user_id)
        .bind(time_ms::to_ms(now))
        .execute(&mut *tx)
        .await?;
        let change = Change {
            action: "write-narrative",
            entity: "indicator",
            entity_id: &format!("{}/{code}", year.be()),
            before: json!(null),
            after: json!({ "round": round.months(), "narrative": narrative }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// The newest narrative of each indicator and round of the year.
    pub async fn narratives(&self, year: FiscalYear) -> Result<Vec<RoundNarrative>> {
        let rows = sqlx::query(
            "SELECT i.code, n.round, n.performance, n.explanation, n.factors, n.obstacles,
                    COALESCE(u.name, '') AS by_name, n.written_at
             FROM kpi_narratives n JOIN kpi_indicators i ON i.id = n.indicator_id
             LEFT JOIN users u ON u.id = n.written_by
             WHERE i.office_id = $1 AND i.fiscal_year = $2
               AND n.id = (SELECT MAX(l.id) FROM kpi_narratives l
                           WHERE l.indicator_id = n.indicator_id AND l.round = n.round)
             ORDER BY i.position, n.round",
        )
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let round = u8::try_from(row.try_get::<i64, _>("round")?).unwrap_or_default();
                Ok(RoundNarrative {
                    code: row.try_get("code")?,
                    round: Round::try_from(round).map_err(|_| StoreError::NotFound)?,
                    narrative: Narrative {
                        performance: row.try_get("performance")?,
                        explanation: row.try_get("explanation")?,
                        factors: row.try_get("factors")?,
                        obstacles: row.try_get("obstacles")?,
                    },
                    by: row.try_get("by_name")?,
                    at: time_ms::from_ms(row.try_get("written_at")?),
                })
            })
            .collect()
    }
}
