//! Surveys: created on the standard questionnaire or a version of the
//! Center's own, for chosen services and groups with their populations.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::satisfaction::questionnaire::Questionnaire;
use ruamjai_domain::satisfaction::standard::standard;
use ruamjai_domain::satisfaction::stats::BandScheme;
use ruamjai_domain::satisfaction::survey::{Mode, NewSurvey, QuestionnaireChoice};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

#[derive(Debug, Clone)]
pub struct Survey {
    pub id: i64,
    pub name: String,
    pub version_id: i64,
    pub questionnaire: Questionnaire,
    pub fiscal_year: FiscalYear,
    pub opens_at: OffsetDateTime,
    pub closes_at: OffsetDateTime,
    pub mode: Mode,
    pub band_scheme: BandScheme,
    pub service_codes: Vec<String>,
    /// Group codes with their populations, where known.
    pub groups: Vec<(String, Option<u64>)>,
    /// Catalog ids, in the order of `service_codes` and `groups`.
    service_ids: Vec<i64>,
    group_ids: Vec<i64>,
}

impl Survey {
    pub fn is_open(&self, now: OffsetDateTime) -> bool {
        self.opens_at <= now && now < self.closes_at
    }

    /// The catalog id of a service the survey covers.
    pub(crate) fn service_id(&self, code: &str) -> Option<i64> {
        self.service_codes.iter().position(|c| c == code).map(|k| self.service_ids[k])
    }

    /// The catalog id of a group the survey covers.
    pub(crate) fn group_id(&self, code: &str) -> Option<i64> {
        self.groups.iter().position(|(c, _)| c == code).map(|k| self.group_ids[k])
    }
}

