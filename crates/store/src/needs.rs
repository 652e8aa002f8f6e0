//! What waits on someone: the counts a staff home shows, each one grouped
//! query over an index, for the whole Center or one division.

use sqlx::Row;
use time::{Date, Duration, OffsetDateTime};

use crate::participation::GENERAL_DIVISION;
use crate::{Result, Store, time_ms};

/// Whose work is counted.
#[derive(Debug, Clone, Copy, Default)]
pub struct NeedsScope<'a> {
    /// One division's (a collector's or officer's), or the whole Center's.
    pub division: Option<&'a str>,
    /// The account whose assigned matters are counted.
    pub user_id: Option<i64>,
}

/// The open matters of a scope.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Matters {
    pub open: u64,
    /// Unanswered past their reply target.
    pub overdue: u64,
    /// Of those, the ones escalated to the division's collectors.
    pub escalated: u64,
    /// Open and assigned to the scope's account.
    pub assigned: u64,
}

/// Drafts waiting for a reviewer or an approver.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Queues {
    /// Citizen manual versions in review (the collector or director approves).
    pub citizen_manuals_in_review: u64,
    /// Work manual revisions in review (the division's collector reviews).
    pub work_manuals_in_review: u64,
    /// Work manual revisions reviewed (the director approves).
    pub work_manuals_reviewed: u64,
    /// Consultation comments not yet moderated.
    pub comments_pending: u64,
    /// Follow-ups of activities still open and due within the coming week.
    pub follow_ups_due: u64,
}

/// An activity coming up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub id: i64,
    pub title: String,
    pub starts_at: OffsetDateTime,
}

const OPEN: &str = "('received', 'acknowledged', 'in_progress', 'waiting_for_submitter')";

fn count(row: &sqlx::any::AnyRow, column: &str) -> Result<u64> {
    Ok(u64::try_from(row.try_get::<Option<i64>, _>(column)?.unwrap_or(0)).unwrap_or(0))
}

impl Store {
    /// The scope's open matters, overdue and escalated ones, and those of its account.
    pub async fn matters(&self, scope: NeedsScope<'_>, now: OffsetDateTime) -> Result<Matters> {
        let row = sqlx::query(&format!(
            "SELECT COUNT(*) AS open,
                    COUNT(CASE WHEN s.answered_at IS NULL AND s.reply_due_at <= $2 THEN 1 END) AS overdue,
                    COUNT(CASE WHEN s.answered_at IS NULL AND s.escalated_at IS NOT NULL THEN 1 END) AS escalated,
                    COUNT(CASE WHEN s.assignee_id = $3 THEN 1 END) AS assigned
             FROM submissions s
             WHERE s.office_id = $1 AND s.status IN {OPEN}
               AND ($4 IS NULL
                    OR s.service_id IN (SELECT v.id FROM services v JOIN divisions d ON d.id = v.division_id
                                        WHERE d.code = $4)
                    OR (s.service_id IS NULL AND $4 = '{GENERAL_DIVISION}'))"
        ))
        .bind(self.office_id)
        .bind(time_ms::to_ms(now))
        .bind(scope.user_id.unwrap_or(0))
        .bind(scope.division)
        .fetch_one(&self.pool)
        .await?;
        Ok(Matters {
            open: count(&row, "open")?,
            overdue: count(&row, "overdue")?,
            escalated: count(&row, "escalated")?,
            assigned: count(&row, "assigned")?,
        })
    }

    /// What waits for a reviewer, an approver or a moderator in the scope.
    pub async fn queues(&self, scope: NeedsScope<'_>, today: Date) -> Result<Queues> {
        let citizen_manuals_in_review = self
            .scoped_count(
                "SELECT COUNT(*) FROM document_versions v JOIN documents m ON m.id = v.document_id
                 JOIN divisions d ON d.id = m.division_id
                 WHERE m.office_id = $1 AND m.kind = 'citizen-manual' AND v.stage = 'in_review'
                   AND ($2 IS NULL OR d.code = $2)",
                scope,
            )
            .await?;
        let stages: Vec<(String, i64)> = sqlx::query_as(
            "SELECT r.stage, COUNT(*) FROM work_manual_revisions r JOIN work_manuals m ON m.id = r.work_manual_id
             JOIN divisions d ON d.id = m.division_id
             WHERE m.office_id = $1 AND r.stage IN ('in_review', 'reviewed') AND ($2 IS NULL OR d.code = $2)
             GROUP BY r.stage",
        )
        .bind(self.office_id)
        .bind(scope.division)
        .fetch_all(&self.pool)
        .await?;
        let stage = |name: &str| {
            stages.iter().find(|(s, _)| s == name).map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0))
        };
        // Consultations are the Center's, not a division's.
        let comments_pending: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM consultation_comments c JOIN consultations k ON k.id = c.consultation_id
             WHERE k.office_id = $1 AND c.moderation = 'pending'",
        )
        .bind(self.office_id)
        .fetch_one(&self.pool)
        .await?;
        let week_ahead = (today + Duration::days(7)).to_string();
        let follow_ups_due: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM follow_ups f JOIN activities a ON a.id = f.activity_id
             LEFT JOIN divisions d ON d.id = a.division_id
             WHERE a.office_id = $1 AND f.status = 'open' AND f.due_on <= $3 AND ($2 IS NULL OR d.code = $2)",
        )
        .bind(self.office_id)
        .bind(scope.division)
        .bind(week_ahead)
        .fetch_one(&self.pool)
        .await?;
        Ok(Queues {
            citizen_manuals_in_review,
            work_manuals_in_review: stage("in_review"),
            work_manuals_reviewed: stage("reviewed"),
            comments_pending: u64::try_from(comments_pending).unwrap_or(0),
            follow_ups_due: u64::try_from(follow_ups_due).unwrap_or(0),
        })
    }

    /// Planned activities starting in `[from, from + 7 days)`: the scope's
    /// division's and the Center-wide ones.
    pub async fn activities_this_week(
        &self,
        scope: NeedsScope<'_>,
        from: OffsetDateTime,
    ) -> Result<Vec<Upcoming>> {
        let rows = sqlx::query(
            "SELECT a.id, a.title, a.starts_at FROM activities a LEFT JOIN divisions d ON d.id = a.division_id
             WHERE a.office_id = $1 AND a.status = 'planned' AND a.starts_at >= $2 AND a.starts_at < $3
               AND ($4 IS NULL OR d.code = $4 OR a.division_id IS NULL)
             ORDER BY a.starts_at, a.id LIMIT 20",
        )
        .bind(self.office_id)
        .bind(time_ms::to_ms(from))
        .bind(time_ms::to_ms(from + Duration::days(7)))
        .bind(scope.division)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Upcoming {
                    id: row.try_get("id")?,
                    title: row.try_get("title")?,
                    starts_at: time_ms::from_ms(row.try_get("starts_at")?),
                })
            })
            .collect()
    }

    async fn scoped_count(&self, sql: &'static str, scope: NeedsScope<'_>) -> Result<u64> {
        let n: i64 =
            sqlx::query_scalar(sql).bind(self.office_id).bind(scope.division).fetch_one(&self.pool).await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}
