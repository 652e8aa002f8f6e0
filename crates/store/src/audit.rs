//! The append-only, hash-chained audit log.
//!
//! Every change by a signed-in user (or an administrator's command) appends an
//! entry in the same transaction as the change itself, so that there is never
//! a change without its entry or an entry without its change.

use ruamjai_domain::audit::{AuditRecord, ChainBreak, GENESIS_HASH, StoredAuditEntry, verify_chain};
use serde_json::Value;
use sqlx::Row;
use time::OffsetDateTime;

use crate::{Result, Store, WriteTx, time_ms};

mod export;
pub use export::ChangedSince;

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i64>,
    /// What the log shows: the user's e-mail, or `command:<name>`.
    pub label: String,
}

impl Actor {
    pub fn user(id: i64, email: &str) -> Self {
        Self { user_id: Some(id), label: email.to_owned() }
    }

    /// An administrator's command-line action, run with database access.
    pub fn command(name: &str) -> Self {
        Self { user_id: None, label: format!("command:{name}") }
    }
}

/// One change to record: what was touched and its state before and after.
#[derive(Debug)]
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Value,
    pub after: Value,
}

impl<'a> Change<'a> {
    /// The creation of one entity: no state before, its state after.
    pub fn created(action: &'a str, entity: &'a str, entity_id: &'a str, after: Value) -> Self {
        Self { action, entity, entity_id, before: Value::Null, after }
    }

    /// An update of one entity, with its state before and after.
    pub fn update(
        entity: &'a str,
        entity_id: &'a str,
        before: &impl serde::Serialize,
        after: &impl serde::Serialize,
    ) -> Self {
        Self {
            action: "update",
            entity,
            entity_id,
            before: serde_json::json!(before),
            after: serde_json::json!(after),
        }
    }
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    pub entries_checked: i64,
    pub first_break: Option<ChainBreak>,
}

/// An entry as shown to those who may read the log.
#[derive(Debug, Clone)]
pub struct AuditEntryView {
    pub seq: i64,
    pub at: OffsetDateTime,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: String,
    pub after: String,
}

/// Appends an entry inside the caller's write transaction.
pub(crate) async fn append(
    tx: &mut WriteTx,
    office_id: i64,
    actor: &Actor,
    change: Change<'_>,
) -> Result<()> {
    // Updating the head first locks it, which serializes appends on both backends.
    let head =
        sqlx::query("UPDATE audit_chains SET seq = seq + 1 WHERE office_id = $1 RETURNING seq, head_hash")
            .bind(office_id)
            .fetch_one(&mut **tx)
            .await?;
    let record = AuditRecord {
        seq: head.try_get("seq")?,
        at_ms: time_ms::to_ms(OffsetDateTime::now_utc()),
        actor: actor.label.clone(),
        action: change.action.to_owned(),
        entity: change.entity.to_owned(),
        entity_id: change.entity_id.to_owned(),
        before: change.before.to_string(),
        after: change.after.to_string(),
    };
    let prev_hash: String = head.try_get("head_hash")?;
    let hash = record.chain_hash(&prev_hash);
    sqlx::query(
        "INSERT INTO audit_log (office_id, seq, at, actor_user_id, actor, action, entity, entity_id,
                                before_json, after_json, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(office_id)
    .bind(record.seq)
    .bind(record.at_ms)
    .bind(actor.user_id)
    .bind(&record.actor)
    .bind(&record.action)
    .bind(&record.entity)
    .bind(&record.entity_id)
    .bind(&record.before)
    .bind(&record.after)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE audit_chains SET head_hash = $1 WHERE office_id = $2")
        .bind(&hash)
        .bind(office_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

const VERIFY_BATCH: i64 = 2_000;

impl Store {
    /// Walks the whole chain in order and reports the first broken link.
    pub async fn verify_audit(&self) -> Result<AuditReport> {
        let (mut prev_hash, mut prev_seq) = (GENESIS_HASH.to_owned(), 0_i64);
        loop {
            let batch = self.audit_batch(prev_seq).await?;
            let Some(last) = batch.last().map(|e| e.record.seq) else { break };
            match verify_chain(&batch, prev_hash, prev_seq) {
                Ok((hash, seq)) => (prev_hash, prev_seq) = (hash, seq),
                Err(found) => return Ok(AuditReport { entries_checked: last, first_break: Some(found) }),
            }
        }
        let head = sqlx::query("SELECT seq, head_hash FROM audit_chains WHERE office_id = $1")
            .bind(self.office_id)
            .fetch_one(&self.pool)
            .await?;
        let (head_seq, head_hash): (i64, String) = (head.try_get("seq")?, head.try_get("head_hash")?);
        let first_break = (head_seq != prev_seq || head_hash != prev_hash)
            .then_some(ChainBreak::Truncated { expected: head_seq, found: prev_seq });
        Ok(AuditReport { entries_checked: prev_seq, first_break })
    }

    async fn audit_batch(&self, after_seq: i64) -> Result<Vec<StoredAuditEntry>> {
        self.audit_entries(after_seq, i64::MAX, VERIFY_BATCH).await
    }

    /// Up to `limit` entries after `after_seq` and up to `up_to_seq`, in order,
    /// with their hashes.
    pub async fn audit_entries(
        &self,
        after_seq: i64,
        up_to_seq: i64,
        limit: i64,
    ) -> Result<Vec<StoredAuditEntry>> {
        let rows = sqlx::query(
            "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash
             FROM audit_log WHERE office_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4",
        )
        .bind(self.office_id)
        .bind(after_seq)
        .bind(up_to_seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(stored_entry).collect()
    }

    /// The newest entries first.
    pub async fn recent_audit(&self, limit: i64) -> Result<Vec<AuditEntryView>> {
        let rows = sqlx::query(
            "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json
             FROM audit_log WHERE office_id = $1 ORDER BY seq DESC LIMIT $2",
        )
        .bind(self.office_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(AuditEntryView {
                    seq: row.try_get("seq")?,
                    at: time_ms::from_ms(row.try_get("at")?),
                    actor: row.try_get("actor")?,
                    action: row.try_get("action")?,
                    entity: row.try_get("entity")?,
                    entity_id: row.try_get("entity_id")?,
                    before: row.try_get("before_json")?,
                    after: row.try_get("after_json")?,
                })
            })
            .collect()
    }
}

fn stored_entry(row: &sqlx::any::AnyRow) -> Result<StoredAuditEntry> {
    Ok(StoredAuditEntry {
        record: AuditRecord {
            seq: row.try_get("seq")?,
            at_ms: row.try_get("at")?,
            actor: row.try_get("actor")?,
            action: row.try_get("action")?,
            entity: row.try_get("entity")?,
            entity_id: row.try_get("entity_id")?,
            before: row.try_get("before_json")?,
            after: row.try_get("after_json")?,
        },
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}
