//! The audit log over the API: whether the hash chain holds from its first
//! entry, and the latest entries, for the director, administrators and
//! evaluators. Entries carry codes and staff names, never the public's
//! names or contacts.

use axum::Json;
use axum::extract::{Query, State};
use ruamjai_store::audit::AuditEntryView;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::kit::json::rfc3339;
use crate::kit::{ApiCaller, StaffRefusals};
use crate::{AppError, AppState};

/// At most this many entries per call.
const MAX_LATEST: i64 = 1_000;

#[derive(Deserialize, IntoParams)]
pub struct AuditParams {
    /// How many of the latest entries, 1–1000 (100 when left out).
    pub latest: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntryDto {
    pub seq: i64,
    pub at: String,
    /// The staff member (by e-mail), `public`, or a server command.
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    #[schema(value_type = Object)]
    pub before: serde_json::Value,
    #[schema(value_type = Object)]
    pub after: serde_json::Value,
}

fn entry_dto(e: AuditEntryView) -> AuditEntryDto {
    let json = |text: &str| serde_json::from_str(text).unwrap_or(serde_json::Value::String(text.to_owned()));
    AuditEntryDto {
        before: json(&e.before),
        after: json(&e.after),
        seq: e.seq,
        at: rfc3339(e.at),
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entity_id: e.entity_id,
    }
}

#[derive(Serialize, ToSchema)]
pub struct AuditLog {
    /// Every entry from the first links to the one before it and matches its hash.
    pub intact: bool,
    pub entries_checked: i64,
    /// Where the chain breaks, in words, when it does.
    pub first_break: Option<String>,
    /// Newest first.
    pub entries: Vec<AuditEntryDto>,
}

#[utoipa::path(get, path = "/api/v1/staff/audit", tag = "audit", security(("bearer" = [])),
    params(AuditParams),
    responses((status = 200, description = "The chain's check and the latest entries", body = AuditLog), StaffRefusals))]
pub async fn log(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(params): Query<AuditParams>,
) -> Result<Json<AuditLog>, AppError> {
    let latest = params.latest.unwrap_or(100).clamp(1, MAX_LATEST);
    let (report, entries) = ruamjai_app::accounts::audit(&state.app, &caller, latest).await?;
    Ok(Json(AuditLog {
        intact: report.first_break.is_none(),
        entries_checked: report.entries_checked,
        first_break: report.first_break.map(|b| b.to_string()),
        entries: entries.into_iter().map(entry_dto).collect(),
    }))
}
