//! Automatic survey invitations: each resolved request (a domain event left
//! by the workflow in the same transaction as the resolution) is taken up
//! once. When a token survey covers its service, a sample of the people
//! served get a single-use link by mail, sent after the service's delay and
//! valid until its expiry.

use ruamjai_domain::accounts::{Email, FieldError};
use ruamjai_domain::calendar::{bangkok_date, bangkok_midnight};
use ruamjai_domain::mail::NewMail;
use ruamjai_domain::satisfaction::invitation::InvitationRule;
use ruamjai_domain::satisfaction::survey::Mode;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use super::Survey;
use crate::audit::{Actor, Change, append};
use crate::participation::REQUEST_RESOLVED;
use crate::{Result, Store, StoreError, time_ms};

/// What one run did with the resolved requests it took up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Invitations {
    pub invited: usize,
    /// No address, no survey inviting for the service, not drawn, or
    /// already holding a link of the survey.
    pub passed_over: usize,
}

/// A uniform draw in 0..100 for the sample.
pub type Draw<'a> = &'a (dyn Fn() -> u8 + Sync);
/// The secret's hash and the mail carrying the link, for a survey and an address.
pub type Compose<'a> = &'a (dyn Fn(&Survey, Email) -> (String, NewMail) + Sync);

impl Store {
    /// Sets how services of a token survey invite the people served, all
    /// in one transaction.
    pub async fn set_invitation_rules(
        &self,
        actor: &Actor,
        survey_id: i64,
        rules: &[(String, InvitationRule)],
    ) -> Result<()> {
        let survey = self.survey(survey_id).await?;
        if survey.mode != Mode::Token {
            return Err(StoreError::Conflict("not-a-token-survey"));
        }
        let mut tx = self.begin_write().await?;
        for (service, rule) in rules {
            let service_id = (survey.service_id(service))
                .ok_or(StoreError::InvalidField { field: "service_id", error: FieldError::UnknownChoice })?;
            sqlx::query(
                "UPDATE survey_services SET invite_rate = $1, invite_delay_hours = $2, invite_expiry_days = $3
                 WHERE survey_id = $4 AND service_id = $5",
            )
            .bind(i64::from(rule.rate_pct))
            .bind(i64::from(rule.delay_hours))
            .bind(i64::from(rule.expiry_days))
            .bind(survey_id)
            .bind(service_id)
            .execute(&mut *tx)
            .await?;
        }
        let after: Vec<_> = (rules.iter())
            .map(|(service, r)| {
                json!({ "service": service, "rate_pct": r.rate_pct, "delay_hours": r.delay_hours, "expiry_days": r.expiry_days })
            })
            .collect();
        let entity_id = survey_id.to_string();
        let change = Change {
            action: "set-invitation-rules",
            entity: "survey",
            entity_id: &entity_id,
            before: json!(null),
            after: json!(after),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// Each service of a survey with its rule, in the survey's order.
    pub async fn invitation_rules(&self, survey_id: i64) -> Result<Vec<(String, InvitationRule)>> {
        let rows = sqlx::query(
            "SELECT s.code, l.invite_rate, l.invite_delay_hours, l.invite_expiry_days
             FROM survey_services l JOIN services s ON s.id = l.service_id
             WHERE l.survey_id = $1 ORDER BY s.number",
        )
        .bind(survey_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("code")?, rule_from(r)?))).collect()
    }

