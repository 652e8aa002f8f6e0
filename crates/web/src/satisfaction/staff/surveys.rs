//! Staff read a survey survey's report: satisfaction and
//! dissatisfaction per item, dimension and overall, with alpha and sample
//! adequacy per group, filtered by service, group and month.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::satisfaction::findings::{self, Findings};
use ruamjai_app::satisfaction::surveys;
use ruamjai_app::satisfaction::trend::Comparison;
use ruamjai_app::satisfaction::words::SurveyWords;
use ruamjai_domain::accounts::policy::Action;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::stats::ScaleSummary;
use ruamjai_domain::satisfaction::survey::Mode;
use ruamjai_domain::satisfaction::terms::{DimensionTerms, DissatisfiedComment};
use ruamjai_store::satisfaction::{Improvement, Survey};
use serde::Deserialize;

pub use super::filter::FilterQuery;
use super::invitations::{RuleRow, rule_rows};
use crate::auth::session::Staff;
use crate::kit::Names;
use crate::kit::{NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/surveys/{id}", get(report))
}

#[derive(Template)]
#[template(path = "satisfaction/staff/survey.html")]
struct ReportTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    names: Names<'a>,
    c: Survey,
    query: FilterQuery,
    report: SatisfactionReport,
    public_url: String,
    qr: String,
    /// How many paper responses the last import took, shown once.
    imported: Option<usize>,
    /// Links mailed and recipients skipped by the last mailing, shown once.
    mailed: Option<(usize, usize)>,
    /// Lines of the address list that are not addresses: (line, text, reason).
    token_errors: Vec<(usize, String, String)>,
    paper_errors: Vec<PaperError>,
    paper_file_error: Option<String>,
    /// How each service invites the people whose requests were resolved (token surveys).
    rules: Vec<RuleRow>,
    rule_errors: Vec<(String, String)>,
    rules_saved: bool,
    can_write: bool,
    actions: Vec<Improvement>,
    /// Dissatisfied respondents read for the terms (the newest `findings::COMMENTS_READ`).
    comments_read: usize,
    terms: Vec<DimensionTerms>,
    /// The newest dissatisfied respondents who wrote something.
    comments: Vec<DissatisfiedComment>,
    /// Shares per dimension as SVG (the tables below hold the same figures).
    chart: String,
    /// The filter as a query string, for the export links.
    filter_query: String,
    /// The survey before, on the same questionnaire: (id, name).
    previous: Option<(i64, String)>,
    trend: Vec<Comparison>,
    before_after: Vec<Comparison>,
}

/// How many comments the page lists.
const COMMENTS_SHOWN: usize = 20;

/// A wrong cell of a paper import, in the reader's language.
pub(super) struct PaperError {
    pub(super) row: usize,
    pub(super) column: String,
    pub(super) value: String,
    pub(super) reason: String,
}

