//! Staff work manuals: the manuals with their audience, their revisions
//! with the signatures of those who wrote, reviewed and approved them,
//! periodic reviews, and acknowledgements. The rules (numbering, duties,
//! which revision is in force) are the domain's; this module keeps the
//! records and checks each stage change in the statement that makes it, so
//! two people acting at once cannot both succeed.

mod acknowledgements;
mod details;
mod forms;
mod reviews;
mod revisions;

pub use acknowledgements::{Acknowledgement, Reader};
pub use details::WorkManualDetails;
pub use reviews::{NewReview, Review};
pub use revisions::{Duty, NewRevision, Revision, Signature};

use ruamjai_domain::accounts::{FieldError, Role};
use ruamjai_domain::participation::consultation::parse_date;
use ruamjai_domain::work_manual::Audience;
use ruamjai_domain::work_manual::control::{Placement, RevisionNumber, Stage};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::{Date, OffsetDateTime};

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, time_ms};

/// A work manual as stored, without its revisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkManualRecord {
    pub id: i64,
    pub code: String,
    pub service_code: String,
    pub division_code: String,
    pub title_th: String,
    pub title_en: String,
    pub audience: Audience,
    pub public_since: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

/// A new work manual, its fields already checked.
#[derive(Debug, Clone)]
pub struct NewWorkManual<'a> {
    pub service: &'a str,
    pub division: &'a str,
    pub code: &'a str,
    pub title_th: &'a str,
    pub title_en: &'a str,
    pub audience: &'a Audience,
}

/// Which work manuals a list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct WorkManualFilter<'a> {
    pub service: Option<&'a str>,
    pub division: Option<&'a str>,
}

const MANUAL_COLUMNS: &str = "m.id, m.code, s.code AS service_code, d.code AS division_code, m.title_th,
     m.title_en, m.audience_roles, m.audience_divisions, m.public_since, m.created_at";
const MANUAL_FROM: &str =
    "FROM work_manuals m JOIN services s ON s.id = m.service_id JOIN divisions d ON d.id = m.division_id";
/// The manuals of one service or division, or all.
const MANUAL_FILTER: &str =
    "m.office_id = $1 AND ($2 IS NULL OR s.code = $2) AND ($3 IS NULL OR d.code = $3)";

