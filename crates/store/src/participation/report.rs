//! The participation report, grouped by the database: one pass over the
//! period's submissions (through the `(office_id, created_at)` index) counts
//! every combination of month, kind, channel, service and group; two narrow
//! reads fetch the durations to rank. Nothing per submission crosses into Rust
//! but those durations.

use std::collections::HashMap;
use std::fmt::Write;

use ruamjai_domain::calendar::bangkok_midnight;
use ruamjai_domain::participation::report::{Cell, Compliance, Period, Report, Tally};
use ruamjai_domain::participation::{Channel, Kind, Status};
use sqlx::Row;
use time::Duration;

use crate::{Result, Store, StoreError, time_ms};

impl Store {
    /// The participation report of a period.
    pub async fn participation_report(&self, period: Period) -> Result<Report> {
        let (from, until) = period.range();
        let (from, until) = (time_ms::to_ms(from), time_ms::to_ms(until));
        let months = period.months();
        // Month index by comparing with each month's start: plain SQL both databases run alike.
        let mut month_case = String::from("CASE");
        for (index, month) in months.iter().enumerate().skip(1) {
            let _ = write!(
                month_case,
                " WHEN created_at < {} THEN {}",
                time_ms::to_ms(bangkok_midnight(*month)),
                index - 1
            );
        }
        let _ = write!(month_case, " ELSE {} END", months.len() - 1);
        let answered = Status::ALL.iter().filter(|s| s.is_answered()).map(|s| format!("'{}'", s.code()));
        let answered = answered.collect::<Vec<_>>().join(", ");
        // PostgreSQL sums BIGINT into NUMERIC, which the Any driver cannot read: hence the casts.
        let sql = format!(
            "SELECT {month_case} AS month, kind, channel, service_id, group_id, COUNT(*) AS n,
                    CAST(SUM(CASE WHEN status IN ({answered}) THEN 0 ELSE 1 END) AS BIGINT) AS open,
                    COUNT(reply_met) AS answered, CAST(SUM(COALESCE(reply_met, 0)) AS BIGINT) AS met
             FROM submissions WHERE office_id = $1 AND created_at >= $2 AND created_at < $3
             GROUP BY 1, kind, channel, service_id, group_id"
        );
        let rows =
            sqlx::query(&sql).bind(self.office_id).bind(from).bind(until).fetch_all(&self.pool).await?;
        let services = self.codes_by_id("services").await?;
        let groups = self.codes_by_id("stakeholder_groups").await?;
        let mut tally = Tally::default();
        for row in &rows {
            let (kind, channel): (String, String) = (row.try_get("kind")?, row.try_get("channel")?);
            let month = usize::try_from(row.try_get::<i64, _>("month")?).unwrap_or_default();
            let service_id: Option<i64> = row.try_get("service_id")?;
            let group_id: i64 = row.try_get("group_id")?;
            tally.cells.push(Cell {
                kind: Kind::parse(&kind)?,
                channel: Channel::parse(&channel)?,
                service: service_id.and_then(|id| services.get(&id).cloned()),
                group: groups.get(&group_id).cloned().ok_or(StoreError::NotFound)?,
                month: *months.get(month).ok_or(StoreError::NotFound)?,
                count: count(row, "n")?,
            });
            tally.open += count(row, "open")?;
            tally.compliance = Compliance {
                answered: tally.compliance.answered + count(row, "answered")?,
                met: tally.compliance.met + count(row, "met")?,
            };
        }
        tally.first_reply = self
            .durations(
                "first_public_reply_at - created_at FROM submissions
                 WHERE office_id = $1 AND created_at >= $2 AND created_at < $3 AND first_public_reply_at IS NOT NULL",
                from,
                until,
            )
            .await?;
        tally.resolution = self
            .durations(
                "answered_at - created_at FROM submissions
                 WHERE office_id = $1 AND created_at >= $2 AND created_at < $3 AND answered_at IS NOT NULL
                   AND status IN ('resolved', 'closed')",
                from,
                until,
            )
            .await?;
        Ok(Report::from_tally(period, tally))
    }

    /// Milliseconds selected by `rest` (what follows `SELECT`), as durations.
    async fn durations(&self, rest: &str, from: i64, until: i64) -> Result<Vec<Duration>> {
        let ms: Vec<i64> = sqlx::query_scalar(&format!("SELECT {rest}"))
            .bind(self.office_id)
            .bind(from)
            .bind(until)
            .fetch_all(&self.pool)
            .await?;
        Ok(ms.into_iter().map(Duration::milliseconds).collect())
    }

    /// `table` is one of two constants, never input.
    async fn codes_by_id(&self, table: &'static str) -> Result<HashMap<i64, String>> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as(&format!("SELECT id, code FROM {table} WHERE office_id = $1"))
                .bind(self.office_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().collect())
    }
}

fn count(row: &sqlx::any::AnyRow, column: &str) -> Result<u64> {
    // SUM over no rows is NULL; counts are never negative.
    Ok(u64::try_from(row.try_get::<Option<i64>, _>(column)?.unwrap_or(0)).unwrap_or(0))
}
