//! Sealed rounds: the evaluation, the pack's manifest hash and the audit
//! head frozen as one record, written with its entry in the audit chain;
//! and the evaluators' comments on a sealed round's steps with the answers.

use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;
use ruamjai_domain::kpi::seal::StepOutcome;
use serde_json::json;
use sqlx::Row;
use time::{Date, OffsetDateTime};

use super::packs::{PackJob, parse_day, parse_steps};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, time_ms};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub id: i64,
    pub year: FiscalYear,
    pub round: Round,
    pub pack_id: i64,
    pub manifest_sha256: String,
    pub audit_seq: i64,
    pub audit_head: String,
    /// The evaluation as the API gave it when sealed.
    pub evaluation_json: String,
    pub as_of: Date,
    /// Each step's result when sealed.
    pub steps: Vec<StepOutcome>,
    pub reason: String,
    pub by: String,
    pub at: OffsetDateTime,
}

/// A comment on a step of a sealed round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealComment {
    pub id: i64,
    pub step: u8,
    pub body: String,
    pub by: String,
    /// The author's role code (`evaluator`, `director`, `collector`).
    pub role: String,
    pub at: OffsetDateTime,
}

const SELECT: &str = "SELECT id, fiscal_year, round, pack_id, manifest_sha256, audit_seq, audit_head,
        evaluation_json, as_of, steps_json, reason, sealed_by_label, sealed_at FROM kpi_seals";

fn seal(row: &sqlx::any::AnyRow) -> Result<Seal> {
    let round: i64 = row.try_get("round")?;
    let as_of: String = row.try_get("as_of")?;
    let steps: String = row.try_get("steps_json")?;
    let corrupt = |what: &str| StoreError::Corrupt(format!("seal {what}"));
    Ok(Seal {
        id: row.try_get("id")?,
        year: FiscalYear::from_be(i32::try_from(row.try_get::<i64, _>("fiscal_year")?).unwrap_or_default()),
        round: Round::parse(&round.to_string()).map_err(|_| corrupt("round"))?,
        pack_id: row.try_get("pack_id")?,
        manifest_sha256: row.try_get("manifest_sha256")?,
        audit_seq: row.try_get("audit_seq")?,
        audit_head: row.try_get("audit_head")?,
        evaluation_json: row.try_get("evaluation_json")?,
        as_of: parse_day(&as_of)?,
        steps: parse_steps(&steps)?,
        reason: row.try_get("reason")?,
        by: row.try_get("sealed_by_label")?,
        at: time_ms::from_ms(row.try_get("sealed_at")?),
    })
}

impl Store {
    /// Seals a round on a finished pack, with the evaluation the pack
    /// carries; says the seal's id.
    pub async fn seal_round(
        &self,
        actor: &Actor,
        pack: &PackJob,
        (evaluation_json, reason): (&str, &str),
        now: OffsetDateTime,
    ) -> Result<i64> {
        let (Some(manifest), Some(seq), Some(head), Some(as_of)) =
            (&pack.manifest_sha256, pack.audit_seq, &pack.audit_head, pack.as_of)
        else {
            return Err(StoreError::Conflict("pack-not-done"));
        };
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO kpi_seals (office_id, fiscal_year, round, pack_id, manifest_sha256, audit_seq, audit_head,
                 evaluation_json, as_of, steps_json, reason, sealed_by, sealed_by_label, sealed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(self.office_id)
        .bind(i64::from(pack.year.be()))
        .bind(i64::from(pack.round.months()))
        .bind(pack.id)
        .bind(manifest)
        .bind(seq)
        .bind(head)
        .bind(evaluation_json)
        .bind(as_of.to_string())
        .bind(serde_json::to_string(&pack.steps).expect("step outcomes serialize"))
        .bind(reason)
        .bind(actor.user_id)
        .bind(&actor.label)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        let id_text = id.to_string();
        let after = json!({
            "fiscal_year": pack.year.be(), "round": pack.round.months(), "pack": pack.id,
            "manifest_sha256": manifest, "audit_seq": seq, "audit_head": head, "as_of": as_of.to_string(),
            "reason": reason,
        });
        let change = Change::created("seal-round", "kpi-seal", &id_text, after);
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The year's seals, by round and then oldest first.
    pub async fn seals(&self, year: FiscalYear) -> Result<Vec<Seal>> {
        let rows =
            sqlx::query(&format!("{SELECT} WHERE office_id = $1 AND fiscal_year = $2 ORDER BY round, id"))
                .bind(self.office_id)
                .bind(i64::from(year.be()))
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(seal).collect()
    }

    pub async fn comment_on_seal(
        &self,
        actor: &Actor,
        (seal_id, step): (i64, u8),
        (body, role): (&str, &str),
        now: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO kpi_seal_comments (seal_id, step, body, author_id, author_label, author_role, written_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(seal_id)
        .bind(i64::from(step))
        .bind(body)
        .bind(actor.user_id)
        .bind(&actor.label)
        .bind(role)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        let id_text = id.to_string();
        let after = json!({ "seal": seal_id, "step": step, "text": body });
        let change = Change::created("comment-on-seal", "kpi-seal-comment", &id_text, after);
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A seal's comments, step by step, oldest first.
    pub async fn seal_comments(&self, seal_id: i64) -> Result<Vec<SealComment>> {
        let rows = sqlx::query(
            "SELECT id, step, body, author_label, author_role, written_at FROM kpi_seal_comments
             WHERE seal_id = $1 ORDER BY step, id",
        )
        .bind(seal_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(SealComment {
                    id: row.try_get("id")?,
                    step: u8::try_from(row.try_get::<i64, _>("step")?).unwrap_or_default(),
                    body: row.try_get("body")?,
                    by: row.try_get("author_label")?,
                    role: row.try_get("author_role")?,
                    at: time_ms::from_ms(row.try_get("written_at")?),
                })
            })
            .collect()
    }
}
