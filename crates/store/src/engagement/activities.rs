//! Activities: created, edited and given a status by staff; listed for the
//! public calendar and the staff pages.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::catalog::Code;
use ruamjai_domain::engagement::activity::{Kind, NewActivity, Registration, Status};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// An activity as stored.
#[derive(Debug, Clone)]
pub struct Activity {
    pub id: i64,
    pub title: String,
    pub kind: Kind,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
    pub venue: String,
    pub capacity: i64,
    /// Places taken (the waitlist is apart).
    pub registered: i64,
    pub registration_opens_at: OffsetDateTime,
    pub registration_closes_at: OffsetDateTime,
    pub status: Status,
    pub division_code: Option<String>,
    pub group_codes: Vec<String>,
    pub service_codes: Vec<String>,
    pub minutes: Option<String>,
}

impl Activity {
    /// Whether registering is possible at `now`, and if not, why.
    pub fn registration(&self, now: OffsetDateTime) -> Registration {
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        Registration::at(
            self.status,
            (self.registration_opens_at, self.registration_closes_at),
            count(self.registered),
            count(self.capacity),
            now,
        )
    }

    pub fn places_left(&self) -> i64 {
        (self.capacity - self.registered).max(0)
    }
}

/// Which activities to list.
#[derive(Debug, Clone, Copy)]
pub enum ActivityFilter {
    /// Not yet ended at this instant, soonest first (the public calendar).
    Upcoming(OffsetDateTime),
    /// Starting within a fiscal year, newest first (staff pages and reports).
    FiscalYear(FiscalYear),
}

const COLUMNS: &str = "a.id, a.title, a.kind, a.starts_at, a.ends_at, a.venue, a.capacity, a.registered,
     a.registration_opens_at, a.registration_closes_at, a.status, d.code AS division_code, a.minutes";

