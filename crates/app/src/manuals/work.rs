//! Staff work manuals (milestone 5): each service's manuals of how the
//! work is done, drafted by the division's officers, reviewed by its
//! collector, approved by the director, and read and acknowledged by the
//! staff they are addressed to. Who may do what is the policy table's
//! (`Subject::WorkManual`); that author, reviewer and approver are three
//! people is the domain's (`work_manual::control`).

mod details;
mod forms;
mod print;
mod public;
mod reading;
mod view;

pub use details::{Details, update_details};
pub use forms::{attach_form, form_file, form_url};
pub use print::Printed;
pub use public::{Published, published, published_detail, set_public};
pub use reading::{ToRead, acknowledge, announce_effective, to_read};
pub use view::{Detail, RevisionLine, Summary, compare, detail, list, reviews_overdue, search};

use ruamjai_domain::accounts::policy::{Action as Policy, Owner, Subject};
use ruamjai_domain::accounts::{FieldError, NamedErrors, Role};
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::search::index_terms;
use ruamjai_domain::work_manual::control::{
    self, Action, DutyError, ReviewOutcome, RevisionNumber, Stage, check_duties, check_effective_date,
};
use ruamjai_domain::work_manual::{Audience, DocumentCode, Draft, WorkManualContent, content_hash};
use ruamjai_store::audit::Actor;
use ruamjai_store::documents::DocumentKind;
use ruamjai_store::work_manuals::{
    NewReview, NewRevision, NewWorkManual, Review, Revision, WorkManualRecord,
};
use time::Date;

use crate::{App, Caller, Error, Result};

/// A new work manual as asked for, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct NewManual {
    pub service: String,
    pub title_th: String,
    pub title_en: String,
    /// The owning division; the service's when not given.
    pub division: Option<String>,
    /// The document code; `WM-<division>-<service>-<nn>` when not given.
    pub code: Option<String>,
    pub roles: Vec<String>,
    pub divisions: Vec<String>,
    /// Start the first draft from the citizen manual's published steps.
    pub from_citizen_manual: bool,
}

fn owner(record: &WorkManualRecord) -> Owner<'_> {
    Owner::Division(&record.division_code)
}

/// The caller, once they may do `action` to work manuals of `record`'s division.
fn may(caller: &Caller, record: &WorkManualRecord, action: Policy) -> Result<Actor> {
    caller.may(Subject::WorkManual, action, owner(record))
}

/// Starts a work manual of a service, and its first draft when asked to
/// begin from the citizen manual.
#[tracing::instrument(skip(app, caller, new), fields(service = %new.service))]
pub async fn create(app: &App, caller: &Caller, new: NewManual) -> Result<WorkManualRecord> {
    let catalog = app.catalog().await?;
    let service =
        catalog.service(&new.service).ok_or(Error::field("service_id", FieldError::UnknownChoice))?;
    let division = new.division.clone().unwrap_or_else(|| service.division_code.clone());
    let actor = caller.may(Subject::WorkManual, Policy::Write, Owner::Division(&division))?;
    let mut errors: NamedErrors = Vec::new();
    let mut check = |field: &str, result: std::result::Result<String, FieldError>| {
        result.map_err(|e| errors.push((field.to_owned(), e))).unwrap_or_default()
    };
    let title_th = check("title_th", line(&new.title_th, true));
    let title_en = check("title_en", line(&new.title_en, false));
    if catalog.division(&division).is_none() {
        errors.push(("division".into(), FieldError::UnknownDivision));
    }
    let audience = audience(&catalog, &new.roles, &new.divisions).map_err(|e| errors.push(e)).ok();
    let code = match &new.code {
        Some(raw) if !raw.trim().is_empty() => {
            DocumentCode::parse(raw).map_err(|e| errors.push(("code".into(), e))).ok()
        }
        _ => {
            let count = app.store().work_manual_count(&service.code).await?;
            Some(DocumentCode::suggested(&division, &service.code, count + 1))
        }
    };
    let first_draft = match new.from_citizen_manual {
        true => {
            match app.store().current_version(DocumentKind::CitizenManual, &service.code, app.now()).await? {
                Some(version) => Some(WorkManualContent::from_citizen_steps(&version.manual()?.steps)),
                None => {
                    errors.push(("from_citizen_manual".into(), FieldError::NothingPublished));
                    None
                }
            }
        }
        false => None,
    };
    let (Some(audience), Some(code), true) = (audience, code, errors.is_empty()) else {
        return Err(Error::InvalidItems(errors));
    };
    let record = app
        .store()
        .create_work_manual(
            &actor,
            &NewWorkManual {
                service: &service.code,
                division: &division,
                code: code.as_str(),
                title_th: &title_th,
                title_en: &title_en,
                audience: &audience,
            },
            app.now(),
        )
        .await?;
    if let Some(content) = first_draft {
        let draft = Draft {
            content,
            change_summary: String::new(),
            requires_reading: true,
            change: control::Change::Major,
        };
        write_draft(app, &actor, &record, &draft).await?;
    }
    Ok(record)
}

