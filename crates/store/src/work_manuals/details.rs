//! A work manual's own details, changed after it was started: its code and
//! titles (the app allows that only before a revision is approved, since an
//! approved revision's hash covers them) and who it is addressed to.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::work_manual::Audience;
use serde_json::json;

use super::{WorkManualRecord, audience_columns};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError};

/// The details as they are to be.
#[derive(Debug, Clone, Copy)]
pub struct WorkManualDetails<'a> {
    pub code: &'a str,
    pub title_th: &'a str,
    pub title_en: &'a str,
    pub audience: &'a Audience,
}

impl Store {
    /// Changes a manual's code, titles and audience; the code must stay
    /// unique in the office.
    pub async fn update_work_manual_details(
        &self,
        actor: &Actor,
        id: i64,
        details: &WorkManualDetails<'_>,
    ) -> Result<WorkManualRecord> {
        let before = self.work_manual(id).await?;
        let mut tx = self.begin_write().await?;
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT id FROM work_manuals WHERE office_id = $1 AND code = $2 AND id <> $3")
                .bind(self.office_id)
                .bind(details.code)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(StoreError::InvalidField { field: "code", error: FieldError::AlreadyExists });
        }
        let (roles, divisions) = audience_columns(details.audience);
        sqlx::query(
            "UPDATE work_manuals SET code = $1, title_th = $2, title_en = $3, audience_roles = $4,
                 audience_divisions = $5 WHERE office_id = $6 AND id = $7",
        )
        .bind(details.code)
        .bind(details.title_th)
        .bind(details.title_en)
        .bind(&roles)
        .bind(&divisions)
        .bind(self.office_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let (old_roles, old_divisions) = audience_columns(&before.audience);
        let change = Change {
            action: "update",
            entity: "work-manual",
            entity_id: &id.to_string(),
            before: json!({ "code": before.code, "title_th": before.title_th, "title_en": before.title_en,
                            "audience": { "roles": old_roles, "divisions": old_divisions } }),
            after: json!({ "code": details.code, "title_th": details.title_th, "title_en": details.title_en,
                           "audience": { "roles": roles, "divisions": divisions } }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        self.work_manual(id).await
    }
}
