//! Browser sessions, kept in the database so that several `serve` processes
//! behind a load balancer share them.

use time::OffsetDateTime;

use super::{StaffUser, staff_user_of, user_select};
use crate::{Result, Store, time_ms};

/// A live session: who it belongs to and the CSRF token its forms must carry.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub user: StaffUser,
    pub csrf_token: String,
    pub expires_at: OffsetDateTime,
}

impl Store {
    pub async fn create_session(
        &self,
        user_id: i64,
        token_hash: &str,
        csrf_token: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(csrf_token)
        .bind(time_ms::to_ms(now))
        .bind(time_ms::to_ms(expires_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The session behind a token hash, unless it expired or its user was disabled.
    pub async fn session(&self, token_hash: &str, now: OffsetDateTime) -> Result<Option<SessionRecord>> {
        let row = sqlx::query(concat!(
            "SELECT x.csrf_token, x.expires_at, q.* FROM sessions x JOIN (",
            user_select!(),
            ") q ON q.id = x.user_id WHERE x.token_hash = $1 AND x.expires_at > $2 AND q.disabled_at IS NULL"
        ))
        .bind(token_hash)
        .bind(time_ms::to_ms(now))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            use sqlx::Row;
            Ok(SessionRecord {
                user: staff_user_of(&row)?,
                csrf_token: row.try_get("csrf_token")?,
                expires_at: time_ms::from_ms(row.try_get("expires_at")?),
            })
        })
        .transpose()
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Removes expired sessions; returns how many.
    pub async fn purge_expired_sessions(&self, now: OffsetDateTime) -> Result<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(time_ms::to_ms(now))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
