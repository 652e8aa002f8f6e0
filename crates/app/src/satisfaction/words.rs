//! A survey report's words: what the page, its exports, its PDF and the
//! evidence pack call each item, dimension, group and band, and its chart.

use ruamjai_docs::chart::{Bar, StackedText, stacked_bars};
use ruamjai_docs::satisfaction::SurveyLabels;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::stats::ScaleSummary;
use ruamjai_i18n::{Locale, Names};
use ruamjai_store::satisfaction::Survey;

/// A survey report's words in the reader's language: its items and
/// dimensions from the survey's questionnaire, groups from the catalog.
pub struct SurveyWords<'a> {
    pub locale: Locale,
    pub catalog: &'a Catalog,
    pub survey: &'a Survey,
}

impl SurveyLabels for SurveyWords<'_> {
    fn text(&self, key: &str) -> String {
        self.locale.t(key)
    }

    fn item(&self, code: &str) -> String {
        let item = self.survey.questionnaire.item(code);
        item.map_or_else(|| code.to_owned(), |i| self.locale.pick(&i.text_th, &i.text_en).to_owned())
    }

    fn dimension(&self, code: &str) -> String {
        match self.survey.questionnaire.sections.iter().find(|s| s.code == code) {
            Some(s) => self.locale.pick(&s.title_th, &s.title_en).to_owned(),
            None => self.locale.t("survey-overall"),
        }
    }

    fn group(&self, code: &str) -> String {
        Names { locale: self.locale, catalog: self.catalog }.group(code)
    }

    fn band(&self, summary: &ScaleSummary) -> String {
        summary.band.map_or_else(|| "—".to_owned(), |b| self.locale.t(&format!("band-{}", b.code())))
    }
}

impl SurveyWords<'_> {
    /// Dissatisfied, neutral and satisfied shares per dimension and overall.
    pub fn dimension_chart(&self, report: &SatisfactionReport) -> String {
        let labels: Vec<String> = report
            .dimensions
            .iter()
            .chain(std::iter::once(&report.overall))
            .map(|d| self.dimension(&d.dimension))
            .collect();
        let bars: Vec<Bar<'_>> = report
            .dimensions
            .iter()
            .chain(std::iter::once(&report.overall))
            .zip(&labels)
            .map(|(d, label)| {
                let s = &d.summary.dist;
                Bar { label, parts: [s[0] + s[1], s[2], s[3] + s[4]] }
            })
            .collect();
        let (title, description) = (self.locale.t("survey-chart-title"), self.locale.t("survey-chart-desc"));
        let parts = ["survey-chart-dissatisfied", "survey-chart-neutral", "survey-chart-satisfied"]
            .map(|k| self.locale.t(k));
        let words = StackedText {
            title: &title,
            description: &description,
            parts: [&parts[0], &parts[1], &parts[2]],
        };
        stacked_bars(&bars, &words)
    }
}
