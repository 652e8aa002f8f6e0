//! Revisions of a work manual: the open draft saved, each step of its
//! workflow with the signature it adds, and the revisions read back with
//! their signatures.

use ruamjai_domain::participation::consultation::format_iso_date;
use ruamjai_domain::work_manual::WorkManualContent;
use ruamjai_domain::work_manual::control::{
    Action, Change as RevisionChange, RevisionNumber, Signatures, Stage,
};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::{Date, OffsetDateTime};

use super::stored_date;
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// What a signature on a revision vouches for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Duty {
    Author,
    Reviewer,
    Approver,
}

impl Duty {
    pub const ALL: [Self; 3] = [Self::Author, Self::Reviewer, Self::Approver];

    pub fn code(self) -> &'static str {
        match self {
            Self::Author => "author",
            Self::Reviewer => "reviewer",
            Self::Approver => "approver",
        }
    }

    fn parse(raw: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|d| d.code() == raw)
            .ok_or_else(|| StoreError::Corrupt(format!("duty {raw}")))
    }

    /// The signature a workflow step adds.
    fn of(action: Action) -> Option<Self> {
        match action {
            Action::Submit => Some(Self::Author),
            Action::Review => Some(Self::Reviewer),
            Action::Approve => Some(Self::Approver),
            Action::Return => None,
        }
    }
}

/// A name signed under, with the position held at the time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub duty: Duty,
    pub user_id: i64,
    pub name: String,
    pub job_title: String,
    pub signed_at: OffsetDateTime,
}

/// One revision as stored.
#[derive(Debug, Clone)]
pub struct Revision {
    pub id: i64,
    pub work_manual_id: i64,
    pub number: RevisionNumber,
    pub stage: Stage,
    /// The JSON of the content.
    pub content: String,
    pub content_hash: String,
    pub change: RevisionChange,
    pub change_summary: String,
    pub requires_reading: bool,
    pub return_comment: String,
    pub effective_on: Option<Date>,
    pub readers_notified_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub signatures: Vec<Signature>,
}

impl Revision {
    pub fn content(&self) -> Result<WorkManualContent> {
        serde_json::from_str(&self.content)
            .map_err(|e| StoreError::Corrupt(format!("work manual revision {}: {e}", self.id)))
    }

    pub fn signature(&self, duty: Duty) -> Option<&Signature> {
        self.signatures.iter().find(|s| s.duty == duty)
    }

    /// Who has signed so far, for the domain's separation of duties.
    pub fn signed(&self) -> Signatures {
        Signatures {
            author: self.signature(Duty::Author).map(|s| s.user_id),
            reviewer: self.signature(Duty::Reviewer).map(|s| s.user_id),
        }
    }
}

/// A draft to save: numbered and hashed by the caller from the domain's rules.
#[derive(Debug, Clone)]
pub struct NewRevision<'a> {
    pub number: RevisionNumber,
    pub content: &'a WorkManualContent,
    pub content_hash: &'a str,
    pub change: &'a RevisionChange,
    pub change_summary: &'a str,
    pub requires_reading: bool,
    /// The words to find it by, space separated.
    pub search_text: &'a str,
}

const SELECT_REVISION: &str =
    "SELECT r.id, r.work_manual_id, r.number, r.correction, r.stage, r.content, r.content_hash,
     r.change_kind, r.change_reason, r.change_summary, r.requires_reading, r.return_comment, r.effective_on,
     r.readers_notified_at, r.created_at, r.updated_at
     FROM work_manual_revisions r JOIN work_manuals m ON m.id = r.work_manual_id";

