//! Registering, cancelling, and checking in at the door.
//!
//! Capacity is exact under any concurrency on both databases: a place is
//! taken by `UPDATE … SET registered = registered + 1 WHERE registered <
//! capacity`, which the database serializes on the activity's row; whoever
//! finds no place left joins the waitlist. Cancelling a place promotes the
//! oldest waitlisted person in the same transaction. Walk-ins registered at
//! the door do not take a bookable place: the room decides, not the form.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::engagement::activity::{Registration, Status};
use ruamjai_domain::engagement::registration::{NewRegistration, RegistrationCode};
use ruamjai_domain::mail::NewMail;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use super::Place;
use crate::audit::{Actor, Change, append};
use crate::mail;
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// A registration to record.
pub struct Registering<'a> {
    pub activity_id: i64,
    pub person: &'a NewRegistration,
    pub code: &'a RegistrationCode,
    /// Hash of the secret in the confirmation link.
    pub token_hash: &'a str,
    /// The confirmation to mail, when the person gave an address.
    pub confirmation: Option<&'a (dyn Fn(Place) -> NewMail + Sync)>,
    pub now: OffsetDateTime,
}

/// A registration as staff and the registrant see it.
#[derive(Debug, Clone)]
pub struct RegistrationView {
    pub activity_id: i64,
    pub code: RegistrationCode,
    /// `None` once erased.
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub group_code: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub place: Place,
    pub created_at: OffsetDateTime,
    pub checked_in_at: Option<OffsetDateTime>,
}

/// Someone moved from the waitlist to a place, to be told by mail.
#[derive(Debug, Clone)]
pub struct Promoted {
    pub code: RegistrationCode,
    pub email: Option<String>,
    pub activity_title: String,
}

const VIEW_COLUMNS: &str =
    "r.activity_id, r.code, r.name, r.organisation, g.code AS group_code, r.email, r.phone,
     r.status, r.created_at, r.checked_in_at";

impl Store {
    /// Registers a person: a place while any is left, else the waitlist.
    /// Refused outside the window, for an activity not taking place, for a
    /// group the activity is not for, and twice for one e-mail address.
    pub async fn register(&self, registering: &Registering<'_>) -> Result<Place> {
        let Registering { activity_id, person, now, .. } = *registering;
        let mut tx = self.begin_write().await?;
        let state = self.registration_state(&mut tx, activity_id, now).await?;
        if !state.accepts() {
            return Err(StoreError::InvalidField { field: "activity", error: FieldError::NotOpen });
        }
        let group_id = invited_group(&mut tx, activity_id, person.group.as_str()).await?;
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
        insert(&mut tx, registering, group_id, place, None).await?;
        if let Some(confirmation) = registering.confirmation {
            mail::queue(&mut tx, self.office_id, &confirmation(place), now).await?;
        }
        tx.commit().await?;
        Ok(place)
    }

