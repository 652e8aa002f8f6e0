//! A survey beside the one before it on the same questionnaire: the
//! dimensions then and now, and the items and dimensions that improvement
//! actions were planned for, before and after — each for the action's own
//! service, whatever the page's filter.

use std::collections::HashMap;

use ruamjai_domain::satisfaction::improvement::Source;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::stats::ScaleSummary;
use ruamjai_domain::satisfaction::tally::ALL_ITEMS;
use ruamjai_store::satisfaction::{Improvement, ReportFilter};

use ruamjai_docs::satisfaction::SurveyLabels;

use super::words::SurveyWords;
use crate::{App, Result};

/// The previous survey's report, read with the same service and group
/// (its months are its own).
pub struct Previous {
    pub id: i64,
    pub name: String,
    report: SatisfactionReport,
    actions: Vec<Planned>,
}

/// An action of the previous survey with its subject's figures then and
/// now, for the action's service (all services for a Center-wide action).
struct Planned {
    action: Improvement,
    before: Option<ScaleSummary>,
    now: Option<ScaleSummary>,
}

/// One line of figures then and now, ready to print.
pub struct Comparison {
    pub label: String,
    /// What the line is about, for an action's line: its item or dimension.
    pub subject: String,
    pub before: [String; 3],
    pub now: [String; 3],
    /// Change in points of satisfied %, dissatisfied % and mean.
    pub change: [String; 3],
}

/// Read only after the caller was found to read survey `id`: the survey
/// before it is the same series.
pub(super) async fn previous(app: &App, id: i64, filter: &ReportFilter) -> Result<Option<Previous>> {
    let Some(previous) = app.store().previous_survey(id).await? else { return Ok(None) };
    let same_people = ReportFilter { from: None, to: None, ..filter.clone() };
    let mut reports: HashMap<Option<String>, [SatisfactionReport; 2]> = HashMap::new();
    let mut actions = Vec::new();
    for action in app.store().improvements(Some(previous)).await? {
        let service = action.service_code.clone();
        if !reports.contains_key(&service) {
            let of_service = ReportFilter { service: service.clone(), ..ReportFilter::default() };
            let then = app.store().satisfaction_report(previous, &of_service).await?;
            let now = app.store().satisfaction_report(id, &of_service).await?;
            reports.insert(service.clone(), [then, now]);
        }
        let [then, now] = &reports[&service];
        let code = action.source_ref.as_str();
        let (before, now) = (then.summary_of(code).copied(), now.summary_of(code).copied());
        actions.push(Planned { action, before, now });
    }
    Ok(Some(Previous {
        id: previous,
        name: app.store().survey(previous).await?.name,
        report: app.store().satisfaction_report(previous, &same_people).await?,
        actions,
    }))
}

fn figures(summary: Option<&ScaleSummary>) -> [Option<f64>; 3] {
    summary.map_or([None; 3], |s| [s.satisfied_pct, s.dissatisfied_pct, s.mean])
}

fn compare(
    label: String,
    subject: String,
    before: Option<&ScaleSummary>,
    now: Option<&ScaleSummary>,
) -> Comparison {
    let (before, now) = (figures(before), figures(now));
    let print =
        |v: Option<f64>, decimals: usize| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.decimals$}"));
    let decimals = [1, 1, 2];
    let change = |k: usize| match (before[k], now[k]) {
        (Some(b), Some(n)) => format!("{:+.*}", decimals[k], n - b),
        _ => "—".to_owned(),
    };
    Comparison {
        label,
        subject,
        before: [0, 1, 2].map(|k| print(before[k], decimals[k])),
        now: [0, 1, 2].map(|k| print(now[k], decimals[k])),
        change: [0, 1, 2].map(change),
    }
}

impl Previous {
    /// Each dimension and the overall, then and now.
    pub fn dimensions(&self, now: &SatisfactionReport, words: &SurveyWords<'_>) -> Vec<Comparison> {
        now.dimensions
            .iter()
            .map(|d| d.dimension.as_str())
            .chain(std::iter::once(ALL_ITEMS))
            .map(|code| {
                compare(
                    words.dimension(code),
                    String::new(),
                    self.report.summary_of(code),
                    now.summary_of(code),
                )
            })
            .collect()
    }

    /// The previous survey's actions on an item or a dimension, with
    /// that item's or dimension's figures then and now for the action's
    /// service (the page's filter does not narrow them).
    pub fn actions(&self, words: &SurveyWords<'_>) -> Vec<Comparison> {
        self.actions
            .iter()
            .filter_map(|p| {
                let a = &p.action;
                let subject = match a.source {
                    Source::Item => words.item(&a.source_ref),
                    Source::Dimension => words.dimension(&a.source_ref),
                    Source::Comment => return None,
                };
                Some(compare(a.what.clone(), subject, p.before.as_ref(), p.now.as_ref()))
            })
            .collect()
    }
}
