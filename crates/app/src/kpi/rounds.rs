//! A round handed to the evaluating office: its evidence packed in the
//! background (one pack at a time, progress kept in the database so any
//! server and a closed browser see it), sealed by the director on a pack,
//! and discussed step by step between the committee and the Center.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;
use ruamjai_domain::kpi::seal::{StepOutcome, changed_since, outcomes};
use ruamjai_store::kpi::packs::{PackJob, PackMade, PackState};
use ruamjai_store::kpi::seals::{Seal, SealComment};
use tokio::sync::watch;

use super::pack::{self, ApiJson, Progress};
use super::sar;
use crate::{App, Caller, Error, Result};

/// Longest remark on a sealed step, and longest reason for sealing again.
pub const TEXT_MAX: usize = 2_000;

/// Queues a pack of the round and starts packing; says the job's id. Those
/// who report for the indicators (the collectors and the director) hand
/// the evidence in; everyone else reads it.
pub async fn request_pack(
    app: &App,
    caller: &Caller,
    (year, round): (FiscalYear, Round),
    api_json: ApiJson,
) -> Result<i64> {
    let actor = caller.may(Subject::IndicatorValue, Action::Write, Owner::Center)?;
    let id = app.store().queue_pack(&actor, year, round, app.now()).await?;
    let app = app.clone();
    tokio::spawn(async move {
        if let Err(error) = run_queued(&app, api_json).await {
            tracing::error!(%error, "evidence packs stopped");
        }
    });
    Ok(id)
}

/// Packs what is queued, one after the other, until nothing is (or another
/// worker holds the turn); says how many it packed. The minute jobs call it
/// too, so a pack queued by a server that stopped is still made.
pub async fn run_queued(app: &App, api_json: ApiJson) -> Result<usize> {
    let mut packed = 0;
    while let Some(job) = app.store().claim_pack(app.now()).await? {
        run(app, &job, api_json.clone()).await?;
        packed += 1;
    }
    Ok(packed)
}

/// A pack's file: unguessable, and apart from any other database's packs
/// in the same folder.
fn file_name(job: &PackJob) -> String {
    let nonce: String =
        crate::secrets::random_token().chars().filter(char::is_ascii_alphanumeric).take(12).collect();
    format!("{}-{nonce}-ruamjai-kpi-{}-r{}.zip", job.id, job.year.be(), job.round.months())
}

async fn run(app: &App, job: &PackJob, api_json: ApiJson) -> Result<()> {
    let dir = app.settings().pack_dir.clone();
    let name = file_name(job);
    let path = dir.join(&name);
    // The packing thread only posts its progress; this task writes it,
    // keeping the newest when the database is slower than the pack.
    let (tx, mut rx) = watch::channel(Progress::default());
    let on_progress: pack::OnProgress = Arc::new(move |p| {
        let _ = tx.send(p);
    });
    let writer = {
        let app = app.clone();
        let id = job.id;
        tokio::spawn(async move {
            while rx.changed().await.is_ok() {
                let p = *rx.borrow_and_update();
                let _ = app.store().pack_progress(id, (p.done, p.total, p.bytes), app.now()).await;
            }
        })
    };
    let made = match std::fs::create_dir_all(&dir) {
        Ok(()) => {
            let caller = Caller::Command("evidence-pack");
            pack::pack(app, &caller, (job.year, job.round), &path, api_json, on_progress).await
        }
        Err(error) => Err(Error::Internal(format!("the pack folder {}: {error}", dir.display()))),
    };
    let _ = writer.await;
    let store = app.store();
    match made {
        Ok(packed) => {
            let bytes = i64::try_from(packed.bytes).unwrap_or(i64::MAX);
            let made = PackMade {
                file_name: &name,
                bytes,
                manifest_sha256: &packed.manifest_sha256,
                audit_seq: packed.audit_seq,
                audit_head: &packed.audit_head,
                as_of: packed.as_of,
                steps: &packed.steps,
            };
            store.finish_pack(job.id, &made, app.now()).await?;
        }
        Err(error) => {
            tracing::warn!(pack = job.id, %error, "an evidence pack failed");
            store.fail_pack(job.id, &error.to_string(), app.now()).await?;
        }
    }
    Ok(())
}

pub async fn job(app: &App, caller: &Caller, id: i64) -> Result<PackJob> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    Ok(app.store().pack_job(id).await?)
}

/// The year's packs, the newest first.
pub async fn packs(app: &App, caller: &Caller, year: FiscalYear) -> Result<Vec<PackJob>> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    Ok(app.store().pack_jobs(year).await?)
}

