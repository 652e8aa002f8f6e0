//! The audit log is a hash chain: each entry's hash covers its own fields and
//! the previous entry's hash, so rewriting or deleting history breaks a link
//! that `verify_chain` finds.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The hash that precedes the first entry of a chain.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One change by a signed-in user (or by an administrator's command).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub seq: i64,
    /// Milliseconds since the Unix epoch, UTC.
    pub at_ms: i64,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    /// JSON of the state before the change (`null` when created).
    pub before: String,
    /// JSON of the state after the change (`null` when deleted).
    pub after: String,
}

impl AuditRecord {
    /// The hash of this record chained to the previous hash (hex, 64 chars).
    ///
    /// Every field is length-prefixed so that no two different records can
    /// produce the same byte stream.
    pub fn chain_hash(&self, prev_hash: &str) -> String {
        let mut hasher = Sha256::new();
        let seq = self.seq.to_string();
        let at = self.at_ms.to_string();
        let fields = [
            prev_hash,
            &seq,
            &at,
            &self.actor,
            &self.action,
            &self.entity,
            &self.entity_id,
            &self.before,
            &self.after,
        ];
        for field in fields {
            hasher.update((field.len() as u64).to_be_bytes());
            hasher.update(field.as_bytes());
        }
        hex(&hasher.finalize())
    }
}

/// A stored entry: the record with the hashes it was saved with. As JSON
/// (one line of an evidence pack's `audit.jsonl`) its fields sit side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAuditEntry {
    #[serde(flatten)]
    pub record: AuditRecord,
    pub prev_hash: String,
    pub hash: String,
}

/// Where and why a chain stops being intact.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("entry {seq}: its sequence number should be {expected}")]
    Gap { seq: i64, expected: i64 },
    #[error("entry {seq}: it does not point at the hash of the entry before it")]
    WrongLink { seq: i64 },
    #[error("entry {seq}: its content does not match its hash")]
    Tampered { seq: i64 },
    #[error("the chain should end at entry {expected} with its recorded head, but ends at entry {found}")]
    Truncated { expected: i64, found: i64 },
}

/// Checks a chain in sequence order, starting after `prev_hash` and `prev_seq`;
/// returns the hash and sequence of the last entry checked.
pub fn verify_chain<'a>(
    entries: impl IntoIterator<Item = &'a StoredAuditEntry>,
    mut prev_hash: String,
    mut prev_seq: i64,
) -> Result<(String, i64), ChainBreak> {
    for entry in entries {
        let seq = entry.record.seq;
        if seq != prev_seq + 1 {
            return Err(ChainBreak::Gap { seq, expected: prev_seq + 1 });
        }
        if entry.prev_hash != prev_hash {
            return Err(ChainBreak::WrongLink { seq });
        }
        if entry.record.chain_hash(&entry.prev_hash) != entry.hash {
            return Err(ChainBreak::Tampered { seq });
        }
        prev_hash.clone_from(&entry.hash);
        prev_seq = seq;
    }
    Ok((prev_hash, prev_seq))
}

use crate::hash::hex;

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<StoredAuditEntry> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=n)
            .map(|seq| {
                let record = AuditRecord {
                    seq,
                    at_ms: 1_700_000_000_000 + seq,
                    actor: "admin@example.go.th".into(),
                    action: "update".into(),
                    entity: "service".into(),
                    entity_id: format!("s{seq}"),
                    before: r#"{"name_th":"เดิม"}"#.into(),
                    after: r#"{"name_th":"ใหม่"}"#.into(),
                };
                let hash = record.chain_hash(&prev);
                let entry = StoredAuditEntry { record, prev_hash: prev.clone(), hash: hash.clone() };
                prev = hash;
                entry
            })
            .collect()
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let entries = chain(5);
        let (last, seq) = verify_chain(&entries, GENESIS_HASH.into(), 0).unwrap();
        assert_eq!(seq, 5);
        assert_eq!(last, entries[4].hash);
    }

    #[test]
    fn an_edited_entry_is_reported_as_tampered() {
        let mut entries = chain(5);
        entries[2].record.after = r#"{"name_th":"แก้ย้อนหลัง"}"#.into();
        assert_eq!(verify_chain(&entries, GENESIS_HASH.into(), 0), Err(ChainBreak::Tampered { seq: 3 }));
    }

    #[test]
    fn a_deleted_entry_is_reported_as_a_gap() {
        let mut entries = chain(5);
        entries.remove(1);
        assert_eq!(
            verify_chain(&entries, GENESIS_HASH.into(), 0),
            Err(ChainBreak::Gap { seq: 3, expected: 2 })
        );
    }

    #[test]
    fn a_rehashed_entry_still_breaks_the_next_link() {
        let mut entries = chain(5);
        entries[1].record.actor = "intruder".into();
        entries[1].hash = entries[1].record.chain_hash(&entries[1].prev_hash);
        assert_eq!(verify_chain(&entries, GENESIS_HASH.into(), 0), Err(ChainBreak::WrongLink { seq: 3 }));
    }

    #[test]
    fn field_boundaries_are_part_of_the_hash() {
        let a = AuditRecord {
            seq: 1,
            at_ms: 0,
            actor: "ab".into(),
            action: "c".into(),
            entity: String::new(),
            entity_id: String::new(),
            before: String::new(),
            after: String::new(),
        };
        let b = AuditRecord { actor: "a".into(), action: "bc".into(), ..a.clone() };
        assert_ne!(a.chain_hash(GENESIS_HASH), b.chain_hash(GENESIS_HASH));
    }
}
