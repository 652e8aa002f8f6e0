//! What the people of the sheet add to the facts: the data collectors'
//! values of range indicators per round, the director's sign-offs, and
//! the evaluating committee's own scores.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::EvidenceFile;
use ruamjai_domain::kpi::{Assessment, Decimal, Kind, Measured, Narrative, Round};
use ruamjai_domain::text::Text;
use ruamjai_store::kpi::EntryRef;
use ruamjai_store::kpi::narratives::RoundNarrative;
use ruamjai_store::participation::AttachmentFile;

use crate::{App, Caller, Error, Result};

/// Notes and reasons are a paragraph or two, as on the printed form.
const NOTE_MAX: usize = 2_000;

/// Evidence files with one value or sign-off: a memo, minutes, a photo or two.
pub const EVIDENCE_MAX: usize = 5;

fn evidence(files: &[NewAttachment]) -> Result<()> {
    if files.len() > EVIDENCE_MAX {
        return Err(Error::field("evidence", FieldError::TooManyFiles { max: EVIDENCE_MAX }));
    }
    Ok(())
}

/// A collector's value of a range indicator whose value is entered.
#[tracing::instrument(skip(app, caller, note))]
pub async fn enter_value(
    app: &App,
    caller: &Caller,
    year: FiscalYear,
    code: &str,
    (round, value, note): (Round, Decimal, &str),
    files: &[NewAttachment],
) -> Result<i64> {
    let actor = caller.may(Subject::IndicatorValue, Action::Write, Owner::Center)?;
    let indicator = super::find(app, year, code).await?;
    if !matches!(indicator.kind, Kind::Range { measured: Measured::Entered, .. }) {
        return Err(Error::Conflict("value-not-entered"));
    }
    let note = optional_note(note)?;
    evidence(files)?;
    Ok(app
        .store()
        .enter_indicator_value(&actor, (year, code), (round, value, &note), files, app.now())
        .await?)
}

/// The director's judgement of step `step` of a milestone indicator,
/// always with a reason.
#[tracing::instrument(skip(app, caller, reason))]
pub async fn sign_off(
    app: &App,
    caller: &Caller,
    year: FiscalYear,
    code: &str,
    (step, met, reason): (u8, bool, &str),
    files: &[NewAttachment],
) -> Result<i64> {
    let actor = caller.may(Subject::Indicator, Action::Approve, Owner::Center)?;
    let indicator = super::find(app, year, code).await?;
    let Kind::Milestone { steps, .. } = &indicator.kind else { return Err(Error::NotFound) };
    if step == 0 || usize::from(step) > steps.len() {
        return Err(Error::NotFound);
    }
    let reason = Text::paragraphs(reason, NOTE_MAX).map_err(|e| Error::field("reason", e))?;
    evidence(files)?;
    Ok(app
        .store()
        .sign_off_step(&actor, (year, code), (step, met, reason.as_str()), files, app.now())
        .await?)
}

/// The evaluating committee's score of an indicator for a round, as typed:
/// the round (6, 9 or 12) and a score on the year's scale (an evaluator
/// enters it). Who may is settled before what was typed is looked at.
#[tracing::instrument(skip(app, caller, note))]
pub async fn assess(
    app: &App,
    caller: &Caller,
    year: FiscalYear,
    code: &str,
    (round, score, note): (&str, &str, &str),
) -> Result<()> {
    let actor = caller.may(Subject::CommitteeAssessment, Action::Write, Owner::Center)?;
    super::find(app, year, code).await?;
    let scale = app.store().scorecard(year).await?.scale;
    let mut refused = Vec::new();
    let round = Round::parse(round).map_err(|e| refused.push(("round", e))).ok();
    let score = Decimal::parse(score)
        .and_then(|score| Assessment::check_score(scale, score))
        .map_err(|e| refused.push(("score", e)))
        .ok();
    let note = optional_note(note).map_err(|e| refused.extend(invalid_fields(e))).ok();
    let (Some(round), Some(score), Some(note)) = (round, score, note) else {
        return Err(Error::Invalid(refused));
    };
    app.store().assess_indicator(&actor, (year, code), (round, score, &note), app.now()).await?;
    Ok(())
}

/// A note may be left out; when given it is a paragraph or two.
fn optional_note(note: &str) -> Result<String> {
    match Text::paragraphs(note, NOTE_MAX) {
        Ok(text) => Ok(text.as_str().to_owned()),
        Err(FieldError::Required) => Ok(String::new()),
        Err(error) => Err(Error::field("note", error)),
    }
}

fn invalid_fields(error: Error) -> Vec<(&'static str, FieldError)> {
    match error {
        Error::Invalid(fields) => fields,
        _ => Vec::new(),
    }
}

/// What the collectors write for a round of an indicator, beside its figures.
#[tracing::instrument(skip(app, caller, typed))]
pub async fn write_narrative(
    app: &App,
    caller: &Caller,
    year: FiscalYear,
    code: &str,
    round: Round,
    typed: &Narrative,
) -> Result<()> {
    let actor = caller.may(Subject::IndicatorValue, Action::Write, Owner::Center)?;
    super::find(app, year, code).await?;
    let narrative = Narrative::parse(typed).map_err(Error::Invalid)?;
    app.store().write_narrative(&actor, (year, code), round, &narrative, app.now()).await?;
    Ok(())
}

/// More evidence files for a value (collectors and the director) or a
/// sign-off (the director), up to [`EVIDENCE_MAX`] in all.
#[tracing::instrument(skip(app, caller, files))]
pub async fn attach_evidence(
    app: &App,
    caller: &Caller,
    year: FiscalYear,
    entry: EntryRef,
    files: &[NewAttachment],
) -> Result<Vec<EvidenceFile>> {
    let actor = match entry {
        EntryRef::Value(_) => caller.may(Subject::IndicatorValue, Action::Write, Owner::Center)?,
        EntryRef::SignOff(_) => caller.may(Subject::Indicator, Action::Approve, Owner::Center)?,
    };
    if files.is_empty() {
        return Err(Error::field("evidence", FieldError::Required));
    }
    evidence(files)?;
    let stored = app.store().attach_indicator_evidence(&actor, (year, entry), files, EVIDENCE_MAX, app.now());
    Ok(stored.await?)
}

/// An evidence file of a value or a sign-off of the year.
pub async fn evidence_file(app: &App, caller: &Caller, year: FiscalYear, id: i64) -> Result<AttachmentFile> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    Ok(app.store().indicator_evidence_file(year, id).await?)
}

/// The newest narrative of each indicator and round of the year.
pub async fn narratives(app: &App, caller: &Caller, year: FiscalYear) -> Result<Vec<RoundNarrative>> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    Ok(app.store().narratives(year).await?)
}
