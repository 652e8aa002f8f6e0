//! What the hand-in page shows, made from the use cases' values: each
//! pack's line, each seal with its sealed steps (their facts, gaps and
//! evidence read from the sealed evaluation) and remarks, and the note of
//! what changed since sealing that the indicator page shows too.

use ruamjai_app::kpi::rounds::SealView;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Evaluation, Kind};
use ruamjai_store::kpi::packs::{PackJob, PackState};

use super::view::code_label;
use crate::download::size_label;
use crate::kit::Names;
use crate::page::Page;

pub(super) struct PackLine {
    pub id: i64,
    pub state: &'static str,
    pub state_label: String,
    pub done: i64,
    pub total: i64,
    /// The count of documents and files, once the pack has listed them.
    pub counted: bool,
    pub bytes: String,
    pub requested: String,
    pub href: Option<String>,
    pub error: Option<String>,
}

pub(super) struct CommentLine {
    pub by: String,
    pub role: String,
    pub at: String,
    pub body: String,
}

pub(super) struct SealedStep {
    pub number: u8,
    pub criterion: String,
    pub met: bool,
    /// What the step rested on when sealed, from the sealed evaluation.
    pub facts: Vec<(String, String)>,
    pub missing: Vec<String>,
    pub evidence: Vec<(String, String)>,
    pub comments: Vec<CommentLine>,
}

/// Step `number` of indicator `code` in a sealed evaluation (the API's JSON).
fn sealed_step<'a>(
    evaluation: &'a serde_json::Value,
    code: &str,
    number: u8,
) -> Option<&'a serde_json::Value> {
    let indicator = evaluation["indicators"].as_array()?.iter().find(|i| i["code"] == code)?;
    indicator["steps"].as_array()?.iter().find(|s| s["number"] == number)
}

