//! What indicator 4's rules read, gathered per area for a fiscal year as it
//! stood at the end of a day: a handful of grouped queries each, over the
//! cells and indexes the areas already keep.

use std::collections::{BTreeSet, HashMap, HashSet};

use ruamjai_domain::calendar::{FiscalYear, bangkok_midnight};
use ruamjai_domain::kpi::Named;
use ruamjai_domain::kpi::rules::{
    ActivityFacts, ChannelFacts, CitizenManualFacts, ManualInForce, RelationshipFacts, SatisfactionFacts,
    ServiceWorkManuals, SurveyFacts, SurveyGroup, WorkManualFact, WorkManualFacts,
};
use ruamjai_domain::participation::Channel;
use ruamjai_domain::satisfaction::stats::ScaleCounts;
use ruamjai_domain::work_manual::control::{Standing, standings};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::{Date, Duration, OffsetDateTime};

use crate::documents::DocumentKind;
use crate::participation::day_number;
use crate::work_manuals::WorkManualFilter;
use crate::{Result, Store, time_ms};

/// A fiscal year up to the end of a day: `[from, until)` in instants, and
/// the day itself for what is kept as dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AsOf {
    pub year: FiscalYear,
    pub day: Date,
}

impl AsOf {
    /// The year as it stood at the end of `day`; a day past the year's end
    /// reads the whole year.
    pub fn new(year: FiscalYear, day: Date) -> Self {
        let last = year.next().first_day().previous_day().unwrap_or(day);
        Self { year, day: day.min(last) }
    }

    pub fn from(self) -> OffsetDateTime {
        bangkok_midnight(self.year.first_day())
    }

    pub fn until(self) -> OffsetDateTime {
        bangkok_midnight(self.day) + Duration::DAY
    }

    /// The Bangkok month (yyyymm) of the day, as survey cells are kept.
    fn month(self) -> i64 {
        i64::from(self.day.year()) * 100 + i64::from(u8::from(self.day.month()))
    }

    fn range_ms(self) -> (i64, i64) {
        (time_ms::to_ms(self.from()), time_ms::to_ms(self.until()))
    }
}

fn count(row: &AnyRow, column: &str) -> Result<u64> {
    Ok(u64::try_from(row.try_get::<Option<i64>, _>(column)?.unwrap_or(0)).unwrap_or(0))
}

/// The `c1` … `c5` and `na` sums of a row.
fn scale_counts(row: &AnyRow) -> Result<ScaleCounts> {
    let dist =
        [count(row, "c1")?, count(row, "c2")?, count(row, "c3")?, count(row, "c4")?, count(row, "c5")?];
    Ok(ScaleCounts { dist, na: count(row, "na")? })
}

impl Store {
    /// Step 1: the year's submission cells up to the day, by channel.
    pub async fn channel_facts(&self, at: AsOf) -> Result<ChannelFacts> {
        let rows = sqlx::query(
            "SELECT channel, CAST(SUM(received) AS BIGINT) AS n, CAST(SUM(answered) AS BIGINT) AS answered,
                    CAST(SUM(answered_in_time) AS BIGINT) AS met
             FROM submission_cells WHERE office_id = $1 AND fiscal_year = $2 AND day <= $3
             GROUP BY channel ORDER BY channel",
        )
        .bind(self.office_id)
        .bind(i64::from(at.year.be()))
        .bind(day_number(at.day))
        .fetch_all(&self.pool)
        .await?;
        let mut facts = ChannelFacts::default();
        for row in &rows {
            let channel = Channel::parse(&row.try_get::<String, _>("channel")?)?;
            let received = count(row, "n")?;
            if received > 0 {
                facts.channels.push((channel, received));
            }
            facts.answered += count(row, "answered")?;
            facts.answered_in_time += count(row, "met")?;
        }
        facts.channels.sort_by_key(|(c, _)| Channel::ALL.iter().position(|a| a == c));
        Ok(facts)
    }

