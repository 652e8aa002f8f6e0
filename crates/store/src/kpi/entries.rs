//! What the year's indicators gather: the collectors' values, the director's
//! sign-offs and the committee's scores, each kept as an entry (the newest counts,
//! every earlier one stays), and the evidence files of values and sign-offs.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Assessment, Decimal, EvidenceFile, Round, SignOff};
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::participation::attachments::{self, AttachmentFile, Owner};
use crate::{Result, Store, StoreError, time_ms};

/// A value as a collector entered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnteredValue {
    pub id: i64,
    pub code: String,
    pub round: Round,
    pub value: Decimal,
    pub note: String,
    pub by: String,
    pub at: OffsetDateTime,
    pub files: Vec<EvidenceFile>,
}

/// A step's sign-off, for the indicator it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepSignOff {
    pub code: String,
    pub step: u8,
    pub sign_off: SignOff,
}

/// A value or a sign-off, by its id: what evidence files belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryRef {
    Value(i64),
    SignOff(i64),
}

/// The committee's assessment, for the indicator it scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitteeAssessment {
    pub code: String,
    pub assessment: Assessment,
}

impl Store {
    /// Records a collector's value of a range indicator for a round, with
    /// its evidence files; says the value's id.
    pub async fn enter_indicator_value(
        &self,
        actor: &Actor,
        (year, code): (FiscalYear, &str),
        (round, value, note): (Round, Decimal, &str),
        files: &[NewAttachment],
        now: OffsetDateTime,
    ) -> Result<i64> {
        let entry = Entry {
            insert: "INSERT INTO kpi_values (indicator_id, round, value, note, entered_by, entered_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
            figures: (i64::from(round.months()), value.ten_thousandths()),
            text: note,
            action: "enter-value",
            after: json!({ "round": round.months(), "value": value, "note": note }),
        };
        let files = files.iter().map(|f| (Owner::KpiValue as fn(i64) -> Owner, "kpi-value", f));
        self.add_entry(actor, (year, code), entry, files, now).await
    }

    /// Records the director's judgement of a step, with its evidence
    /// files; says the sign-off's id.
    pub async fn sign_off_step(
        &self,
        actor: &Actor,
        (year, code): (FiscalYear, &str),
        (step, met, reason): (u8, bool, &str),
        files: &[NewAttachment],
        now: OffsetDateTime,
    ) -> Result<i64> {
        let entry = Entry {
            insert: "INSERT INTO kpi_sign_offs (indicator_id, step, met, reason, signed_by, signed_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
            figures: (i64::from(step), i64::from(met)),
            text: reason,
            action: "sign-off-step",
            after: json!({ "step": step, "met": met, "reason": reason }),
        };
        let files = files.iter().map(|f| (Owner::KpiSignOff as fn(i64) -> Owner, "kpi-sign-off", f));
        self.add_entry(actor, (year, code), entry, files, now).await
    }

    /// Records the evaluating committee's score of an indicator for a round.
    pub async fn assess_indicator(
        &self,
        actor: &Actor,
        (year, code): (FiscalYear, &str),
        (round, score, note): (Round, Decimal, &str),
        now: OffsetDateTime,
    ) -> Result<()> {
        let entry = Entry {
            insert: "INSERT INTO kpi_assessments (indicator_id, round, score, note, assessed_by, assessed_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
            figures: (i64::from(round.months()), score.ten_thousandths()),
            text: note,
            action: "assess-indicator",
            after: json!({ "round": round.months(), "score": score, "note": note }),
        };
        self.add_entry(actor, (year, code), entry, std::iter::empty(), now).await?;
        Ok(())
    }

