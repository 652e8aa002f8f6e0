//! Per-service targets and the holiday calendar. Changing either re-reads the
//! timeline of every open submission it affects, so time already spent
//! waiting for the submitter still counts for nothing afterwards.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::clock::{DayCount, ServiceTargets};
use serde_json::json;
use sqlx::Row;
use time::Date;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx};

/// One service's targets, for the settings page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceTargetRow {
    pub service_code: String,
    pub targets: ServiceTargets,
    /// False when the service uses the defaults.
    pub custom: bool,
}

pub(crate) const DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

impl Store {
    pub async fn service_targets(&self) -> Result<Vec<ServiceTargetRow>> {
        let rows = sqlx::query(
            "SELECT v.code, t.reply_days, t.update_days, t.day_count FROM services v
             LEFT JOIN service_targets t ON t.service_id = v.id WHERE v.office_id = $1 ORDER BY v.number",
        )
        .bind(self.office_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let reply: Option<i64> = row.try_get("reply_days")?;
                let targets = match reply {
                    None => ServiceTargets::default(),
                    Some(reply) => ServiceTargets {
                        reply_days: u32::try_from(reply).unwrap_or(15),
                        update_days: u32::try_from(row.try_get::<i64, _>("update_days")?).unwrap_or(7),
                        count: day_count(&row.try_get::<String, _>("day_count")?),
                    },
                };
                Ok(ServiceTargetRow { service_code: row.try_get("code")?, targets, custom: reply.is_some() })
            })
            .collect()
    }

    /// Sets a service's targets and recomputes its open submissions.
    pub async fn set_service_targets(
        &self,
        actor: &Actor,
        service_code: &str,
        targets: ServiceTargets,
    ) -> Result<()> {
        if !(1..=365).contains(&targets.reply_days) || !(1..=365).contains(&targets.update_days) {
            return Err(StoreError::InvalidField { field: "days", error: FieldError::UnknownChoice });
        }
        let mut tx = self.begin_write().await?;
        let service_id: i64 =
            sqlx::query_scalar("SELECT id FROM services WHERE office_id = $1 AND code = $2")
                .bind(self.office_id)
                .bind(service_code)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
        let count = match targets.count {
            DayCount::Calendar => "calendar",
            DayCount::Working => "working",
        };
        sqlx::query(
            "INSERT INTO service_targets (service_id, reply_days, update_days, day_count) VALUES ($1, $2, $3, $4)
             ON CONFLICT (service_id) DO UPDATE SET reply_days = $2, update_days = $3, day_count = $4",
        )
        .bind(service_id)
        .bind(i64::from(targets.reply_days))
        .bind(i64::from(targets.update_days))
        .bind(count)
        .execute(&mut *tx)
        .await?;
        self.refresh_open(&mut tx, Some(service_id)).await?;
        let after =
            json!({ "reply_days": targets.reply_days, "update_days": targets.update_days, "count": count });
        let change = Change {
            action: "set",
            entity: "service_targets",
            entity_id: service_code,
            before: json!(null),
            after,
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// The public holidays, earliest first, with their names.
    pub async fn holidays(&self) -> Result<Vec<(Date, String)>> {
        let rows = sqlx::query("SELECT day, name_th FROM holidays WHERE office_id = $1 ORDER BY day")
            .bind(self.office_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let day: String = row.try_get("day")?;
                let date = Date::parse(&day, DATE)
                    .map_err(|_| StoreError::InvalidField { field: "day", error: FieldError::Required })?;
                Ok((date, row.try_get("name_th")?))
            })
            .collect()
    }

    /// Adds (or renames) a holiday, or removes it with `name: None`.
    pub async fn set_holiday(&self, actor: &Actor, day: Date, name: Option<&str>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let key = day.format(DATE).expect("dates format");
        sqlx::query("DELETE FROM holidays WHERE office_id = $1 AND day = $2")
            .bind(self.office_id)
            .bind(&key)
            .execute(&mut *tx)
            .await?;
        if let Some(name) = name {
            sqlx::query("INSERT INTO holidays (office_id, day, name_th) VALUES ($1, $2, $3)")
                .bind(self.office_id)
                .bind(&key)
                .bind(name)
                .execute(&mut *tx)
                .await?;
        }
        self.refresh_open(&mut tx, None).await?;
        let change = Change {
            action: "set",
            entity: "holiday",
            entity_id: &key,
            before: json!(null),
            after: json!(name),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// Recomputes the due dates of open submissions (of one service, or all).
    async fn refresh_open(&self, tx: &mut WriteTx, service_id: Option<i64>) -> Result<()> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM submissions WHERE office_id = $1 AND ($2 = 0 OR service_id = $2)
               AND status NOT IN ('resolved', 'closed', 'rejected', 'duplicate')",
        )
        .bind(self.office_id)
        .bind(service_id.unwrap_or(0))
        .fetch_all(&mut **tx)
        .await?;
        for id in ids {
            self.refresh_due_dates(tx, id).await?;
        }
        Ok(())
    }
}

pub(crate) fn day_count(stored: &str) -> DayCount {
    if stored == "working" { DayCount::Working } else { DayCount::Calendar }
}
