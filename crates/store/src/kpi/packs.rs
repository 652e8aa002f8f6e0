//! Evidence pack jobs: requested (queued), claimed one at a time per office
//! (a unique index lets only one run), their progress refreshed as they go,
//! and finished with what the ZIP holds or why it failed. A running pack
//! whose heartbeat stopped (its process died) is failed when the next one
//! is claimed, so the queue never sticks.

use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;
use ruamjai_domain::kpi::seal::StepOutcome;
use sqlx::Row;
use time::{Date, Duration, OffsetDateTime};

use crate::audit::Actor;
use crate::{Result, Store, StoreError, time_ms};

/// How long a running pack may go without progress before it counts as cut short.
pub const STALE_AFTER: Duration = Duration::minutes(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackState {
    Queued,
    Running,
    Done,
    Failed,
}

impl PackState {
    pub fn code(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }

    fn parse(code: &str) -> Result<Self> {
        [Self::Queued, Self::Running, Self::Done, Self::Failed]
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| StoreError::Corrupt(format!("evidence pack state {code}")))
    }
}

/// A pack job and, once done, what it made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackJob {
    pub id: i64,
    pub year: FiscalYear,
    pub round: Round,
    pub state: PackState,
    pub done: i64,
    pub total: i64,
    pub bytes: i64,
    pub file_name: Option<String>,
    pub manifest_sha256: Option<String>,
    pub audit_seq: Option<i64>,
    pub audit_head: Option<String>,
    /// The day the round was evaluated as of, and each step's result then.
    pub as_of: Option<Date>,
    pub steps: Vec<StepOutcome>,
    pub error: Option<String>,
    pub requested_by: String,
    pub requested_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
}

/// What a finished pack holds.
#[derive(Debug, Clone)]
pub struct PackMade<'a> {
    pub file_name: &'a str,
    pub bytes: i64,
    pub manifest_sha256: &'a str,
    pub audit_seq: i64,
    pub audit_head: &'a str,
    pub as_of: Date,
    pub steps: &'a [StepOutcome],
}

const SELECT: &str = "SELECT p.id, p.fiscal_year, p.round, p.state, p.done, p.total, p.bytes, p.file_name,
        p.manifest_sha256, p.audit_seq, p.audit_head, p.as_of, p.steps_json, p.error, COALESCE(u.email, '') AS requested_by,
        p.requested_at, p.finished_at
    FROM evidence_packs p LEFT JOIN users u ON u.id = p.requested_by";

fn job(row: &sqlx::any::AnyRow) -> Result<PackJob> {
    let round: i64 = row.try_get("round")?;
    let state: String = row.try_get("state")?;
    let finished: Option<i64> = row.try_get("finished_at")?;
    let as_of: Option<String> = row.try_get("as_of")?;
    let steps: Option<String> = row.try_get("steps_json")?;
    Ok(PackJob {
        id: row.try_get("id")?,
        year: FiscalYear::from_be(i32::try_from(row.try_get::<i64, _>("fiscal_year")?).unwrap_or_default()),
        round: Round::parse(&round.to_string()).map_err(|_| StoreError::Corrupt(format!("round {round}")))?,
        state: PackState::parse(&state)?,
        done: row.try_get("done")?,
        total: row.try_get("total")?,
        bytes: row.try_get("bytes")?,
        file_name: row.try_get("file_name")?,
        manifest_sha256: row.try_get("manifest_sha256")?,
        audit_seq: row.try_get("audit_seq")?,
        audit_head: row.try_get("audit_head")?,
        as_of: as_of.map(|day| parse_day(&day)).transpose()?,
        steps: steps.map(|json| parse_steps(&json)).transpose()?.unwrap_or_default(),
        error: row.try_get("error")?,
        requested_by: row.try_get("requested_by")?,
        requested_at: time_ms::from_ms(row.try_get("requested_at")?),
        finished_at: finished.map(time_ms::from_ms),
    })
}

