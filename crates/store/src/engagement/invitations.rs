//! Inviting directory contacts to an activity: by whole group or one by
//! one, each invitation recorded once, mailed through the outbox in the
//! same transaction when the contact has an address.

use ruamjai_domain::accounts::Email;
use ruamjai_domain::mail::NewMail;
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, mail, time_ms};

/// Whom to invite: everyone in these groups, and these contacts.
#[derive(Debug, Clone, Copy)]
pub struct Invitees<'a> {
    pub group_codes: &'a [String],
    pub contact_ids: &'a [i64],
}

/// A contact being invited, as the invitation mail needs them.
#[derive(Debug, Clone)]
pub struct Invited {
    pub name: String,
    pub organisation: String,
    pub email: Email,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InviteOutcome {
    /// Newly invited (mailed, or to be phoned when they have no address).
    pub invited: usize,
    /// Of those, how many have no e-mail address and must be reached otherwise.
    pub without_email: usize,
    /// Invited before: not mailed twice.
    pub already_invited: usize,
}

/// One line of the printable invitation list.
#[derive(Debug, Clone)]
pub struct InvitationLine {
    pub organisation: String,
    pub group_code: String,
    /// `None` once the contact's data was erased.
    pub name: Option<String>,
    pub position: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub invited_at: OffsetDateTime,
    /// Registered for the activity with the address they were invited at.
    pub registered: bool,
}

impl Store {
    /// Invites the contacts not yet invited, mailing each one with an address.
    pub async fn invite(
        &self,
        actor: &Actor,
        activity_id: i64,
        invitees: Invitees<'_>,
        compose: &(dyn Fn(&Invited) -> NewMail + Sync),
        now: OffsetDateTime,
    ) -> Result<InviteOutcome> {
        self.activity(activity_id).await?;
        let mut tx = self.begin_write().await?;
        let candidates = sqlx::query(
            "SELECT c.id, c.name, c.email, o.name AS organisation, g.code AS group_code,
                    (SELECT COUNT(*) FROM invitations i WHERE i.activity_id = $2 AND i.contact_id = c.id) AS invited
             FROM contacts c JOIN organisations o ON o.id = c.organisation_id
                 JOIN stakeholder_groups g ON g.id = o.group_id
             WHERE o.office_id = $1 AND c.erased_at IS NULL ORDER BY c.id",
        )
        .bind(self.office_id)
        .bind(activity_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut outcome = InviteOutcome::default();
        for row in candidates {
            let (id, group_code): (i64, String) = (row.try_get("id")?, row.try_get("group_code")?);
            if !(invitees.contact_ids.contains(&id) || invitees.group_codes.contains(&group_code)) {
                continue;
            }
            if row.try_get::<i64, _>("invited")? > 0 {
                outcome.already_invited += 1;
                continue;
            }
            sqlx::query("INSERT INTO invitations (activity_id, contact_id, invited_at) VALUES ($1, $2, $3)")
                .bind(activity_id)
                .bind(id)
                .bind(time_ms::to_ms(now))
                .execute(&mut *tx)
                .await?;
            outcome.invited += 1;
            let email = row.try_get::<Option<String>, _>("email")?.and_then(|e| Email::parse(&e).ok());
            let Some(email) = email else {
                outcome.without_email += 1;
                continue;
            };
            let invited = Invited {
                name: row.try_get::<Option<String>, _>("name")?.unwrap_or_default(),
                organisation: row.try_get("organisation")?,
                email,
            };
            mail::queue(&mut tx, self.office_id, &compose(&invited), now).await?;
        }
        let change = Change {
            action: "invite",
            entity: "activity",
            entity_id: &activity_id.to_string(),
            before: json!(null),
            after: json!({
                "groups": invitees.group_codes,
                "contacts": invitees.contact_ids.len(),
                "invited": outcome.invited,
                "without_email": outcome.without_email,
                "already_invited": outcome.already_invited,
            }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    /// Who was invited, by group and organisation, and whether they registered.
    pub async fn invitations(&self, activity_id: i64) -> Result<Vec<InvitationLine>> {
        self.activity(activity_id).await?;
        let rows = sqlx::query(
            "SELECT o.name AS organisation, g.code AS group_code, c.name, c.position, c.email, c.phone,
                    i.invited_at,
                    (SELECT COUNT(*) FROM registrations r WHERE r.activity_id = i.activity_id
                        AND r.email = c.email AND r.status <> 'cancelled') AS registered
             FROM invitations i JOIN contacts c ON c.id = i.contact_id
                 JOIN organisations o ON o.id = c.organisation_id
                 JOIN stakeholder_groups g ON g.id = o.group_id
             WHERE i.activity_id = $1 ORDER BY g.number, o.name, c.id",
        )
        .bind(activity_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(InvitationLine {
                    organisation: row.try_get("organisation")?,
                    group_code: row.try_get("group_code")?,
                    name: row.try_get("name")?,
                    position: row.try_get("position")?,
                    email: row.try_get("email")?,
                    phone: row.try_get("phone")?,
                    invited_at: time_ms::from_ms(row.try_get("invited_at")?),
                    registered: row.try_get::<i64, _>("registered")? > 0,
                })
            })
            .collect()
    }
}
