//! Work manuals as the API writes them.

use ruamjai_app::manuals::work::{Detail, RevisionLine, Summary};
use ruamjai_domain::manual::TotalDuration;
use ruamjai_domain::work_manual::diff::{Comparison, FieldChange};
use ruamjai_domain::work_manual::{Audience, Promise};
use ruamjai_store::work_manuals::{Duty, Review, Signature, WorkManualRecord};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

use crate::kit::json::rfc3339;

/// Who a work manual is addressed to: accounts of these roles (any when
/// empty) in these divisions (any when empty).
#[derive(Serialize, ToSchema)]
pub struct AudienceDto {
    #[schema(example = json!(["officer"]))]
    pub roles: Vec<String>,
    #[schema(example = json!(["infrastructure"]))]
    pub divisions: Vec<String>,
}

fn audience_dto(audience: &Audience) -> AudienceDto {
    AudienceDto {
        roles: audience.roles.iter().map(|r| r.as_str().to_owned()).collect(),
        divisions: audience.divisions.clone(),
    }
}

/// A line of the list.
#[derive(Serialize, ToSchema)]
pub struct WorkManualSummaryDto {
    pub id: i64,
    #[schema(example = "WM-INFRASTRUCTURE-NETWORK-STATUS-01")]
    pub code: String,
    pub service_id: String,
    pub division: String,
    pub title_th: String,
    pub title_en: String,
    /// The revision in force ("2", or "2.1" for a correction), if any.
    pub effective_revision: Option<String>,
    /// The revision being worked on and its stage (draft, in_review, reviewed).
    pub draft: Option<DraftStateDto>,
    /// When the next periodic review is due (ISO date).
    pub review_due: Option<String>,
    pub review_overdue: bool,
}

#[derive(Serialize, ToSchema)]
pub struct DraftStateDto {
    pub revision: String,
    pub stage: String,
}

#[derive(Serialize, ToSchema)]
pub struct WorkManualListDto {
    pub items: Vec<WorkManualSummaryDto>,
}

pub fn summary_dto(s: Summary) -> WorkManualSummaryDto {
    WorkManualSummaryDto {
        id: s.record.id,
        code: s.record.code,
        service_id: s.record.service_code,
        division: s.record.division_code,
        title_th: s.record.title_th,
        title_en: s.record.title_en,
        effective_revision: s.effective.map(|n| n.label()),
        draft: s.open.map(|(n, stage)| DraftStateDto { revision: n.label(), stage: stage.code().into() }),
        review_due: s.review_due.map(|d| d.to_string()),
        review_overdue: s.review_overdue,
    }
}

/// A name signed under, with the position held then.
#[derive(Serialize, ToSchema)]
pub struct SignatureDto {
    pub name: String,
    pub job_title: String,
    pub signed_at: String,
}

fn signature_dto(s: &Signature) -> SignatureDto {
    SignatureDto { name: s.name.clone(), job_title: s.job_title.clone(), signed_at: rfc3339(s.signed_at) }
}

/// A revision and where it stands today.
#[derive(Serialize, ToSchema)]
pub struct RevisionDto {
    /// The major revision's number, from 0.
    pub number: u32,
    /// The correction under it (0 for the major revision itself).
    pub correction: u32,
    /// "2", or "2.1" for a correction.
    pub label: String,
    /// draft, in_review, reviewed, scheduled, effective or superseded.
    pub stage: String,
    /// When it takes (or took) effect, once approved (ISO date).
    pub effective_date: Option<String>,
    pub author: Option<SignatureDto>,
    pub reviewer: Option<SignatureDto>,
    pub approver: Option<SignatureDto>,
    /// major or minor.
    pub change: String,
    pub change_reason: String,
    pub change_summary: String,
    pub requires_reading: bool,
    /// Why the reviewer or approver sent it back, if they did.
    pub return_comment: String,
    /// SHA-256 of the canonical content, printed in the footer.
    pub content_hash: String,
    /// Accounts that acknowledged this major revision.
    pub acknowledged: usize,
    pub audience_size: usize,
}

fn revision_dto(line: &RevisionLine, audience_size: usize) -> RevisionDto {
    let r = &line.revision;
    let (change, reason) = match &r.change {
        ruamjai_domain::work_manual::control::Change::Major => ("major", String::new()),
        ruamjai_domain::work_manual::control::Change::Minor { reason } => ("minor", reason.clone()),
    };
    RevisionDto {
        number: r.number.number,
        correction: r.number.correction,
        label: r.number.label(),
        stage: line.standing.code().into(),
        effective_date: r.effective_on.map(|d| d.to_string()),
        author: r.signature(Duty::Author).map(signature_dto),
        reviewer: r.signature(Duty::Reviewer).map(signature_dto),
        approver: r.signature(Duty::Approver).map(signature_dto),
        change: change.into(),
        change_reason: reason,
        change_summary: r.change_summary.clone(),
        requires_reading: r.requires_reading,
        return_comment: r.return_comment.clone(),
        content_hash: r.content_hash.clone(),
        acknowledged: line.acknowledged,
        audience_size,
    }
}

/// The revision being worked on, with its content.
#[derive(Serialize, ToSchema)]
pub struct DraftDto {
    #[serde(flatten)]
    pub revision: RevisionDto,
    /// The sections as `PUT …/draft` takes them.
    #[schema(value_type = Object)]
    pub content: serde_json::Value,
}