impl Store {
    /// Queues a pack of the round; says its id. Reading evidence changes
    /// nothing, so no audit entry: the seal that uses a pack is audited.
    pub async fn queue_pack(
        &self,
        actor: &Actor,
        year: FiscalYear,
        round: Round,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO evidence_packs (office_id, fiscal_year, round, state, done, total, bytes, requested_by,
                 requested_at, heartbeat_at)
             VALUES ($1, $2, $3, 'queued', 0, 0, 0, $4, $5, $5) RETURNING id",
        )
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .bind(i64::from(round.months()))
        .bind(actor.user_id)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Claims the oldest queued pack unless one is running; `None` when
    /// there is nothing to do or another worker holds the turn.
    pub async fn claim_pack(&self, now: OffsetDateTime) -> Result<Option<PackJob>> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE evidence_packs SET state = 'failed', error = $1, finished_at = $2
             WHERE office_id = $3 AND state = 'running' AND heartbeat_at < $4",
        )
        .bind("interrupted: the server stopped while packing")
        .bind(time_ms::to_ms(now))
        .bind(self.office_id)
        .bind(time_ms::to_ms(now - STALE_AFTER))
        .execute(&mut *tx)
        .await?;
        let next: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(id) FROM evidence_packs WHERE office_id = $1 AND state = 'queued'",
        )
        .bind(self.office_id)
        .fetch_one(&mut *tx)
        .await?;
        let Some(id) = next else {
            tx.commit().await?;
            return Ok(None);
        };
        let claimed = sqlx::query(
            "UPDATE evidence_packs SET state = 'running', heartbeat_at = $1 WHERE id = $2 AND state = 'queued'",
        )
        .bind(time_ms::to_ms(now))
        .bind(id)
        .execute(&mut *tx)
        .await;
        match claimed.map_err(StoreError::from) {
            Ok(done) if done.rows_affected() == 1 => {}
            Ok(_) | Err(StoreError::Conflict(_)) => return Ok(None),
            Err(other) => return Err(other),
        }
        tx.commit().await?;
        self.pack_job(id).await.map(Some)
    }

    /// The progress of a running pack; it keeps the heartbeat fresh.
    pub async fn pack_progress(
        &self,
        id: i64,
        (done, total, bytes): (u64, u64, u64),
        now: OffsetDateTime,
    ) -> Result<()> {
        let as_i64 = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        sqlx::query(
            "UPDATE evidence_packs SET done = $1, total = $2, bytes = $3, heartbeat_at = $4
             WHERE id = $5 AND state = 'running'",
        )
        .bind(as_i64(done))
        .bind(as_i64(total))
        .bind(as_i64(bytes))
        .bind(time_ms::to_ms(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn finish_pack(&self, id: i64, made: &PackMade<'_>, now: OffsetDateTime) -> Result<()> {
        sqlx::query(
            "UPDATE evidence_packs SET state = 'done', done = total, bytes = $1, file_name = $2,
                 manifest_sha256 = $3, audit_seq = $4, audit_head = $5, as_of = $6, steps_json = $7,
                 finished_at = $8, heartbeat_at = $8
             WHERE id = $9",
        )
        .bind(made.bytes)
        .bind(made.file_name)
        .bind(made.manifest_sha256)
        .bind(made.audit_seq)
        .bind(made.audit_head)
        .bind(made.as_of.to_string())
        .bind(serde_json::to_string(made.steps).expect("step outcomes serialize"))
        .bind(time_ms::to_ms(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn fail_pack(&self, id: i64, error: &str, now: OffsetDateTime) -> Result<()> {
        sqlx::query("UPDATE evidence_packs SET state = 'failed', error = $1, finished_at = $2 WHERE id = $3")
            .bind(error)
            .bind(time_ms::to_ms(now))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn pack_job(&self, id: i64) -> Result<PackJob> {
        let row = sqlx::query(&format!("{SELECT} WHERE p.office_id = $1 AND p.id = $2"))
            .bind(self.office_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        job(&row)
    }

    /// The year's packs, the newest first.
    pub async fn pack_jobs(&self, year: FiscalYear) -> Result<Vec<PackJob>> {
        let rows = sqlx::query(&format!(
            "{SELECT} WHERE p.office_id = $1 AND p.fiscal_year = $2 ORDER BY p.id DESC"
        ))
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(job).collect()
    }
}

pub(super) fn parse_day(day: &str) -> Result<Date> {
    Date::parse(day, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| StoreError::Corrupt(format!("day {day}")))
}

pub(super) fn parse_steps(json: &str) -> Result<Vec<StepOutcome>> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("step outcomes: {e}")))
}
