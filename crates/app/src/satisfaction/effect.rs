//! What an improvement action changed, on its own terms: the finding's
//! item or dimension, for the action's own service, in the survey that
//! found it against the next survey that measured that service again —
//! the mean and the dissatisfied share, before and after.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use ruamjai_domain::satisfaction::improvement::Source;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::stats::ScaleSummary;
use ruamjai_store::satisfaction::{Improvement, ReportFilter};

use crate::{App, Result};

/// An item's or dimension's figures in one survey, for one service.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Answers 1–5.
    pub answers: u64,
    pub mean: Option<f64>,
    pub dissatisfied_pct: Option<f64>,
}

impl From<&ScaleSummary> for Figures {
    fn from(s: &ScaleSummary) -> Self {
        Self { answers: s.n, mean: s.mean, dissatisfied_pct: s.dissatisfied_pct }
    }
}

/// A later survey that measured the action's subject again.
#[derive(Debug, Clone, PartialEq)]
pub struct Remeasured {
    pub survey_id: i64,
    pub survey: String,
    pub after: Figures,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// From a survey's item or dimension: its figures then, and in the
    /// next survey that measured it for the service, once one has.
    Measured { before: Figures, after: Option<Remeasured> },
    /// From a comment, or on its own: no figure to follow.
    NotMeasurable,
}

impl Effect {
    /// Mean points gained and dissatisfied points lost, once re-measured.
    pub fn change(&self) -> Option<(f64, f64)> {
        let Self::Measured { before, after: Some(later) } = self else { return None };
        let mean = later.after.mean? - before.mean?;
        let dissatisfied = later.after.dissatisfied_pct? - before.dissatisfied_pct?;
        Some((mean, dissatisfied))
    }
}

/// Reports read once per survey and service however many actions ask.
struct Reports<'a> {
    app: &'a App,
    read: HashMap<(i64, Option<String>), SatisfactionReport>,
}

impl Reports<'_> {
    async fn figures(&mut self, survey: i64, service: Option<&str>, code: &str) -> Result<Option<Figures>> {
        let key = (survey, service.map(str::to_owned));
        if !self.read.contains_key(&key) {
            let filter = ReportFilter { service: key.1.clone(), ..ReportFilter::default() };
            let report = self.app.store().satisfaction_report(survey, &filter).await?;
            self.read.insert(key.clone(), report);
        }
        let summary = self.read.get(&key).and_then(|r| r.summary_of(code));
        Ok(summary.filter(|s| s.n > 0).map(Figures::from))
    }
}

/// The effect of each action, in order. The caller has read the actions.
pub async fn effects(app: &App, actions: &[Improvement]) -> Result<Vec<Effect>> {
    let mut reports = Reports { app, read: HashMap::new() };
    let mut later: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    let mut effects = Vec::with_capacity(actions.len());
    for action in actions {
        let (Some(survey), Source::Item | Source::Dimension) = (action.survey_id, action.source) else {
            effects.push(Effect::NotMeasurable);
            continue;
        };
        let (service, code) = (action.service_code.as_deref(), action.source_ref.as_str());
        let Some(before) = reports.figures(survey, service, code).await? else {
            effects.push(Effect::NotMeasurable);
            continue;
        };
        let next = match later.entry(survey) {
            Entry::Occupied(kept) => kept.into_mut(),
            Entry::Vacant(slot) => slot.insert(later_named(app, survey).await?),
        };
        let mut after = None;
        for (id, name) in next.iter() {
            if let Some(figures) = reports.figures(*id, service, code).await? {
                after = Some(Remeasured { survey_id: *id, survey: name.clone(), after: figures });
                break;
            }
        }
        effects.push(Effect::Measured { before, after });
    }
    Ok(effects)
}

/// The surveys after `survey` on its questionnaire, the next first, with their names.
async fn later_named(app: &App, survey: i64) -> Result<Vec<(i64, String)>> {
    let mut named = Vec::new();
    for id in app.store().later_surveys(survey).await? {
        named.push((id, app.store().survey(id).await?.name));
    }
    Ok(named)
}

fn mean_text(f: &Figures) -> String {
    f.mean.map_or_else(|| "—".to_owned(), |m| format!("{m:.2}"))
}

fn dissatisfied_text(f: &Figures) -> String {
    f.dissatisfied_pct.map_or_else(|| "—".to_owned(), |p| format!("{p:.1}"))
}

impl Effect {
    /// The effect as one sentence in `locale`: the mean and the dissatisfied
    /// share before and after, or that it waits to be measured again;
    /// `None` for an action no figure follows (one from a comment).
    pub fn sentence(&self, locale: ruamjai_i18n::Locale) -> Option<String> {
        let Self::Measured { before, after } = self else { return None };
        let then = [
            ("before_mean", mean_text(before).into()),
            ("before_dissatisfied", dissatisfied_text(before).into()),
        ];
        Some(match after {
            Some(later) => {
                let now = [
                    ("survey", later.survey.clone().into()),
                    ("after_mean", mean_text(&later.after).into()),
                    ("after_dissatisfied", dissatisfied_text(&later.after).into()),
                ];
                locale.ta("improvement-effect-remeasured", &[then.as_slice(), now.as_slice()].concat())
            }
            None => locale.ta("improvement-effect-pending", &then),
        })
    }
}
