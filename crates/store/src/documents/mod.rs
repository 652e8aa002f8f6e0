//! Versioned documents through review, approval and publication: one
//! mechanism for citizen manuals now and staff work manuals later. The
//! content is stored as the JSON of the domain's document type, with the
//! words the product's segmenter cut from it for full-text search.

mod files;
mod manuals;
mod publish;
mod search;

pub use publish::StoredAnnouncement;

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::publication::{Action, Stage};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// The kinds of versioned document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    CitizenManual,
}

impl DocumentKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::CitizenManual => "citizen-manual",
        }
    }
}

/// A document: what it is about and which division answers for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRef {
    pub id: i64,
    pub service_code: Option<String>,
    pub division_code: String,
}

/// One version, with the names of those who wrote, approved and published it.
#[derive(Debug, Clone)]
pub struct Version {
    pub id: i64,
    pub document: DocumentRef,
    pub revision: u32,
    pub stage: Stage,
    /// The JSON of the document's content.
    pub content: String,
    pub change_summary: String,
    pub review_comment: String,
    pub author: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub submitted_at: Option<OffsetDateTime>,
    pub approved_by: Option<String>,
    pub approved_at: Option<OffsetDateTime>,
    pub published_by: Option<String>,
    pub publish_at: Option<OffsetDateTime>,
}

/// A draft's content as saved.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    pub content: &'a str,
    /// The words to find it by, space separated.
    pub search_text: &'a str,
    pub change_summary: &'a str,
}

const SELECT_VERSION: &str = "SELECT v.id, v.document_id, s.code AS service_code, dv.code AS division_code, v.revision, v.stage, v.content, v.change_summary,
     v.review_comment, a.name AS author, v.created_at, v.updated_at, v.submitted_at, p.name AS approver,
     v.approved_at, u.name AS publisher, v.publish_at
     FROM document_versions v JOIN documents d ON d.id = v.document_id
     LEFT JOIN services s ON s.id = d.service_id JOIN divisions dv ON dv.id = d.division_id
     LEFT JOIN users a ON a.id = v.author_id LEFT JOIN users p ON p.id = v.approved_by
     LEFT JOIN users u ON u.id = v.published_by";

impl Store {
    /// The document of `kind` about a service, if one was ever started.
    pub async fn service_document(&self, kind: DocumentKind, service: &str) -> Result<Option<DocumentRef>> {
        let row = sqlx::query(
            "SELECT d.id, s.code AS service_code, v.code AS division_code FROM documents d
             JOIN services s ON s.id = d.service_id JOIN divisions v ON v.id = d.division_id
             WHERE d.office_id = $1 AND d.kind = $2 AND s.code = $3",
        )
        .bind(self.office_id)
        .bind(kind.code())
        .bind(service)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(document_of).transpose()
    }