impl Store {
    /// Starts a work manual; its code must be new in the office.
    pub async fn create_work_manual(
        &self,
        actor: &Actor,
        new: &NewWorkManual<'_>,
        now: OffsetDateTime,
    ) -> Result<WorkManualRecord> {
        let mut tx = self.begin_write().await?;
        let service_id: i64 =
            sqlx::query_scalar("SELECT id FROM services WHERE office_id = $1 AND code = $2")
                .bind(self.office_id)
                .bind(new.service)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::InvalidField { field: "service_id", error: FieldError::UnknownChoice })?;
        let division_id: i64 =
            sqlx::query_scalar("SELECT id FROM divisions WHERE office_id = $1 AND code = $2")
                .bind(self.office_id)
                .bind(new.division)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::InvalidField { field: "division", error: FieldError::UnknownDivision })?;
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT id FROM work_manuals WHERE office_id = $1 AND code = $2")
                .bind(self.office_id)
                .bind(new.code)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(StoreError::InvalidField { field: "code", error: FieldError::AlreadyExists });
        }
        let (roles, divisions) = audience_columns(new.audience);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO work_manuals (office_id, service_id, division_id, code, title_th, title_en,
                 audience_roles, audience_divisions, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(self.office_id)
        .bind(service_id)
        .bind(division_id)
        .bind(new.code)
        .bind(new.title_th)
        .bind(new.title_en)
        .bind(&roles)
        .bind(&divisions)
        .bind(time_ms::to_ms(now))
        .fetch_one(&mut *tx)
        .await?;
        let change = Change {
            action: "create",
            entity: "work-manual",
            entity_id: &id.to_string(),
            before: json!(null),
            after: json!({ "code": new.code, "service": new.service, "division": new.division,
                           "title_th": new.title_th, "audience": { "roles": roles, "divisions": divisions } }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        self.work_manual(id).await
    }

    pub async fn work_manual(&self, id: i64) -> Result<WorkManualRecord> {
        let row = sqlx::query(&format!(
            "SELECT {MANUAL_COLUMNS} {MANUAL_FROM} WHERE m.office_id = $1 AND m.id = $2"
        ))
        .bind(self.office_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        manual_of(&row)
    }

    /// The work manuals in service order, then by code.
    pub async fn work_manuals(&self, filter: WorkManualFilter<'_>) -> Result<Vec<WorkManualRecord>> {
        let rows = sqlx::query(&format!(
            "SELECT {MANUAL_COLUMNS} {MANUAL_FROM} WHERE {MANUAL_FILTER} ORDER BY s.number, m.code"
        ))
        .bind(self.office_id)
        .bind(filter.service)
        .bind(filter.division)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(manual_of).collect()
    }

    /// The work manuals any of whose revisions hold every term, in service
    /// order; the terms come from `ruamjai_domain::search::query_terms`.
    pub async fn search_work_manuals(&self, terms: &[String]) -> Result<Vec<WorkManualRecord>> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let matches = self.backend.work_manual_search_condition("$2");
        let rows = sqlx::query(&format!(
            "SELECT {MANUAL_COLUMNS} {MANUAL_FROM} WHERE m.office_id = $1 AND m.id IN
                 (SELECT r.work_manual_id FROM work_manual_revisions r WHERE {matches})
             ORDER BY s.number, m.code"
        ))
        .bind(self.office_id)
        .bind(self.backend.full_text_query(terms))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(manual_of).collect()
    }

    /// The listed manuals in service order, then by code, each with where
    /// every one of its revisions stands (in revision order, without
    /// contents): the list's figures in one read of one row per manual, its
    /// revisions joined into one text. SQLite hands rows to the async side
    /// one at a time, and 11,000 rows (1,000 manuals × 10 revisions) cost
    /// what 1,000 do not.
    pub async fn work_manuals_placed(
        &self,
        filter: WorkManualFilter<'_>,
    ) -> Result<Vec<(WorkManualRecord, Vec<Placement>)>> {
        let joined = self.backend.joined(
            "CAST(r.number AS TEXT) || ':' || CAST(r.correction AS TEXT) || ':' || r.stage || ':' || COALESCE(r.effective_on, '')",
            ",",
        );
        let rows = sqlx::query(&format!(
            "SELECT {MANUAL_COLUMNS},
                 (SELECT {joined} FROM work_manual_revisions r WHERE r.work_manual_id = m.id) AS placements
             {MANUAL_FROM} WHERE {MANUAL_FILTER} ORDER BY s.number, m.code"
        ))
        .bind(self.office_id)
        .bind(filter.service)
        .bind(filter.division)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let joined: Option<String> = row.try_get("placements")?;
                let mut placements =
                    joined.iter().flat_map(|j| j.split(',')).map(placement).collect::<Result<Vec<_>>>()?;
                placements.sort_by_key(|p| p.revision);
                Ok((manual_of(row)?, placements))
            })
            .collect()
    }

    /// How many work manuals a service has had, to number the next one's code.
    pub async fn work_manual_count(&self, service: &str) -> Result<u32> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM work_manuals m JOIN services s ON s.id = m.service_id
             WHERE m.office_id = $1 AND s.code = $2",
        )
        .bind(self.office_id)
        .bind(service)
        .fetch_one(&self.pool)
        .await?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    /// Lists the manual's effective revision for the public, or stops doing so.
    pub async fn set_work_manual_public(
        &self,
        actor: &Actor,
        id: i64,
        public: bool,
        now: OffsetDateTime,
    ) -> Result<WorkManualRecord> {
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE work_manuals SET public_since = CASE WHEN $1 = 1 THEN COALESCE(public_since, $2) ELSE NULL END
             WHERE office_id = $3 AND id = $4",
        )
        .bind(i64::from(public))
        .bind(time_ms::to_ms(now))
        .bind(self.office_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let change = Change {
            action: if public { "make-public" } else { "make-internal" },
            entity: "work-manual",
            entity_id: &id.to_string(),
            before: json!(null),
            after: json!({ "public": public }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        self.work_manual(id).await
    }
}

/// `number:correction:stage:effective_on` as `work_manuals_placed` joins it.
fn placement(joined: &str) -> Result<Placement> {
    let corrupt = || StoreError::Corrupt(format!("work manual placement {joined}"));
    let mut parts = joined.split(':');
    let mut number = || parts.next().and_then(|n| n.parse::<u32>().ok()).ok_or_else(corrupt);
    let revision = RevisionNumber { number: number()?, correction: number()? };
    let stage = parts.next().and_then(Stage::parse).ok_or_else(corrupt)?;
    let effective_on = match parts.next().ok_or_else(corrupt)? {
        "" => None,
        date => Some(stored_date(date)?),
    };
    Ok(Placement { revision, stage, effective_on })
}

/// A date as the store writes it (ISO); anything else is a bug.
pub(crate) fn stored_date(raw: &str) -> Result<Date> {
    parse_date(raw).map_err(|_| StoreError::Corrupt(format!("date {raw}")))
}

fn audience_columns(audience: &Audience) -> (String, String) {
    let roles: Vec<&str> = audience.roles.iter().map(|r| r.as_str()).collect();
    (roles.join(","), audience.divisions.join(","))
}

fn audience_of(roles: &str, divisions: &str) -> Result<Audience> {
    let split = |s: &str| s.split(',').filter(|p| !p.is_empty()).map(str::to_owned).collect::<Vec<_>>();
    let roles = split(roles)
        .iter()
        .map(|r| Role::parse(r).map_err(|_| StoreError::Corrupt(format!("audience role {r}"))))
        .collect::<Result<_>>()?;
    Ok(Audience { roles, divisions: split(divisions) })
}

fn manual_of(row: &AnyRow) -> Result<WorkManualRecord> {
    Ok(WorkManualRecord {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        service_code: row.try_get("service_code")?,
        division_code: row.try_get("division_code")?,
        title_th: row.try_get("title_th")?,
        title_en: row.try_get("title_en")?,
        audience: audience_of(
            &row.try_get::<String, _>("audience_roles")?,
            &row.try_get::<String, _>("audience_divisions")?,
        )?,
        public_since: row.try_get::<Option<i64>, _>("public_since")?.map(time_ms::from_ms),
        created_at: time_ms::from_ms(row.try_get("created_at")?),
    })
}
