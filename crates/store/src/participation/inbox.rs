//! The staff inbox: filtered, scoped to what the reader's role covers, newest
//! first, read a page at a time with a keyset (`before_id`) so that the first
//! page costs the same with a thousand submissions or a million.

use ruamjai_domain::participation::{Channel, Kind, Status, TrackingCode};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use super::code_of;
use crate::{Result, Store, time_ms};

/// The division whose services hold submissions about no particular service.
pub const GENERAL_DIVISION: &str = "general-administration";

/// Whose submissions a reader sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InboxScope {
    /// Center-wide roles.
    Everything,
    /// Officers and collectors: the services of their division (and general
    /// submissions for the General Administration division, which triages them).
    Division(String),
}

/// Who a submission is assigned to, as a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assignee {
    User(i64),
    Nobody,
}

#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    pub status: Option<Status>,
    /// Only submissions not yet answered.
    pub open_only: bool,
    pub kind: Option<Kind>,
    pub service: Option<String>,
    pub channel: Option<Channel>,
    pub group: Option<String>,
    pub assignee: Option<Assignee>,
    /// Only those whose reply is due by now.
    pub overdue_only: bool,
    /// Words in the subject or details.
    pub search: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxRow {
    pub id: i64,
    pub code: TrackingCode,
    pub kind: Kind,
    pub channel: Channel,
    pub status: Status,
    pub service_code: Option<String>,
    pub group_code: String,
    pub subject: String,
    pub created_at: OffsetDateTime,
    pub reply_due_at: Option<OffsetDateTime>,
    pub update_due_at: Option<OffsetDateTime>,
    pub assignee_name: Option<String>,
    /// The service's reply target in days, for reading `reply_due_at`.
    pub reply_days: u32,
}

/// Positional arguments of a query built piece by piece.
enum Arg {
    Int(i64),
    Text(String),
}

struct Sql {
    text: String,
    args: Vec<Arg>,
}

impl Sql {
    /// Appends a condition; each `?` in it stands for the one new argument.
    fn and(&mut self, condition: &str, arg: Arg) {
        self.args.push(arg);
        let placeholder = format!("${}", self.args.len());
        self.text.push_str(" AND ");
        self.text.push_str(&condition.replace('?', &placeholder));
    }
}

impl Store {
    pub async fn inbox(
        &self,
        scope: &InboxScope,
        filter: &InboxFilter,
        now: OffsetDateTime,
        before_id: Option<i64>,
        limit: i64,
    ) -> Result<Vec<InboxRow>> {
        let search = filter.search.as_deref().map(str::trim).filter(|w| !w.is_empty());
        // A trigram index needs three characters; shorter searches scan.
        let indexed_search = search.filter(|w| w.chars().count() >= 3 && self.backend.searches_by_join());
        let from = if indexed_search.is_some() {
            "submissions_search f JOIN submissions s ON s.id = f.rowid"
        } else {
            "submissions s"
        };
        let mut sql = Sql {
            text: format!(
                "SELECT s.id, s.fiscal_year, s.seq, s.kind, s.channel, s.status, s.subject, s.created_at,
                          s.reply_due_at, s.update_due_at, v.code AS service_code, g.code AS group_code, u.name AS assignee_name,
                          COALESCE(t.reply_days, 15) AS reply_days
                   FROM {from}
                   LEFT JOIN service_targets t ON t.service_id = s.service_id
                   LEFT JOIN services v ON v.id = s.service_id
                   JOIN stakeholder_groups g ON g.id = s.group_id
                   LEFT JOIN users u ON u.id = s.assignee_id
                   WHERE s.office_id = $1"
            ),
            args: vec![Arg::Int(self.office_id)],
        };
        if let InboxScope::Division(code) = scope {
            let general = i64::from(code == GENERAL_DIVISION);
            sql.and(
                "(s.service_id IN (SELECT sv.id FROM services sv JOIN divisions d ON d.id = sv.division_id WHERE d.code = ?)",
                Arg::Text(code.clone()),
            );
            sql.text.push_str(&format!(" OR (s.service_id IS NULL AND {general} = 1))"));
        }
        if let Some(status) = filter.status {
            sql.and("s.status = ?", Arg::Text(status.code().into()));
        }
        if filter.open_only {
            sql.text.push_str(" AND s.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate')");
        }
        if let Some(kind) = filter.kind {
            sql.and("s.kind = ?", Arg::Text(kind.code().into()));
        }
        if let Some(service) = &filter.service {
            sql.and("v.code = ?", Arg::Text(service.clone()));
        }
        if let Some(channel) = filter.channel {
            sql.and("s.channel = ?", Arg::Text(channel.code().into()));
        }
        if let Some(group) = &filter.group {
            sql.and("g.code = ?", Arg::Text(group.clone()));
        }
        match filter.assignee {
            Some(Assignee::User(id)) => sql.and("s.assignee_id = ?", Arg::Int(id)),
            Some(Assignee::Nobody) => sql.text.push_str(" AND s.assignee_id IS NULL"),
            None => {}
        }
        if filter.overdue_only {
            sql.and("s.answered_at IS NULL AND s.reply_due_at <= ?", Arg::Int(time_ms::to_ms(now)));
        }
        if let Some(words) = indexed_search {
            // One phrase: trigram matching finds it anywhere, case-insensitively.
            sql.and("submissions_search MATCH ?", Arg::Text(format!("\"{}\"", words.replace('"', "\"\""))));
        } else if let Some(words) = search {
            // Thai has no letter case; LOWER makes Latin searches agree on both backends.
            let pattern = format!("%{}%", words.to_lowercase().replace(['%', '_'], ""));
            sql.and("(LOWER(s.subject) LIKE ? OR LOWER(s.details) LIKE ?)", Arg::Text(pattern));
        }
        if let Some(before) = before_id {
            sql.and("s.id < ?", Arg::Int(before));
        }
        sql.args.push(Arg::Int(limit));
        // Ordered by the search table's rowid (the same id), SQLite walks the
        // matches newest first and stops at the page instead of sorting them all.
        let order = if indexed_search.is_some() { "f.rowid" } else { "s.id" };
        sql.text.push_str(&format!(" ORDER BY {order} DESC LIMIT ${}", sql.args.len()));
        let mut query = sqlx::query(&sql.text);
        for arg in sql.args {
            query = match arg {
                Arg::Int(value) => query.bind(value),
                Arg::Text(value) => query.bind(value),
            };
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(inbox_row).collect()
    }
}

fn inbox_row(row: &AnyRow) -> Result<InboxRow> {
    let (kind, channel, status): (String, String, String) =
        (row.try_get("kind")?, row.try_get("channel")?, row.try_get("status")?);
    let instant = |column: &str| -> Result<Option<OffsetDateTime>> {
        Ok(row.try_get::<Option<i64>, _>(column)?.map(time_ms::from_ms))
    };
    Ok(InboxRow {
        id: row.try_get("id")?,
        code: code_of(row.try_get("fiscal_year")?, row.try_get("seq")?),
        kind: Kind::parse(&kind)?,
        channel: Channel::parse(&channel)?,
        status: Status::parse(&status)?,
        service_code: row.try_get("service_code")?,
        group_code: row.try_get("group_code")?,
        subject: row.try_get("subject")?,
        created_at: time_ms::from_ms(row.try_get("created_at")?),
        reply_due_at: instant("reply_due_at")?,
        update_due_at: instant("update_due_at")?,
        assignee_name: row.try_get("assignee_name")?,
        reply_days: u32::try_from(row.try_get::<i64, _>("reply_days")?).unwrap_or(15),
    })
}
