//! Milestone 2 in the database: activities and their registrations.
//!
//! Capacity is exact under any concurrency on both databases: a place is
//! taken by `UPDATE … SET registered = registered + 1 WHERE registered <
//! capacity`, which the database serializes on the activity's row; whoever
//! finds no place left joins the waitlist. Cancelling a place promotes the
//! oldest waitlisted person in the same transaction.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::engagement::activity::{NewActivity, Registration, Status};
use ruamjai_domain::engagement::registration::{NewRegistration, RegistrationCode};
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Registered,
    Waitlisted,
    Cancelled,
}

impl Place {
    pub fn code(self) -> &'static str {
        match self {
            Self::Registered => "registered",
            Self::Waitlisted => "waitlisted",
            Self::Cancelled => "cancelled",
        }
    }

    fn parse(raw: &str) -> Result<Self> {
        [Self::Registered, Self::Waitlisted, Self::Cancelled]
            .into_iter()
            .find(|p| p.code() == raw)
            .ok_or(StoreError::NotFound)
    }
}

/// Counts of an activity, for staff and the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityCounts {
    pub capacity: i64,
    pub registered: i64,
    pub waitlisted: i64,
    pub attended: i64,
    /// `(group code, registered, attended)`, groups with anyone only.
    pub by_group: Vec<(String, i64, i64)>,
}

