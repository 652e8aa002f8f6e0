//! What the manual endpoints answer: the published manual in the model's
//! sections and order, and a version as staff see it.

use ruamjai_domain::catalog::Service;
use ruamjai_domain::manual::{Flow, Listing, Manual, Step, Target};
use ruamjai_store::documents::Version;
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::i18n::Locale;
use crate::kit::json::rfc3339;
use crate::manuals::{total_text, version_standings};
use crate::{AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct DurationDto {
    pub value: u32,
    /// minutes, hours, working_days or days.
    pub unit: String,
}

#[derive(Serialize, ToSchema)]
pub struct StepDto {
    pub number: u32,
    pub title: String,
    pub description: String,
    pub duration: DurationDto,
    pub responsible_unit: String,
    /// task or decision.
    pub kind: String,
    /// A task's next step: a step number or "end".
    #[schema(value_type = Option<String>)]
    pub then: Option<Target>,
    /// A decision's answers: a step number or "end".
    #[schema(value_type = Option<String>)]
    pub yes: Option<Target>,
    #[schema(value_type = Option<String>)]
    pub no: Option<Target>,
}

/// The sum of the durations along the usual path, minutes carried into hours.
#[derive(Serialize, ToSchema)]
pub struct TotalDurationDto {
    pub days: u32,
    pub working_days: u32,
    pub hours: u32,
    pub minutes: u32,
    /// The same in words, in the language asked for.
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ChannelDto {
    pub place: String,
    pub hours: String,
    pub contact: String,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentDto {
    pub name: String,
    pub copies: Option<u32>,
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct FeeDto {
    pub item: String,
    pub baht: u32,
}

#[derive(Serialize, ToSchema)]
pub struct FormDto {
    pub title: String,
    pub url: String,
}

/// A service's citizen manual, in the sections and order of the model.
#[derive(Serialize, ToSchema)]
pub struct ManualDto {
    pub service_id: String,
    pub service_name_th: String,
    pub service_name_en: String,
    pub revision: u32,
    /// When this version took effect (RFC 3339).
    pub published_at: Option<String>,
    pub responsible_unit: String,
    pub legal_basis: String,
    pub channels: Vec<ChannelDto>,
    pub criteria: String,
    pub steps: Vec<StepDto>,
    pub total_duration: TotalDurationDto,
    /// True when the manual says no documents are required.
    pub no_documents_required: bool,
    pub documents: Vec<DocumentDto>,
    /// True when the manual says there is no fee.
    pub no_fee: bool,
    pub fees: Vec<FeeDto>,
    pub complaint_channels: String,
    pub forms: Vec<FormDto>,
    pub notes: String,
    pub page_url: String,
    pub flowchart_url: String,
    /// The manual as an A4 PDF with its flowchart (`?digits=thai` for Thai digits).
    pub pdf_url: String,
    /// An A4 poster whose QR code opens `page_url`.
    pub poster_url: String,
}

fn step_dto(index: usize, step: &Step) -> StepDto {
    let (kind, then, yes, no) = match step.flow {
        Flow::Task { then } => ("task", Some(then), None, None),
        Flow::Decision { yes, no } => ("decision", None, Some(yes), Some(no)),
    };
    StepDto {
        number: index as u32 + 1,
        title: step.title.clone(),
        description: step.description.clone(),
        duration: DurationDto { value: step.duration.value, unit: step.duration.unit.code().into() },
        responsible_unit: step.responsible_unit.clone(),
        kind: kind.into(),
        then,
        yes,
        no,
    }
}

pub(super) fn manual_dto(
    state: &AppState,
    locale: Locale,
    service: &Service,
    version: &Version,
    manual: Manual,
) -> ManualDto {
    let total = manual.total_duration();
    let base = format!("{}/services/{}", state.config.public_url.trim_end_matches('/'), service.code);
    ManualDto {
        service_id: service.code.clone(),
        service_name_th: service.name_th.clone(),
        service_name_en: service.name_en.clone(),
        revision: version.revision,
        published_at: version.publish_at.map(rfc3339),
        steps: manual.steps.iter().enumerate().map(|(i, s)| step_dto(i, s)).collect(),
        total_duration: TotalDurationDto {
            days: total.days,
            working_days: total.working_days,
            hours: total.hours,
            minutes: total.minutes,
            text: total_text(locale, total),
        },
        no_documents_required: manual.documents == Listing::None,
        documents: (manual.documents.items().iter())
            .map(|d| DocumentDto { name: d.name.clone(), copies: d.copies, note: d.note.clone() })
            .collect(),
        no_fee: manual.fees == Listing::None,
        fees: manual.fees.items().iter().map(|f| FeeDto { item: f.item.clone(), baht: f.baht }).collect(),
        channels: (manual.channels.into_iter())
            .map(|c| ChannelDto { place: c.place, hours: c.hours, contact: c.contact })
            .collect(),
        forms: manual.forms.into_iter().map(|f| FormDto { title: f.title, url: f.url }).collect(),
        responsible_unit: manual.responsible_unit,
        legal_basis: manual.legal_basis,
        criteria: manual.criteria,
        complaint_channels: manual.complaint_channels,
        notes: manual.notes,
        page_url: format!("{base}/manual"),
        flowchart_url: format!("{base}/flowchart.svg"),
        pdf_url: format!("{base}/manual.pdf"),
        poster_url: format!("{base}/poster.pdf"),
    }
}

/// A version as staff see it.
#[derive(Serialize, ToSchema)]
pub struct ManualVersionDto {
    pub id: i64,
    pub revision: u32,
    /// draft, in_review, approved, scheduled, current or superseded.
    pub standing: String,
    pub change_summary: String,
    pub review_comment: String,
    pub author: Option<String>,
    pub approved_by: Option<String>,
    pub publish_at: Option<String>,
    pub updated_at: String,
    /// Required sections still empty: submitting and publishing are refused until none are.
    pub missing_sections: Vec<String>,
}

pub(super) fn version_dto(
    version: &Version,
    siblings: &[Version],
    now: OffsetDateTime,
) -> Result<ManualVersionDto, AppError> {
    let standing = siblings
        .iter()
        .zip(version_standings(siblings, now))
        .find(|(v, _)| v.id == version.id)
        .map_or("draft", |(_, s)| s.code());
    Ok(ManualVersionDto {
        id: version.id,
        revision: version.revision,
        standing: standing.into(),
        change_summary: version.change_summary.clone(),
        review_comment: version.review_comment.clone(),
        author: version.author.clone(),
        approved_by: version.approved_by.clone(),
        publish_at: version.publish_at.map(rfc3339),
        updated_at: rfc3339(version.updated_at),
        missing_sections: version.manual()?.missing().into_iter().map(|s| s.code().to_owned()).collect(),
    })
}