/// A finished pack's file; a conflict while it is still being made.
pub async fn pack_file(app: &App, caller: &Caller, year: FiscalYear, id: i64) -> Result<(PackJob, PathBuf)> {
    let job = job(app, caller, id).await?;
    if job.year != year {
        return Err(Error::NotFound);
    }
    match (&job.state, &job.file_name) {
        (PackState::Done, Some(name)) => {
            let path = app.settings().pack_dir.join(name);
            if !path.exists() {
                return Err(Error::Gone("pack-file"));
            }
            Ok((job, path))
        }
        _ => Err(Error::Conflict("pack-not-done")),
    }
}

/// A seal with what has changed since and the remarks on its steps.
#[derive(Debug, Clone)]
pub struct SealView {
    pub seal: Seal,
    /// The steps whose result, evaluated again now, is not what was sealed.
    pub changed_steps: Vec<StepOutcome>,
    pub comments: Vec<SealComment>,
    /// A later seal of the same round replaced this one.
    pub superseded: bool,
}

/// Seals the round on its newest finished pack; a second seal of a round
/// needs a reason, and the first stays.
#[tracing::instrument(skip(app, caller, reason))]
pub async fn seal(
    app: &App,
    caller: &Caller,
    (year, round): (FiscalYear, Round),
    reason: &str,
) -> Result<i64> {
    let actor = caller.may(Subject::Indicator, Action::Approve, Owner::Center)?;
    let reason = reason.trim();
    if reason.chars().count() > TEXT_MAX {
        return Err(Error::field("reason", FieldError::TooLong { max: TEXT_MAX }));
    }
    let store = app.store();
    let sealed_before = store.seals(year).await?.iter().any(|s| s.round == round);
    if sealed_before && reason.is_empty() {
        return Err(Error::field("reason", FieldError::Required));
    }
    let packs = store.pack_jobs(year).await?;
    let pack = packs
        .into_iter()
        .find(|p| p.round == round && p.state == PackState::Done)
        .ok_or(Error::Conflict("pack-first"))?;
    let path = app.settings().pack_dir.join(pack.file_name.as_deref().unwrap_or_default());
    let json = tokio::task::spawn_blocking(move || pack_evaluation(&path))
        .await
        .map_err(|e| Error::Internal(e.to_string()))??;
    Ok(store.seal_round(&actor, &pack, (&json, reason), app.now()).await?)
}

/// The evaluation a pack carries, as the API gave it when packed.
fn pack_evaluation(path: &std::path::Path) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|_| Error::Gone("pack-file"))?;
    let mut bag = ruamjai_bagit::Bag::open(std::io::BufReader::new(file))
        .map_err(|e| Error::Internal(e.to_string()))?;
    let mut json = String::new();
    let mut file = bag
        .file("data/kpi.json")
        .map_err(|e| Error::Internal(e.to_string()))?
        .ok_or(Error::Gone("pack-file"))?;
    file.read_to_string(&mut json).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(json)
}

/// The year's seals, each with the steps that changed since and its remarks.
pub async fn seals(app: &App, caller: &Caller, year: FiscalYear) -> Result<Vec<SealView>> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    let store = app.store();
    let seals = store.seals(year).await?;
    let mut views = Vec::with_capacity(seals.len());
    for (n, seal) in seals.iter().enumerate() {
        let now = sar::sar(app, caller, year, seal.round).await?;
        let changed_steps = changed_since(&seal.steps, &outcomes(&now.evaluation));
        let superseded = seals[n + 1..].iter().any(|later| later.round == seal.round);
        let comments = store.seal_comments(seal.id).await?;
        views.push(SealView { seal: seal.clone(), changed_steps, comments, superseded });
    }
    Ok(views)
}

/// A remark on a step of the round's newest seal; says its id.
#[tracing::instrument(skip(app, caller, text))]
pub async fn comment(
    app: &App,
    caller: &Caller,
    (year, round, step): (FiscalYear, Round, u8),
    text: &str,
) -> Result<i64> {
    let actor = caller.may(Subject::RoundComment, Action::Write, Owner::Center)?;
    let text = text.trim();
    match text.chars().count() {
        0 => return Err(Error::field("text", FieldError::Required)),
        n if n > TEXT_MAX => return Err(Error::field("text", FieldError::TooLong { max: TEXT_MAX })),
        _ => {}
    }
    let store = app.store();
    let seal =
        store.seals(year).await?.into_iter().rev().find(|s| s.round == round).ok_or(Error::NotFound)?;
    if !seal.steps.iter().any(|s| s.step == step) {
        return Err(Error::NotFound);
    }
    let role = caller.staff().map(|s| s.role.as_str()).unwrap_or("command");
    Ok(store.comment_on_seal(&actor, (seal.id, step), (text, role), app.now()).await?)
}
