//! The stakeholder directory: organisations and their contacts, entered by
//! hand or imported from a spreadsheet all at once, and erased on request.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::engagement::directory::{NewContact, NewOrganisation, PdpaBasis};
use ruamjai_domain::engagement::directory_import::ImportRow;
use ruamjai_domain::participation::consultation::{format_iso_date, parse_date};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::{Date, OffsetDateTime};

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

#[derive(Debug, Clone)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub group_code: String,
    pub province: Option<String>,
    pub org_type: Option<String>,
    pub contacts: Vec<Contact>,
}

/// A contact; once erased, only the basis, the dates and the organisation remain.
#[derive(Debug, Clone)]
pub struct Contact {
    pub id: i64,
    pub organisation_id: i64,
    pub name: Option<String>,
    pub position: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub pdpa_basis: PdpaBasis,
    pub given_on: Date,
    pub erased_at: Option<OffsetDateTime>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub organisations_created: usize,
    pub organisations_updated: usize,
    pub contacts_created: usize,
    pub contacts_updated: usize,
}

impl Store {
    /// Adds an organisation; a second one with the same name is refused.
    pub async fn create_organisation(
        &self,
        actor: &Actor,
        new: &NewOrganisation,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        if organisation_named(&mut tx, self.office_id, new.name.as_str()).await?.is_some() {
            return Err(StoreError::Conflict("organisation-exists"));
        }
        let id = insert_organisation(&mut tx, self.office_id, new, now).await?;
        let change = Change {
            action: "create-organisation",
            entity: "organisation",
            entity_id: &id.to_string(),
            before: json!(null),
            after: json!({ "name": new.name.as_str(), "group": new.group.as_str() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn add_contact(
        &self,
        actor: &Actor,
        organisation_id: i64,
        new: &NewContact,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM organisations WHERE office_id = $1 AND id = $2")
                .bind(self.office_id)
                .bind(organisation_id)
                .fetch_optional(&mut *tx)
                .await?;
        exists.ok_or(StoreError::NotFound)?;
        let id = insert_contact(&mut tx, organisation_id, new, now).await?;
        // The log says that a contact was added and under which basis, not who.
        let change = Change {
            action: "add-contact",
            entity: "organisation",
            entity_id: &organisation_id.to_string(),
            before: json!(null),
            after: json!({ "contact": id, "pdpa_basis": new.pdpa_basis.code() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Takes every row or none. An organisation is matched by name and takes
    /// the sheet's group, province and type; a contact is matched within it
    /// by e-mail (or by name when it has none) and takes the sheet's values,
    /// so that importing the same sheet twice changes nothing.
    pub async fn import_directory(
        &self,
        actor: &Actor,
        rows: &[ImportRow],
        now: OffsetDateTime,
    ) -> Result<ImportSummary> {
        let mut tx = self.begin_write().await?;
        let mut summary = ImportSummary::default();
        for row in rows {
            let organisation_id =
                upsert_organisation(&mut tx, self.office_id, &row.organisation, now, &mut summary).await?;
            if let Some(contact) = &row.contact {
                upsert_contact(&mut tx, organisation_id, contact, now, &mut summary).await?;
            }
        }
        let change = Change {
            action: "import-directory",
            entity: "directory",
            entity_id: "",
            before: json!(null),
            after: json!({
                "rows": rows.len(),
                "organisations_created": summary.organisations_created,
                "organisations_updated": summary.organisations_updated,
                "contacts_created": summary.contacts_created,
                "contacts_updated": summary.contacts_updated,
            }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// The directory, by group then name; optionally one group only.
    pub async fn directory(&self, group_code: Option<&str>) -> Result<Vec<Organisation>> {
        let organisations = sqlx::query(
            "SELECT o.id, o.name, g.code AS group_code, o.province, o.org_type
             FROM organisations o JOIN stakeholder_groups g ON g.id = o.group_id
             WHERE o.office_id = $1 AND ($2 = '' OR g.code = $2)
             ORDER BY g.number, o.name",
        )
        .bind(self.office_id)
        .bind(group_code.unwrap_or(""))
        .fetch_all(&self.pool)
        .await?;
        let contacts = sqlx::query(&format!(
            "SELECT {CONTACT_COLUMNS} FROM contacts c JOIN organisations o ON o.id = c.organisation_id
             WHERE o.office_id = $1 ORDER BY c.organisation_id, c.id"
        ))
        .bind(self.office_id)
        .fetch_all(&self.pool)
        .await?;
        let mut contacts: Vec<Contact> = contacts.iter().map(contact_of).collect::<Result<_>>()?;
        organisations
            .iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                let (mine, rest): (Vec<Contact>, Vec<Contact>) =
                    std::mem::take(&mut contacts).into_iter().partition(|c| c.organisation_id == id);
                contacts = rest;
                Ok(Organisation {
                    id,
                    name: row.try_get("name")?,
                    group_code: row.try_get("group_code")?,
                    province: row.try_get("province")?,
                    org_type: row.try_get("org_type")?,
                    contacts: mine,
                })
            })
            .collect()
    }

    pub async fn contact(&self, contact_id: i64) -> Result<Contact> {
        let row = sqlx::query(&format!(
            "SELECT {CONTACT_COLUMNS} FROM contacts c JOIN organisations o ON o.id = c.organisation_id
             WHERE o.office_id = $1 AND c.id = $2"
        ))
        .bind(self.office_id)
        .bind(contact_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        contact_of(&row)
    }

    /// Erases a contact's personal data on their request. The row stays,
    /// without name, position, e-mail or phone, so that invitation counts
    /// and the record of the request still add up.
    pub async fn erase_contact(&self, actor: &Actor, contact_id: i64, now: OffsetDateTime) -> Result<()> {
        let contact = self.contact(contact_id).await?;
        if contact.erased_at.is_some() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE contacts SET name = NULL, position = NULL, email = NULL, phone = NULL, erased_at = $1
             WHERE id = $2",
        )
        .bind(time_ms::to_ms(now))
        .bind(contact_id)
        .execute(&mut *tx)
        .await?;
        let change = Change {
            action: "erase-contact",
            entity: "organisation",
            entity_id: &contact.organisation_id.to_string(),
            before: json!(null),
            after: json!({ "contact": contact_id }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await
    }
}

const CONTACT_COLUMNS: &str =
    "c.id, c.organisation_id, c.name, c.position, c.email, c.phone, c.pdpa_basis, c.given_on, c.erased_at";

fn contact_of(row: &AnyRow) -> Result<Contact> {
    Ok(Contact {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        name: row.try_get("name")?,
        position: row.try_get("position")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        pdpa_basis: PdpaBasis::parse(&row.try_get::<String, _>("pdpa_basis")?)?,
        given_on: parse_date(&row.try_get::<String, _>("given_on")?)?,
        erased_at: row.try_get::<Option<i64>, _>("erased_at")?.map(time_ms::from_ms),
    })
}

async fn organisation_named(tx: &mut WriteTx, office_id: i64, name: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT id FROM organisations WHERE office_id = $1 AND name = $2")
        .bind(office_id)
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?)
}

async fn group_id(tx: &mut WriteTx, office_id: i64, code: &str) -> Result<i64> {
    sqlx::query_scalar("SELECT id FROM stakeholder_groups WHERE office_id = $1 AND code = $2")
        .bind(office_id)
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::InvalidField { field: "group_id", error: FieldError::UnknownChoice })
}

async fn insert_organisation(
    tx: &mut WriteTx,
    office_id: i64,
    new: &NewOrganisation,
    now: OffsetDateTime,
) -> Result<i64> {
    let group_id = group_id(tx, office_id, new.group.as_str()).await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO organisations (office_id, name, group_id, province, org_type, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(office_id)
    .bind(new.name.as_str())
    .bind(group_id)
    .bind(new.province.as_ref().map(|p| p.as_str()))
    .bind(new.org_type.as_ref().map(|t| t.as_str()))
    .bind(time_ms::to_ms(now))
    .fetch_one(&mut **tx)
    .await?)
}

async fn upsert_organisation(
    tx: &mut WriteTx,
    office_id: i64,
    new: &NewOrganisation,
    now: OffsetDateTime,
    summary: &mut ImportSummary,
) -> Result<i64> {
    let Some(id) = organisation_named(tx, office_id, new.name.as_str()).await? else {
        summary.organisations_created += 1;
        return insert_organisation(tx, office_id, new, now).await;
    };
    let group_id = group_id(tx, office_id, new.group.as_str()).await?;
    let changed = sqlx::query(
        "UPDATE organisations SET group_id = $1, province = $2, org_type = $3
         WHERE id = $4 AND NOT (group_id = $1 AND COALESCE(province, '') = $5 AND COALESCE(org_type, '') = $6)",
    )
    .bind(group_id)
    .bind(new.province.as_ref().map(|p| p.as_str()))
    .bind(new.org_type.as_ref().map(|t| t.as_str()))
    .bind(id)
    .bind(new.province.as_ref().map_or("", |p| p.as_str()))
    .bind(new.org_type.as_ref().map_or("", |t| t.as_str()))
    .execute(&mut **tx)
    .await?
    .rows_affected();
    summary.organisations_updated += usize::from(changed > 0);
    Ok(id)
}

async fn insert_contact(
    tx: &mut WriteTx,
    organisation_id: i64,
    new: &NewContact,
    now: OffsetDateTime,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO contacts (organisation_id, name, position, email, phone, pdpa_basis, given_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(organisation_id)
    .bind(new.name.as_str())
    .bind(new.position.as_ref().map(|p| p.as_str()))
    .bind(new.email.as_ref().map(|e| e.as_str()))
    .bind(new.phone.as_ref().map(|p| p.as_str()))
    .bind(new.pdpa_basis.code())
    .bind(format_iso_date(new.given_on))
    .bind(time_ms::to_ms(now))
    .fetch_one(&mut **tx)
    .await?)
}

async fn upsert_contact(
    tx: &mut WriteTx,
    organisation_id: i64,
    new: &NewContact,
    now: OffsetDateTime,
    summary: &mut ImportSummary,
) -> Result<()> {
    let existing: Option<i64> = match &new.email {
        Some(email) => sqlx::query_scalar(
            "SELECT id FROM contacts WHERE organisation_id = $1 AND email = $2 AND erased_at IS NULL",
        )
        .bind(organisation_id)
        .bind(email.as_str()),
        None => sqlx::query_scalar(
            "SELECT id FROM contacts WHERE organisation_id = $1 AND name = $2 AND erased_at IS NULL",
        )
        .bind(organisation_id)
        .bind(new.name.as_str()),
    }
    .fetch_optional(&mut **tx)
    .await?;
    let Some(id) = existing else {
        summary.contacts_created += 1;
        insert_contact(tx, organisation_id, new, now).await?;
        return Ok(());
    };
    let (name, position, email, phone, basis, given_on) = (
        new.name.as_str(),
        new.position.as_ref().map_or("", |p| p.as_str()),
        new.email.as_ref().map_or("", |e| e.as_str()),
        new.phone.as_ref().map_or("", |p| p.as_str()),
        new.pdpa_basis.code(),
        format_iso_date(new.given_on),
    );
    let changed = sqlx::query(
        "UPDATE contacts SET name = $1, position = NULLIF($2, ''), email = NULLIF($3, ''),
             phone = NULLIF($4, ''), pdpa_basis = $5, given_on = $6
         WHERE id = $7 AND NOT (name = $1 AND COALESCE(position, '') = $2 AND COALESCE(email, '') = $3
             AND COALESCE(phone, '') = $4 AND pdpa_basis = $5 AND given_on = $6)",
    )
    .bind(name)
    .bind(position)
    .bind(email)
    .bind(phone)
    .bind(basis)
    .bind(given_on)
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    summary.contacts_updated += usize::from(changed > 0);
    Ok(())
}