    /// Adds a value, a sign-off or an assessment to an indicator with its audit entry.
    async fn add_entry<'f>(
        &self,
        actor: &Actor,
        (year, code): (FiscalYear, &str),
        entry: Entry<'_>,
        files: impl Iterator<Item = (fn(i64) -> Owner, &'f str, &'f NewAttachment)>,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        self.store_predefined(&mut tx, year, now).await?;
        let indicator_id = self.indicator_id(&mut tx, year, code).await?;
        let id: i64 = sqlx::query_scalar(&format!("{} RETURNING id", entry.insert))
            .bind(indicator_id)
            .bind(entry.figures.0)
            .bind(entry.figures.1)
            .bind(entry.text)
            .bind(actor.user_id)
            .bind(time_ms::to_ms(now))
            .fetch_one(&mut *tx)
            .await?;
        for (owner, entity, file) in files {
            attachments::insert_audited(&mut tx, self.office_id, actor, (owner(id), entity), file, now)
                .await?;
        }
        let change = Change {
            action: entry.action,
            entity: "indicator",
            entity_id: &format!("{}/{code}", year.be()),
            before: json!(null),
            after: entry.after,
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The values entered for the year's indicators before `until`, oldest first.
    pub async fn indicator_values(
        &self,
        year: FiscalYear,
        until: OffsetDateTime,
    ) -> Result<Vec<EnteredValue>> {
        let rows = self
            .year_entries(
                "SELECT v.id, i.code, v.round, v.value, v.note, COALESCE(u.name, '') AS by_name, v.entered_at
                 FROM kpi_values v JOIN kpi_indicators i ON i.id = v.indicator_id
                 LEFT JOIN users u ON u.id = v.entered_by
                 WHERE i.office_id = $1 AND i.fiscal_year = $2 AND v.entered_at < $3
                 ORDER BY v.entered_at, v.id",
                (year, until),
            )
            .await?;
        let mut files = self.evidence_files(year, "kpi_value_id").await?;
        rows.iter()
            .map(|row| {
                let id = row.try_get("id")?;
                Ok(EnteredValue {
                    id,
                    files: files.remove(&id).unwrap_or_default(),
                    code: row.try_get("code")?,
                    round: round_of(row.try_get("round")?)?,
                    value: Decimal::from_ten_thousandths(row.try_get("value")?),
                    note: row.try_get("note")?,
                    by: row.try_get("by_name")?,
                    at: time_ms::from_ms(row.try_get("entered_at")?),
                })
            })
            .collect()
    }

    /// The sign-offs of the year's steps made before `until`, oldest first
    /// (the newest of a step decides it).
    pub async fn step_sign_offs(&self, year: FiscalYear, until: OffsetDateTime) -> Result<Vec<StepSignOff>> {
        let rows = self
            .year_entries(
                "SELECT s.id, i.code, s.step, s.met, s.reason, COALESCE(u.name, '') AS by_name, s.signed_at
                 FROM kpi_sign_offs s JOIN kpi_indicators i ON i.id = s.indicator_id
                 LEFT JOIN users u ON u.id = s.signed_by
                 WHERE i.office_id = $1 AND i.fiscal_year = $2 AND s.signed_at < $3
                 ORDER BY s.signed_at, s.id",
                (year, until),
            )
            .await?;
        let mut files = self.evidence_files(year, "kpi_sign_off_id").await?;
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                Ok(StepSignOff {
                    code: row.try_get("code")?,
                    step: u8::try_from(row.try_get::<i64, _>("step")?).unwrap_or_default(),
                    sign_off: SignOff {
                        met: row.try_get::<i64, _>("met")? == 1,
                        reason: row.try_get("reason")?,
                        by: row.try_get("by_name")?,
                        at: time_ms::from_ms(row.try_get("signed_at")?),
                        files: files.remove(&id).unwrap_or_default(),
                    },
                })
            })
            .collect()
    }

    /// The committee's assessments of the year's indicators made before
    /// `until`, oldest first (the newest of an indicator counts).
    pub async fn committee_assessments(
        &self,
        year: FiscalYear,
        until: OffsetDateTime,
    ) -> Result<Vec<CommitteeAssessment>> {
        let rows = self
            .year_entries(
                "SELECT i.code, a.round, a.score, a.note, COALESCE(u.name, '') AS by_name, a.assessed_at
                 FROM kpi_assessments a JOIN kpi_indicators i ON i.id = a.indicator_id
                 LEFT JOIN users u ON u.id = a.assessed_by
                 WHERE i.office_id = $1 AND i.fiscal_year = $2 AND a.assessed_at < $3
                 ORDER BY a.assessed_at, a.id",
                (year, until),
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(CommitteeAssessment {
                    code: row.try_get("code")?,
                    assessment: Assessment {
                        round: round_of(row.try_get("round")?)?,
                        score: Decimal::from_ten_thousandths(row.try_get("score")?),
                        note: row.try_get("note")?,
                        by: row.try_get("by_name")?,
                        at: time_ms::from_ms(row.try_get("assessed_at")?),
                    },
                })
            })
            .collect()
    }

    /// The evidence files of the year's values or sign-offs (`owner` is
    /// one of the two columns, never input), by the row they belong to.
    async fn evidence_files(
        &self,
        year: FiscalYear,
        owner: &'static str,
    ) -> Result<std::collections::HashMap<i64, Vec<EvidenceFile>>> {
        let table = if owner == "kpi_value_id" { "kpi_values" } else { "kpi_sign_offs" };
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(&format!(
            "SELECT a.{owner}, a.id, a.file_name FROM attachments a
             JOIN {table} e ON e.id = a.{owner} JOIN kpi_indicators i ON i.id = e.indicator_id
             WHERE a.office_id = $1 AND i.office_id = $1 AND i.fiscal_year = $2 ORDER BY a.id"
        ))
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .fetch_all(&self.pool)
        .await?;
        let mut files: std::collections::HashMap<i64, Vec<EvidenceFile>> = std::collections::HashMap::new();
        for (entry, id, name) in rows {
            files.entry(entry).or_default().push(EvidenceFile { id, name });
        }
        Ok(files)
    }

    /// Adds evidence files to a value or a sign-off of the year, at most
    /// `max` in all; says what each file is now called.
    pub async fn attach_indicator_evidence(
        &self,
        actor: &Actor,
        (year, entry): (FiscalYear, EntryRef),
        files: &[NewAttachment],
        max: usize,
        now: OffsetDateTime,
    ) -> Result<Vec<EvidenceFile>> {
        let (table, owner, entity) = match entry {
            EntryRef::Value(id) => ("kpi_values", Owner::KpiValue(id), "kpi-value"),
            EntryRef::SignOff(id) => ("kpi_sign_offs", Owner::KpiSignOff(id), "kpi-sign-off"),
        };
        let mut tx = self.begin_write().await?;
        let (column, id) = owner.column_and_id();
        let found: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT e.id FROM {table} e JOIN kpi_indicators i ON i.id = e.indicator_id
             WHERE i.office_id = $1 AND i.fiscal_year = $2 AND e.id = $3"
        ))
        .bind(self.office_id)
        .bind(i64::from(year.be()))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        found.ok_or(StoreError::NotFound)?;
        let held: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM attachments WHERE {column} = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if usize::try_from(held).unwrap_or(usize::MAX).saturating_add(files.len()) > max {
            return Err(StoreError::InvalidField {
                field: "evidence",
                error: FieldError::TooManyFiles { max },
            });
        }
        let mut stored = Vec::with_capacity(files.len());
        for file in files {
            let meta =
                attachments::insert_audited(&mut tx, self.office_id, actor, (owner, entity), file, now)
                    .await?;
            stored.push(EvidenceFile { id: meta.id, name: meta.file_name });
        }
        tx.commit().await?;
        Ok(stored)
    }

    /// An evidence file of a value or sign-off of the year, with its content.
    pub async fn indicator_evidence_file(
        &self,
        year: FiscalYear,
        attachment_id: i64,
    ) -> Result<AttachmentFile> {
        let owners: Option<(Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT a.kpi_value_id, a.kpi_sign_off_id FROM attachments a
             LEFT JOIN kpi_values v ON v.id = a.kpi_value_id
             LEFT JOIN kpi_sign_offs s ON s.id = a.kpi_sign_off_id
             JOIN kpi_indicators i ON i.id = COALESCE(v.indicator_id, s.indicator_id)
             WHERE a.office_id = $1 AND a.id = $2 AND i.fiscal_year = $3",
        )
        .bind(self.office_id)
        .bind(attachment_id)
        .bind(i64::from(year.be()))
        .fetch_optional(&self.pool)
        .await?;
        let owner = match owners {
            Some((Some(value), _)) => Owner::KpiValue(value),
            Some((None, Some(sign_off))) => Owner::KpiSignOff(sign_off),
            _ => return Err(StoreError::NotFound),
        };
        self.attachment(owner, attachment_id).await
    }

    /// Rows of one of the year's entry tables made before `until`: `sql`
    /// binds the office as `$1`, the year as `$2` and `until` as `$3`.
    async fn year_entries(
        &self,
        sql: &'static str,
        (year, until): (FiscalYear, OffsetDateTime),
    ) -> Result<Vec<sqlx::any::AnyRow>> {
        Ok(sqlx::query(sql)
            .bind(self.office_id)
            .bind(i64::from(year.be()))
            .bind(time_ms::to_ms(until))
            .fetch_all(&self.pool)
            .await?)
    }
}

fn round_of(months: i64) -> Result<Round> {
    u8::try_from(months).ok().and_then(|m| Round::try_from(m).ok()).ok_or(StoreError::NotFound)
}

/// A row an indicator gathers over the year: two figures and a text, by
/// whom and when.
struct Entry<'a> {
    insert: &'static str,
    figures: (i64, i64),
    text: &'a str,
    action: &'static str,
    after: serde_json::Value,
}