    /// Step 2: the year's held activities with their attendance by group.
    pub async fn relationship_facts(&self, at: AsOf) -> Result<RelationshipFacts> {
        let (from, until) = at.range_ms();
        let held = "a.office_id = $1 AND a.status = 'held' AND a.starts_at >= $2 AND a.starts_at < $3";
        let activities = sqlx::query(&format!(
            "SELECT a.id, a.title, CASE WHEN a.minutes_at < $3 AND a.minutes <> '' THEN 1 ELSE 0 END AS minuted
             FROM activities a WHERE {held} ORDER BY a.starts_at, a.id"
        ))
        .bind(self.office_id)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let attendance = sqlx::query(&format!(
            "SELECT r.activity_id, g.code, COUNT(*) AS n
             FROM registrations r JOIN activities a ON a.id = r.activity_id
             JOIN stakeholder_groups g ON g.id = r.group_id
             WHERE {held} AND r.checked_in_at IS NOT NULL AND r.checked_in_at < $3
             GROUP BY r.activity_id, g.code"
        ))
        .bind(self.office_id)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let mut by_activity: HashMap<i64, (u64, Vec<String>)> = HashMap::new();
        for row in &attendance {
            let entry = by_activity.entry(row.try_get("activity_id")?).or_default();
            entry.0 += count(row, "n")?;
            entry.1.push(row.try_get("code")?);
        }
        let mut facts = RelationshipFacts { groups: self.group_names().await?, ..Default::default() };
        for row in &activities {
            let id: i64 = row.try_get("id")?;
            let (attended, mut groups) = by_activity.remove(&id).unwrap_or_default();
            groups.sort();
            facts.activities.push(ActivityFacts {
                id,
                title: row.try_get("title")?,
                attended,
                minutes: row.try_get::<i64, _>("minuted")? == 1,
                groups,
            });
        }
        Ok(facts)
    }