/// The total time of a procedure, by unit.
#[derive(Serialize, ToSchema)]
pub struct TotalDto {
    pub days: u32,
    pub working_days: u32,
    pub hours: u32,
    pub minutes: u32,
}

fn total_dto(t: TotalDuration) -> TotalDto {
    TotalDto { days: t.days, working_days: t.working_days, hours: t.hours, minutes: t.minutes }
}

/// The staff procedure's time beside the citizen manual's promise.
#[derive(Serialize, ToSchema)]
pub struct PromiseDto {
    pub procedure: TotalDto,
    pub promised: TotalDto,
    /// The procedure takes longer than the public was told (a warning).
    pub exceeded: bool,
}

fn promise_dto(p: Promise) -> PromiseDto {
    PromiseDto { procedure: total_dto(p.procedure), promised: total_dto(p.promised), exceeded: p.exceeded }
}

#[derive(Serialize, ToSchema)]
pub struct ReviewDto {
    pub reviewed_on: String,
    pub reviewer: String,
    /// no_change or revise.
    pub outcome: String,
    pub note: String,
}

pub fn review_dto(r: &Review) -> ReviewDto {
    ReviewDto {
        reviewed_on: r.reviewed_on.to_string(),
        reviewer: r.reviewer.clone(),
        outcome: r.outcome.code().into(),
        note: r.note.clone(),
    }
}

/// A work manual with its revisions.
#[derive(Serialize, ToSchema)]
pub struct WorkManualDto {
    pub id: i64,
    pub code: String,
    pub service_id: String,
    pub division: String,
    pub title_th: String,
    pub title_en: String,
    pub audience: AudienceDto,
    /// Whether its effective revision is listed for the public.
    pub public: bool,
    pub review_due: Option<String>,
    pub review_overdue: bool,
    pub effective_revision: Option<String>,
    pub promise: Option<PromiseDto>,
    /// The citizen manual was revised after the effective revision took effect.
    pub citizen_manual_revised_after: bool,
    pub revisions: Vec<RevisionDto>,
    pub draft: Option<DraftDto>,
    pub reviews: Vec<ReviewDto>,
}

pub fn record_dto(record: &WorkManualRecord) -> WorkManualDto {
    WorkManualDto {
        id: record.id,
        code: record.code.clone(),
        service_id: record.service_code.clone(),
        division: record.division_code.clone(),
        title_th: record.title_th.clone(),
        title_en: record.title_en.clone(),
        audience: audience_dto(&record.audience),
        public: record.public_since.is_some(),
        review_due: None,
        review_overdue: false,
        effective_revision: None,
        promise: None,
        citizen_manual_revised_after: false,
        revisions: Vec::new(),
        draft: None,
        reviews: Vec::new(),
    }
}

pub fn detail_dto(d: &Detail) -> Result<WorkManualDto, crate::AppError> {
    let size = d.readers.len();
    let draft = match d.open() {
        Some(line) => Some(DraftDto {
            revision: revision_dto(line, size),
            content: serde_json::to_value(line.revision.content()?).unwrap_or_default(),
        }),
        None => None,
    };
    Ok(WorkManualDto {
        review_due: d.review_due.map(|d| d.to_string()),
        review_overdue: d.review_overdue,
        effective_revision: d.effective().map(|l| l.revision.number.label()),
        promise: d.promise.map(promise_dto),
        citizen_manual_revised_after: d.citizen_manual_revised_after,
        revisions: d.revisions.iter().map(|l| revision_dto(l, size)).collect(),
        draft,
        reviews: d.reviews.iter().map(review_dto).collect(),
        ..record_dto(&d.record)
    })
}

/// A run of words and what happened to it.
#[derive(Serialize, ToSchema)]
pub struct TextChangeDto {
    /// equal, insert or delete.
    pub op: String,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct SectionDiffDto {
    /// objective, scope, definitions, responsibilities, standards, monitoring or references.
    pub name: String,
    pub changes: Vec<TextChangeDto>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldDiffDto {
    #[schema(value_type = Object)]
    pub from: serde_json::Value,
    #[schema(value_type = Object)]
    pub to: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
pub struct StepDiffDto {
    /// The step's number in the newer revision (in the older one for a removed step).
    pub number: u32,
    /// added, removed or changed.
    pub change: String,
    pub title: String,
    /// Each changed field (title, detail, kind, responsible, duration, standard, forms, next).
    pub fields: BTreeMap<String, FieldDiffDto>,
}

#[derive(Serialize, ToSchema)]
pub struct DiffDto {
    pub sections: Vec<SectionDiffDto>,
    pub steps: Vec<StepDiffDto>,
}

fn code_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn field_dto(f: &FieldChange) -> (String, FieldDiffDto) {
    let value = |v| serde_json::to_value(v).unwrap_or_default();
    (f.field.to_owned(), FieldDiffDto { from: value(&f.from), to: value(&f.to) })
}

pub fn diff_dto(c: &Comparison) -> DiffDto {
    DiffDto {
        sections: c
            .sections
            .iter()
            .map(|s| SectionDiffDto {
                name: s.name.code().into(),
                changes: s
                    .changes
                    .iter()
                    .map(|t| TextChangeDto { op: code_of(&t.op), text: t.text.clone() })
                    .collect(),
            })
            .collect(),
        steps: c
            .steps
            .iter()
            .map(|s| StepDiffDto {
                number: s.number,
                change: code_of(&s.change),
                title: s.title.clone(),
                fields: s.fields.iter().map(field_dto).collect(),
            })
            .collect(),
    }
}
