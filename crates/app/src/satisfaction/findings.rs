//! What a survey found, read once for its page, its PDF and the evidence
//! pack: the report under a filter, the words of the dissatisfied with
//! their most frequent terms, the actions planned from it, and the survey
//! before it on the same questionnaire.

use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::terms::{DimensionTerms, DissatisfiedComment, top_terms};
use ruamjai_store::satisfaction::{Improvement, ReportFilter, Survey};

use super::trend::{self, Previous};
use super::{improvements, surveys};
use crate::{App, Caller, Result};

/// How many of the newest dissatisfied respondents the term counts read:
/// enough to be representative, few enough to read on every page view.
pub const COMMENTS_READ: u32 = 5_000;
/// Terms kept per dimension.
pub const TERMS_SHOWN: usize = 10;

pub struct Findings {
    pub survey: Survey,
    pub report: SatisfactionReport,
    /// The newest dissatisfied respondents (at most [`COMMENTS_READ`]).
    pub comments: Vec<DissatisfiedComment>,
    pub terms: Vec<DimensionTerms>,
    pub actions: Vec<Improvement>,
    pub previous: Option<Previous>,
}

#[tracing::instrument(skip(app, caller, filter))]
pub async fn of(app: &App, caller: &Caller, id: i64, filter: &ReportFilter) -> Result<Findings> {
    let survey = surveys::of(app, caller, id).await?;
    let report = surveys::report(app, caller, id, filter).await?;
    let comments = app.store().dissatisfied_comments(id, filter, COMMENTS_READ).await?;
    let terms = top_terms(&survey.questionnaire, &comments, TERMS_SHOWN);
    let actions = improvements::list(app, caller, Some(id)).await?;
    let previous = trend::previous(app, id, filter).await?;
    Ok(Findings { survey, report, comments, terms, actions, previous })
}
