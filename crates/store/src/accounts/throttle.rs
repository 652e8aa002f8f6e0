//! Failed logins, counted per key in the database so that the limit holds
//! across several `serve` processes.

use time::OffsetDateTime;

use crate::{Result, Store, time_ms};

impl Store {
    pub async fn record_login_failure(&self, keys: &[&str], now: OffsetDateTime) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for key in keys {
            sqlx::query("INSERT INTO login_failures (throttle_key, at) VALUES ($1, $2)")
                .bind(*key)
                .bind(time_ms::to_ms(now))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Failures of one key since an instant, oldest first.
    pub async fn login_failures_since(
        &self,
        key: &str,
        since: OffsetDateTime,
    ) -> Result<Vec<OffsetDateTime>> {
        let times: Vec<i64> = sqlx::query_scalar(
            "SELECT at FROM login_failures WHERE throttle_key = $1 AND at > $2 ORDER BY at",
        )
        .bind(key)
        .bind(time_ms::to_ms(since))
        .fetch_all(&self.pool)
        .await?;
        Ok(times.into_iter().map(time_ms::from_ms).collect())
    }

    /// A successful login forgets the account's failures.
    pub async fn clear_login_failures(&self, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE throttle_key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Drops failures older than any window that could still count them.
    pub async fn purge_login_failures(&self, before: OffsetDateTime) -> Result<u64> {
        let done = sqlx::query("DELETE FROM login_failures WHERE at < $1")
            .bind(time_ms::to_ms(before))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