/// The facts, gaps and evidence of a sealed step, as the reader's page words them.
fn sealed_details(names: &Names<'_>, step: Option<&serde_json::Value>) -> SealedDetails {
    let Some(step) = step else { return SealedDetails::default() };
    let text = |key: &str, v: &serde_json::Value| match v {
        serde_json::Value::Array(codes) if codes.is_empty() => "—".to_owned(),
        serde_json::Value::Array(codes) => codes
            .iter()
            .map(|c| code_label(names, key, c.as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(", "),
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        figure if key.ends_with("_pct") => format!("{figure} %"),
        figure => figure.to_string(),
    };
    let label = |key: &str| names.locale.t(&format!("kpi-fact-{}", key.replace('_', "-")));
    let facts = step["facts"]
        .as_object()
        .map(|facts| facts.iter().map(|(key, value)| (label(key), text(key, value))).collect())
        .unwrap_or_default();
    let list = |field: &str, item: &dyn Fn(&serde_json::Value) -> Option<(String, String)>| {
        step[field].as_array().map(|all| all.iter().filter_map(item).collect::<Vec<_>>()).unwrap_or_default()
    };
    let missing = list("missing", &|g| Some((g["text"].as_str()?.to_owned(), String::new())));
    let evidence =
        list("evidence", &|e| Some((e["title"].as_str()?.to_owned(), e["href"].as_str()?.to_owned())));
    SealedDetails { facts, missing: missing.into_iter().map(|(t, _)| t).collect(), evidence }
}

#[derive(Default)]
struct SealedDetails {
    facts: Vec<(String, String)>,
    missing: Vec<String>,
    evidence: Vec<(String, String)>,
}

pub(super) struct SealLine {
    pub sealed: String,
    pub reason: String,
    pub manifest: String,
    pub audit: String,
    pub superseded: bool,
    pub changed: Vec<String>,
    pub steps: Vec<SealedStep>,
}

pub(super) struct RoundView {
    pub months: u8,
    pub label: String,
    pub packs: Vec<PackLine>,
    pub seals: Vec<SealLine>,
}

pub(super) fn pack_line(page: &Page, year: FiscalYear, job: &PackJob) -> PackLine {
    PackLine {
        id: job.id,
        state: job.state.code(),
        state_label: page.t(&format!("pack-state-{}", job.state.code())),
        done: job.done,
        total: job.total.max(1),
        counted: job.total > 0,
        bytes: size_label(job.bytes),
        requested: format!("{} · {}", job.requested_by, page.locale.datetime(job.requested_at)),
        href: (job.state == PackState::Done)
            .then(|| format!("/staff/kpi/{}/packs/{}.zip", year.be(), job.id)),
        error: job.error.clone(),
    }
}

/// Step `number` of indicator `code`: its criterion in the reader's language.
fn criterion(page: &Page, evaluation: &Evaluation, code: &str, number: u8) -> String {
    let indicator = evaluation.indicator(code).map(|r| &r.indicator);
    let step = indicator.and_then(|i| match &i.kind {
        Kind::Milestone { steps, .. } => steps.get(usize::from(number).saturating_sub(1)),
        Kind::Range { .. } => None,
    });
    step.map(|s| page.pick(&s.criterion_th, &s.criterion_en).to_owned()).unwrap_or_default()
}

pub(super) fn seal_line(
    page: &Page,
    names: &Names<'_>,
    evaluation: &Evaluation,
    view: &SealView,
) -> SealLine {
    let seal = &view.seal;
    let step_name =
        |code: &str, n: u8| format!("{} {code} · {} {n}", page.t("kpi-indicator"), page.t("kpi-step"));
    let changed = view
        .changed_steps
        .iter()
        .map(|s| {
            let now = page.t(if s.met { "kpi-met" } else { "kpi-not-met" });
            format!("{} — {} {now}", step_name(&s.code, s.step), page.t("seal-now"))
        })
        .collect();
    let sealed: serde_json::Value = serde_json::from_str(&seal.evaluation_json).unwrap_or_default();
    let steps = seal
        .steps
        .iter()
        .map(|s| {
            let details = sealed_details(names, sealed_step(&sealed, &s.code, s.step));
            SealedStep {
                number: s.step,
                criterion: criterion(page, evaluation, &s.code, s.step),
                met: s.met,
                facts: details.facts,
                missing: details.missing,
                evidence: details.evidence,
                comments: view
                    .comments
                    .iter()
                    .filter(|c| c.step == s.step)
                    .map(|c| CommentLine {
                        by: c.by.clone(),
                        role: page.t(&format!("role-{}", c.role)),
                        at: page.locale.datetime(c.at),
                        body: c.body.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    SealLine {
        sealed: format!("{} · {}", seal.by, page.locale.datetime(seal.at)),
        reason: seal.reason.clone(),
        manifest: seal.manifest_sha256.clone(),
        audit: format!("{} · {}", seal.audit_seq, seal.audit_head),
        superseded: view.superseded,
        changed,
        steps,
    }
}

/// "Round of 6 months: step 2 (now not met)" for each current seal whose
/// steps of indicator `code` differ now from what was sealed.
pub(super) fn changed_since_sealing(
    page: &Page,
    seals: &[ruamjai_app::kpi::rounds::SealView],
    code: &str,
) -> Vec<String> {
    seals
        .iter()
        .filter(|s| !s.superseded)
        .filter_map(|s| {
            let steps: Vec<String> = s
                .changed_steps
                .iter()
                .filter(|c| c.code == code)
                .map(|c| {
                    let now = page.t(if c.met { "kpi-met" } else { "kpi-not-met" });
                    format!("{} {} ({} {now})", page.t("kpi-step"), c.step, page.t("seal-now"))
                })
                .collect();
            let round = page.locale.ta("sar-round", &[("round", s.seal.round.months().into())]);
            (!steps.is_empty()).then(|| format!("{round}: {}", steps.join(", ")))
        })
        .collect()
}
