//! The Center's own questionnaires and their versions. A version is edited
//! in place until its first response locks it; from then on a save makes
//! the next version, so every response keeps the questions it answered.

use ruamjai_domain::satisfaction::questionnaire::Questionnaire;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

#[derive(Debug, Clone)]
pub struct QuestionnaireSummary {
    pub id: i64,
    pub name: String,
    /// The built-in standard, which is copied rather than edited.
    pub builtin: bool,
    /// Oldest first.
    pub versions: Vec<VersionSummary>,
}

#[derive(Debug, Clone)]
pub struct VersionSummary {
    pub id: i64,
    pub version: i64,
    pub created_at: OffsetDateTime,
    /// When its first response came; `None` while it may still change.
    pub locked_at: Option<OffsetDateTime>,
    pub surveys: i64,
}

impl QuestionnaireSummary {
    pub fn latest(&self) -> Option<&VersionSummary> {
        self.versions.last()
    }
}

/// A questionnaire with the questions of every version, oldest first.
#[derive(Debug, Clone)]
pub struct QuestionnaireDetail {
    pub summary: QuestionnaireSummary,
    pub bodies: Vec<Questionnaire>,
}

impl QuestionnaireDetail {
    pub fn latest(&self) -> Option<&Questionnaire> {
        self.bodies.last()
    }
}

/// What a save did: the version it wrote and whether it is a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedVersion {
    pub questionnaire_id: i64,
    pub version_id: i64,
    pub version: i64,
    pub new_version: bool,
}

impl Store {
    /// Every questionnaire, the built-in standard (once a survey used it) first.
    pub async fn questionnaires(&self) -> Result<Vec<QuestionnaireSummary>> {
        let rows = sqlx::query(
            "SELECT q.id, q.name, q.builtin, v.id AS version_id, v.version, v.created_at, v.locked_at,
                    (SELECT COUNT(*) FROM surveys c WHERE c.version_id = v.id) AS surveys
             FROM questionnaires q JOIN questionnaire_versions v ON v.questionnaire_id = q.id
             WHERE q.office_id = $1
             ORDER BY CASE WHEN q.builtin IS NULL THEN 1 ELSE 0 END, q.name, q.id, v.version",
        )
        .bind(self.office_id)
        .fetch_all(&self.pool)
        .await?;
        let mut list: Vec<QuestionnaireSummary> = Vec::new();
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            if list.last().is_none_or(|q| q.id != id) {
                list.push(QuestionnaireSummary {
                    id,
                    name: row.try_get("name")?,
                    builtin: row.try_get::<Option<String>, _>("builtin")?.is_some(),
                    versions: Vec::new(),
                });
            }
            if let Some(q) = list.last_mut() {
                q.versions.push(version_from(row)?);
            }
        }
        Ok(list)
    }

    pub async fn questionnaire(&self, id: i64) -> Result<QuestionnaireDetail> {
        let summary =
            (self.questionnaires().await?.into_iter()).find(|q| q.id == id).ok_or(StoreError::NotFound)?;
        let bodies: Vec<String> = sqlx::query_scalar(
            "SELECT body FROM questionnaire_versions WHERE questionnaire_id = $1 ORDER BY version",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let bodies = (bodies.iter())
            .map(|b| {
                serde_json::from_str(b).map_err(|e| StoreError::Corrupt(format!("questionnaire {id}: {e}")))
            })
            .collect::<Result<_>>()?;
        Ok(QuestionnaireDetail { summary, bodies })
    }

    pub async fn create_questionnaire(
        &self,
        actor: &Actor,
        name: &str,
        body: &Questionnaire,
        now: OffsetDateTime,
    ) -> Result<SavedVersion> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO questionnaires (office_id, name, builtin, created_at) VALUES ($1, $2, NULL, $3)
             RETURNING id",
        )
        .bind(self.office_id)
        .bind(name)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        let saved = insert_version(&mut tx, id, 1, body, now).await?;
        audit(&mut tx, self.office_id, actor, "create-questionnaire", name, &saved).await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Saves the questions: over the latest version while nobody answered
    /// it, else as the next version. The built-in standard is never changed.
    pub async fn save_questionnaire(
        &self,
        actor: &Actor,
        id: i64,
        name: &str,
        body: &Questionnaire,
        now: OffsetDateTime,
    ) -> Result<SavedVersion> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT q.builtin, v.id, v.version, v.locked_at FROM questionnaires q
             JOIN questionnaire_versions v ON v.questionnaire_id = q.id
             WHERE q.office_id = $1 AND q.id = $2 ORDER BY v.version DESC LIMIT 1",
        )
        .bind(self.office_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        if row.try_get::<Option<String>, _>("builtin")?.is_some() {
            return Err(StoreError::Conflict("builtin-questionnaire"));
        }
        let (latest_id, latest): (i64, i64) = (row.try_get("id")?, row.try_get("version")?);
        // The lock is checked again in the update itself: a first response
        // committed since the read turns this save into a new version.
        let updated = sqlx::query(
            "UPDATE questionnaire_versions SET body = $1, created_at = $2 WHERE id = $3 AND locked_at IS NULL",
        )
        .bind(encode(body)?)
        .bind(time_ms::to_ms(now))
        .bind(latest_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let saved = if updated == 1 {
            SavedVersion { questionnaire_id: id, version_id: latest_id, version: latest, new_version: false }
        } else {
            insert_version(&mut tx, id, latest + 1, body, now).await?
        };
        sqlx::query("UPDATE questionnaires SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit(&mut tx, self.office_id, actor, "save-questionnaire", name, &saved).await?;
        tx.commit().await?;
        Ok(saved)
    }
}

fn version_from(row: &AnyRow) -> Result<VersionSummary> {
    Ok(VersionSummary {
        id: row.try_get("version_id")?,
        version: row.try_get("version")?,
        created_at: time_ms::from_ms(row.try_get("created_at")?),
        locked_at: row.try_get::<Option<i64>, _>("locked_at")?.map(time_ms::from_ms),
        surveys: row.try_get("surveys")?,
    })
}

fn encode(body: &Questionnaire) -> Result<String> {
    serde_json::to_string(body).map_err(|e| StoreError::Corrupt(e.to_string()))
}

async fn insert_version(
    tx: &mut WriteTx,
    questionnaire_id: i64,
    version: i64,
    body: &Questionnaire,
    now: OffsetDateTime,
) -> Result<SavedVersion> {
    let version_id: i64 = sqlx::query_scalar(
        "INSERT INTO questionnaire_versions (questionnaire_id, version, body, created_at)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(questionnaire_id)
    .bind(version)
    .bind(encode(body)?)
    .bind(time_ms::to_ms(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(SavedVersion { questionnaire_id, version_id, version, new_version: true })
}

async fn audit(
    tx: &mut WriteTx,
    office_id: i64,
    actor: &Actor,
    action: &'static str,
    name: &str,
    saved: &SavedVersion,
) -> Result<()> {
    let change = Change {
        action,
        entity: "questionnaire",
        entity_id: &saved.questionnaire_id.to_string(),
        before: json!(null),
        after: json!({ "name": name, "version": saved.version, "version_id": saved.version_id }),
    };
    append(tx, office_id, actor, change).await
}