    /// Step 3: the year's surveys from their cells (whole months up to the
    /// day's), the actions opened from each, and the services' standards.
    pub async fn satisfaction_facts(&self, at: AsOf) -> Result<SatisfactionFacts> {
        let (_, until) = at.range_ms();
        let be = i64::from(at.year.be());
        let surveys: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, name FROM surveys WHERE office_id = $1 AND fiscal_year = $2 AND opens_at < $3 ORDER BY opens_at, id",
        )
        .bind(self.office_id)
        .bind(be)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let groups = self.survey_group_facts(be, at.month()).await?;
        let below = self.items_below_standard(be, at.month()).await?;
        let actions: HashMap<i64, i64> = sqlx::query_as(
            "SELECT a.survey_id, COUNT(*) FROM improvement_actions a JOIN surveys s ON s.id = a.survey_id
             WHERE a.office_id = $1 AND s.fiscal_year = $2 AND a.created_at < $3 GROUP BY a.survey_id",
        )
        .bind(self.office_id)
        .bind(be)
        .bind(until)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        let unset: Vec<(String, String)> = sqlx::query_as(
            "SELECT s.code, s.name_th FROM services s
             LEFT JOIN service_standards st ON st.service_id = s.id AND st.office_id = s.office_id AND st.fiscal_year = $2
             WHERE s.office_id = $1 AND st.satisfied_min_permille IS NULL ORDER BY s.number",
        )
        .bind(self.office_id)
        .bind(be)
        .fetch_all(&self.pool)
        .await?;
        let mut facts = SatisfactionFacts {
            services_without_standard: unset.into_iter().map(|(code, name)| Named { code, name }).collect(),
            services: self.service_names().await?.len() as u64,
            ..Default::default()
        };
        for (id, name) in surveys {
            let (groups, (responses, dissatisfied)) = groups.get(&id).cloned().unwrap_or_default();
            facts.surveys.push(SurveyFacts {
                id,
                name,
                responses,
                dissatisfied,
                groups,
                below_standard: below.get(&id).map(|b| b.iter().cloned().collect()).unwrap_or_default(),
                actions: actions.get(&id).map_or(0, |n| u64::try_from(*n).unwrap_or(0)),
            });
        }
        Ok(facts)
    }

    /// Per survey of the year: each group against its sample, and the
    /// responses and dissatisfied respondents in all.
    async fn survey_group_facts(
        &self,
        be: i64,
        month: i64,
    ) -> Result<HashMap<i64, (Vec<SurveyGroup>, (u64, u64))>> {
        let rows = sqlx::query(
            "SELECT sg.survey_id, g.code, g.name_th, sg.population,
                    CAST(SUM(c.responses) AS BIGINT) AS responses, CAST(SUM(c.dissatisfied) AS BIGINT) AS dissatisfied
             FROM survey_groups sg JOIN surveys s ON s.id = sg.survey_id
             JOIN stakeholder_groups g ON g.id = sg.group_id
             LEFT JOIN response_cells c ON c.survey_id = sg.survey_id AND c.group_id = sg.group_id AND c.month <= $3
             WHERE s.office_id = $1 AND s.fiscal_year = $2
             GROUP BY sg.survey_id, g.code, g.name_th, g.number, sg.population ORDER BY sg.survey_id, g.number",
        )
        .bind(self.office_id)
        .bind(be)
        .bind(month)
        .fetch_all(&self.pool)
        .await?;
        let mut surveys: HashMap<i64, (Vec<SurveyGroup>, (u64, u64))> = HashMap::new();
        for row in &rows {
            let entry = surveys.entry(row.try_get("survey_id")?).or_default();
            let achieved = count(row, "responses")?;
            let population = row.try_get::<Option<i64>, _>("population")?.and_then(|n| u64::try_from(n).ok());
            entry.0.push(SurveyGroup {
                group: Named { code: row.try_get("code")?, name: row.try_get("name_th")? },
                population,
                achieved,
            });
            entry.1.0 += achieved;
            entry.1.1 += count(row, "dissatisfied")?;
        }
        Ok(surveys)
    }

    /// Per survey of the year: the items whose answers about a service fall
    /// short of that service's satisfied minimum or pass its dissatisfied maximum.
    async fn items_below_standard(&self, be: i64, month: i64) -> Result<HashMap<i64, BTreeSet<String>>> {
        let rows = sqlx::query(
            "SELECT x.survey_id, x.item, st.satisfied_min_permille, st.dissatisfied_max_permille,
                    CAST(SUM(x.c1) AS BIGINT) AS c1, CAST(SUM(x.c2) AS BIGINT) AS c2, CAST(SUM(x.c3) AS BIGINT) AS c3,
                    CAST(SUM(x.c4) AS BIGINT) AS c4, CAST(SUM(x.c5) AS BIGINT) AS c5, CAST(SUM(x.na) AS BIGINT) AS na
             FROM item_cells x JOIN surveys s ON s.id = x.survey_id
             JOIN service_standards st ON st.office_id = s.office_id AND st.service_id = x.service_id
                 AND st.fiscal_year = s.fiscal_year
             WHERE s.office_id = $1 AND s.fiscal_year = $2 AND x.month <= $3
             GROUP BY x.survey_id, x.item, x.service_id, st.satisfied_min_permille, st.dissatisfied_max_permille",
        )
        .bind(self.office_id)
        .bind(be)
        .bind(month)
        .fetch_all(&self.pool)
        .await?;
        let mut below: HashMap<i64, BTreeSet<String>> = HashMap::new();
        for row in &rows {
            let summary = scale_counts(row)?.summary(Default::default());
            let permille = |column: &str| -> Result<Option<f64>> {
                Ok(row.try_get::<Option<i64>, _>(column)?.map(|p| p as f64 / 10.0))
            };
            let short = matches!((summary.satisfied_pct, permille("satisfied_min_permille")?), (Some(s), Some(min)) if s < min);
            let over = matches!((summary.dissatisfied_pct, permille("dissatisfied_max_permille")?), (Some(d), Some(max)) if d > max);
            if short || over {
                below.entry(row.try_get("survey_id")?).or_default().insert(row.try_get("item")?);
            }
        }
        Ok(below)
    }

    /// Step 4: every service with its citizen manual in force at the end of
    /// the day, and whether that version's announcement was recorded by then.
    pub async fn citizen_manual_facts(&self, at: AsOf) -> Result<CitizenManualFacts> {
        let last_instant = at.until() - Duration::MILLISECOND;
        let in_force = self.current_versions(DocumentKind::CitizenManual, last_instant).await?;
        let mut facts = CitizenManualFacts::default();
        for service in self.service_names().await? {
            let version =
                in_force.iter().find(|v| v.document.service_code.as_deref() == Some(service.code.as_str()));
            let announced = match version {
                Some(v) => {
                    self.announcement(v.id).await?.is_some_and(|a| a.date <= at.day && !a.channels.is_empty())
                }
                None => false,
            };
            facts.services.push(ManualInForce { service, in_force: version.is_some(), announced });
        }
        Ok(facts)
    }

    /// Step 5: every service's work manuals on the day: in force, renewed in
    /// the year (approved or reviewed), and read by their audience.
    pub async fn work_manual_facts(&self, at: AsOf) -> Result<WorkManualFacts> {
        let (from, until) = at.range_ms();
        let placed = self.work_manuals_placed(WorkManualFilter::default()).await?;
        let approved: HashSet<i64> = sqlx::query_scalar(
            "SELECT DISTINCT r.work_manual_id FROM work_manual_revisions r
             JOIN work_manual_signatures g ON g.revision_id = r.id AND g.duty = 'approver'
             JOIN work_manuals m ON m.id = r.work_manual_id
             WHERE m.office_id = $1 AND g.signed_at >= $2 AND g.signed_at < $3",
        )
        .bind(self.office_id)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        let reviewed: HashSet<i64> = sqlx::query_scalar(
            "SELECT DISTINCT w.work_manual_id FROM work_manual_reviews w JOIN work_manuals m ON m.id = w.work_manual_id
             WHERE m.office_id = $1 AND w.reviewed_on >= $2 AND w.reviewed_on <= $3",
        )
        .bind(self.office_id)
        .bind(at.year.first_day().to_string())
        .bind(at.day.to_string())
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        let acknowledgements: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT a.work_manual_id, a.number, a.user_id FROM work_manual_acknowledgements a
             JOIN work_manuals m ON m.id = a.work_manual_id WHERE m.office_id = $1 AND a.acknowledged_at < $2",
        )
        .bind(self.office_id)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let accounts = self.list_users().await?;
        let mut services: Vec<ServiceWorkManuals> = self
            .service_names()
            .await?
            .into_iter()
            .map(|service| ServiceWorkManuals { service, manuals: Vec::new() })
            .collect();
        for (record, placements) in placed {
            let in_force = placements
                .iter()
                .zip(standings(&placements, at.day))
                .find(|(_, s)| *s == Standing::Effective)
                .map(|(p, _)| i64::from(p.revision.number));
            let readers: HashSet<i64> = accounts
                .iter()
                .filter(|u| !u.disabled && record.audience.includes(u.role, u.division_code.as_deref()))
                .map(|u| u.id)
                .collect();
            let acknowledged = acknowledgements
                .iter()
                .filter(|(m, number, user)| {
                    *m == record.id && Some(*number) == in_force && readers.contains(user)
                })
                .count() as u64;
            let Some(service) = services.iter_mut().find(|s| s.service.code == record.service_code) else {
                continue;
            };
            service.manuals.push(WorkManualFact {
                id: record.id,
                code: record.code,
                in_force: in_force.is_some(),
                renewed: approved.contains(&record.id) || reviewed.contains(&record.id),
                readers: readers.len() as u64,
                acknowledged,
            });
        }
        Ok(WorkManualFacts { services })
    }

    /// Every five-point answer of the year's surveys, whole months up to the day's.
    pub async fn scale_counts(&self, at: AsOf) -> Result<ScaleCounts> {
        let row = sqlx::query(
            "SELECT CAST(SUM(x.c1) AS BIGINT) AS c1, CAST(SUM(x.c2) AS BIGINT) AS c2, CAST(SUM(x.c3) AS BIGINT) AS c3,
                    CAST(SUM(x.c4) AS BIGINT) AS c4, CAST(SUM(x.c5) AS BIGINT) AS c5, CAST(SUM(x.na) AS BIGINT) AS na
             FROM item_cells x JOIN surveys s ON s.id = x.survey_id
             WHERE s.office_id = $1 AND s.fiscal_year = $2 AND x.month <= $3",
        )
        .bind(self.office_id)
        .bind(i64::from(at.year.be()))
        .bind(at.month())
        .fetch_one(&self.pool)
        .await?;
        scale_counts(&row)
    }

    async fn service_names(&self) -> Result<Vec<Named>> {
        self.named("SELECT code, name_th FROM services WHERE office_id = $1 ORDER BY number").await
    }

    async fn group_names(&self) -> Result<Vec<Named>> {
        self.named("SELECT code, name_th FROM stakeholder_groups WHERE office_id = $1 ORDER BY number").await
    }

    async fn named(&self, sql: &'static str) -> Result<Vec<Named>> {
        let rows: Vec<(String, String)> =
            sqlx::query_as(sql).bind(self.office_id).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|(code, name)| Named { code, name }).collect())
    }
}
