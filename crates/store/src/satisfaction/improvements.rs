//! Improvement actions, and the service standards table: targets per
//! service and fiscal year against what surveys and submissions measured.

use std::collections::HashMap;

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::participation::consultation::{format_iso_date, parse_date};
use ruamjai_domain::participation::report::percentile;
use ruamjai_domain::satisfaction::improvement::{ActionStatus, Measured, NewImprovement, Source, Standard};
use ruamjai_domain::satisfaction::stats::ScaleCounts;
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

/// One service's row of the standards table.
#[derive(Debug, Clone, PartialEq)]
pub struct StandardLine {
    pub service_code: String,
    pub target: Standard,
    /// The reply target of the participation milestone, in days.
    pub reply_days: Option<i64>,
    /// All five-point answers about the service in the year's surveys.
    pub answers: ScaleCounts,
    /// The people who gave them: each response counts once, however many items it scored.
    pub respondents: u64,
    /// Submissions answered, and answered within the reply target.
    pub answered: u64,
    pub answered_in_time: u64,
    /// Median days from filing to resolution.
    pub median_resolution_days: Option<f64>,
}

impl StandardLine {
    /// The year's figures beside the standard.
    pub fn measured(&self) -> Measured {
        let summary = self.answers.summary(Default::default());
        Measured {
            satisfied_pct: summary.satisfied_pct,
            dissatisfied_pct: summary.dissatisfied_pct,
            in_time_pct: (self.answered > 0)
                .then(|| 100.0 * self.answered_in_time as f64 / self.answered as f64),
            median_resolution_days: self.median_resolution_days,
        }
    }
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