impl Store {
    /// Every revision of a work manual with its signatures, oldest first.
    pub async fn work_manual_revisions(&self, manual_id: i64) -> Result<Vec<Revision>> {
        let rows = sqlx::query(&format!(
            "{SELECT_REVISION} WHERE m.office_id = $1 AND m.id = $2 ORDER BY r.number, r.correction"
        ))
        .bind(self.office_id)
        .bind(manual_id)
        .fetch_all(&self.pool)
        .await?;
        let mut revisions: Vec<Revision> = rows.iter().map(revision_of).collect::<Result<_>>()?;
        let signatures = sqlx::query(
            "SELECT g.revision_id, g.duty, g.user_id, g.name, g.job_title, g.signed_at
             FROM work_manual_signatures g JOIN work_manual_revisions r ON r.id = g.revision_id
             JOIN work_manuals m ON m.id = r.work_manual_id
             WHERE m.office_id = $1 AND m.id = $2 ORDER BY g.signed_at, g.id",
        )
        .bind(self.office_id)
        .bind(manual_id)
        .fetch_all(&self.pool)
        .await?;
        for row in &signatures {
            let revision_id: i64 = row.try_get("revision_id")?;
            let signature = Signature {
                duty: Duty::parse(&row.try_get::<String, _>("duty")?)?,
                user_id: row.try_get("user_id")?,
                name: row.try_get("name")?,
                job_title: row.try_get("job_title")?,
                signed_at: time_ms::from_ms(row.try_get("signed_at")?),
            };
            if let Some(revision) = revisions.iter_mut().find(|r| r.id == revision_id) {
                revision.signatures.push(signature);
            }
        }
        Ok(revisions)
    }

