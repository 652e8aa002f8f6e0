//! The audit entries of the period in a pack, whole, as JSON Lines, with
//! the chain's head when packed and how to recompute the chain by hand:
//! an evaluator can check that history was not rewritten without trusting
//! the Center's server. The entries are read a batch at a time.

use std::io::Read;

use ruamjai_domain::audit::StoredAuditEntry;
use ruamjai_domain::calendar::bangkok_midnight;
use serde::{Deserialize, Serialize};
use tokio::runtime::Handle;

use super::{Bag, Packer, bag_error};
use crate::{App, Result};

pub(super) const FOLDER: &str = "audit";
pub(super) const ENTRIES: &str = "audit/audit.jsonl";
pub(super) const HEAD: &str = "audit/head.json";

/// One line of `audit.jsonl`: the fields the hash covers, as stored, and
/// the two hashes.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Line {
    pub seq: i64,
    pub at_ms: i64,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: String,
    pub after: String,
    pub prev_hash: String,
    pub hash: String,
}

impl From<StoredAuditEntry> for Line {
    fn from(e: StoredAuditEntry) -> Self {
        let r = e.record;
        Self {
            seq: r.seq,
            at_ms: r.at_ms,
            actor: r.actor,
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            before: r.before,
            after: r.after,
            prev_hash: e.prev_hash,
            hash: e.hash,
        }
    }
}

impl From<Line> for StoredAuditEntry {
    fn from(l: Line) -> Self {
        Self {
            record: ruamjai_domain::audit::AuditRecord {
                seq: l.seq,
                at_ms: l.at_ms,
                actor: l.actor,
                action: l.action,
                entity: l.entity,
                entity_id: l.entity_id,
                before: l.before,
                after: l.after,
            },
            prev_hash: l.prev_hash,
            hash: l.hash,
        }
    }
}

/// Where the period's entries sit in the chain.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub(super) struct Head {
    /// The number of the entry just before the period's first, and its hash:
    /// the first line's `prev_hash`.
    pub after_seq: i64,
    pub after_hash: String,
    /// The chain's last entry when packed.
    pub head_seq: i64,
    pub head_hash: String,
}

const BATCH: i64 = 2_000;

/// The entries after `after` up to `up_to` as JSON Lines, fetched from the
/// store as they are read.
struct Lines {
    app: App,
    runtime: Handle,
    next_after: i64,
    up_to: i64,
    buffer: Vec<u8>,
    at: usize,
}

impl Read for Lines {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.buffer.len() {
            if self.next_after >= self.up_to {
                return Ok(0);
            }
            let store = self.app.store();
            let batch = self
                .runtime
                .block_on(store.audit_entries(self.next_after, self.up_to, BATCH))
                .map_err(std::io::Error::other)?;
            let Some(last) = batch.last() else { return Ok(0) };
            self.next_after = last.record.seq;
            self.buffer.clear();
            self.at = 0;
            for entry in batch {
                serde_json::to_writer(&mut self.buffer, &Line::from(entry)).map_err(std::io::Error::other)?;
                self.buffer.push(b'\n');
            }
        }
        let n = out.len().min(self.buffer.len() - self.at);
        out[..n].copy_from_slice(&self.buffer[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

impl Packer {
    pub(super) fn audit_log(&mut self, bag: &mut Bag) -> Result<()> {
        let store = self.app.store();
        let start = bangkok_midnight(self.year.first_day());
        let after_seq = self.block_on(async { Ok(store.audit_seq_before(start).await?) })?;
        let after_hash = match after_seq {
            0 => ruamjai_domain::audit::GENESIS_HASH.to_owned(),
            seq => self
                .block_on(async { Ok(store.audit_entry(seq).await?) })?
                .map(|e| e.hash)
                .unwrap_or_default(),
        };
        let (head_seq, head_hash) = self.audit.clone();
        let lines = Lines {
            app: self.app.clone(),
            runtime: self.runtime.clone(),
            next_after: after_seq,
            up_to: head_seq,
            buffer: Vec::new(),
            at: 0,
        };
        let added = bag.add(ENTRIES, lines).map_err(bag_error)?;
        self.listed(FOLDER, ENTRIES, added.bytes);
        let head = Head { after_seq, after_hash, head_seq, head_hash };
        let json = serde_json::to_vec_pretty(&head).map_err(|e| crate::Error::Internal(e.to_string()))?;
        self.add(bag, FOLDER, "head.json", &json)?;
        let readme = format!(
            "{}\n\n{}\n",
            self.locale.t("pack-audit-readme"),
            ruamjai_i18n::Locale::En.t("pack-audit-readme")
        );
        self.add(bag, FOLDER, "README.txt", readme.as_bytes())
    }
}