impl Store {
    /// Creates an activity, open for registration within its window; audited.
    pub async fn create_activity(
        &self,
        actor: &Actor,
        new: &NewActivity,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO activities (office_id, title, kind, starts_at, ends_at, venue, capacity,
                 registration_opens_at, registration_closes_at, status, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
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
        .bind(actor.user_id)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        link(
            &mut tx,
            self.office_id,
            id,
            "activity_groups",
            "group_id",
            "stakeholder_groups",
            &new.groups,
            "group_ids",
        )
        .await?;
        link(
            &mut tx,
            self.office_id,
            id,
            "activity_services",
            "service_id",
            "services",
            &new.services,
            "service_ids",
        )
        .await?;
        let change = Change {
            action: "create",
            entity: "activity",
            entity_id: &id.to_string(),
            before: json!(null),
            after: json!({ "title": new.title.as_str(), "kind": new.kind.code(), "capacity": new.capacity }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Registers a person: a place while any is left, else the waitlist.
    /// Refused outside the window, for an activity not taking place, for a
    /// group the activity is not for, and twice for one e-mail address.
    pub async fn register(
        &self,
        activity_id: i64,
        person: &NewRegistration,
        code: &RegistrationCode,
        now: OffsetDateTime,
    ) -> Result<Place> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT status, registration_opens_at, registration_closes_at, registered, capacity
             FROM activities WHERE office_id = $1 AND id = $2",
        )
        .bind(self.office_id)
        .bind(activity_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let status: String = row.try_get("status")?;
        let window = (
            time_ms::from_ms(row.try_get("registration_opens_at")?),
            time_ms::from_ms(row.try_get("registration_closes_at")?),
        );
        let count =
            |column: &str| -> Result<u32> { Ok(u32::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0)) };
        let state =
            Registration::at(Status::parse(&status)?, window, count("registered")?, count("capacity")?, now);
        if !state.accepts() {
            return Err(StoreError::InvalidField { field: "activity", error: FieldError::NotOpen });
        }
        let group_id: Option<i64> = sqlx::query_scalar(
            "SELECT g.id FROM activity_groups ag JOIN stakeholder_groups g ON g.id = ag.group_id
             WHERE ag.activity_id = $1 AND g.code = $2",
        )
        .bind(activity_id)
        .bind(person.group.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let group_id = group_id
            .ok_or(StoreError::InvalidField { field: "group_id", error: FieldError::UnknownChoice })?;
        if let Some(email) = &person.email {
            let taken: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM registrations WHERE activity_id = $1 AND email = $2 AND status <> 'cancelled'",
            )
            .bind(activity_id)
            .bind(email.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            if taken.is_some() {
                return Err(StoreError::Conflict("already-registered"));
            }
        }
        let took_place = sqlx::query(
            "UPDATE activities SET registered = registered + 1 WHERE id = $1 AND registered < capacity",
        )
        .bind(activity_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let place = if took_place { Place::Registered } else { Place::Waitlisted };
        let inserted = sqlx::query(
            "INSERT INTO registrations (activity_id, code, group_id, name, organisation, email, phone, status, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(activity_id)
        .bind(code.as_str())
        .bind(group_id)
        .bind(person.name.as_str())
        .bind(person.organisation.as_ref().map(|o| o.as_str().to_owned()))
        .bind(person.email.as_ref().map(|e| e.as_str().to_owned()))
        .bind(person.phone.as_ref().map(|p| p.as_str().to_owned()))
        .bind(place.code())
        .bind(time_ms::to_ms(now))
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {}
            // Two registrations with one e-mail raced past the check above.
            Err(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                return Err(StoreError::Conflict("already-registered"));
            }
            Err(other) => return Err(other.into()),
        }
        tx.commit().await?;
        Ok(place)
    }

    /// Cancels a registration by its code. A freed place goes to the oldest
    /// waitlisted registration, whose new place is returned.
    pub async fn cancel_registration(
        &self,
        code: &RegistrationCode,
        now: OffsetDateTime,
    ) -> Result<Option<RegistrationCode>> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT r.id, r.activity_id, r.status FROM registrations r JOIN activities a ON a.id = r.activity_id
             WHERE a.office_id = $1 AND r.code = $2",
        )
        .bind(self.office_id)
        .bind(code.as_str())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let (id, activity_id): (i64, i64) = (row.try_get("id")?, row.try_get("activity_id")?);
        let place = Place::parse(&row.try_get::<String, _>("status")?)?;
        if place == Place::Cancelled {
            return Ok(None);
        }
        sqlx::query("UPDATE registrations SET status = 'cancelled', cancelled_at = $1 WHERE id = $2")
            .bind(time_ms::to_ms(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let mut promoted = None;
        if place == Place::Registered {
            // Hold the activity's row first, as registering does, then pass the place on.
            sqlx::query("UPDATE activities SET registered = registered - 1 WHERE id = $1")
                .bind(activity_id)
                .execute(&mut *tx)
                .await?;
            let next: Option<(i64, String)> = sqlx::query_as(
                "SELECT id, code FROM registrations WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY id LIMIT 1",
            )
            .bind(activity_id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((next_id, next_code)) = next {
                sqlx::query("UPDATE registrations SET status = 'registered' WHERE id = $1")
                    .bind(next_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE activities SET registered = registered + 1 WHERE id = $1")
                    .bind(activity_id)
                    .execute(&mut *tx)
                    .await?;
                promoted = Some(RegistrationCode::parse(&next_code)?);
            }
        }
        tx.commit().await?;
        Ok(promoted)
    }

    /// Registered, waitlisted and attended counts, overall and by group.
    pub async fn activity_counts(&self, activity_id: i64) -> Result<ActivityCounts> {
        let capacity: i64 =
            sqlx::query_scalar("SELECT capacity FROM activities WHERE office_id = $1 AND id = $2")
                .bind(self.office_id)
                .bind(activity_id)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
            "SELECT g.code, r.status, COUNT(*), COUNT(r.checked_in_at)
             FROM registrations r JOIN stakeholder_groups g ON g.id = r.group_id
             WHERE r.activity_id = $1 AND r.status <> 'cancelled'
             GROUP BY g.id, g.code, r.status ORDER BY g.id",
        )
        .bind(activity_id)
        .fetch_all(&self.pool)
        .await?;
        let mut counts =
            ActivityCounts { capacity, registered: 0, waitlisted: 0, attended: 0, by_group: Vec::new() };
        for (group, status, n, attended) in rows {
            match Place::parse(&status)? {
                Place::Registered => {
                    counts.registered += n;
                    counts.attended += attended;
                    match counts.by_group.iter_mut().find(|(g, _, _)| *g == group) {
                        Some(entry) => (entry.1, entry.2) = (entry.1 + n, entry.2 + attended),
                        None => counts.by_group.push((group, n, attended)),
                    }
                }
                Place::Waitlisted => counts.waitlisted += n,
                Place::Cancelled => {}
            }
        }
        Ok(counts)
    }
}

/// Links an activity to catalog entries by code, refusing unknown codes.
#[allow(clippy::too_many_arguments)]
async fn link(
    tx: &mut WriteTx,
    office_id: i64,
    activity_id: i64,
    table: &'static str,
    column: &'static str,
    catalog: &'static str,
    codes: &[ruamjai_domain::catalog::Code],
    field: &'static str,
) -> Result<()> {
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
    Ok(())
}
