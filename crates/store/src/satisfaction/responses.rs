//! Recording a response: the campaign open, the service and group among
//! its own, the answers and the cells they add to, in one transaction.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::calendar::{bangkok_date, bangkok_midnight};
use ruamjai_domain::catalog::Code;
use ruamjai_domain::mail::NewMail;
use ruamjai_domain::satisfaction::campaign::Mode;
use ruamjai_domain::satisfaction::response::{Answer, NewResponse};
use ruamjai_domain::satisfaction::tally::delta;
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use super::cells::{self, CellKey};
use super::{Campaign, month_of};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// How a response came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Web,
    Paper,
}

impl Source {
    fn code(self) -> &'static str {
        match self {
            Self::Web => "web",
            Self::Paper => "paper",
        }
    }
}

/// Who answered, as far as the campaign's mode lets it be kept.
#[derive(Debug, Clone, Copy)]
pub enum Respondent<'a> {
    Anonymous,
    /// The hash of a single-use token (token campaigns).
    Token(&'a str),
    Identified {
        name: &'a str,
        email: &'a str,
    },
}

impl Store {
    /// Records a checked response. Refused: a campaign not open at `now`
    /// (`campaign`: not open), a service or group outside the campaign, a
    /// token campaign without a fresh token (unknown: not found; used: conflict).
    pub async fn record_response(
        &self,
        campaign_id: i64,
        response: &NewResponse,
        respondent: Respondent<'_>,
        source: Source,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let campaign = self.campaign(campaign_id).await?;
        if source == Source::Web && !campaign.is_open(now) {
            return Err(StoreError::InvalidField { field: "campaign", error: FieldError::NotOpen });
        }
        let mut tx = self.begin_write().await?;
        let id = insert(&mut tx, &campaign, response, respondent, source, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records paper responses keyed in from a sheet: every one or none.
    /// Allowed after the campaign has closed (paper comes in late), counted
    /// in the month they are keyed in.
    pub async fn record_paper_responses(
        &self,
        actor: &Actor,
        campaign_id: i64,
        responses: &[NewResponse],
        now: OffsetDateTime,
    ) -> Result<usize> {
        let campaign = self.campaign(campaign_id).await?;
        let mut tx = self.begin_write().await?;
        for response in responses {
            insert(&mut tx, &campaign, response, Respondent::Anonymous, Source::Paper, now).await?;
        }
        let change = Change {
            action: "import-paper-responses",
            entity: "campaign",
            entity_id: &campaign_id.to_string(),
            before: json!(null),
            after: json!({ "responses": responses.len() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(responses.len())
    }

    /// Issues a single-use token of a token campaign (the caller keeps the
    /// secret and mails it; only its hash is stored).
    pub async fn issue_survey_token(
        &self,
        campaign_id: i64,
        token_hash: &str,
        recipient: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<()> {
        self.campaign(campaign_id).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO survey_tokens (campaign_id, token_hash, recipient, issued_at, used) VALUES ($1, $2, $3, $4, 0)",
        )
        .bind(campaign_id)
        .bind(token_hash)
        .bind(recipient)
        .bind(time_ms::to_ms(bangkok_midnight(bangkok_date(now))))
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// Issues single-use tokens by mail, in one transaction: each token's
    /// hash is stored with its recipient and its mail queued. A recipient
    /// who already has a token for the campaign is skipped, and counted.
    /// Returns (issued, skipped).
    pub async fn mail_survey_tokens(
        &self,
        actor: &Actor,
        campaign_id: i64,
        tokens: &[(String, NewMail)],
        now: OffsetDateTime,
    ) -> Result<(usize, usize)> {
        self.campaign(campaign_id).await?;
        let mut tx = self.begin_write().await?;
        let (mut issued, mut skipped) = (0, 0);
        for (hash, mail) in tokens {
            let had: Option<i64> =
                sqlx::query_scalar("SELECT id FROM survey_tokens WHERE campaign_id = $1 AND recipient = $2")
                    .bind(campaign_id)
                    .bind(mail.to.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
            if had.is_some() {
                skipped += 1;
                continue;
            }
            sqlx::query(
                "INSERT INTO survey_tokens (campaign_id, token_hash, recipient, issued_at, used) VALUES ($1, $2, $3, $4, 0)",
            )
            .bind(campaign_id)
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
            entity: "campaign",
            entity_id: &campaign_id.to_string(),
            before: json!(null),
            after: json!({ "issued": issued, "skipped": skipped }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok((issued, skipped))
    }

    /// Rebuilds a campaign's cells from its raw answers; returns how many
    /// responses were counted. Reports afterwards must read the same.
    pub async fn recompute_cells(&self, actor: &Actor, campaign_id: i64) -> Result<u64> {
        let campaign = self.campaign(campaign_id).await?;
        let scale_items: Vec<&str> =
            campaign.questionnaire.scale_items().map(|(_, i)| i.code.as_str()).collect();
        let mut tx = self.begin_write().await?;
        cells::clear(&mut tx, campaign_id).await?;
        let rows = sqlx::query(
            "SELECT r.id, r.service_id, r.group_id, r.month, a.item, a.score
             FROM responses r LEFT JOIN answers a ON a.response_id = r.id
             WHERE r.campaign_id = $1 ORDER BY r.id",
        )
        .bind(campaign_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut counted = 0;
        let mut start = 0;
        while start < rows.len() {
            let id: i64 = rows[start].try_get("id")?;
            let end = rows[start..]
                .iter()
                .position(|r| r.try_get::<i64, _>("id").ok() != Some(id))
                .map_or(rows.len(), |n| start + n);
            let mut answers = Vec::new();
            for row in &rows[start..end] {
                let item: Option<String> = row.try_get("item")?;
                if let Some(item) = item.filter(|i| scale_items.contains(&i.as_str())) {
                    let score: Option<i64> = row.try_get("score")?;
                    answers.push((item, Answer::Scale(score.and_then(|s| u8::try_from(s).ok()))));
                }
            }
            // Only the five-point answers count in cells; service and group come from the key.
            let unused = Code::parse("recompute").map_err(StoreError::Invalid)?;
            let response = NewResponse { group: unused.clone(), service: unused, answers };
            let key = CellKey {
                campaign_id,
                service_id: rows[start].try_get("service_id")?,
                group_id: rows[start].try_get("group_id")?,
                month: rows[start].try_get("month")?,
            };
            cells::add(&mut tx, key, &delta(&campaign.questionnaire, &response)).await?;
            counted += 1;
            start = end;
        }
        let change = Change {
            action: "recompute-cells",
            entity: "campaign",
            entity_id: &campaign_id.to_string(),
            before: json!(null),
            after: json!({ "responses": counted }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(counted)
    }
}

/// A checked response, its answers, its cells and the version's lock.
async fn insert(
    tx: &mut WriteTx,
    campaign: &Campaign,
    response: &NewResponse,
    respondent: Respondent<'_>,
    source: Source,
    now: OffsetDateTime,
) -> Result<i64> {
    let service_id =
        member(tx, "campaign_services", "service_id", "services", campaign.id, &response.service)
            .await?
            .ok_or(StoreError::InvalidField { field: "service_id", error: FieldError::UnknownChoice })?;
    let group_id =
        member(tx, "campaign_groups", "group_id", "stakeholder_groups", campaign.id, &response.group)
            .await?
            .ok_or(StoreError::InvalidField { field: "group_id", error: FieldError::UnknownChoice })?;
    let identified = match (campaign.mode, respondent) {
        (Mode::Token, Respondent::Token(hash)) => {
            spend_token(tx, campaign.id, hash).await?;
            None
        }
        (Mode::Token, _) if source == Source::Web => return Err(StoreError::NotFound),
        (Mode::Identified, Respondent::Identified { name, email }) => Some((name, email)),
        _ => None,
    };
    let received_at = if campaign.mode.keeps_instants() { now } else { bangkok_midnight(bangkok_date(now)) };
    let delta = delta(&campaign.questionnaire, response);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO responses (campaign_id, service_id, group_id, received_at, month, source, dissatisfied,
             respondent_name, respondent_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(campaign.id)
    .bind(service_id)
    .bind(group_id)
    .bind(time_ms::to_ms(received_at))
    .bind(month_of(now))
    .bind(source.code())
    .bind(i64::from(delta.dissatisfied))
    .bind(identified.map(|(name, _)| name))
    .bind(identified.map(|(_, email)| email))
    .fetch_one(&mut **tx)
    .await?;
    for (item, answer) in &response.answers {
        let (score, value) = stored(answer);
        sqlx::query("INSERT INTO answers (response_id, item, score, value) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(item)
            .bind(score)
            .bind(value)
            .execute(&mut **tx)
            .await?;
    }
    let key = CellKey { campaign_id: campaign.id, service_id, group_id, month: month_of(now) };
    cells::add(tx, key, &delta).await?;
    sqlx::query("UPDATE questionnaire_versions SET locked_at = $1 WHERE id = $2 AND locked_at IS NULL")
        .bind(time_ms::to_ms(now))
        .bind(campaign.version_id)
        .execute(&mut **tx)
        .await?;
    Ok(id)
}

/// How an answer is kept: a score, or a value (a choice, choices as JSON, a text).
fn stored(answer: &Answer) -> (Option<i64>, Option<String>) {
    match answer {
        Answer::Scale(score) => (score.map(i64::from), None),
        Answer::Recommendation(score) => (Some(i64::from(*score)), None),
        Answer::Choice(code) => (None, Some(code.clone())),
        Answer::Choices(codes) => (None, Some(json!(codes).to_string())),
        Answer::Text(text) => (None, Some(text.as_str().to_owned())),
    }
}

/// The catalog id of `code` when the campaign covers it.
async fn member(
    tx: &mut WriteTx,
    link: &str,
    column: &str,
    catalog: &str,
    campaign_id: i64,
    code: &Code,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT c.id FROM {link} l JOIN {catalog} c ON c.id = l.{column} WHERE l.campaign_id = $1 AND c.code = $2"
    ))
    .bind(campaign_id)
    .bind(code.as_str())
    .fetch_optional(&mut **tx)
    .await?)
}

async fn spend_token(tx: &mut WriteTx, campaign_id: i64, hash: &str) -> Result<()> {
    let spent = sqlx::query(
        "UPDATE survey_tokens SET used = 1 WHERE campaign_id = $1 AND token_hash = $2 AND used = 0",
    )
    .bind(campaign_id)
    .bind(hash)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if spent == 1 {
        return Ok(());
    }
    let known: Option<i64> =
        sqlx::query_scalar("SELECT id FROM survey_tokens WHERE campaign_id = $1 AND token_hash = $2")
            .bind(campaign_id)
            .bind(hash)
            .fetch_optional(&mut **tx)
            .await?;
    Err(if known.is_some() { StoreError::Conflict("token-used") } else { StoreError::NotFound })
}
