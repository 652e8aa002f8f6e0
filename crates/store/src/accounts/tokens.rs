//! API bearer tokens: shown once at creation, stored only as a hash.

use serde_json::json;
use time::OffsetDateTime;

use super::{StaffUser, staff_user_of, user_select};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, time_ms};

impl Store {
    pub async fn create_api_token(
        &self,
        actor: &Actor,
        user_id: i64,
        token_hash: &str,
        label: &str,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user_id)
        .bind(token_hash)
        .bind(label)
        .bind(time_ms::to_ms(OffsetDateTime::now_utc()))
        .fetch_one(&mut *tx)
        .await?;
        let after = json!({ "user_id": user_id, "label": label });
        let change = Change {
            action: "create",
            entity: "api_token",
            entity_id: &id.to_string(),
            before: json!(null),
            after,
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The enabled user behind a live token hash.
    pub async fn api_token_user(&self, token_hash: &str) -> Result<Option<StaffUser>> {
        let row = sqlx::query(concat!(
            "SELECT q.* FROM api_tokens t JOIN (",
            user_select!(),
            ") q ON q.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND q.disabled_at IS NULL"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(staff_user_of).transpose()
    }
}
