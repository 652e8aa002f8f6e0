//! The evaluation as the API gives it: every figure a JSON number with four
//! places at most, every gap with its data and its sentence.

use ruamjai_domain::kpi::score::Weighted;
use ruamjai_domain::kpi::{Decimal, Evaluation, EvidenceFile, IndicatorResult, Kind, StepResult};
use serde::Serialize;
use utoipa::ToSchema;

use super::view::StepView;
use crate::kit::Names;

#[derive(Serialize, ToSchema)]
pub struct KpiEvaluationDto {
    #[schema(example = 2570)]
    pub fiscal_year: i32,
    /// The day the facts were read up to (ISO date).
    #[schema(example = "2027-03-31")]
    pub as_of: String,
    pub scale: KpiScaleDto,
    /// Σ weight × score ⁄ Σ weight, to four places; null while no indicator carries weight.
    #[schema(value_type = Option<f64>, example = 3.825)]
    pub composite: Option<Decimal>,
    /// The weights' sum: 100 when the scorecard is complete.
    #[schema(value_type = f64, example = 100)]
    pub weights: Decimal,
    pub weights_add_up: bool,
    /// The composite of the evaluating committee's scores; null until it
    /// has assessed every indicator.
    #[schema(value_type = Option<f64>, example = 3.75)]
    pub committee_composite: Option<Decimal>,
    pub indicators: Vec<KpiIndicatorScoreDto>,
}

#[derive(Serialize, ToSchema)]
pub struct KpiScaleDto {
    #[schema(example = 5)]
    pub levels: u8,
    /// What the top level scores.
    #[schema(value_type = f64, example = 5)]
    pub top: Decimal,
}

#[derive(Serialize, ToSchema)]
pub struct KpiIndicatorScoreDto {
    #[schema(example = "4")]
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    /// Percent of the scorecard.
    #[schema(value_type = f64, example = 25)]
    pub weight: Decimal,
    /// `milestone` or `range`.
    #[schema(example = "milestone")]
    pub kind: &'static str,
    #[schema(value_type = f64, example = 4)]
    pub score: Decimal,
    /// score × weight ⁄ 100.
    #[schema(value_type = f64, example = 1)]
    pub weighted: Decimal,
    /// A milestone indicator's level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// A range indicator's measured value.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<f64>)]
    pub value: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<f64>>)]
    pub targets: Option<Vec<Decimal>>,
    /// `rising` or `falling`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<KpiStepDto>>,
    /// The evaluating committee's newest score, once it has given one.
    pub committee: Option<KpiAssessmentDto>,
    /// The evidence files of an entered value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub value_files: Vec<KpiEvidenceFileDto>,
}

/// The evaluating committee's score of an indicator for a round.
#[derive(Serialize, ToSchema)]
pub struct KpiAssessmentDto {
    /// 6, 9 or 12.
    #[schema(example = 6)]
    pub round: u8,
    #[schema(value_type = f64, example = 4)]
    pub score: Decimal,
    /// score × weight ⁄ 100.
    #[schema(value_type = f64, example = 1)]
    pub weighted: Decimal,
    pub note: String,
    pub by: String,
    /// RFC 3339.
    pub at: String,
}

#[derive(Serialize, ToSchema)]
pub struct KpiStepDto {
    #[schema(example = 1)]
    pub number: u8,
    pub criterion_th: String,
    pub met: bool,
    /// `rule` or `sign_off`.
    #[schema(example = "rule")]
    pub judged_by: &'static str,
    /// A sign-off that says otherwise than the rule.
    pub overrides_rule: bool,
    /// What the rule found, met or not, even where a sign-off decided.
    pub rule_met: bool,
    /// The figures judged, by key (`channels_used`, `answered_in_time_pct` …).
    #[schema(value_type = Object)]
    pub facts: serde_json::Map<String, serde_json::Value>,
    pub missing: Vec<KpiGapDto>,
    pub evidence: Vec<KpiEvidenceDto>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<KpiSignOffDto>,
}