    /// Saves the open draft of a work manual, or starts one signed by its
    /// author. A revision in review or reviewed cannot be edited: it must
    /// be sent back first.
    pub async fn save_work_manual_draft(
        &self,
        actor: &Actor,
        manual_id: i64,
        draft: &NewRevision<'_>,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let content = serde_json::to_string(draft.content).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let reason = match draft.change {
            RevisionChange::Major => "",
            RevisionChange::Minor { reason } => reason,
        };
        let at = time_ms::to_ms(now);
        let mut tx = self.begin_write().await?;
        let open: Option<(i64, String)> = sqlx::query_as(
            "SELECT r.id, r.stage FROM work_manual_revisions r JOIN work_manuals m ON m.id = r.work_manual_id
             WHERE m.office_id = $1 AND m.id = $2 AND r.stage <> 'approved'",
        )
        .bind(self.office_id)
        .bind(manual_id)
        .fetch_optional(&mut *tx)
        .await?;
        let id = match open {
            Some((id, stage)) if stage == Stage::Draft.code() => {
                sqlx::query(
                    "UPDATE work_manual_revisions SET number = $1, correction = $2, content = $3, content_hash = $4,
                         change_kind = $5, change_reason = $6, change_summary = $7, requires_reading = $8,
                         search_text = $9, updated_at = $10 WHERE id = $11",
                )
                .bind(i64::from(draft.number.number))
                .bind(i64::from(draft.number.correction))
                .bind(&content)
                .bind(draft.content_hash)
                .bind(draft.change.code())
                .bind(reason)
                .bind(draft.change_summary)
                .bind(i64::from(draft.requires_reading))
                .bind(draft.search_text)
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                id
            }
            Some(_) => return Err(StoreError::Conflict("version-not-draft")),
            None => {
                self.work_manual(manual_id).await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO work_manual_revisions (work_manual_id, number, correction, stage, content, content_hash,
                         change_kind, change_reason, change_summary, requires_reading, return_comment,
                         created_at, updated_at, search_text)
                     VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, '', $10, $10, $11) RETURNING id",
                )
                .bind(manual_id)
                .bind(i64::from(draft.number.number))
                .bind(i64::from(draft.number.correction))
                .bind(&content)
                .bind(draft.content_hash)
                .bind(draft.change.code())
                .bind(reason)
                .bind(draft.change_summary)
                .bind(i64::from(draft.requires_reading))
                .bind(at)
                .bind(draft.search_text)
                .fetch_one(&mut *tx)
                .await?;
                sign(&mut tx, id, Duty::Author, actor, now).await?;
                id
            }
        };
        let change = Change {
            action: "save-draft",
            entity: "work-manual-revision",
            entity_id: &id.to_string(),
            before: json!(null),
            after: json!({ "work_manual": manual_id, "revision": draft.number.label(),
                           "change": draft.change.code(), "content_hash": draft.content_hash }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Takes one step of the workflow: the stage is checked and changed in
    /// one statement; submitting, reviewing and approving sign the revision,
    /// returning clears the reviewer's signature so the next round is signed anew.
    pub async fn act_on_work_manual_revision(
        &self,
        actor: &Actor,
        revision_id: i64,
        action: Action,
        comment: &str,
        effective_on: Option<Date>,
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = time_ms::to_ms(now);
        let mut tx = self.begin_write().await?;
        let stage: Option<String> = sqlx::query_scalar(
            "SELECT r.stage FROM work_manual_revisions r JOIN work_manuals m ON m.id = r.work_manual_id
             WHERE m.office_id = $1 AND r.id = $2",
        )
        .bind(self.office_id)
        .bind(revision_id)
        .fetch_optional(&mut *tx)
        .await?;
        let current =
            Stage::parse(&stage.ok_or(StoreError::NotFound)?).ok_or(StoreError::Conflict("transition"))?;
        let to = action.apply(current).ok_or(StoreError::Conflict("transition"))?;
        let updated = sqlx::query(
            "UPDATE work_manual_revisions SET stage = $1, updated_at = $2,
                 return_comment = CASE $3 WHEN 'return' THEN $4 WHEN 'submit' THEN '' ELSE return_comment END,
                 effective_on = CASE $3 WHEN 'approve' THEN $5 ELSE effective_on END
             WHERE id = $6 AND stage = $7",
        )
        .bind(to.code())
        .bind(at)
        .bind(action.code())
        .bind(comment)
        .bind(effective_on.map(format_iso_date))
        .bind(revision_id)
        .bind(current.code())
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::Conflict("transition"));
        }
        match Duty::of(action) {
            Some(duty) => sign(&mut tx, revision_id, duty, actor, now).await?,
            None => {
                sqlx::query("DELETE FROM work_manual_signatures WHERE revision_id = $1 AND duty <> 'author'")
                    .bind(revision_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        let change = Change {
            action: action.code(),
            entity: "work-manual-revision",
            entity_id: &revision_id.to_string(),
            before: json!({ "stage": current.code() }),
            after: json!({ "stage": to.code(), "comment": comment, "effective_on": effective_on.map(format_iso_date) }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }
}

/// Signs a revision for a duty under the account's name and position as
/// they are now; the author's signature is renewed on each submission.
async fn sign(
    tx: &mut WriteTx,
    revision_id: i64,
    duty: Duty,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<()> {
    let user_id = actor.user_id.ok_or(StoreError::Conflict("signature-needs-account"))?;
    sqlx::query("DELETE FROM work_manual_signatures WHERE revision_id = $1 AND duty = $2")
        .bind(revision_id)
        .bind(duty.code())
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO work_manual_signatures (revision_id, duty, user_id, name, job_title, signed_at)
         SELECT $1, $2, u.id, u.name, u.job_title, $3 FROM users u WHERE u.id = $4",
    )
    .bind(revision_id)
    .bind(duty.code())
    .bind(time_ms::to_ms(now))
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn revision_of(row: &AnyRow) -> Result<Revision> {
    let stage: String = row.try_get("stage")?;
    let change = match row.try_get::<String, _>("change_kind")?.as_str() {
        "minor" => RevisionChange::Minor { reason: row.try_get("change_reason")? },
        _ => RevisionChange::Major,
    };
    let number =
        |column: &str| -> Result<u32> { Ok(u32::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0)) };
    Ok(Revision {
        id: row.try_get("id")?,
        work_manual_id: row.try_get("work_manual_id")?,
        number: RevisionNumber { number: number("number")?, correction: number("correction")? },
        stage: Stage::parse(&stage).ok_or_else(|| StoreError::Corrupt(format!("stage {stage}")))?,
        content: row.try_get("content")?,
        content_hash: row.try_get("content_hash")?,
        change,
        change_summary: row.try_get("change_summary")?,
        requires_reading: row.try_get::<i64, _>("requires_reading")? == 1,
        return_comment: row.try_get("return_comment")?,
        effective_on: row
            .try_get::<Option<String>, _>("effective_on")?
            .as_deref()
            .map(stored_date)
            .transpose()?,
        readers_notified_at: row.try_get::<Option<i64>, _>("readers_notified_at")?.map(time_ms::from_ms),
        created_at: time_ms::from_ms(row.try_get("created_at")?),
        updated_at: time_ms::from_ms(row.try_get("updated_at")?),
        signatures: Vec::new(),
    })
}