impl Store {
    pub async fn create_survey(&self, actor: &Actor, new: &NewSurvey, now: OffsetDateTime) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let version_id = match new.questionnaire {
            QuestionnaireChoice::Standard => standard_version(&mut tx, self.office_id, now).await?,
            QuestionnaireChoice::Version(id) => own_version(&mut tx, self.office_id, id).await?,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO surveys (office_id, name, version_id, fiscal_year, opens_at, closes_at, mode,
                 band_scheme, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(self.office_id)
        .bind(new.name.as_str())
        .bind(version_id)
        .bind(i64::from(FiscalYear::of(new.opens_at).be()))
        .bind(time_ms::to_ms(new.opens_at))
        .bind(time_ms::to_ms(new.closes_at))
        .bind(new.mode.code())
        .bind(new.band_scheme.code())
        .bind(actor.user_id)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        for service in &new.services {
            link(
                &mut tx,
                self.office_id,
                "survey_services (survey_id, service_id)",
                "services",
                id,
                service.as_str(),
                None,
            )
            .await
            .map_err(|e| refused(e, "service_ids"))?;
        }
        for (group, population) in &new.groups {
            let population = population.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
            link(
                &mut tx,
                self.office_id,
                "survey_groups (survey_id, group_id, population)",
                "stakeholder_groups",
                id,
                group.as_str(),
                Some(population),
            )
            .await
            .map_err(|e| refused(e, "group_ids"))?;
        }
        let change = Change {
            action: "create-survey",
            entity: "survey",
            entity_id: &id.to_string(),
            before: json!(null),
            after: json!({ "name": new.name.as_str(), "mode": new.mode.code(), "version": version_id }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn survey(&self, id: i64) -> Result<Survey> {
        let row = sqlx::query(&format!("{SURVEY_SELECT} WHERE c.office_id = $1 AND c.id = $2"))
            .bind(self.office_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        self.survey_from(&row).await
    }

    /// The survey before this one on the same questionnaire (any of its
    /// versions), by opening time: what a trend compares against.
    pub async fn previous_survey(&self, id: i64) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT p.id FROM surveys c
             JOIN questionnaire_versions v ON v.id = c.version_id
             JOIN questionnaire_versions pv ON pv.questionnaire_id = v.questionnaire_id
             JOIN surveys p ON p.version_id = pv.id AND p.office_id = c.office_id
             WHERE c.office_id = $1 AND c.id = $2
               AND (p.opens_at < c.opens_at OR (p.opens_at = c.opens_at AND p.id < c.id))
             ORDER BY p.opens_at DESC, p.id DESC LIMIT 1",
        )
        .bind(self.office_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The surveys after `id` on the same questionnaire, the next first:
    /// where its items are asked again.
    pub async fn later_surveys(&self, id: i64) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT n.id FROM surveys c
             JOIN questionnaire_versions v ON v.id = c.version_id
             JOIN questionnaire_versions nv ON nv.questionnaire_id = v.questionnaire_id
             JOIN surveys n ON n.version_id = nv.id AND n.office_id = c.office_id
             WHERE c.office_id = $1 AND c.id = $2
               AND (n.opens_at > c.opens_at OR (n.opens_at = c.opens_at AND n.id > c.id))
             ORDER BY n.opens_at, n.id",
        )
        .bind(self.office_id)
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every survey, the newest first.
    pub async fn surveys(&self) -> Result<Vec<Survey>> {
        let rows = sqlx::query(&format!(
            "{SURVEY_SELECT} WHERE c.office_id = $1 ORDER BY c.opens_at DESC, c.id DESC"
        ))
        .bind(self.office_id)
        .fetch_all(&self.pool)
        .await?;
        let mut surveys = Vec::with_capacity(rows.len());
        for row in &rows {
            surveys.push(self.survey_from(row).await?);
        }
        Ok(surveys)
    }

    async fn survey_from(&self, row: &AnyRow) -> Result<Survey> {
        let id: i64 = row.try_get("id")?;
        let services = sqlx::query(
            "SELECT s.id, s.code FROM survey_services l JOIN services s ON s.id = l.service_id
             WHERE l.survey_id = $1 ORDER BY s.number",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let groups = sqlx::query(
            "SELECT g.id, g.code, l.population FROM survey_groups l
             JOIN stakeholder_groups g ON g.id = l.group_id WHERE l.survey_id = $1 ORDER BY g.number",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let population = |g: &AnyRow| -> Result<Option<u64>> {
            Ok(g.try_get::<Option<i64>, _>("population")?.and_then(|n| u64::try_from(n).ok()))
        };
        let body: String = row.try_get("body")?;
        Ok(Survey {
            id,
            name: row.try_get("name")?,
            version_id: row.try_get("version_id")?,
            questionnaire: serde_json::from_str(&body)
                .map_err(|e| StoreError::Database(sqlx::Error::Decode(e.into())))?,
            fiscal_year: FiscalYear::from_be(
                i32::try_from(row.try_get::<i64, _>("fiscal_year")?).unwrap_or(0),
            ),
            opens_at: time_ms::from_ms(row.try_get("opens_at")?),
            closes_at: time_ms::from_ms(row.try_get("closes_at")?),
            mode: Mode::parse(&row.try_get::<String, _>("mode")?)?,
            band_scheme: BandScheme::parse(&row.try_get::<String, _>("band_scheme")?).unwrap_or_default(),
            service_codes: services.iter().map(|s| s.try_get("code")).collect::<Result<_, _>>()?,
            service_ids: services.iter().map(|s| s.try_get("id")).collect::<Result<_, _>>()?,
            group_ids: groups.iter().map(|g| g.try_get("id")).collect::<Result<_, _>>()?,
            groups: groups.iter().map(|g| Ok((g.try_get("code")?, population(g)?))).collect::<Result<_>>()?,
        })
    }
}

const SURVEY_SELECT: &str =
    "SELECT c.id, c.name, c.version_id, c.fiscal_year, c.opens_at, c.closes_at, c.mode,
     c.band_scheme, v.body FROM surveys c JOIN questionnaire_versions v ON v.id = c.version_id";

/// The built-in questionnaire's one version, created on first use.
async fn standard_version(tx: &mut WriteTx, office_id: i64, now: OffsetDateTime) -> Result<i64> {
    let existing: Option<i64> = sqlx::query_scalar(
        "SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
         WHERE q.office_id = $1 AND q.builtin = 'standard' ORDER BY v.version DESC LIMIT 1",
    )
    .bind(office_id)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let questionnaire: i64 = sqlx::query_scalar(
        "INSERT INTO questionnaires (office_id, name, builtin, created_at)
         VALUES ($1, 'แบบสำรวจความพึงพอใจมาตรฐาน', 'standard', $2) RETURNING id",
    )
    .bind(office_id)
    .bind(time_ms::to_ms(now))
    .fetch_one(&mut **tx)
    .await?;
    let body = serde_json::to_string(&standard())
        .map_err(|e| StoreError::Database(sqlx::Error::Encode(e.into())))?;
    Ok(sqlx::query_scalar(
        "INSERT INTO questionnaire_versions (questionnaire_id, version, body, created_at)
         VALUES ($1, 1, $2, $3) RETURNING id",
    )
    .bind(questionnaire)
    .bind(body)
    .bind(time_ms::to_ms(now))
    .fetch_one(&mut **tx)
    .await?)
}

async fn own_version(tx: &mut WriteTx, office_id: i64, id: i64) -> Result<i64> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
         WHERE q.office_id = $1 AND v.id = $2",
    )
    .bind(office_id)
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    found.ok_or(StoreError::InvalidField { field: "questionnaire_id", error: FieldError::UnknownChoice })
}

/// Links a catalog entry by code; `Err(NotFound)` for an unknown code.
async fn link(
    tx: &mut WriteTx,
    office_id: i64,
    table_and_columns: &str,
    catalog: &str,
    survey_id: i64,
    code: &str,
    population: Option<Option<i64>>,
) -> Result<()> {
    let extra = if population.is_some() { ", $4" } else { "" };
    let sql = format!(
        "INSERT INTO {table_and_columns} SELECT $1, id{extra} FROM {catalog} WHERE office_id = $2 AND code = $3"
    );
    let mut query = sqlx::query(&sql).bind(survey_id).bind(office_id).bind(code);
    if let Some(population) = population {
        query = query.bind(population);
    }
    if query.execute(&mut **tx).await?.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

fn refused(error: StoreError, field: &'static str) -> StoreError {
    match error {
        StoreError::NotFound => StoreError::InvalidField { field, error: FieldError::UnknownChoice },
        other => other,
    }
}
