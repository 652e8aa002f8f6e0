//! The versions in force, and full-text search among them.

use time::OffsetDateTime;

use super::{DocumentKind, SELECT_VERSION, Version, version_of};
use crate::{Result, Store, time_ms};

/// The published versions in force at `$3`: for each document, the one
/// with the latest publication instant not after it.
const IN_FORCE: &str = "d.office_id = $1 AND d.kind = $2 AND v.stage = 'published' AND v.publish_at <= $3
     AND NOT EXISTS (SELECT 1 FROM document_versions n WHERE n.document_id = v.document_id
         AND n.stage = 'published' AND n.publish_at <= $3
         AND (n.publish_at > v.publish_at OR (n.publish_at = v.publish_at AND n.revision > v.revision)))";

impl Store {
    /// The version in force of every document of `kind`, in service order.
    pub async fn current_versions(&self, kind: DocumentKind, now: OffsetDateTime) -> Result<Vec<Version>> {
        let rows = sqlx::query(&format!("{SELECT_VERSION} WHERE {IN_FORCE} ORDER BY s.number, v.id"))
            .bind(self.office_id)
            .bind(kind.code())
            .bind(time_ms::to_ms(now))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(version_of).collect()
    }

    /// The version in force of a service's document, if it has one.
    pub async fn current_version(
        &self,
        kind: DocumentKind,
        service: &str,
        now: OffsetDateTime,
    ) -> Result<Option<Version>> {
        let row = sqlx::query(&format!("{SELECT_VERSION} WHERE {IN_FORCE} AND s.code = $4"))
            .bind(self.office_id)
            .bind(kind.code())
            .bind(time_ms::to_ms(now))
            .bind(service)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(version_of).transpose()
    }

    /// The versions in force whose words include every term, in service
    /// order; the terms come from `ruamjai_domain::search::query_terms`.
    pub async fn search_current(
        &self,
        kind: DocumentKind,
        terms: &[String],
        now: OffsetDateTime,
    ) -> Result<Vec<Version>> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let matches = self.backend.document_search_condition("$4");
        let rows =
            sqlx::query(&format!("{SELECT_VERSION} WHERE {IN_FORCE} AND {matches} ORDER BY s.number, v.id"))
                .bind(self.office_id)
                .bind(kind.code())
                .bind(time_ms::to_ms(now))
                .bind(self.backend.full_text_query(terms))
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(version_of).collect()
    }
}