fn line(raw: &str, required: bool) -> std::result::Result<String, FieldError> {
    match ruamjai_domain::text::Text::line(raw, 200) {
        Ok(text) => Ok(text.as_str().to_owned()),
        Err(FieldError::Required) if !required => Ok(String::new()),
        Err(error) => Err(error),
    }
}

/// The audience from role and division codes, each known.
fn audience(
    catalog: &ruamjai_domain::catalog::Catalog,
    roles: &[String],
    divisions: &[String],
) -> std::result::Result<Audience, (String, FieldError)> {
    let roles = roles
        .iter()
        .enumerate()
        .map(|(i, r)| Role::parse(r).map_err(|e| (format!("audience.roles.{}", i + 1), e)))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    if let Some(i) = divisions.iter().position(|d| catalog.division(d).is_none()) {
        return Err((format!("audience.divisions.{}", i + 1), FieldError::UnknownDivision));
    }
    Audience::new(roles, divisions.to_vec()).map_err(|e| ("audience".to_owned(), e))
}

/// A work manual the caller may read.
pub async fn record(app: &App, caller: &Caller, id: i64) -> Result<WorkManualRecord> {
    let record = app.store().work_manual(id).await?;
    may(caller, &record, Policy::Read)?;
    Ok(record)
}

/// The revision being worked on, if any.
fn open(revisions: &[Revision]) -> Option<&Revision> {
    revisions.iter().find(|r| r.stage.is_open())
}

/// The latest approved revision, from which a new draft is numbered.
fn last_approved(revisions: &[Revision]) -> Option<&Revision> {
    revisions.iter().rev().find(|r| r.stage == Stage::Approved)
}

/// Saves the draft: the open one, or a new revision after the last approved.
#[tracing::instrument(skip(app, caller, draft))]
pub async fn save_draft(app: &App, caller: &Caller, id: i64, draft: &Draft) -> Result<Revision> {
    let record = app.store().work_manual(id).await?;
    let actor = may(caller, &record, Policy::Write)?;
    let revisions = app.store().work_manual_revisions(id).await?;
    if open(&revisions).is_some_and(|r| r.stage != Stage::Draft) {
        return Err(Error::Conflict("version-not-draft"));
    }
    write_draft(app, &actor, &record, draft).await
}

async fn write_draft(app: &App, actor: &Actor, record: &WorkManualRecord, draft: &Draft) -> Result<Revision> {
    let revisions = app.store().work_manual_revisions(record.id).await?;
    let number = RevisionNumber::after(last_approved(&revisions).map(|r| r.number), &draft.change);
    // The first revision has nothing to correct: it is major whatever was asked.
    let change = if number == RevisionNumber::FIRST { control::Change::Major } else { draft.change.clone() };
    let code = DocumentCode::parse(&record.code).map_err(|e| Error::field("code", e))?;
    let hash = content_hash(&code, (&record.title_th, &record.title_en), number, &draft.content);
    let words = format!(
        "{}\n{}\n{}\n{}",
        record.code,
        record.title_th,
        record.title_en,
        draft.content.searchable_text()
    );
    let revision = NewRevision {
        number,
        content: &draft.content,
        content_hash: &hash,
        change: &change,
        change_summary: &draft.change_summary,
        requires_reading: draft.requires_reading && matches!(change, control::Change::Major),
        search_text: &index_terms(&words).join(" "),
    };
    let revision_id = app.store().save_work_manual_draft(actor, record.id, &revision, app.now()).await?;
    revision_by_id(app, record.id, revision_id).await
}

async fn revision_by_id(app: &App, manual_id: i64, revision_id: i64) -> Result<Revision> {
    let revisions = app.store().work_manual_revisions(manual_id).await?;
    revisions.into_iter().find(|r| r.id == revision_id).ok_or(Error::NotFound)
}

/// The refusal of a step someone already had a hand in.
fn refused(error: DutyError) -> Error {
    Error::Refused(match error {
        DutyError::NotTheAuthor => "not-the-author",
        DutyError::OwnRevision => "own-revision",
        DutyError::AlreadyReviewed => "already-reviewed",
    })
}

