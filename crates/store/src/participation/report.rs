//! The facts the participation report is computed from, one row per
//! submission filed in the period, read through the `(office_id, created_at)` index.

use ruamjai_domain::participation::report::{Fact, Period, Report};
use ruamjai_domain::participation::{Channel, Kind, Status};
use sqlx::Row;

use crate::{Result, Store, time_ms};

impl Store {
    /// The participation report of a period.
    pub async fn participation_report(&self, period: Period) -> Result<Report> {
        let (from, until) = period.range();
        let rows = sqlx::query(
            "SELECT s.kind, s.channel, s.status, s.created_at, s.first_public_reply_at, s.answered_at, s.reply_met,
                    v.code AS service_code, g.code AS group_code
             FROM submissions s
             LEFT JOIN services v ON v.id = s.service_id
             JOIN stakeholder_groups g ON g.id = s.group_id
             WHERE s.office_id = $1 AND s.created_at >= $2 AND s.created_at < $3",
        )
        .bind(self.office_id)
        .bind(time_ms::to_ms(from))
        .bind(time_ms::to_ms(until))
        .fetch_all(&self.pool)
        .await?;
        let facts = rows
            .iter()
            .map(|row| {
                let (kind, channel, status): (String, String, String) =
                    (row.try_get("kind")?, row.try_get("channel")?, row.try_get("status")?);
                let instant = |column: &str| -> Result<_> {
                    Ok(row.try_get::<Option<i64>, _>(column)?.map(time_ms::from_ms))
                };
                Ok(Fact {
                    kind: Kind::parse(&kind)?,
                    channel: Channel::parse(&channel)?,
                    service: row.try_get("service_code")?,
                    group: row.try_get("group_code")?,
                    status: Status::parse(&status)?,
                    created_at: time_ms::from_ms(row.try_get("created_at")?),
                    first_reply_at: instant("first_public_reply_at")?,
                    answered_at: instant("answered_at")?,
                    reply_met: row.try_get::<Option<i64>, _>("reply_met")?.map(|met| met == 1),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Report::build(period, &facts))
    }
}
