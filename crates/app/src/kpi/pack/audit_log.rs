//! The audit entries of the period in a pack, whole, as JSON Lines, with
//! the chain's head when packed and how to recompute the chain by hand:
//! an evaluator can check that history was not rewritten without trusting
//! the Center's server. The entries are read a batch at a time.

use std::io::Read;

use ruamjai_domain::calendar::bangkok_midnight;
use serde::{Deserialize, Serialize};
use tokio::runtime::Handle;

use super::{Bag, Packer, bag_error};
use crate::{App, Result};

pub(super) const FOLDER: &str = "audit";
pub(super) const ENTRIES: &str = "audit/audit.jsonl";
pub(super) const HEAD: &str = "audit/head.json";

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
                serde_json::to_writer(&mut self.buffer, &entry).map_err(std::io::Error::other)?;
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