/// The caller, once they may take `action` on `open`: the policy's
/// permission (the director's for approving) and the separation of duties.
fn authorized(caller: &Caller, record: &WorkManualRecord, action: Action, open: &Revision) -> Result<Actor> {
    let policy = if action.is_writing() { Policy::Write } else { Policy::Approve };
    let actor = if action.is_center_wide(open.stage) {
        caller.may(Subject::WorkManual, policy, Owner::Center)?
    } else {
        may(caller, record, policy)?
    };
    if let Some(user) = caller.staff() {
        check_duties(action, user.id, open.signed()).map_err(refused)?;
    }
    Ok(actor)
}

/// Whether the caller may take `action` on the open revision: for offering its button.
pub fn allows(caller: &Caller, record: &WorkManualRecord, action: Action, open: &Revision) -> bool {
    authorized(caller, record, action, open).is_ok()
}

/// Whether the caller may edit the manual's draft.
pub fn may_edit(caller: &Caller, record: &WorkManualRecord) -> bool {
    may(caller, record, Policy::Write).is_ok()
}

/// Whether the caller may record the manual's periodic review.
pub fn may_review(caller: &Caller, record: &WorkManualRecord) -> bool {
    may(caller, record, Policy::Approve).is_ok()
}

/// Takes the open revision one step: submit (its author), review (the
/// division's collector), return with a comment, or approve (the
/// director) with the date it takes effect.
#[tracing::instrument(skip(app, caller, comment))]
pub async fn act(
    app: &App,
    caller: &Caller,
    id: i64,
    action: Action,
    comment: &str,
    effective_on: Option<Date>,
) -> Result<Revision> {
    let record = app.store().work_manual(id).await?;
    let revisions = app.store().work_manual_revisions(id).await?;
    let open = open(&revisions).ok_or(Error::Conflict("transition"))?;
    let actor = authorized(caller, &record, action, open)?;
    if action.apply(open.stage).is_none() {
        return Err(Error::Conflict("transition"));
    }
    let comment = comment.trim();
    let effective_on = match action {
        Action::Submit => {
            let missing = open.content()?.missing_errors();
            if !missing.is_empty() {
                return Err(Error::InvalidItems(missing));
            }
            None
        }
        Action::Return if comment.is_empty() => return Err(Error::field("comment", FieldError::Required)),
        Action::Approve => {
            let today = bangkok_date(app.now());
            let date = effective_on.ok_or(Error::field("effective_date", FieldError::Required))?;
            Some(check_effective_date(date, today).map_err(|e| Error::field("effective_date", e))?)
        }
        _ => None,
    };
    app.store()
        .act_on_work_manual_revision(&actor, open.id, action, comment, effective_on, app.now())
        .await?;
    app.work_manuals_changed();
    if action == Action::Approve {
        announce_effective(app).await?;
    }
    revision_by_id(app, id, open.id).await
}

/// Records a periodic review of the revision in force; "revise" opens a
/// draft from it for the division to rework.
#[tracing::instrument(skip(app, caller, note))]
pub async fn review(
    app: &App,
    caller: &Caller,
    id: i64,
    outcome: ReviewOutcome,
    note: &str,
) -> Result<Review> {
    let record = app.store().work_manual(id).await?;
    let actor = may(caller, &record, Policy::Approve)?;
    let note =
        ruamjai_domain::text::Text::paragraphs(note, 4_000).map(|t| t.as_str().to_owned()).or_else(|e| {
            if e == FieldError::Required { Ok(String::new()) } else { Err(Error::field("note", e)) }
        })?;
    let revisions = app.store().work_manual_revisions(id).await?;
    let today = bangkok_date(app.now());
    let effective = view::effective(&revisions, today).ok_or(Error::Conflict("nothing-in-force"))?;
    if outcome == ReviewOutcome::Revise && open(&revisions).is_some() {
        return Err(Error::Conflict("draft-open"));
    }
    let new = NewReview { revision_id: effective.id, reviewed_on: today, outcome, note: &note };
    let review = app.store().record_work_manual_review(&actor, id, &new, app.now()).await?;
    app.work_manuals_changed();
    if outcome == ReviewOutcome::Revise {
        let draft = Draft {
            content: effective.content()?,
            change_summary: note,
            requires_reading: true,
            change: control::Change::Major,
        };
        write_draft(app, &actor, &record, &draft).await?;
    }
    Ok(review)
}
