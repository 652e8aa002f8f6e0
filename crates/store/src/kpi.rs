//! The scorecards of the fiscal years and their indicator definitions; in
//! [`entries`], what the year gathers (values, sign-offs, the committee's
//! scores, evidence files); in [`facts`], what indicator 4's rules read
//! from the other areas.

mod entries;
pub mod facts;
pub mod narratives;
pub mod packs;
pub mod seals;

pub use entries::{CommitteeAssessment, EnteredValue, EntryRef, StepSignOff};

use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Decimal, Indicator, Scale, indicator4};
use serde_json::json;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// A year's scorecard as stored, or as predefined when nothing is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scorecard {
    pub fiscal_year: FiscalYear,
    pub scale: Scale,
    pub indicators: Vec<Indicator>,
    /// False while the year is read as the predefined set.
    pub stored: bool,
}

impl Store {
    /// The year's scale and indicators in scorecard order.
    pub async fn scorecard(&self, year: FiscalYear) -> Result<Scorecard> {
        let be = i64::from(year.be());
        let scale: Option<(i64, i64)> = sqlx::query_as(
            "SELECT scale_levels, scale_top FROM kpi_scorecards WHERE office_id = $1 AND fiscal_year = $2",
        )
        .bind(self.office_id)
        .bind(be)
        .fetch_optional(&self.pool)
        .await?;
        let scale = match scale {
            Some((levels, top)) => Scale {
                levels: u8::try_from(levels).map_err(|_| StoreError::NotFound)?,
                top: Decimal::from_ten_thousandths(top),
            },
            None => Scale::default(),
        };
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT definition FROM kpi_indicators WHERE office_id = $1 AND fiscal_year = $2 ORDER BY position, id",
        )
        .bind(self.office_id)
        .bind(be)
        .fetch_all(&self.pool)
        .await?;
        let stored = !rows.is_empty();
        let indicators = if stored {
            rows.iter().map(|json| serde_json::from_str(json)).collect::<Result<_, _>>()?
        } else {
            vec![indicator4::definition()]
        };
        Ok(Scorecard { fiscal_year: year, scale, indicators, stored })
    }

    /// Adds an indicator to the year, or replaces the one with its code;
    /// the caller has checked the definition.
    pub async fn save_indicator(
        &self,
        actor: &Actor,
        year: FiscalYear,
        indicator: &Indicator,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        self.store_predefined(&mut tx, year, now).await?;
        let be = i64::from(year.be());
        let before: Option<String> = sqlx::query_scalar(
            "SELECT definition FROM kpi_indicators WHERE office_id = $1 AND fiscal_year = $2 AND code = $3",
        )
        .bind(self.office_id)
        .bind(be)
        .bind(&indicator.code)
        .fetch_optional(&mut *tx)
        .await?;
        let definition = serde_json::to_string(indicator)?;
        let at = time_ms::to_ms(now);
        if before.is_some() {
            sqlx::query(
                "UPDATE kpi_indicators SET definition = $1, updated_at = $2
                 WHERE office_id = $3 AND fiscal_year = $4 AND code = $5",
            )
            .bind(&definition)
            .bind(at)
            .bind(self.office_id)
            .bind(be)
            .bind(&indicator.code)
            .execute(&mut *tx)
            .await?;
        } else {
            insert_indicator(&mut tx, self.office_id, year, indicator, at).await?;
        }
        let before: serde_json::Value =
            before.map(|b| serde_json::from_str(&b)).transpose()?.unwrap_or_default();
        let change = Change {
            action: "define-indicator",
            entity: "indicator",
            entity_id: &format!("{be}/{}", indicator.code),
            before,
            after: serde_json::to_value(indicator)?,
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// Copies the indicators of `from` (as stored or predefined) into `to`,
    /// which must have none yet; returns how many.
    pub async fn copy_scorecard(
        &self,
        actor: &Actor,
        from: FiscalYear,
        to: FiscalYear,
        now: OffsetDateTime,
    ) -> Result<usize> {
        let source = self.scorecard(from).await?;
        let mut tx = self.begin_write().await?;
        if self.year_stored(&mut tx, to).await? {
            return Err(StoreError::Conflict("year-defined"));
        }
        sqlx::query(
            "INSERT INTO kpi_scorecards (office_id, fiscal_year, scale_levels, scale_top) VALUES ($1, $2, $3, $4)
             ON CONFLICT (office_id, fiscal_year) DO NOTHING",
        )
        .bind(self.office_id)
        .bind(i64::from(to.be()))
        .bind(i64::from(source.scale.levels))
        .bind(source.scale.top.ten_thousandths())
        .execute(&mut *tx)
        .await?;
        for indicator in &source.indicators {
            insert_indicator(&mut tx, self.office_id, to, indicator, time_ms::to_ms(now)).await?;
        }
        let codes: Vec<&str> = source.indicators.iter().map(|i| i.code.as_str()).collect();
        let change = Change {
            action: "copy-scorecard",
            entity: "scorecard",
            entity_id: &to.be().to_string(),
            before: json!(null),
            after: json!({ "from": from.be(), "indicators": codes }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(source.indicators.len())
    }

    async fn year_stored(&self, tx: &mut WriteTx, year: FiscalYear) -> Result<bool> {
        let any: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM kpi_indicators WHERE office_id = $1 AND fiscal_year = $2 LIMIT 1",
        )
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .fetch_optional(&mut **tx)
        .await?;
        Ok(any.is_some())
    }

    /// Stores the predefined set for a year that has no indicator yet, so
    /// that a write has a row to belong to.
    async fn store_predefined(&self, tx: &mut WriteTx, year: FiscalYear, now: OffsetDateTime) -> Result<()> {
        if !self.year_stored(tx, year).await? {
            insert_indicator(tx, self.office_id, year, &indicator4::definition(), time_ms::to_ms(now))
                .await?;
        }
        Ok(())
    }

    async fn indicator_id(&self, tx: &mut WriteTx, year: FiscalYear, code: &str) -> Result<i64> {
        sqlx::query_scalar(
            "SELECT id FROM kpi_indicators WHERE office_id = $1 AND fiscal_year = $2 AND code = $3",
        )
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)
    }
}

async fn insert_indicator(
    tx: &mut WriteTx,
    office_id: i64,
    year: FiscalYear,
    indicator: &Indicator,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO kpi_indicators (office_id, fiscal_year, code, position, definition, updated_at)
         SELECT $1, $2, $3, COALESCE(MAX(position), 0) + 1, $4, $5
         FROM kpi_indicators WHERE office_id = $1 AND fiscal_year = $2",
    )
    .bind(office_id)
    .bind(i64::from(year.be()))
    .bind(&indicator.code)
    .bind(serde_json::to_string(indicator)?)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
