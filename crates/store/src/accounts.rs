//! Staff accounts, sessions, API tokens and login throttling.
//!
//! Secrets never reach the database in the clear: passwords are stored as
//! argon2id hashes (computed by the caller, off the async threads) and session
//! and API tokens as SHA-256 hashes.

mod sessions;
mod throttle;
mod tokens;

pub use sessions::SessionRecord;

use ruamjai_domain::accounts::{Email, FieldError, Role, check_scope};
use ruamjai_domain::catalog::{Code, Name};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// A staff account as the rest of the product sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub division_code: Option<String>,
    pub disabled: bool,
}

/// A new account, its fields already parsed.
#[derive(Debug)]
pub struct NewUser {
    pub email: Email,
    pub name: Name,
    pub role: Role,
    pub division: Option<Code>,
    /// An argon2id PHC string.
    pub password_hash: String,
}

/// Users joined with their division's code; callers add `WHERE`.
macro_rules! user_select {
    () => {
        "SELECT u.id, u.email, u.name, u.role, u.disabled_at, d.code AS division_code
         FROM users u LEFT JOIN divisions d ON d.id = u.division_id"
    };
}
pub(crate) use user_select;

impl Store {
    pub async fn create_user(&self, actor: &Actor, new: NewUser) -> Result<StaffUser> {
        check_scope(new.role, new.division.as_ref().map(Code::as_str))?;
        let mut tx = self.begin_write().await?;
        let division_id = match &new.division {
            Some(code) => Some(self.division_id_in(&mut tx, code.as_str()).await?),
            None => None,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (office_id, email, name, role, division_id, password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(self.office_id)
        .bind(new.email.as_str())
        .bind(new.name.as_str())
        .bind(new.role.as_str())
        .bind(division_id)
        .bind(&new.password_hash)
        .bind(time_ms::to_ms(OffsetDateTime::now_utc()))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => StoreError::Conflict("email"),
            other => other,
        })?;
        let user = user_by_id(&mut tx, id).await?;
        let change = Change {
            action: "create",
            entity: "user",
            entity_id: &id.to_string(),
            before: json!(null),
            after: json!(user),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(user)
    }

    pub async fn list_users(&self) -> Result<Vec<StaffUser>> {
        let rows = sqlx::query(concat!(user_select!(), " WHERE u.office_id = $1 ORDER BY u.email"))
            .bind(self.office_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(staff_user_of).collect()
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<StaffUser> {
        let row = sqlx::query(concat!(user_select!(), " WHERE u.email = $1"))
            .bind(email.as_str())
            .fetch_one(&self.pool)
            .await?;
        staff_user_of(&row)
    }

    /// Disables (or re-enables) an account; a disabled account's sessions end at once.
    pub async fn set_user_disabled(&self, actor: &Actor, email: &Email, disabled: bool) -> Result<StaffUser> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_one(&mut *tx)
            .await?;
        let before = user_by_id(&mut tx, id).await?;
        let disabled_at = disabled.then(|| time_ms::to_ms(OffsetDateTime::now_utc()));
        sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
            .bind(disabled_at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        }
        let after = user_by_id(&mut tx, id).await?;
        let action = if disabled { "disable" } else { "enable" };
        let change = Change {
            action,
            entity: "user",
            entity_id: &id.to_string(),
            before: json!(before),
            after: json!(after),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Sets the position an account signs under (on work manual approvals).
    pub async fn set_user_job_title(&self, actor: &Actor, email: &Email, job_title: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE office_id = $1 AND email = $2")
            .bind(self.office_id)
            .bind(email.as_str())
            .fetch_one(&mut *tx)
            .await?;
        let before: String = sqlx::query_scalar("SELECT job_title FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if before == job_title {
            return Ok(());
        }
        sqlx::query("UPDATE users SET job_title = $1 WHERE id = $2")
            .bind(job_title)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let change = Change {
            action: "set-job-title",
            entity: "user",
            entity_id: &id.to_string(),
            before: json!({ "job_title": before }),
            after: json!({ "job_title": job_title }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// The account and password hash for a login attempt, if the e-mail is known.
    pub async fn login_candidate(&self, email: &Email) -> Result<Option<(StaffUser, String)>> {
        let row = sqlx::query(
            "SELECT u.id, u.email, u.name, u.role, u.disabled_at, u.password_hash, d.code AS division_code
             FROM users u LEFT JOIN divisions d ON d.id = u.division_id WHERE u.email = $1",
        )
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| Ok((staff_user_of(&row)?, row.try_get("password_hash")?))).transpose()
    }

    async fn division_id_in(&self, tx: &mut WriteTx, code: &str) -> Result<i64> {
        sqlx::query_scalar("SELECT id FROM divisions WHERE office_id = $1 AND code = $2")
            .bind(self.office_id)
            .bind(code)
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(StoreError::Invalid(FieldError::UnknownDivision))
    }
}

async fn user_by_id(tx: &mut WriteTx, id: i64) -> Result<StaffUser> {
    let row = sqlx::query(concat!(user_select!(), " WHERE u.id = $1")).bind(id).fetch_one(&mut **tx).await?;
    staff_user_of(&row)
}

pub(crate) fn staff_user_of(row: &AnyRow) -> Result<StaffUser> {
    let role: String = row.try_get("role")?;
    Ok(StaffUser {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: Role::parse(&role)?,
        division_code: row.try_get("division_code")?,
        disabled: row.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
    })
}
