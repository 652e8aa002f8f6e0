//! Keeps each open submission's due dates current: after filing, after every
//! step and when a service's targets change. The dates come from the domain's
//! clock over the stored timeline, so nothing is lost when a target changes.

use ruamjai_domain::participation::Status;
use ruamjai_domain::participation::clock::{Holidays, Pause, ServiceTargets, deadline};
use sqlx::Row;
use time::{Date, Duration, OffsetDateTime};

use super::cells::{self, Cell};
use crate::{Result, Store, WriteTx, time_ms};

/// What the clock needs from one submission's history.
struct History {
    created_at: OffsetDateTime,
    answered: bool,
    /// When it was first answered.
    answered_at: Option<OffsetDateTime>,
    /// The last time the person heard from the Center (or filed).
    last_public_at: OffsetDateTime,
    pauses: Vec<Pause>,
    /// Where the submission counts in the cells, and how it counted so far.
    fiscal_year: i64,
    channel: String,
    reply_met: Option<i64>,
}

impl Store {
    /// Recomputes `reply_due_at` and `update_due_at` of one submission.
    pub(crate) async fn refresh_due_dates(&self, tx: &mut WriteTx, submission_id: i64) -> Result<()> {
        let targets = self.targets_of_submission(tx, submission_id).await?;
        let holidays = self.holidays_in(tx).await?;
        let history = history(tx, submission_id).await?;
        let due = |from: OffsetDateTime, days: u32| {
            let pauses: Vec<Pause> =
                history.pauses.iter().copied().filter(|p| p.until.is_none_or(|u| u > from)).collect();
            deadline(from, &pauses, targets.count, &holidays, Duration::days(i64::from(days)))
        };
        let (reply, update) = if history.answered {
            (None, None)
        } else {
            (due(history.created_at, targets.reply_days), due(history.last_public_at, targets.update_days))
        };
        // Judged against the deadline the answer had, pauses included.
        let reply_met = match history.answered_at {
            Some(answered_at) if history.answered => {
                let deadline = due(history.created_at, targets.reply_days);
                Some(i64::from(deadline.is_none_or(|d| answered_at <= d)))
            }
            _ => None,
        };
        sqlx::query(
            "UPDATE submissions SET reply_due_at = $1, update_due_at = $2, reply_met = $3 WHERE id = $4",
        )
        .bind(reply.map(time_ms::to_ms))
        .bind(update.map(time_ms::to_ms))
        .bind(reply_met)
        .bind(submission_id)
        .execute(&mut **tx)
        .await?;
        if let Some(answered_at) = history.answered_at {
            let cell = Cell {
                office_id: self.office_id,
                fiscal_year: history.fiscal_year,
                channel: &history.channel,
                day: cells::day_of_ms(time_ms::to_ms(answered_at)),
            };
            cells::answer_judged(tx, &cell, history.reply_met, reply_met).await?;
        }
        Ok(())
    }

    async fn targets_of_submission(&self, tx: &mut WriteTx, submission_id: i64) -> Result<ServiceTargets> {
        let row = sqlx::query(
            "SELECT t.reply_days, t.update_days, t.day_count FROM submissions s
             JOIN service_targets t ON t.service_id = s.service_id WHERE s.id = $1",
        )
        .bind(submission_id)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else { return Ok(ServiceTargets::default()) };
        let count: String = row.try_get("day_count")?;
        Ok(ServiceTargets {
            reply_days: u32::try_from(row.try_get::<i64, _>("reply_days")?).unwrap_or(15),
            update_days: u32::try_from(row.try_get::<i64, _>("update_days")?).unwrap_or(7),
            count: super::targets::day_count(&count),
        })
    }

    async fn holidays_in(&self, tx: &mut WriteTx) -> Result<Holidays> {
        let days: Vec<String> = sqlx::query_scalar("SELECT day FROM holidays WHERE office_id = $1")
            .bind(self.office_id)
            .fetch_all(&mut **tx)
            .await?;
        Ok(Holidays::new(days.iter().filter_map(|d| Date::parse(d, super::targets::DATE).ok())))
    }
}

async fn history(tx: &mut WriteTx, submission_id: i64) -> Result<History> {
    let row = sqlx::query("SELECT created_at, status, answered_at, fiscal_year, channel, reply_met FROM submissions WHERE id = $1",)
        .bind(submission_id)
        .fetch_one(&mut **tx)
        .await?;
    let created_at = time_ms::from_ms(row.try_get("created_at")?);
    let status: String = row.try_get("status")?;
    let events =
        sqlx::query("SELECT at, status, public FROM submission_events WHERE submission_id = $1 ORDER BY id")
            .bind(submission_id)
            .fetch_all(&mut **tx)
            .await?;
    let mut pauses: Vec<Pause> = Vec::new();
    let mut last_public_at = created_at;
    for event in &events {
        let at = time_ms::from_ms(event.try_get("at")?);
        if event.try_get::<i64, _>("public")? == 1 {
            last_public_at = at;
        }
        let Some(entered) = event.try_get::<Option<String>, _>("status")? else { continue };
        let waiting = entered == Status::WaitingForSubmitter.code();
        match pauses.last_mut() {
            Some(open) if open.until.is_none() && !waiting => open.until = Some(at),
            Some(open) if open.until.is_none() => {}
            _ if waiting => pauses.push(Pause { from: at, until: None }),
            _ => {}
        }
    }
    Ok(History {
        created_at,
        // A reopened submission is open again, whatever its `answered_at`.
        answered: Status::parse(&status)?.is_answered(),
        answered_at: row.try_get::<Option<i64>, _>("answered_at")?.map(time_ms::from_ms),
        last_public_at,
        pauses,
        fiscal_year: row.try_get("fiscal_year")?,
        channel: row.try_get("channel")?,
        reply_met: row.try_get("reply_met")?,
    })
}
