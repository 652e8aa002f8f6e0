//! Citizen manuals: the typed face of documents of that kind.

use ruamjai_domain::manual::Manual;
use ruamjai_domain::search::index_terms;
use time::OffsetDateTime;

use super::{DocumentKind, Draft, Version};
use crate::audit::Actor;
use crate::{Result, Store, StoreError};

impl Version {
    /// The content of a citizen manual's version.
    pub fn manual(&self) -> Result<Manual> {
        serde_json::from_str(&self.content)
            .map_err(|e| StoreError::Corrupt(format!("manual {}: {e}", self.id)))
    }
}

impl Store {
    /// Saves the open draft of a service's manual, indexed for search with
    /// the service's names.
    pub async fn save_manual_draft(
        &self,
        actor: &Actor,
        service: &str,
        manual: &Manual,
        change_summary: &str,
        now: OffsetDateTime,
    ) -> Result<Version> {
        let names: Option<(String, String)> =
            sqlx::query_as("SELECT name_th, name_en FROM services WHERE office_id = $1 AND code = $2")
                .bind(self.office_id)
                .bind(service)
                .fetch_optional(&self.pool)
                .await?;
        let (name_th, name_en) = names.unwrap_or_default();
        let text = format!("{name_th}\n{name_en}\n{}", manual.searchable_text());
        let content = serde_json::to_string(manual).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let draft = Draft { content: &content, search_text: &index_terms(&text).join(" "), change_summary };
        self.save_draft(actor, DocumentKind::CitizenManual, service, &draft, now).await
    }
}
