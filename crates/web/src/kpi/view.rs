//! An evaluation in the reader's words, with a link for every number and
//! every piece of evidence: what the pages, the director's home and the
//! API all show.

use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{
    Decimal, Evidence, Fact, FactValue, IndicatorResult, JudgedBy, Kind, SignOff, StepResult,
};

use crate::kit::Names;

/// A figure with its name and the list behind it.
pub struct FactLine {
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub href: Option<String>,
}

pub struct EvidenceLine {
    pub title: String,
    pub href: String,
}

pub struct StepView {
    pub number: u8,
    pub criterion: String,
    pub met: bool,
    pub signed_off: bool,
    /// A sign-off that says otherwise than the rule: shown as such everywhere.
    pub overrides_rule: bool,
    pub rule_met: bool,
    pub facts: Vec<FactLine>,
    pub missing: Vec<String>,
    pub evidence: Vec<EvidenceLine>,
    pub sign_off: Option<SignOff>,
}

impl StepView {
    pub fn of(names: &Names<'_>, year: FiscalYear, indicator: &IndicatorResult, step: &StepResult) -> Self {
        let locale = names.locale;
        let criterion = match &indicator.indicator.kind {
            Kind::Milestone { steps, .. } => steps
                .get(usize::from(step.number).saturating_sub(1))
                .map(|s| {
                    let en = if s.criterion_en.is_empty() { &s.criterion_th } else { &s.criterion_en };
                    locale.pick(&s.criterion_th, en).to_owned()
                })
                .unwrap_or_default(),
            Kind::Range { .. } => String::new(),
        };
        Self {
            number: step.number,
            criterion,
            met: step.met,
            signed_off: step.judged_by == JudgedBy::SignOff,
            overrides_rule: step.overrides_rule(),
            rule_met: step.verdict.met,
            facts: step.verdict.facts.iter().map(|f| fact_line(names, year, f)).collect(),
            missing: step.verdict.missing.iter().map(|g| names.gap(g)).collect(),
            evidence: step.verdict.evidence.iter().map(|e| evidence_line(names, year, e)).collect(),
            sign_off: step.sign_off.clone(),
        }
    }
}

fn fact_line(names: &Names<'_>, year: FiscalYear, fact: &Fact) -> FactLine {
    let locale = names.locale;
    let value = match &fact.value {
        FactValue::Count(n) => n.to_string(),
        FactValue::Percent(Some(pct)) => format!("{} %", pct_text(*pct)),
        FactValue::Percent(None) => "—".to_owned(),
        FactValue::Codes(codes) if codes.is_empty() => "—".to_owned(),
        FactValue::Codes(codes) => {
            codes.iter().map(|code| code_label(names, fact.key, code)).collect::<Vec<_>>().join(", ")
        }
    };
    FactLine {
        key: fact.key,
        label: locale.t(&format!("kpi-fact-{}", fact.key.replace('_', "-"))),
        value,
        href: fact_href(fact.key, year),
    }
}

/// A code a fact lists (a channel, a group), in the reader's words.
pub(super) fn code_label(names: &Names<'_>, key: &str, code: &str) -> String {
    match key {
        "channels" => names.locale.t(&format!("channel-{}", code.replace('_', "-"))),
        "groups" | "groups_short_of_sample" => names.group(code),
        _ => code.to_owned(),
    }
}

/// Two places, half up, as percentages are read on the pages.
pub fn pct_text(pct: Decimal) -> String {
    let t = pct.ten_thousandths();
    let hundredths = (t.abs() + 50) / 100 * t.signum();
    Decimal::from_ten_thousandths(hundredths * 100).trimmed()
}

/// The list a figure was counted from.
fn fact_href(key: &str, year: FiscalYear) -> Option<String> {
    let be = year.be();
    let href = match key {
        "submissions"
        | "channels_used"
        | "channels"
        | "answered"
        | "answered_in_time"
        | "answered_in_time_pct" => {
            format!("/staff/reports?period={be}")
        }
        "activities_held" | "activities_counted" | "attended" | "groups_reached" | "groups" => {
            "/staff/activities".to_owned()
        }
        "surveys"
        | "responses"
        | "sample_achieved"
        | "sample_required"
        | "groups_short_of_sample"
        | "dissatisfied_pct"
        | "items_below_standard" => "/staff/surveys".to_owned(),
        "actions_opened" => "/staff/improvements".to_owned(),
        "services_with_standard" => format!("/staff/service-standards?year={be}"),
        "manuals_in_force" | "manuals_announced" => "/staff/manuals".to_owned(),
        "services_covered" | "manuals_renewed" | "acknowledged_pct" => "/staff/work-manuals".to_owned(),
        _ => return None,
    };
    Some(href)
}

fn evidence_line(names: &Names<'_>, year: FiscalYear, evidence: &Evidence) -> EvidenceLine {
    let be = year.be();
    let href = match evidence {
        Evidence::ParticipationReport => format!("/staff/reports?period={be}"),
        Evidence::Activity { id, .. } => format!("/staff/activities/{id}"),
        Evidence::Survey { id, .. } => format!("/staff/surveys/{id}"),
        Evidence::ServiceStandards => format!("/staff/service-standards?year={be}"),
        Evidence::Improvements => "/staff/improvements".to_owned(),
        Evidence::CitizenManual { service } => format!("/services/{service}/manual"),
        Evidence::WorkManual { id, .. } => format!("/staff/work-manuals/{id}"),
    };
    EvidenceLine { title: names.evidence(be, evidence), href }
}
