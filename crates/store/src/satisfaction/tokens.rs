//! Single-use survey tokens: issued (only their hash is kept, with the
//! recipient, apart from any answer) and spent once.

use ruamjai_domain::calendar::{bangkok_date, bangkok_midnight};
use ruamjai_domain::mail::NewMail;
use serde_json::json;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

impl Store {
    /// Issues a single-use token of a token survey (the caller keeps the
    /// secret and mails it; only its hash is stored).
    pub async fn issue_survey_token(
        &self,
        survey_id: i64,
        token_hash: &str,
        recipient: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<()> {
        self.survey(survey_id).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO survey_tokens (survey_id, token_hash, recipient, issued_at, used) VALUES ($1, $2, $3, $4, 0)",
        )
        .bind(survey_id)
        .bind(token_hash)
        .bind(recipient)
        .bind(time_ms::to_ms(bangkok_midnight(bangkok_date(now))))
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// Issues single-use tokens by mail, in one transaction: each token's
    /// hash is stored with its recipient and its mail queued. A recipient
    /// who already has a token for the survey is skipped, and counted.
    /// Returns (issued, skipped).
    pub async fn mail_survey_tokens(
        &self,
        actor: &Actor,
        survey_id: i64,
        tokens: &[(String, NewMail)],
        now: OffsetDateTime,
    ) -> Result<(usize, usize)> {
        self.survey(survey_id).await?;
        let mut tx = self.begin_write().await?;
        let (mut issued, mut skipped) = (0, 0);
        for (hash, mail) in tokens {
            let had: Option<i64> =
                sqlx::query_scalar("SELECT id FROM survey_tokens WHERE survey_id = $1 AND recipient = $2")
                    .bind(survey_id)
                    .bind(mail.to.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
            if had.is_some() {
                skipped += 1;
                continue;
            }
            sqlx::query(
                "INSERT INTO survey_tokens (survey_id, token_hash, recipient, issued_at, used) VALUES ($1, $2, $3, $4, 0)",
            )
            .bind(survey_id)
            .bind(hash)
            .bind(mail.to.as_str())
            .bind(time_ms::to_ms(bangkok_midnight(bangkok_date(now))))
            .execute(&mut *tx)
            .await?;
            crate::mail::queue(&mut tx, self.office_id, mail, now).await?;
            issued += 1;
        }
        let change = Change {
            action: "mail-survey-tokens",
            entity: "survey",
            entity_id: &survey_id.to_string(),
            before: json!(null),
            after: json!({ "issued": issued, "skipped": skipped }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok((issued, skipped))
    }
}

/// Spends a token: refused as unknown (not found), used (conflict) or
/// expired (conflict), writing nothing then.
pub(super) async fn spend_token(
    tx: &mut WriteTx,
    survey_id: i64,
    hash: &str,
    now: OffsetDateTime,
) -> Result<()> {
    let spent = sqlx::query(
        "UPDATE survey_tokens SET used = 1
         WHERE survey_id = $1 AND token_hash = $2 AND used = 0 AND (expires_at IS NULL OR expires_at > $3)",
    )
    .bind(survey_id)
    .bind(hash)
    .bind(time_ms::to_ms(now))
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if spent == 1 {
        return Ok(());
    }
    let known: Option<i64> =
        sqlx::query_scalar("SELECT used FROM survey_tokens WHERE survey_id = $1 AND token_hash = $2")
            .bind(survey_id)
            .bind(hash)
            .fetch_optional(&mut **tx)
            .await?;
    Err(match known {
        None => StoreError::NotFound,
        Some(1) => StoreError::Conflict("token-used"),
        Some(_) => StoreError::Conflict("token-expired"),
    })
}