impl ReportTemplate<'_> {
    fn item_text(&self, code: &str) -> String {
        self.c
            .questionnaire
            .item(code)
            .map_or_else(|| code.to_owned(), |i| self.page.pick(&i.text_th, &i.text_en).to_owned())
    }

    fn dimension_title(&self, code: &str) -> String {
        match self.c.questionnaire.sections.iter().find(|s| s.code == code) {
            Some(s) => self.page.pick(&s.title_th, &s.title_en).to_owned(),
            None => self.page.t("survey-overall"),
        }
    }

    fn fixed(&self, value: &Option<f64>, decimals: usize) -> String {
        value.map_or_else(|| "—".to_owned(), |v| format!("{v:.decimals$}"))
    }

    fn band(&self, summary: &ScaleSummary) -> String {
        summary.band.map_or_else(|| "—".to_owned(), |b| self.page.t(&format!("band-{}", b.code())))
    }

    fn mailed_line(&self) -> Option<String> {
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX).into();
        self.mailed.map(|(sent, skipped)| {
            self.page.locale.ta("survey-links-mailed", &[("sent", count(sent)), ("skipped", count(skipped))])
        })
    }

    fn takes_tokens(&self) -> bool {
        self.c.mode == Mode::Token
    }

    fn rule_error(&self, field: &str) -> Option<&str> {
        self.rule_errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }

    fn imported_line(&self) -> Option<String> {
        self.imported.map(|n| self.page.ta_count("survey-paper-imported", n))
    }

    fn comments_line(&self) -> String {
        self.page.ta_count("survey-comments-read", self.comments_read)
    }

    fn terms_respondents(&self, terms: &DimensionTerms) -> String {
        self.page
            .ta_count("survey-terms-respondents", usize::try_from(terms.respondents).unwrap_or(usize::MAX))
    }

    fn low_dimensions(&self, comment: &DissatisfiedComment) -> String {
        let titles: Vec<String> = comment
            .low_dimensions(&self.c.questionnaire)
            .into_iter()
            .map(|d| self.dimension_title(d))
            .collect();
        titles.join(", ")
    }

    fn dissatisfied_share(&self) -> String {
        match self.report.responses {
            0 => "—".to_owned(),
            n => format!("{:.1}%", 100.0 * self.report.dissatisfied_responses as f64 / n as f64),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct ImportedQuery {
    imported: Option<usize>,
    /// How many links the last mailing sent, and skipped.
    mailed: Option<usize>,
    skipped: Option<usize>,
    /// The invitation rules were just saved.
    #[serde(default)]
    rules_saved: bool,
}

async fn report(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<FilterQuery>,
    Query(done): Query<ImportedQuery>,
) -> Result<Response, AppError> {
    let mailed = done.mailed.map(|n| (n, done.skipped.unwrap_or(0)));
    let shown = Shown { imported: done.imported, mailed, rules_saved: done.rules_saved, ..Shown::default() };
    render_report(&state, &page, &staff, id, query, shown).await
}

/// Invitation rules as typed, with (field, message) errors.
pub(super) type TypedRules = (Vec<RuleRow>, Vec<(String, String)>);

/// What differs between the ways the report page is shown.
#[derive(Default)]
pub(super) struct Shown {
    pub(super) imported: Option<usize>,
    pub(super) mailed: Option<(usize, usize)>,
    pub(super) token_errors: Vec<(usize, String, String)>,
    pub(super) paper_errors: Vec<PaperError>,
    pub(super) paper_file_error: Option<String>,
    pub(super) rules_saved: bool,
    /// The invitation rules as typed, when refused, with their errors.
    pub(super) typed_rules: Option<TypedRules>,
}

pub(super) async fn render_report(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    id: i64,
    query: FilterQuery,
    shown: Shown,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let filter = query.filter()?;
    let Findings { survey, report, comments, terms, actions, previous } =
        findings::of(&state.app, &caller, id, &filter).await?;
    let catalog = state.catalog().await?;
    let public_url = surveys::public_link(&state.app, id);
    let failed = !shown.paper_errors.is_empty()
        || shown.paper_file_error.is_some()
        || !shown.token_errors.is_empty()
        || shown.typed_rules.is_some();
    let (rules, rule_errors) = match shown.typed_rules {
        Some(typed) => typed,
        None if survey.mode == Mode::Token => (rule_rows(state, &survey).await?, Vec::new()),
        None => Default::default(),
    };
    let words = SurveyWords { locale: page.locale, catalog: &catalog, survey: &survey };
    let chart = words.dimension_chart(&report);
    let (trend, before_after) = previous
        .as_ref()
        .map_or_else(Default::default, |p| (p.dimensions(&report, &words), p.actions(&words)));
    let previous = previous.map(|p| (p.id, p.name));
    let filter_query = query.as_query_string();
    let can_write = surveys::allows(&state.app, &caller, &survey, Action::Write).await?;
    let template = ReportTemplate {
        page,
        nav: nav_for(staff),
        chart,
        filter_query,
        previous,
        trend,
        before_after,
        names: Names { locale: page.locale, catalog: &catalog },
        qr: ruamjai_docs::qr::svg(&public_url, 160).unwrap_or_default(),
        public_url,
        c: survey,
        query,
        report,
        imported: shown.imported,
        mailed: shown.mailed,
        token_errors: shown.token_errors,
        paper_errors: shown.paper_errors,
        paper_file_error: shown.paper_file_error,
        rules,
        rule_errors,
        rules_saved: shown.rules_saved,
        can_write,
        actions,
        comments_read: comments.len(),
        terms,
        comments: comments.into_iter().filter(|c| !c.texts.is_empty()).take(COMMENTS_SHOWN).collect(),
    };
    let status = if failed { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    page.render_with_status(status, &template)
}