    /// Sets (or replaces) a service's standard for a fiscal year.
    pub async fn set_standard(
        &self,
        actor: &Actor,
        service: &str,
        year: FiscalYear,
        standard: &Standard,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let service_id = service_id(&mut tx, self.office_id, service).await?;
        let value = |v: Option<u16>| v.map(i64::from);
        sqlx::query(
            "INSERT INTO service_standards (office_id, service_id, fiscal_year, satisfied_min_permille,
                 dissatisfied_max_permille, resolution_days)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (office_id, service_id, fiscal_year) DO UPDATE SET
                 satisfied_min_permille = excluded.satisfied_min_permille,
                 dissatisfied_max_permille = excluded.dissatisfied_max_permille,
                 resolution_days = excluded.resolution_days",
        )
        .bind(self.office_id)
        .bind(service_id)
        .bind(i64::from(year.be()))
        .bind(value(standard.satisfied_min_permille))
        .bind(value(standard.dissatisfied_max_permille))
        .bind(value(standard.resolution_days))
        .execute(&mut *tx)
        .await?;
        let change = Change {
            action: "set-service-standard",
            entity: "service",
            entity_id: service,
            before: json!(null),
            after: json!({
                "fiscal_year": year.be(),
                "satisfied_min_permille": standard.satisfied_min_permille,
                "dissatisfied_max_permille": standard.dissatisfied_max_permille,
                "resolution_days": standard.resolution_days,
            }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }

    /// Every service's standard for the year against what was measured in it.
    pub async fn standards(&self, year: FiscalYear) -> Result<Vec<StandardLine>> {
        let be = i64::from(year.be());
        let services = sqlx::query(
            "SELECT s.id, s.code, t.reply_days, st.satisfied_min_permille, st.dissatisfied_max_permille,
                    st.resolution_days
             FROM services s LEFT JOIN service_targets t ON t.service_id = s.id
             LEFT JOIN service_standards st ON st.service_id = s.id AND st.office_id = s.office_id AND st.fiscal_year = $2
             WHERE s.office_id = $1 ORDER BY s.number",
        )
        .bind(self.office_id)
        .bind(be)
        .fetch_all(&self.pool)
        .await?;
        let answers = self.year_answers(be).await?;
        let respondents: HashMap<i64, i64> = sqlx::query_as(
            "SELECT x.service_id, CAST(SUM(x.responses) AS BIGINT) FROM response_cells x JOIN surveys c ON c.id = x.survey_id
             WHERE c.office_id = $1 AND c.fiscal_year = $2 GROUP BY x.service_id",
        )
        .bind(self.office_id)
        .bind(be)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        let (from, until) = (year.first_day(), year.next().first_day());
        let (from, until) = (
            time_ms::to_ms(ruamjai_domain::calendar::bangkok_midnight(from)),
            time_ms::to_ms(ruamjai_domain::calendar::bangkok_midnight(until)),
        );
        let replies = sqlx::query(
            "SELECT service_id, COUNT(reply_met) AS answered, CAST(SUM(COALESCE(reply_met, 0)) AS BIGINT) AS met
             FROM submissions WHERE office_id = $1 AND created_at >= $2 AND created_at < $3 AND service_id IS NOT NULL
             GROUP BY service_id",
        )
        .bind(self.office_id)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let resolutions: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT service_id, answered_at - created_at FROM submissions
             WHERE office_id = $1 AND created_at >= $2 AND created_at < $3 AND service_id IS NOT NULL
               AND answered_at IS NOT NULL AND status IN ('resolved', 'closed')",
        )
        .bind(self.office_id)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let mut lines = Vec::new();
        for row in &services {
            let id: i64 = row.try_get("id")?;
            let reply = replies.iter().find(|r| r.try_get::<i64, _>("service_id").ok() == Some(id));
            let count = |column: &str| -> Result<u64> {
                Ok(reply
                    .map(|r| r.try_get::<Option<i64>, _>(column))
                    .transpose()?
                    .flatten()
                    .map_or(0, |n| u64::try_from(n).unwrap_or(0)))
            };
            let mut days: Vec<f64> = resolutions
                .iter()
                .filter(|(s, _)| *s == id)
                .map(|(_, ms)| *ms as f64 / 86_400_000.0)
                .collect();
            days.sort_by(f64::total_cmp);
            let permille = |column: &str| -> Result<Option<u16>> {
                Ok(row.try_get::<Option<i64>, _>(column)?.and_then(|n| u16::try_from(n).ok()))
            };
            lines.push(StandardLine {
                service_code: row.try_get("code")?,
                target: Standard {
                    satisfied_min_permille: permille("satisfied_min_permille")?,
                    dissatisfied_max_permille: permille("dissatisfied_max_permille")?,
                    resolution_days: permille("resolution_days")?,
                },
                reply_days: row.try_get("reply_days")?,
                answers: answers.get(&id).copied().unwrap_or_default(),
                respondents: respondents.get(&id).map_or(0, |n| u64::try_from(*n).unwrap_or(0)),
                answered: count("answered")?,
                answered_in_time: count("met")?,
                median_resolution_days: percentile(&days, 0.5),
            });
        }
        Ok(lines)
    }

    /// Five-point answers per service over the year's surveys, from cells.
    async fn year_answers(&self, year_be: i64) -> Result<HashMap<i64, ScaleCounts>> {
        let rows = sqlx::query(
            "SELECT x.service_id, CAST(SUM(x.c1) AS BIGINT) AS c1, CAST(SUM(x.c2) AS BIGINT) AS c2,
                    CAST(SUM(x.c3) AS BIGINT) AS c3, CAST(SUM(x.c4) AS BIGINT) AS c4, CAST(SUM(x.c5) AS BIGINT) AS c5,
                    CAST(SUM(x.na) AS BIGINT) AS na
             FROM item_cells x JOIN surveys c ON c.id = x.survey_id
             WHERE c.office_id = $1 AND c.fiscal_year = $2 GROUP BY x.service_id",
        )
        .bind(self.office_id)
        .bind(year_be)
        .fetch_all(&self.pool)
        .await?;
        let mut answers = HashMap::new();
        for row in &rows {
            let n = |column: &str| -> Result<u64> {
                Ok(u64::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0))
            };
            answers.insert(
                row.try_get("service_id")?,
                ScaleCounts { dist: [n("c1")?, n("c2")?, n("c3")?, n("c4")?, n("c5")?], na: n("na")? },
            );
        }
        Ok(answers)
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

async fn service_id(tx: &mut WriteTx, office_id: i64, code: &str) -> Result<i64> {
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
