//! The chain read out for an evidence pack and checked against one later:
//! where a period's entries start, the head, one entry by its number, and
//! what changed after a given entry.

use ruamjai_domain::audit::StoredAuditEntry;
use sqlx::Row;
use time::OffsetDateTime;

use crate::{Result, Store, time_ms};

/// An entity changed after some entry: how often and when last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedSince {
    pub entity: String,
    pub entity_id: String,
    pub changes: i64,
    pub last_action: String,
    pub last_at: OffsetDateTime,
}

impl Store {
    /// The chain's last entry number and hash (0 and the genesis hash while empty).
    pub async fn audit_head(&self) -> Result<(i64, String)> {
        let head = sqlx::query("SELECT seq, head_hash FROM audit_chains WHERE office_id = $1")
            .bind(self.office_id)
            .fetch_one(&self.pool)
            .await?;
        Ok((head.try_get("seq")?, head.try_get("head_hash")?))
    }

    /// The number of the entry just before the first one made at or after
    /// `from`: where a period's entries begin.
    pub async fn audit_seq_before(&self, from: OffsetDateTime) -> Result<i64> {
        let row = sqlx::query("SELECT MIN(seq) AS first FROM audit_log WHERE office_id = $1 AND at >= $2")
            .bind(self.office_id)
            .bind(time_ms::to_ms(from))
            .fetch_one(&self.pool)
            .await?;
        let first: Option<i64> = row.try_get("first")?;
        match first {
            Some(first) => Ok(first - 1),
            None => Ok(self.audit_head().await?.0),
        }
    }

    pub async fn audit_entry(&self, seq: i64) -> Result<Option<StoredAuditEntry>> {
        Ok(self.audit_entries(seq - 1, seq, 1).await?.pop())
    }

    /// Every entity changed after entry `seq`, the most recently changed first.
    pub async fn audit_changes_after(&self, seq: i64) -> Result<Vec<ChangedSince>> {
        let rows = sqlx::query(
            "SELECT entity, entity_id, COUNT(*) AS changes, MAX(seq) AS last_seq FROM audit_log
             WHERE office_id = $1 AND seq > $2 GROUP BY entity, entity_id ORDER BY last_seq DESC",
        )
        .bind(self.office_id)
        .bind(seq)
        .fetch_all(&self.pool)
        .await?;
        let mut changed = Vec::with_capacity(rows.len());
        for row in &rows {
            let last = self.audit_entry(row.try_get("last_seq")?).await?;
            let Some(last) = last else { continue };
            changed.push(ChangedSince {
                entity: row.try_get("entity")?,
                entity_id: row.try_get("entity_id")?,
                changes: row.try_get("changes")?,
                last_action: last.record.action,
                last_at: time_ms::from_ms(last.record.at_ms),
            });
        }
        Ok(changed)
    }
}