impl Store {
    /// Creates an activity, open for registration within its window; audited.
    pub async fn create_activity(
        &self,
        actor: &Actor,
        new: &NewActivity,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let division_id = division_id(&mut tx, self.office_id, new.division.as_ref()).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO activities (office_id, title, kind, starts_at, ends_at, venue, capacity,
                 registration_opens_at, registration_closes_at, status, division_id, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(self.office_id)
        .bind(new.title.as_str())
        .bind(new.kind.code())
        .bind(time_ms::to_ms(new.starts_at))
        .bind(time_ms::to_ms(new.ends_at))
        .bind(new.venue.as_str())
        .bind(i64::from(new.capacity))
        .bind(time_ms::to_ms(new.registration_opens_at))
        .bind(time_ms::to_ms(new.registration_closes_at))
        .bind(Status::Planned.code())
        .bind(division_id)
        .bind(actor.user_id)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        link_catalog(&mut tx, self.office_id, id, new).await?;
        let change = Change {
            action: "create",
            entity: "activity",
            entity_id: &id.to_string(),
            before: json!(null),
            after: summary(new),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces an activity's details. The capacity cannot drop below the
    /// places already taken: people holding a place keep it.
    pub async fn update_activity(
        &self,
        actor: &Actor,
        id: i64,
        new: &NewActivity,
        _now: OffsetDateTime,
    ) -> Result<()> {
        let before = self.activity(id).await?;
        let mut tx = self.begin_write().await?;
        let division_id = division_id(&mut tx, self.office_id, new.division.as_ref()).await?;
        let updated = sqlx::query(
            "UPDATE activities SET title = $1, kind = $2, starts_at = $3, ends_at = $4, venue = $5,
                 capacity = $6, registration_opens_at = $7, registration_closes_at = $8, division_id = $9
             WHERE office_id = $10 AND id = $11 AND registered <= $6",
        )
        .bind(new.title.as_str())
        .bind(new.kind.code())
        .bind(time_ms::to_ms(new.starts_at))
        .bind(time_ms::to_ms(new.ends_at))
        .bind(new.venue.as_str())
        .bind(i64::from(new.capacity))
        .bind(time_ms::to_ms(new.registration_opens_at))
        .bind(time_ms::to_ms(new.registration_closes_at))
        .bind(division_id)
        .bind(self.office_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::Conflict("capacity-below-registered"));
        }
        for table in ["activity_groups", "activity_services"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE activity_id = $1"))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        link_catalog(&mut tx, self.office_id, id, new).await?;
        let change = Change {
            action: "update",
            entity: "activity",
            entity_id: &id.to_string(),
            before: json!({ "title": before.title, "kind": before.kind.code(), "capacity": before.capacity }),
            after: summary(new),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets the status staff decide (held, cancelled, postponed, planned); audited.
    pub async fn set_activity_status(&self, actor: &Actor, id: i64, status: Status) -> Result<()> {
        let before = self.activity(id).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE activities SET status = $1 WHERE office_id = $2 AND id = $3")
            .bind(status.code())
            .bind(self.office_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let change = Change {
            action: "set-status",
            entity: "activity",
            entity_id: &id.to_string(),
            before: json!({ "status": before.status.code() }),
            after: json!({ "status": status.code() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn activity(&self, id: i64) -> Result<Activity> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM activities a LEFT JOIN divisions d ON d.id = a.division_id
             WHERE a.office_id = $1 AND a.id = $2"
        ))
        .bind(self.office_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        self.activity_from(&row).await
    }

    pub async fn activities(&self, filter: ActivityFilter) -> Result<Vec<Activity>> {
        let (condition, order, from, to) = match filter {
            ActivityFilter::Upcoming(now) => {
                ("a.ends_at >= $2 AND a.starts_at < $3", "a.starts_at, a.id", time_ms::to_ms(now), i64::MAX)
            }
            ActivityFilter::FiscalYear(year) => (
                "a.starts_at >= $2 AND a.starts_at < $3",
                "a.starts_at DESC, a.id DESC",
                time_ms::to_ms(year.starts_at()),
                time_ms::to_ms(year.next().starts_at()),
            ),
        };
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM activities a LEFT JOIN divisions d ON d.id = a.division_id
             WHERE a.office_id = $1 AND {condition} ORDER BY {order} LIMIT 500"
        ))
        .bind(self.office_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let mut activities = Vec::with_capacity(rows.len());
        for row in &rows {
            activities.push(self.activity_from(row).await?);
        }
        Ok(activities)
    }

    async fn activity_from(&self, row: &AnyRow) -> Result<Activity> {
        let id: i64 = row.try_get("id")?;
        let linked = |table: &str, column: &str, catalog: &str| {
            format!(
                "SELECT c.code FROM {table} l JOIN {catalog} c ON c.id = l.{column} WHERE l.activity_id = $1 ORDER BY c.id"
            )
        };
        let group_codes = sqlx::query_scalar(&linked("activity_groups", "group_id", "stakeholder_groups"))
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        let service_codes = sqlx::query_scalar(&linked("activity_services", "service_id", "services"))
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        let instant = |column: &str| -> Result<OffsetDateTime> { Ok(time_ms::from_ms(row.try_get(column)?)) };
        Ok(Activity {
            id,
            title: row.try_get("title")?,
            kind: Kind::parse(&row.try_get::<String, _>("kind")?)?,
            starts_at: instant("starts_at")?,
            ends_at: instant("ends_at")?,
            venue: row.try_get("venue")?,
            capacity: row.try_get("capacity")?,
            registered: row.try_get("registered")?,
            registration_opens_at: instant("registration_opens_at")?,
            registration_closes_at: instant("registration_closes_at")?,
            status: Status::parse(&row.try_get::<String, _>("status")?)?,
            division_code: row.try_get("division_code")?,
            group_codes,
            service_codes,
            minutes: row.try_get("minutes")?,
        })
    }
}

fn summary(new: &NewActivity) -> serde_json::Value {
    json!({ "title": new.title.as_str(), "kind": new.kind.code(), "capacity": new.capacity })
}

async fn division_id(tx: &mut WriteTx, office_id: i64, division: Option<&Code>) -> Result<Option<i64>> {
    let Some(code) = division else { return Ok(None) };
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM divisions WHERE office_id = $1 AND code = $2")
        .bind(office_id)
        .bind(code.as_str())
        .fetch_optional(&mut **tx)
        .await?;
    id.map(Some).ok_or(StoreError::InvalidField { field: "division", error: FieldError::UnknownDivision })
}

async fn link_catalog(tx: &mut WriteTx, office_id: i64, activity_id: i64, new: &NewActivity) -> Result<()> {
    let links = [
        ("activity_groups", "group_id", "stakeholder_groups", &new.groups, "group_ids"),
        ("activity_services", "service_id", "services", &new.services, "service_ids"),
    ];
    for (table, column, catalog, codes, field) in links {
        let sql = format!(
            "INSERT INTO {table} (activity_id, {column}) SELECT $1, id FROM {catalog} WHERE office_id = $2 AND code = $3"
        );
        for code in codes {
            let done = sqlx::query(&sql)
                .bind(activity_id)
                .bind(office_id)
                .bind(code.as_str())
                .execute(&mut **tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::InvalidField { field, error: FieldError::UnknownChoice });
            }
        }
    }
    Ok(())
}
