//! Checking a pack as the evaluating office would: the bag itself (every
//! payload hash, the tag manifest, Payload-Oxum), then the audit chain of
//! the period recomputed from `data/audit/`, and — given the live store —
//! that the pack's head is in the live chain, with what changed since.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use ruamjai_bagit::{Bag, Problem, Verified};
use ruamjai_domain::audit::{ChainBreak, StoredAuditEntry, verify_chain};
use ruamjai_store::Store;
use ruamjai_store::audit::ChangedSince;

use super::audit_log::{ENTRIES, HEAD, Head};
use crate::{Error, Result};

/// Something wrong with the audit entries a pack carries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditProblem {
    #[error("`data/{0}` is missing")]
    Missing(&'static str),
    #[error("`data/{ENTRIES}` line {line} is not an audit entry")]
    Unreadable { line: u64 },
    #[error("`data/{HEAD}` is not the chain's head record")]
    BadHead,
    #[error("`data/{ENTRIES}`: {0}")]
    Broken(ChainBreak),
    #[error("`data/{ENTRIES}` ends at entry {found}, but `data/{HEAD}` records the head at entry {expected}")]
    HeadMismatch { expected: i64, found: i64 },
    #[error("`data/{HEAD}` records a head that `bag-info.txt` does not")]
    InfoMismatch,
}

/// What the live chain says of a pack's head.
#[derive(Debug, Clone)]
pub struct Live {
    /// The pack's head is an entry of the live chain with the same hash.
    pub head_in_chain: bool,
    /// Everything changed since the pack was made, newest first.
    pub changed_since: Vec<ChangedSince>,
}

#[derive(Debug, Clone, Default)]
pub struct Verification {
    pub bag: Verified,
    pub audit_entries: u64,
    pub audit: Vec<AuditProblem>,
    pub head: Option<(i64, String)>,
}

impl Verification {
    pub fn holds(&self) -> bool {
        self.bag.is_valid() && self.audit.is_empty()
    }

    /// Every problem as a sentence naming its file.
    pub fn problems(&self) -> Vec<String> {
        let bag = self.bag.problems.iter().map(Problem::to_string);
        bag.chain(self.audit.iter().map(AuditProblem::to_string)).collect()
    }
}

/// Checks the pack at `path`; `on_file` hears each payload file's size.
pub fn verify(path: &Path, on_file: impl FnMut(u64)) -> Result<Verification> {
    let file = File::open(path).map_err(|e| Error::Internal(format!("{}: {e}", path.display())))?;
    let mut bag =
        Bag::open(BufReader::with_capacity(1 << 16, file)).map_err(|e| Error::Internal(e.to_string()))?;
    let verified = bag.verify(on_file).map_err(|e| Error::Internal(e.to_string()))?;
    let mut verification = Verification { bag: verified, ..Verification::default() };
    check_audit(&mut bag, &mut verification).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(verification)
}

fn check_audit<R: std::io::Read + std::io::Seek>(
    bag: &mut Bag<R>,
    verification: &mut Verification,
) -> std::result::Result<(), ruamjai_bagit::BagError> {
    let problems = &mut verification.audit;
    let head: Option<Head> = match bag.file(&format!("data/{HEAD}"))? {
        Some(file) => serde_json::from_reader(file).ok(),
        None => {
            problems.push(AuditProblem::Missing(HEAD));
            return Ok(());
        }
    };
    let Some(head) = head else {
        problems.push(AuditProblem::BadHead);
        return Ok(());
    };
    let info = bag.info()?;
    let said = |label: &str| info.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone());
    if said("Ruamjai-Audit-Head-Seq") != Some(head.head_seq.to_string())
        || said("Ruamjai-Audit-Head-SHA256").as_deref() != Some(head.head_hash.as_str())
    {
        problems.push(AuditProblem::InfoMismatch);
    }
    let Some(entries) = bag.file(&format!("data/{ENTRIES}"))? else {
        problems.push(AuditProblem::Missing(ENTRIES));
        return Ok(());
    };
    let (mut prev_hash, mut prev_seq) = (head.after_hash.clone(), head.after_seq);
    let mut checked = 0;
    for (number, line) in BufReader::new(entries).lines().enumerate() {
        let entry = line.ok().and_then(|l| serde_json::from_str::<StoredAuditEntry>(&l).ok());
        let Some(entry) = entry else {
            problems.push(AuditProblem::Unreadable { line: number as u64 + 1 });
            return Ok(());
        };
        match verify_chain(std::iter::once(&entry), prev_hash, prev_seq) {
            Ok((hash, seq)) => (prev_hash, prev_seq) = (hash, seq),
            Err(broken) => {
                problems.push(AuditProblem::Broken(broken));
                return Ok(());
            }
        }
        checked += 1;
    }
    verification.audit_entries = checked;
    if prev_seq != head.head_seq || prev_hash != head.head_hash {
        problems.push(AuditProblem::HeadMismatch { expected: head.head_seq, found: prev_seq });
    }
    verification.head = Some((head.head_seq, head.head_hash));
    Ok(())
}

/// Whether the pack's head is in the live chain, and what changed since.
pub async fn against_live(store: &Store, (seq, hash): &(i64, String)) -> Result<Live> {
    let entry = store.audit_entry(*seq).await?;
    let head_in_chain = entry.is_some_and(|e| &e.hash == hash);
    let changed_since = if head_in_chain { store.audit_changes_after(*seq).await? } else { Vec::new() };
    Ok(Live { head_in_chain, changed_since })
}
