//! Forward-only migrations, embedded in the binary and shared by both
//! backends. Each is applied once, in its own write transaction, and its
//! checksum is kept so that an edited migration is refused instead of silently
//! diverging between databases.

use sha2::{Digest, Sha256};
use sqlx::AnyPool;

use crate::{Backend, Result, StoreError, time_ms};

struct Migration {
    version: i64,
    name: &'static str,
    source: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "platform", source: include_str!("../migrations/0001_platform.sql") },
    Migration {
        version: 2,
        name: "participation",
        source: include_str!("../migrations/0002_participation.sql"),
    },
    Migration {
        version: 3,
        name: "outbox_attachments",
        source: include_str!("../migrations/0003_outbox_attachments.sql"),
    },
    Migration {
        version: 4,
        name: "reports_publication",
        source: include_str!("../migrations/0004_reports_publication.sql"),
    },
    Migration {
        version: 5,
        name: "consultations",
        source: include_str!("../migrations/0005_consultations.sql"),
    },
    Migration { version: 6, name: "search", source: include_str!("../migrations/0006_search.sql") },
    Migration { version: 7, name: "activities", source: include_str!("../migrations/0007_activities.sql") },
    Migration {
        version: 8,
        name: "engagement_work",
        source: include_str!("../migrations/0008_engagement_work.sql"),
    },
    Migration { version: 9, name: "erasure", source: include_str!("../migrations/0009_erasure.sql") },
    Migration {
        version: 10,
        name: "satisfaction",
        source: include_str!("../migrations/0010_satisfaction.sql"),
    },
    Migration {
        version: 11,
        name: "improvement",
        source: include_str!("../migrations/0011_improvement.sql"),
    },
    Migration { version: 12, name: "documents", source: include_str!("../migrations/0012_documents.sql") },
    Migration {
        version: 13,
        name: "document_files",
        source: include_str!("../migrations/0013_document_files.sql"),
    },
    Migration {
        version: 14,
        name: "survey_invitations",
        source: include_str!("../migrations/0014_survey_invitations.sql"),
    },
    Migration {
        version: 15,
        name: "survey_words",
        source: include_str!("../migrations/0015_survey_words.sql"),
    },
    Migration {
        version: 16,
        name: "work_manuals",
        source: include_str!("../migrations/0016_work_manuals.sql"),
    },
    Migration {
        version: 17,
        name: "work_manual_placements",
        source: include_str!("../migrations/0017_work_manual_placements.sql"),
    },
    Migration {
        version: 18,
        name: "work_manual_forms",
        source: include_str!("../migrations/0018_work_manual_forms.sql"),
    },
    Migration { version: 19, name: "kpi", source: include_str!("../migrations/0019_kpi.sql") },
    Migration {
        version: 20,
        name: "submission_cells",
        source: include_str!("../migrations/0020_submission_cells.sql"),
    },
    Migration {
        version: 21,
        name: "kpi_narratives",
        source: include_str!("../migrations/0021_kpi_narratives.sql"),
    },
    Migration {
        version: 22,
        name: "open_submissions",
        source: include_str!("../migrations/0022_open_submissions.sql"),
    },
    Migration {
        version: 23,
        name: "kpi_assessments",
        source: include_str!("../migrations/0023_kpi_assessments.sql"),
    },
    Migration {
        version: 24,
        name: "evidence_packs",
        source: include_str!("../migrations/0024_evidence_packs.sql"),
    },
];

/// Applies pending migrations; returns how many were applied.
pub async fn run(pool: &AnyPool, backend: Backend, last: Option<i64>) -> Result<usize> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS ruamjai_migrations (
            version BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    )
    .execute(pool)
    .await?;
    let mut applied = 0;
    for migration in MIGRATIONS.iter().filter(|m| last.is_none_or(|last| m.version <= last)) {
        let mut tx = pool.begin_with(backend.begin_write_statement()).await?;
        if let Some(lock) = backend.migration_lock_statement() {
            sqlx::raw_sql(lock).execute(&mut *tx).await?;
        }
        let checksum = checksum(migration.source);
        let existing: Option<String> =
            sqlx::query_scalar("SELECT checksum FROM ruamjai_migrations WHERE version = $1")
                .bind(migration.version)
                .fetch_optional(&mut *tx)
                .await?;
        match existing {
            Some(stored) if stored == checksum => continue,
            Some(_) => return Err(StoreError::MigrationChanged { version: migration.version }),
            None => {}
        }
        sqlx::raw_sql(&backend.migration_sql(migration.source)).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO ruamjai_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(migration.version)
        .bind(migration.name)
        .bind(checksum)
        .bind(time_ms::to_ms(time::OffsetDateTime::now_utc()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        tracing::info!(version = migration.version, name = migration.name, "applied migration");
        applied += 1;
    }
    Ok(applied)
}

fn checksum(source: &str) -> String {
    Sha256::digest(source.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