    /// Every version of a document, oldest first.
    pub async fn versions(&self, document_id: i64) -> Result<Vec<Version>> {
        let rows = sqlx::query(&format!(
            "{SELECT_VERSION} WHERE d.office_id = $1 AND v.document_id = $2 ORDER BY v.revision"
        ))
        .bind(self.office_id)
        .bind(document_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(version_of).collect()
    }

    pub async fn version(&self, version_id: i64) -> Result<Version> {
        let row = sqlx::query(&format!("{SELECT_VERSION} WHERE d.office_id = $1 AND v.id = $2"))
            .bind(self.office_id)
            .bind(version_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        version_of(&row)
    }

    /// Saves the open draft of a service's document, starting the document
    /// (owned by the service's division) and a new revision as needed. A
    /// version in review or approved cannot be edited: it must be sent back.
    pub async fn save_draft(
        &self,
        actor: &Actor,
        kind: DocumentKind,
        service: &str,
        draft: &Draft<'_>,
        now: OffsetDateTime,
    ) -> Result<Version> {
        let mut tx = self.begin_write().await?;
        let document_id = self.document_for_service(&mut tx, kind, service, now).await?;
        let open: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, stage FROM document_versions WHERE document_id = $1 AND stage <> 'published'",
        )
        .bind(document_id)
        .fetch_optional(&mut *tx)
        .await?;
        let at = time_ms::to_ms(now);
        let id = match open {
            Some((id, stage)) if stage == Stage::Draft.code() => {
                sqlx::query(
                    "UPDATE document_versions SET content = $1, search_text = $2, change_summary = $3,
                         updated_at = $4 WHERE id = $5",
                )
                .bind(draft.content)
                .bind(draft.search_text)
                .bind(draft.change_summary)
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                id
            }
            Some(_) => return Err(StoreError::Conflict("version-not-draft")),
            None => {
                sqlx::query_scalar(
                    "INSERT INTO document_versions (document_id, revision, stage, content, change_summary,
                         review_comment, author_id, created_at, updated_at, search_text)
                     VALUES ($1, (SELECT COALESCE(MAX(revision), 0) + 1 FROM document_versions WHERE document_id = $1),
                         'draft', $2, $3, '', $4, $5, $5, $6) RETURNING id",
                )
                .bind(document_id)
                .bind(draft.content)
                .bind(draft.change_summary)
                .bind(actor.user_id)
                .bind(at)
                .bind(draft.search_text)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        let change = Change {
            action: "save-draft",
            entity: "document-version",
            entity_id: &id.to_string(),
            before: json!(null),
            after: json!({ "kind": kind.code(), "service": service, "change_summary": draft.change_summary }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        self.version(id).await
    }

    /// Submits, returns (with the reviewer's comment) or approves a version.
    /// The stage is checked and changed in one statement, so two reviewers
    /// acting at once cannot both succeed.
    pub async fn act_on_version(
        &self,
        actor: &Actor,
        version_id: i64,
        action: Action,
        comment: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        if !matches!(action, Action::Submit | Action::Return | Action::Approve) {
            return Err(StoreError::Conflict("transition"));
        }
        let (from, to) = action.transition();
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE document_versions SET stage = $2, updated_at = $1,
                 submitted_at = CASE $5 WHEN 'submit' THEN $1 WHEN 'return' THEN NULL ELSE submitted_at END,
                 review_comment = CASE $5 WHEN 'submit' THEN '' WHEN 'return' THEN $6 ELSE review_comment END,
                 approved_at = CASE $5 WHEN 'approve' THEN $1 ELSE approved_at END,
                 approved_by = CASE $5 WHEN 'approve' THEN $7 ELSE approved_by END
             WHERE id = $3 AND stage = $4 AND document_id IN (SELECT id FROM documents WHERE office_id = $8)",
        )
        .bind(time_ms::to_ms(now))
        .bind(to.code())
        .bind(version_id)
        .bind(from.code())
        .bind(action.code())
        .bind(comment)
        .bind(actor.user_id)
        .bind(self.office_id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            self.version(version_id).await?;
            return Err(StoreError::Conflict("transition"));
        }
        let change = Change {
            action: action.code(),
            entity: "document-version",
            entity_id: &version_id.to_string(),
            before: json!({ "stage": from.code() }),
            after: json!({ "stage": to.code(), "comment": comment }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    async fn document_for_service(
        &self,
        tx: &mut WriteTx,
        kind: DocumentKind,
        service: &str,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let (service_id, division_id): (i64, i64) =
            sqlx::query_as("SELECT id, division_id FROM services WHERE office_id = $1 AND code = $2")
                .bind(self.office_id)
                .bind(service)
                .fetch_optional(&mut **tx)
                .await?
                .ok_or(StoreError::InvalidField { field: "service", error: FieldError::UnknownChoice })?;
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM documents WHERE office_id = $1 AND kind = $2 AND service_id = $3",
        )
        .bind(self.office_id)
        .bind(kind.code())
        .bind(service_id)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some(id) = existing {
            return Ok(id);
        }
        Ok(sqlx::query_scalar(
            "INSERT INTO documents (office_id, kind, service_id, division_id, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(self.office_id)
        .bind(kind.code())
        .bind(service_id)
        .bind(division_id)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut **tx)
        .await?)
    }
}

fn document_of(row: &AnyRow) -> Result<DocumentRef> {
    Ok(DocumentRef {
        id: row.try_get("id")?,
        service_code: row.try_get("service_code")?,
        division_code: row.try_get("division_code")?,
    })
}

fn version_of(row: &AnyRow) -> Result<Version> {
    let instant = |column: &str| -> Result<Option<OffsetDateTime>> {
        Ok(row.try_get::<Option<i64>, _>(column)?.map(time_ms::from_ms))
    };
    let stage: String = row.try_get("stage")?;
    Ok(Version {
        id: row.try_get("id")?,
        document: DocumentRef {
            id: row.try_get("document_id")?,
            service_code: row.try_get("service_code")?,
            division_code: row.try_get("division_code")?,
        },
        revision: u32::try_from(row.try_get::<i64, _>("revision")?).unwrap_or(0),
        stage: Stage::parse(&stage).ok_or(StoreError::NotFound)?,
        content: row.try_get("content")?,
        change_summary: row.try_get("change_summary")?,
        review_comment: row.try_get("review_comment")?,
        author: row.try_get("author")?,
        created_at: time_ms::from_ms(row.try_get("created_at")?),
        updated_at: time_ms::from_ms(row.try_get("updated_at")?),
        submitted_at: instant("submitted_at")?,
        approved_by: row.try_get("approver")?,
        approved_at: instant("approved_at")?,
        published_by: row.try_get("publisher")?,
        publish_at: instant("publish_at")?,
    })
}