    /// Takes up to `limit` resolved requests not yet taken up, oldest first,
    /// each in a transaction of its own: the invitation (token and queued
    /// mail) and the mark that the request was taken up commit together, so
    /// a request is never invited twice nor lost by a crash.
    pub async fn invite_resolved_requests(
        &self,
        now: OffsetDateTime,
        draw: Draw<'_>,
        compose: Compose<'_>,
        limit: i64,
    ) -> Result<Invitations> {
        let events = sqlx::query(
            "SELECT e.id, e.at, s.service_id, s.contact_email FROM domain_events e
             JOIN submissions s ON s.id = e.submission_id
             WHERE e.office_id = $1 AND e.kind = $2 AND e.processed_at IS NULL ORDER BY e.id LIMIT $3",
        )
        .bind(self.office_id)
        .bind(REQUEST_RESOLVED)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut done = Invitations::default();
        for event in &events {
            let resolved = time_ms::from_ms(event.try_get("at")?);
            let email =
                (event.try_get::<Option<String>, _>("contact_email")?).and_then(|e| Email::parse(&e).ok());
            let service: Option<i64> = event.try_get("service_id")?;
            let target = match (email, service) {
                (Some(email), Some(service)) => {
                    self.inviting_survey(service, resolved, now).await?.map(|t| (email, t))
                }
                _ => None,
            };
            let invitation = target.filter(|(_, (_, rule))| rule.samples(draw()));
            let invited = self.take_up(event.try_get("id")?, invitation, resolved, now, compose).await?;
            if invited {
                done.invited += 1;
            } else {
                done.passed_over += 1;
            }
        }
        Ok(done)
    }

    /// The newest token survey inviting for the service, open when the
    /// request was resolved and still open now.
    async fn inviting_survey(
        &self,
        service_id: i64,
        resolved: OffsetDateTime,
        now: OffsetDateTime,
    ) -> Result<Option<(Survey, InvitationRule)>> {
        let row = sqlx::query(
            "SELECT c.id, l.invite_rate, l.invite_delay_hours, l.invite_expiry_days FROM surveys c
             JOIN survey_services l ON l.survey_id = c.id
             WHERE c.office_id = $1 AND l.service_id = $2 AND c.mode = 'token' AND l.invite_rate > 0
               AND c.opens_at <= $3 AND c.closes_at > $4
             ORDER BY c.opens_at DESC, c.id DESC LIMIT 1",
        )
        .bind(self.office_id)
        .bind(service_id)
        .bind(time_ms::to_ms(resolved))
        .bind(time_ms::to_ms(now))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let rule = rule_from(&row)?;
        Ok(Some((self.survey(row.try_get("id")?).await?, rule)))
    }

    /// Marks the event taken up and, when drawn, issues the link and queues
    /// its mail. Returns whether an invitation was queued.
    async fn take_up(
        &self,
        event_id: i64,
        invitation: Option<(Email, (Survey, InvitationRule))>,
        resolved: OffsetDateTime,
        now: OffsetDateTime,
        compose: Compose<'_>,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let claimed =
            sqlx::query("UPDATE domain_events SET processed_at = $1 WHERE id = $2 AND processed_at IS NULL")
                .bind(time_ms::to_ms(now))
                .bind(event_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let Some((email, (survey, rule))) = invitation.filter(|_| claimed == 1) else {
            tx.commit().await?;
            return Ok(false);
        };
        let had: Option<i64> =
            sqlx::query_scalar("SELECT id FROM survey_tokens WHERE survey_id = $1 AND recipient = $2")
                .bind(survey.id)
                .bind(email.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if had.is_some() {
            tx.commit().await?;
            return Ok(false);
        }
        let (hash, mail) = compose(&survey, email);
        sqlx::query(
            "INSERT INTO survey_tokens (survey_id, token_hash, recipient, issued_at, used, expires_at)
             VALUES ($1, $2, $3, $4, 0, $5)",
        )
        .bind(survey.id)
        .bind(hash)
        .bind(mail.to.as_str())
        .bind(time_ms::to_ms(bangkok_midnight(bangkok_date(now))))
        .bind(time_ms::to_ms(rule.expires_at(resolved, survey.closes_at)))
        .execute(&mut *tx)
        .await?;
        crate::mail::queue_at(&mut tx, self.office_id, &mail, now, rule.sends_at(resolved)).await?;
        tx.commit().await?;
        Ok(true)
    }
}

fn rule_from(row: &AnyRow) -> Result<InvitationRule> {
    let number =
        |column: &str| -> Result<u32> { Ok(u32::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0)) };
    Ok(InvitationRule {
        rate_pct: u8::try_from(number("invite_rate")?).unwrap_or(0),
        delay_hours: number("invite_delay_hours")?,
        expiry_days: number("invite_expiry_days")?,
    })
}