/// Something a step still lacks: its kind and figures, and the sentence.
#[derive(Serialize, ToSchema)]
pub struct KpiGapDto {
    /// `few-channels`, `no-citizen-manual` …
    #[schema(example = "no-citizen-manual")]
    pub gap: String,
    /// The gap's figures and the services, groups or manuals it names.
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
    /// The sentence in the request's language.
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct KpiEvidenceDto {
    pub title: String,
    #[schema(example = "/staff/reports?period=2570")]
    pub href: String,
}

#[derive(Serialize, ToSchema)]
pub struct KpiSignOffDto {
    pub met: bool,
    pub reason: String,
    pub by: String,
    /// RFC 3339.
    pub at: String,
    pub files: Vec<KpiEvidenceFileDto>,
}

/// An evidence file as stored.
#[derive(Serialize, ToSchema)]
pub struct KpiEvidenceFileDto {
    pub id: i64,
    pub name: String,
    /// Where staff download it.
    #[schema(example = "/staff/kpi/2570/evidence/12")]
    pub href: String,
}

pub(super) fn file_dto(
    year: ruamjai_domain::calendar::FiscalYear,
    file: &EvidenceFile,
) -> KpiEvidenceFileDto {
    KpiEvidenceFileDto {
        id: file.id,
        name: file.name.clone(),
        href: format!("/staff/kpi/{}/evidence/{}", year.be(), file.id),
    }
}

pub fn evaluation_dto(names: &Names<'_>, evaluation: &Evaluation) -> KpiEvaluationDto {
    KpiEvaluationDto {
        fiscal_year: evaluation.fiscal_year.be(),
        as_of: evaluation.as_of.to_string(),
        scale: KpiScaleDto { levels: evaluation.scale.levels, top: evaluation.scale.top },
        composite: evaluation.composite(),
        weights: evaluation.weights(),
        weights_add_up: evaluation.weights_add_up(),
        committee_composite: evaluation.committee_composite(),
        indicators: evaluation.indicators.iter().map(|i| indicator_dto(names, evaluation, i)).collect(),
    }
}

fn indicator_dto(
    names: &Names<'_>,
    evaluation: &Evaluation,
    result: &IndicatorResult,
) -> KpiIndicatorScoreDto {
    let indicator = &result.indicator;
    let (targets, direction) = match &indicator.kind {
        Kind::Range { targets, direction, .. } => {
            let direction = match direction {
                ruamjai_domain::kpi::Direction::Rising => "rising",
                ruamjai_domain::kpi::Direction::Falling => "falling",
            };
            (Some(targets.clone()), Some(direction))
        }
        Kind::Milestone { .. } => (None, None),
    };
    let steps = matches!(indicator.kind, Kind::Milestone { .. })
        .then(|| result.steps.iter().map(|s| step_dto(names, evaluation, result, s)).collect());
    KpiIndicatorScoreDto {
        code: indicator.code.clone(),
        name_th: indicator.name_th.clone(),
        name_en: indicator.name_en.clone(),
        weight: indicator.weight,
        kind: indicator.kind.code(),
        score: result.score,
        weighted: result.weighted().points(),
        level: result.level,
        value: result.value,
        targets,
        direction,
        steps,
        committee: result.committee.as_ref().map(|a| KpiAssessmentDto {
            round: a.round.months(),
            score: a.score,
            weighted: Weighted { weight: indicator.weight, score: a.score }.points(),
            note: a.note.clone(),
            by: a.by.clone(),
            at: rfc3339(a.at),
        }),
        value_files: result.value_files.iter().map(|f| file_dto(evaluation.fiscal_year, f)).collect(),
    }
}

fn rfc3339(at: time::OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

fn step_dto(
    names: &Names<'_>,
    evaluation: &Evaluation,
    result: &IndicatorResult,
    step: &StepResult,
) -> KpiStepDto {
    let view = StepView::of(names, evaluation.fiscal_year, result, step);
    let facts = step
        .verdict
        .facts
        .iter()
        .map(|f| (f.key.to_owned(), serde_json::to_value(&f.value).unwrap_or_default()))
        .collect();
    let missing = step
        .verdict
        .missing
        .iter()
        .zip(view.missing)
        .map(|(gap, text)| {
            let mut detail = serde_json::to_value(gap).unwrap_or_default();
            let kind = detail.as_object_mut().and_then(|d| d.remove("gap"));
            KpiGapDto {
                gap: kind.and_then(|k| k.as_str().map(str::to_owned)).unwrap_or_default(),
                detail,
                text,
            }
        })
        .collect();
    KpiStepDto {
        number: step.number,
        criterion_th: match &result.indicator.kind {
            Kind::Milestone { steps, .. } => {
                steps.get(usize::from(step.number) - 1).map(|s| s.criterion_th.clone()).unwrap_or_default()
            }
            Kind::Range { .. } => String::new(),
        },
        met: step.met,
        judged_by: if view.signed_off { "sign_off" } else { "rule" },
        overrides_rule: view.overrides_rule,
        rule_met: view.rule_met,
        facts,
        missing,
        evidence: view
            .evidence
            .into_iter()
            .map(|e| KpiEvidenceDto { title: e.title, href: e.href })
            .collect(),
        sign_off: step.sign_off.as_ref().map(|s| KpiSignOffDto {
            met: s.met,
            reason: s.reason.clone(),
            by: s.by.clone(),
            at: rfc3339(s.at),
            files: s.files.iter().map(|f| file_dto(evaluation.fiscal_year, f)).collect(),
        }),
    }
}

/// The evaluation as `GET /api/v1/staff/kpi/{fiscal_year}` gives it to a
/// Thai reader, byte for byte: what an evidence pack carries as `kpi.json`.
pub fn pack_json() -> ruamjai_app::kpi::pack::ApiJson {
    std::sync::Arc::new(|evaluation, catalog| {
        let names = Names { locale: ruamjai_i18n::Locale::Th, catalog };
        serde_json::to_vec(&evaluation_dto(&names, evaluation)).expect("the evaluation serializes")
    })
}
