//! Improvement actions: what is done about what surveys found, tracked to
//! done and told to the public ("you said, we did"). The standards table
//! they answer to is in `standards`.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::participation::consultation::{format_iso_date, parse_date};
use ruamjai_domain::satisfaction::improvement::{ActionStatus, NewImprovement, Source};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::{Date, OffsetDateTime};

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

#[derive(Debug, Clone)]
pub struct Improvement {
    pub id: i64,
    pub survey_id: Option<i64>,
    pub source: Source,
    pub source_ref: String,
    pub service_code: Option<String>,
    pub what: String,
    pub owner: String,
    pub division_code: Option<String>,
    pub due_on: Date,
    pub status: ActionStatus,
    pub progress: u8,
    pub public_text: Option<String>,
    pub updated_at: OffsetDateTime,
}

const SELECT: &str =
    "SELECT a.id, a.survey_id, a.source, a.source_ref, s.code AS service_code, a.what, a.owner,
     d.code AS division_code, a.due_on, a.status, a.progress, a.public_text, a.updated_at
     FROM improvement_actions a LEFT JOIN services s ON s.id = a.service_id
     LEFT JOIN divisions d ON d.id = a.division_id";

impl Store {
    pub async fn create_improvement(
        &self,
        actor: &Actor,
        survey_id: Option<i64>,
        new: &NewImprovement,
        now: OffsetDateTime,
    ) -> Result<i64> {
        if let Some(survey) = survey_id {
            self.survey(survey).await?;
        }
        let mut tx = self.begin_write().await?;
        let (service_id, division_id) = catalog_ids(&mut tx, self.office_id, new).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO improvement_actions (office_id, survey_id, source, source_ref, service_id, what, owner,
                 division_id, due_on, status, progress, public_text, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
        )
        .bind(self.office_id)
        .bind(survey_id)
        .bind(new.source.code())
        .bind(&new.source_ref)
        .bind(service_id)
        .bind(new.what.as_str())
        .bind(new.owner.as_str())
        .bind(division_id)
        .bind(format_iso_date(new.due_on))
        .bind(new.status.code())
        .bind(i64::from(new.progress))
        .bind(new.public_text.as_ref().map(|t| t.as_str()))
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        append(&mut tx, self.office_id, actor, change("create-improvement", &id.to_string(), new)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces an action's details, status and progress; audited.
    pub async fn update_improvement(
        &self,
        actor: &Actor,
        id: i64,
        new: &NewImprovement,
        now: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let (service_id, division_id) = catalog_ids(&mut tx, self.office_id, new).await?;
        let updated = sqlx::query(
            "UPDATE improvement_actions SET source = $1, source_ref = $2, service_id = $3, what = $4, owner = $5,
                 division_id = $6, due_on = $7, status = $8, progress = $9, public_text = $10, updated_at = $11
             WHERE office_id = $12 AND id = $13",
        )
        .bind(new.source.code())
        .bind(&new.source_ref)
        .bind(service_id)
        .bind(new.what.as_str())
        .bind(new.owner.as_str())
        .bind(division_id)
        .bind(format_iso_date(new.due_on))
        .bind(new.status.code())
        .bind(i64::from(new.progress))
        .bind(new.public_text.as_ref().map(|t| t.as_str()))
        .bind(time_ms::to_ms(now))
        .bind(self.office_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append(&mut tx, self.office_id, actor, change("update-improvement", &id.to_string(), new)).await?;
        tx.commit().await
    }

    pub async fn improvement(&self, id: i64) -> Result<Improvement> {
        let row = sqlx::query(&format!("{SELECT} WHERE a.office_id = $1 AND a.id = $2"))
            .bind(self.office_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        improvement_of(&row)
    }

    /// A survey's actions, or every action, oldest first.
    pub async fn improvements(&self, survey_id: Option<i64>) -> Result<Vec<Improvement>> {
        let rows = sqlx::query(&format!(
            "{SELECT} WHERE a.office_id = $1 AND ($2 = 0 OR a.survey_id = $2) ORDER BY a.id"
        ))
        .bind(self.office_id)
        .bind(survey_id.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(improvement_of).collect()
    }

    /// Actions staff chose to show, newest first, for "you said, we did".
    pub async fn public_improvements(&self, limit: i64) -> Result<Vec<Improvement>> {
        let rows = sqlx::query(&format!(
            "{SELECT} WHERE a.office_id = $1 AND a.public_text IS NOT NULL ORDER BY a.updated_at DESC LIMIT $2"
        ))
        .bind(self.office_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(improvement_of).collect()
    }
}

fn change<'a>(action: &'static str, id: &'a str, new: &NewImprovement) -> Change<'a> {
    Change {
        action,
        entity: "improvement",
        entity_id: id,
        before: json!(null),
        after: json!({
            "source": new.source.code(), "ref": new.source_ref, "status": new.status.code(),
            "progress": new.progress, "public": new.public_text.is_some(),
        }),
    }
}

pub(super) async fn service_id(tx: &mut WriteTx, office_id: i64, code: &str) -> Result<i64> {
    sqlx::query_scalar("SELECT id FROM services WHERE office_id = $1 AND code = $2")
        .bind(office_id)
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::InvalidField { field: "service", error: FieldError::UnknownChoice })
}

async fn catalog_ids(
    tx: &mut WriteTx,
    office_id: i64,
    new: &NewImprovement,
) -> Result<(Option<i64>, Option<i64>)> {
    let service = match &new.service {
        Some(code) => Some(service_id(tx, office_id, code.as_str()).await?),
        None => None,
    };
    let division = match &new.division {
        Some(code) => Some(
            sqlx::query_scalar("SELECT id FROM divisions WHERE office_id = $1 AND code = $2")
                .bind(office_id)
                .bind(code.as_str())
                .fetch_optional(&mut **tx)
                .await?
                .ok_or(StoreError::InvalidField { field: "division", error: FieldError::UnknownDivision })?,
        ),
        None => None,
    };
    Ok((service, division))
}

fn improvement_of(row: &AnyRow) -> Result<Improvement> {
    Ok(Improvement {
        id: row.try_get("id")?,
        survey_id: row.try_get("survey_id")?,
        source: Source::parse(&row.try_get::<String, _>("source")?)?,
        source_ref: row.try_get("source_ref")?,
        service_code: row.try_get("service_code")?,
        what: row.try_get("what")?,
        owner: row.try_get("owner")?,
        division_code: row.try_get("division_code")?,
        due_on: parse_date(&row.try_get::<String, _>("due_on")?)?,
        status: ActionStatus::parse(&row.try_get::<String, _>("status")?)?,
        progress: u8::try_from(row.try_get::<i64, _>("progress")?).unwrap_or(0),
        public_text: row.try_get("public_text")?,
        updated_at: time_ms::from_ms(row.try_get("updated_at")?),
    })
}