    /// Registers and checks in someone who came without registering. Allowed
    /// while the activity is planned, whatever the window and the count.
    pub async fn register_walk_in(&self, actor: &Actor, registering: &Registering<'_>) -> Result<()> {
        let Registering { activity_id, person, now, .. } = *registering;
        let mut tx = self.begin_write().await?;
        let status: String =
            sqlx::query_scalar("SELECT status FROM activities WHERE office_id = $1 AND id = $2")
                .bind(self.office_id)
                .bind(activity_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
        if !matches!(Status::parse(&status)?, Status::Planned | Status::Held) {
            return Err(StoreError::InvalidField { field: "activity", error: FieldError::NotOpen });
        }
        let group_id = invited_group(&mut tx, activity_id, person.group.as_str()).await?;
        insert(&mut tx, registering, group_id, Place::WalkIn, Some(now)).await?;
        let change = Change {
            action: "walk-in",
            entity: "activity",
            entity_id: &activity_id.to_string(),
            before: json!(null),
            after: json!({ "code": registering.code.as_str(), "group": person.group.as_str() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks a registered person in by their code. An unknown code, a code
    /// already used, a waitlisted or a cancelled registration each say so.
    pub async fn check_in(
        &self,
        actor: &Actor,
        activity_id: i64,
        code: &RegistrationCode,
        now: OffsetDateTime,
    ) -> Result<RegistrationView> {
        let mut tx = self.begin_write().await?;
        let view = view_by(&mut tx, self.office_id, ("code", code.as_str()), Some(activity_id))
            .await?
            .ok_or(StoreError::InvalidField { field: "code", error: FieldError::UnknownRegistration })?;
        match (view.place, view.checked_in_at) {
            (_, Some(_)) => return Err(StoreError::Conflict("already-checked-in")),
            (Place::Waitlisted, None) => return Err(StoreError::Conflict("waitlisted")),
            (Place::Cancelled, None) => return Err(StoreError::Conflict("registration-cancelled")),
            (Place::Registered | Place::WalkIn, None) => {}
        }
        // Guarded, so that two phones scanning one code record one check-in.
        let done = sqlx::query(
            "UPDATE registrations SET checked_in_at = $1 WHERE code = $2 AND checked_in_at IS NULL",
        )
        .bind(time_ms::to_ms(now))
        .bind(code.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict("already-checked-in"));
        }
        let change = Change {
            action: "check-in",
            entity: "activity",
            entity_id: &activity_id.to_string(),
            before: json!(null),
            after: json!({ "code": code.as_str() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(RegistrationView { checked_in_at: Some(now), ..view })
    }

    /// A registration by the secret of its confirmation link.
    pub async fn registration_by_token(&self, token_hash: &str) -> Result<RegistrationView> {
        let mut conn = self.pool.acquire().await?;
        view_by(&mut conn, self.office_id, ("token_hash", token_hash), None)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Every registration of an activity, in the order they came.
    pub async fn registrations(&self, activity_id: i64) -> Result<Vec<RegistrationView>> {
        let rows = sqlx::query(&format!(
            "SELECT {VIEW_COLUMNS} FROM registrations r JOIN stakeholder_groups g ON g.id = r.group_id
             JOIN activities a ON a.id = r.activity_id
             WHERE a.office_id = $1 AND r.activity_id = $2 ORDER BY r.id"
        ))
        .bind(self.office_id)
        .bind(activity_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(view_from).collect()
    }

    /// Cancels the registration behind a confirmation link. A freed place
    /// goes to the oldest waitlisted registration, told by `notify` in the
    /// same transaction.
    pub async fn cancel_registration(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
        notify: &(dyn Fn(&Promoted) -> Option<NewMail> + Sync),
    ) -> Result<Option<Promoted>> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT r.id, r.activity_id, r.status, a.title FROM registrations r
             JOIN activities a ON a.id = r.activity_id
             WHERE a.office_id = $1 AND r.token_hash = $2",
        )
        .bind(self.office_id)
        .bind(token_hash)
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
            promoted = promote_next(&mut tx, activity_id, row.try_get("title")?).await?;
        }
        if let Some(mail) = promoted.as_ref().and_then(notify) {
            mail::queue(&mut tx, self.office_id, &mail, now).await?;
        }
        tx.commit().await?;
        Ok(promoted)
    }

    /// Erases a registrant's personal data on their request. The row keeps
    /// its group, place and check-in, so counts of registration and
    /// attendance do not change; the log records the code, not the person.
    pub async fn erase_registration(
        &self,
        actor: &Actor,
        activity_id: i64,
        code: &RegistrationCode,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        view_by(&mut tx, self.office_id, ("code", code.as_str()), Some(activity_id))
            .await?
            .ok_or(StoreError::NotFound)?;
        sqlx::query(
            "UPDATE registrations SET name = NULL, organisation = NULL, email = NULL, phone = NULL,
                 erased_at = $1 WHERE code = $2 AND erased_at IS NULL",
        )
        .bind(time_ms::to_ms(now))
        .bind(code.as_str())
        .execute(&mut *tx)
        .await?;
        let change = Change {
            action: "erase-registration",
            entity: "activity",
            entity_id: &activity_id.to_string(),
            before: json!(null),
            after: json!({ "code": code.as_str() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// Where the activity stands for registering, read inside the transaction.
    async fn registration_state(
        &self,
        tx: &mut WriteTx,
        activity_id: i64,
        now: OffsetDateTime,
    ) -> Result<Registration> {
        let row = sqlx::query(
            "SELECT status, registration_opens_at, registration_closes_at, registered, capacity
             FROM activities WHERE office_id = $1 AND id = $2",
        )
        .bind(self.office_id)
        .bind(activity_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let status: String = row.try_get("status")?;
        let window = (
            time_ms::from_ms(row.try_get("registration_opens_at")?),
            time_ms::from_ms(row.try_get("registration_closes_at")?),
        );
        let count =
            |column: &str| -> Result<u32> { Ok(u32::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0)) };
        Ok(Registration::at(Status::parse(&status)?, window, count("registered")?, count("capacity")?, now))
    }
}

/// Frees one place and gives it to the oldest waitlisted registration.
async fn promote_next(
    tx: &mut WriteTx,
    activity_id: i64,
    activity_title: String,
) -> Result<Option<Promoted>> {
    // Hold the activity's row first, as registering does, then pass the place on.
    sqlx::query("UPDATE activities SET registered = registered - 1 WHERE id = $1")
        .bind(activity_id)
        .execute(&mut **tx)
        .await?;
    let next: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, code, email FROM registrations WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY id LIMIT 1",
    )
    .bind(activity_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((next_id, code, email)) = next else { return Ok(None) };
    sqlx::query("UPDATE registrations SET status = 'registered' WHERE id = $1")
        .bind(next_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE activities SET registered = registered + 1 WHERE id = $1")
        .bind(activity_id)
        .execute(&mut **tx)
        .await?;
    Ok(Some(Promoted { code: RegistrationCode::parse(&code)?, email, activity_title }))
}

/// The id of `group` among the activity's target groups, else a field error.
async fn invited_group(tx: &mut WriteTx, activity_id: i64, group: &str) -> Result<i64> {
    let group_id: Option<i64> = sqlx::query_scalar(
        "SELECT g.id FROM activity_groups ag JOIN stakeholder_groups g ON g.id = ag.group_id
         WHERE ag.activity_id = $1 AND g.code = $2",
    )
    .bind(activity_id)
    .bind(group)
    .fetch_optional(&mut **tx)
    .await?;
    group_id.ok_or(StoreError::InvalidField { field: "group_id", error: FieldError::UnknownChoice })
}

async fn insert(
    tx: &mut WriteTx,
    registering: &Registering<'_>,
    group_id: i64,
    place: Place,
    checked_in_at: Option<OffsetDateTime>,
) -> Result<()> {
    let person = registering.person;
    let inserted = sqlx::query(
        "INSERT INTO registrations (activity_id, code, token_hash, group_id, name, organisation, email, phone,
             status, created_at, checked_in_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(registering.activity_id)
    .bind(registering.code.as_str())
    .bind(registering.token_hash)
    .bind(group_id)
    .bind(person.name.as_str())
    .bind(person.organisation.as_ref().map(|o| o.as_str().to_owned()))
    .bind(person.email.as_ref().map(|e| e.as_str().to_owned()))
    .bind(person.phone.as_ref().map(|p| p.as_str().to_owned()))
    .bind(place.code())
    .bind(time_ms::to_ms(registering.now))
    .bind(checked_in_at.map(time_ms::to_ms))
    .execute(&mut **tx)
    .await;
    match inserted {
        Ok(_) => Ok(()),
        // Two registrations with one e-mail raced past the check before.
        Err(sqlx::Error::Database(db)) if db.is_unique_violation() => {
            Err(StoreError::Conflict("already-registered"))
        }
        Err(other) => Err(other.into()),
    }
}

/// One registration by a unique column (`code` or `token_hash`), within one
/// activity when given.
async fn view_by(
    conn: &mut sqlx::AnyConnection,
    office_id: i64,
    (column, key): (&'static str, &str),
    activity_id: Option<i64>,
) -> Result<Option<RegistrationView>> {
    let within = if activity_id.is_some() { "AND r.activity_id = $3" } else { "" };
    let sql = format!(
        "SELECT {VIEW_COLUMNS} FROM registrations r JOIN stakeholder_groups g ON g.id = r.group_id
         JOIN activities a ON a.id = r.activity_id WHERE a.office_id = $1 AND r.{column} = $2 {within}"
    );
    let mut query = sqlx::query(&sql).bind(office_id).bind(key);
    if let Some(activity_id) = activity_id {
        query = query.bind(activity_id);
    }
    let row = query.fetch_optional(conn).await?;
    row.as_ref().map(view_from).transpose()
}

fn view_from(row: &AnyRow) -> Result<RegistrationView> {
    Ok(RegistrationView {
        activity_id: row.try_get("activity_id")?,
        code: RegistrationCode::parse(&row.try_get::<String, _>("code")?)?,
        name: row.try_get("name")?,
        organisation: row.try_get("organisation")?,
        group_code: row.try_get("group_code")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        place: Place::parse(&row.try_get::<String, _>("status")?)?,
        created_at: time_ms::from_ms(row.try_get("created_at")?),
        checked_in_at: row.try_get::<Option<i64>, _>("checked_in_at")?.map(time_ms::from_ms),
    })
}
