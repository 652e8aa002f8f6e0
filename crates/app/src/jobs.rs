//! What the server does by itself every minute, as the Center: report
//! submissions past their reply target to their division's collectors,
//! invite the people whose requests were resolved to the token surveys that
//! ask for it, tell staff of the work manuals they must read that took
//! effect today, and make the evidence packs still queued. Each run takes
//! what is due and is safe to repeat.

use ruamjai_store::satisfaction::Invitations;

use crate::{App, Result, mail, secrets};

/// Invitations queued per run at most, so one run stays short.
const INVITATIONS_PER_RUN: i64 = 500;

/// Escalates what became overdue since the last run; says how many.
#[tracing::instrument(skip_all)]
pub async fn escalate_overdue(app: &App) -> Result<usize> {
    let compose = |overdue: &_, to| mail::escalation(app.public_url(), overdue, to);
    Ok(app.store().escalate_overdue(app.now(), &compose).await?)
}

/// Queues the survey invitations of requests resolved since the last run.
#[tracing::instrument(skip_all)]
pub async fn invite_after_resolution(app: &App) -> Result<Invitations> {
    let compose = |survey: &_, to| mail::survey_link(app.public_url(), survey, to);
    let now = app.now();
    Ok(app
        .store()
        .invite_resolved_requests(now, &secrets::percent_draw, &compose, INVITATIONS_PER_RUN)
        .await?)
}

/// Tells the readers of work manual revisions that took effect since the
/// last run (approved earlier for today); says how many revisions.
#[tracing::instrument(skip_all)]
pub async fn announce_work_manuals(app: &App) -> Result<usize> {
    crate::manuals::work::announce_effective(app).await
}

/// Makes the evidence packs still queued (one whose server stopped before
/// packing it, or whose pack was cut short and failed); says how many.
#[tracing::instrument(skip_all)]
pub async fn make_queued_packs(app: &App, api_json: crate::kpi::pack::ApiJson) -> Result<usize> {
    crate::kpi::rounds::run_queued(app, api_json).await
}
