//! Reading and editing the catalog: divisions, services, stakeholder groups.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::catalog::{
    Catalog, Division, DivisionEdit, NamesEdit, Service, ServiceEdit, StakeholderGroup,
};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx};

/// Services with their division's code, for one office (`$1`).
macro_rules! service_select {
    () => {
        "SELECT s.code, s.number, s.name_th, s.name_en, d.code AS division_code
         FROM services s JOIN divisions d ON d.id = s.division_id WHERE s.office_id = $1"
    };
}

impl Store {
    /// The whole catalog, in the order of the KPI sheet.
    pub async fn catalog(&self) -> Result<Catalog> {
        let divisions = sqlx::query(
            "SELECT code, name_th, name_en, phone, extension FROM divisions WHERE office_id = $1 ORDER BY position",
        )
        .bind(self.office_id)
        .fetch_all(&self.pool)
        .await?;
        let services = sqlx::query(concat!(service_select!(), " ORDER BY s.number"))
            .bind(self.office_id)
            .fetch_all(&self.pool)
            .await?;
        let groups = sqlx::query(
            "SELECT code, number, name_th, name_en FROM stakeholder_groups WHERE office_id = $1 ORDER BY number",
        )
        .bind(self.office_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Catalog {
            divisions: divisions.iter().map(division_of).collect::<Result<_>>()?,
            services: services.iter().map(service_of).collect::<Result<_>>()?,
            groups: groups.iter().map(group_of).collect::<Result<_>>()?,
        })
    }

    pub async fn update_division(&self, actor: &Actor, code: &str, edit: DivisionEdit) -> Result<Division> {
        let mut tx = self.begin_write().await?;
        let before = self.division_in(&mut tx, code).await?;
        sqlx::query(
            "UPDATE divisions SET name_th = $1, name_en = $2, phone = $3, extension = $4
             WHERE office_id = $5 AND code = $6",
        )
        .bind(edit.names.name_th.as_str())
        .bind(edit.names.name_en.as_str())
        .bind(edit.phone.as_str())
        .bind(edit.extension.as_str())
        .bind(self.office_id)
        .bind(code)
        .execute(&mut *tx)
        .await?;
        let after = self.division_in(&mut tx, code).await?;
        let change = Change::update("division", code, &before, &after);
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn update_service(&self, actor: &Actor, code: &str, edit: ServiceEdit) -> Result<Service> {
        let mut tx = self.begin_write().await?;
        let before = self.service_in(&mut tx, code).await?;
        let division_id: i64 =
            sqlx::query_scalar("SELECT id FROM divisions WHERE office_id = $1 AND code = $2")
                .bind(self.office_id)
                .bind(edit.division.as_str())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::Invalid(FieldError::UnknownDivision))?;
        sqlx::query(
            "UPDATE services SET name_th = $1, name_en = $2, division_id = $3 WHERE office_id = $4 AND code = $5",
        )
        .bind(edit.names.name_th.as_str())
        .bind(edit.names.name_en.as_str())
        .bind(division_id)
        .bind(self.office_id)
        .bind(code)
        .execute(&mut *tx)
        .await?;
        let after = self.service_in(&mut tx, code).await?;
        let change = Change::update("service", code, &before, &after);
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn update_group(&self, actor: &Actor, code: &str, edit: NamesEdit) -> Result<StakeholderGroup> {
        let mut tx = self.begin_write().await?;
        let before = self.group_in(&mut tx, code).await?;
        sqlx::query(
            "UPDATE stakeholder_groups SET name_th = $1, name_en = $2 WHERE office_id = $3 AND code = $4",
        )
        .bind(edit.name_th.as_str())
        .bind(edit.name_en.as_str())
        .bind(self.office_id)
        .bind(code)
        .execute(&mut *tx)
        .await?;
        let after = self.group_in(&mut tx, code).await?;
        let change = Change::update("stakeholder_group", code, &before, &after);
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn division_in(&self, tx: &mut WriteTx, code: &str) -> Result<Division> {
        let row = sqlx::query(
            "SELECT code, name_th, name_en, phone, extension FROM divisions WHERE office_id = $1 AND code = $2",
        )
        .bind(self.office_id)
        .bind(code)
        .fetch_one(&mut **tx)
        .await?;
        division_of(&row)
    }

    async fn service_in(&self, tx: &mut WriteTx, code: &str) -> Result<Service> {
        let row = sqlx::query(concat!(service_select!(), " AND s.code = $2"))
            .bind(self.office_id)
            .bind(code)
            .fetch_one(&mut **tx)
            .await?;
        service_of(&row)
    }

    async fn group_in(&self, tx: &mut WriteTx, code: &str) -> Result<StakeholderGroup> {
        let row = sqlx::query(
            "SELECT code, number, name_th, name_en FROM stakeholder_groups WHERE office_id = $1 AND code = $2",
        )
        .bind(self.office_id)
        .bind(code)
        .fetch_one(&mut **tx)
        .await?;
        group_of(&row)
    }
}

fn division_of(row: &AnyRow) -> Result<Division> {
    Ok(Division {
        code: row.try_get("code")?,
        name_th: row.try_get("name_th")?,
        name_en: row.try_get("name_en")?,
        phone: row.try_get("phone")?,
        extension: row.try_get("extension")?,
    })
}

fn service_of(row: &AnyRow) -> Result<Service> {
    Ok(Service {
        code: row.try_get("code")?,
        number: i32::try_from(row.try_get::<i64, _>("number")?).unwrap_or(i32::MAX),
        name_th: row.try_get("name_th")?,
        name_en: row.try_get("name_en")?,
        division_code: row.try_get("division_code")?,
    })
}

fn group_of(row: &AnyRow) -> Result<StakeholderGroup> {
    Ok(StakeholderGroup {
        code: row.try_get("code")?,
        number: i32::try_from(row.try_get::<i64, _>("number")?).unwrap_or(i32::MAX),
        name_th: row.try_get("name_th")?,
        name_en: row.try_get("name_en")?,
    })
}
