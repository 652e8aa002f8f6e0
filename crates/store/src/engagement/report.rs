//! The lines of the fiscal year's activities report, read in three grouped
//! queries (activities, attendance by group, follow-ups), not per activity.

use std::collections::HashMap;

use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::engagement::activity::{Kind, Status};
use ruamjai_domain::engagement::report::ActivityLine;
use sqlx::Row;

use crate::{Result, Store, time_ms};

impl Store {
    pub async fn engagement_lines(&self, year: FiscalYear) -> Result<Vec<ActivityLine>> {
        let (from, to) = (time_ms::to_ms(year.starts_at()), time_ms::to_ms(year.next().starts_at()));
        let in_year = "a.office_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3";
        let rows = sqlx::query(&format!(
            "SELECT a.id, a.kind, a.status, d.code AS division_code FROM activities a
             LEFT JOIN divisions d ON d.id = a.division_id WHERE {in_year} ORDER BY a.id"
        ))
        .bind(self.office_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let mut lines: Vec<(i64, ActivityLine)> = Vec::with_capacity(rows.len());
        for row in &rows {
            lines.push((
                row.try_get("id")?,
                ActivityLine {
                    kind: Kind::parse(&row.try_get::<String, _>("kind")?)?,
                    status: Status::parse(&row.try_get::<String, _>("status")?)?,
                    division_code: row.try_get("division_code")?,
                    target_groups: Vec::new(),
                    by_group: Vec::new(),
                    follow_ups: 0,
                    follow_ups_done: 0,
                },
            ));
        }
        let index: HashMap<i64, usize> = lines.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
        let targets: Vec<(i64, String)> = sqlx::query_as(&format!(
            "SELECT a.id, g.code FROM activities a JOIN activity_groups ag ON ag.activity_id = a.id
             JOIN stakeholder_groups g ON g.id = ag.group_id WHERE {in_year} ORDER BY g.id"
        ))
        .bind(self.office_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        for (id, group) in targets {
            if let Some(&i) = index.get(&id) {
                lines[i].1.target_groups.push(group);
            }
        }
        let attendance: Vec<(i64, String, i64, i64)> = sqlx::query_as(&format!(
            "SELECT a.id, g.code, COUNT(*), COUNT(r.checked_in_at) FROM activities a
             JOIN registrations r ON r.activity_id = a.id JOIN stakeholder_groups g ON g.id = r.group_id
             WHERE {in_year} AND r.status IN ('registered', 'walk-in') GROUP BY a.id, g.id, g.code ORDER BY g.id"
        ))
        .bind(self.office_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        for (id, group, registered, attended) in attendance {
            if let Some(&i) = index.get(&id) {
                lines[i].1.by_group.push((group, registered, attended));
            }
        }
        let follow_ups: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT a.id, COUNT(*), CAST(SUM(CASE WHEN f.status = 'done' THEN 1 ELSE 0 END) AS BIGINT)
             FROM activities a JOIN follow_ups f ON f.activity_id = a.id WHERE {in_year} GROUP BY a.id"
        ))
        .bind(self.office_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        for (id, total, done) in follow_ups {
            if let Some(&i) = index.get(&id) {
                (lines[i].1.follow_ups, lines[i].1.follow_ups_done) = (total, done);
            }
        }
        Ok(lines.into_iter().map(|(_, line)| line).collect())
    }
}
