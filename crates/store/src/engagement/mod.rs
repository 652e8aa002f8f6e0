//! Milestone 2 in the database: activities, their registrations and
//! attendance, their outcomes, and the stakeholder directory.

mod activities;
mod directory;
mod invitations;
mod outcomes;
mod registrations;
mod report;

pub use activities::{Activity, ActivityFilter};
pub use directory::{Contact, ImportSummary, Organisation};
pub use invitations::{InvitationLine, InviteOutcome, Invited, Invitees};
pub use outcomes::{FollowUp, NewPhoto, PhotoMeta};
pub use registrations::{Promoted, Registering, RegistrationView};
use sqlx::Row;

use crate::{Result, Store, StoreError};

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Registered,
    Waitlisted,
    Cancelled,
    /// Came without registering; recorded and checked in at the door.
    WalkIn,
}

impl Place {
    pub fn code(self) -> &'static str {
        match self {
            Self::Registered => "registered",
            Self::Waitlisted => "waitlisted",
            Self::Cancelled => "cancelled",
            Self::WalkIn => "walk-in",
        }
    }

    fn parse(raw: &str) -> Result<Self> {
        [Self::Registered, Self::Waitlisted, Self::Cancelled, Self::WalkIn]
            .into_iter()
            .find(|p| p.code() == raw)
            .ok_or(StoreError::NotFound)
    }
}

/// Counts of an activity, for staff and the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityCounts {
    pub capacity: i64,
    pub registered: i64,
    pub waitlisted: i64,
    pub walk_ins: i64,
    /// Checked in, registered beforehand or walked in.
    pub attended: i64,
    /// Groups with anyone registered or attending, in catalog order.
    pub by_group: Vec<GroupCount>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCount {
    pub group_code: String,
    pub registered: i64,
    pub attended: i64,
}

impl Store {
    /// Registered, waitlisted and attended counts, overall and by group.
    pub async fn activity_counts(&self, activity_id: i64) -> Result<ActivityCounts> {
        let capacity: i64 =
            sqlx::query_scalar("SELECT capacity FROM activities WHERE office_id = $1 AND id = $2")
                .bind(self.office_id)
                .bind(activity_id)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        let rows = sqlx::query(
            "SELECT g.code, r.status, COUNT(*) AS n, COUNT(r.checked_in_at) AS attended
             FROM registrations r JOIN stakeholder_groups g ON g.id = r.group_id
             WHERE r.activity_id = $1 AND r.status <> 'cancelled'
             GROUP BY g.id, g.code, r.status ORDER BY g.id",
        )
        .bind(activity_id)
        .fetch_all(&self.pool)
        .await?;
        let mut counts = ActivityCounts {
            capacity,
            registered: 0,
            waitlisted: 0,
            walk_ins: 0,
            attended: 0,
            by_group: Vec::new(),
        };
        for row in rows {
            let (group_code, n, attended): (String, i64, i64) =
                (row.try_get("code")?, row.try_get("n")?, row.try_get("attended")?);
            let place = Place::parse(&row.try_get::<String, _>("status")?)?;
            let registered = match place {
                Place::Registered => n,
                Place::WalkIn => 0,
                Place::Waitlisted => {
                    counts.waitlisted += n;
                    continue;
                }
                Place::Cancelled => continue,
            };
            counts.registered += registered;
            counts.walk_ins += if place == Place::WalkIn { n } else { 0 };
            counts.attended += attended;
            match counts.by_group.iter_mut().find(|g| g.group_code == group_code) {
                Some(group) => {
                    (group.registered, group.attended) =
                        (group.registered + registered, group.attended + attended)
                }
                None => counts.by_group.push(GroupCount { group_code, registered, attended }),
            }
        }
        Ok(counts)
    }
}
