//! The survey report as a formal document: the same figures as the report
//! page (per dimension with alpha, per item, the weakest items, sample
//! adequacy, the words of dissatisfied respondents, the trend and the
//! improvement actions), laid out for a director's desk.

use ruamjai_docs::satisfaction::SurveyLabels;
use ruamjai_domain::calendar::{DateStyle, format_date};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::stats::ScaleSummary;
use ruamjai_domain::satisfaction::tally::ALL_ITEMS;
use ruamjai_i18n::{Locale, Names};
use ruamjai_pdf::documents::report::{Bar, Chart, Report, Row, Table, Width};
use ruamjai_store::satisfaction::{Improvement, ReportFilter, Survey};
use time::OffsetDateTime;

use super::findings::Findings;
use super::trend::Comparison;
use super::words::SurveyWords;

/// Items listed as the weakest.
const WEAKEST: usize = 5;

/// The survey's findings as a formal document in `locale`. `months` is the
/// range of months the filter took, as the reader asked for it.
pub fn document(
    found: &Findings,
    locale: Locale,
    catalog: &Catalog,
    filter: &ReportFilter,
    months: Option<&str>,
    issued: OffsetDateTime,
) -> Report {
    let (survey, report) = (&found.survey, &found.report);
    let words = SurveyWords { locale, catalog, survey };
    let names = Names { locale, catalog };
    let trend = found.previous.as_ref().map(|p| (p.name.clone(), p.dimensions(report, &words)));
    let overall_terms = found.terms.iter().find(|t| t.dimension == ALL_ITEMS);
    let mut tables = vec![
        dimensions_table(&words, report),
        items_table(&words, report),
        weakest_table(&words, report),
        groups_table(&words, report),
    ];
    let read = i64::try_from(found.comments.len()).unwrap_or(i64::MAX);
    tables.push(Table {
        heading: locale.t("survey-comments"),
        columns: vec![locale.t("survey-pdf-term"), locale.t("survey-pdf-term-respondents")],
        widths: vec![Width::Share(1.0), Width::Cm(3.5)],
        rows: overall_terms
            .map(|t| t.terms.iter().map(|c| row([c.term.clone(), c.respondents.to_string()])).collect())
            .unwrap_or_default(),
        empty: locale.t("survey-pdf-no-comments"),
        note: locale.ta("survey-comments-read", &[("count", read.into())]),
    });
    if let Some((name, lines)) = trend {
        tables.push(trend_table(locale, &name, &lines));
    }
    tables.push(actions_table(locale, &names, &found.actions));
    Report {
        organization: locale.t("office-name"),
        title: locale.t("survey-pdf-title"),
        subtitle: survey.name.clone(),
        facts: facts(locale, &names, survey, report, filter, months),
        chart: Some(chart(&words, report)),
        tables,
        notes: vec![locale.t("survey-pct-explained"), locale.t("survey-pdf-alpha-note")],
        issued: locale.ta(
            "survey-pdf-issued",
            &[("when", format_date(issued, DateStyle::Long, locale == Locale::Th).into())],
        ),
    }
}

fn row<const N: usize>(cells: [String; N]) -> Row {
    Row { cells: cells.into(), strong: false }
}

fn fixed(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.decimals$}"))
}

fn facts(
    locale: Locale,
    names: &Names<'_>,
    survey: &Survey,
    report: &SatisfactionReport,
    filter: &ReportFilter,
    months: Option<&str>,
) -> Vec<(String, String)> {
    let thai = locale == Locale::Th;
    let date = |at| format_date(at, DateStyle::Long, thai);
    let or_all = |value: &Option<String>, name: &dyn Fn(&str) -> String| {
        value.as_deref().map_or_else(|| locale.t("survey-all"), name)
    };
    let mut facts = vec![
        (locale.t("activities-fiscal-year"), survey.fiscal_year.to_string()),
        (locale.t("survey-window"), format!("{} – {}", date(survey.opens_at), date(survey.closes_at))),
        (locale.t("survey-service-used"), or_all(&filter.service, &|c| names.service(c))),
        (locale.t("participate-group"), or_all(&filter.group, &|c| names.group(c))),
    ];
    if let Some(months) = months {
        facts.push((locale.t("survey-pdf-months"), months.to_owned()));
    }
    let dissatisfied = match report.responses {
        0 => "—".to_owned(),
        n => format!(
            "{} ({:.1}%)",
            report.dissatisfied_responses,
            100.0 * report.dissatisfied_responses as f64 / n as f64
        ),
    };
    facts.push((locale.t("survey-responses"), report.responses.to_string()));
    facts.push((locale.t("survey-dissatisfied-respondents"), dissatisfied));
    facts
}

/// Dissatisfied, neutral and satisfied shares per dimension and overall.
fn chart(words: &SurveyWords<'_>, report: &SatisfactionReport) -> Chart {
    let bars = report
        .dimensions
        .iter()
        .chain(std::iter::once(&report.overall))
        .map(|d| {
            let s = &d.summary.dist;
            let parts = [s[0] + s[1], s[2], s[3] + s[4]];
            let total = parts.iter().sum::<u64>().max(1) as f64;
            Bar { label: words.dimension(&d.dimension), shares: parts.map(|p| 100.0 * p as f64 / total) }
        })
        .collect();
    Chart {
        heading: words.text("survey-chart-title"),
        legend: ["survey-chart-dissatisfied", "survey-chart-neutral", "survey-chart-satisfied"]
            .map(|k| words.text(k)),
        bars,
    }
}

/// The figures of one line: n, mean, SD, satisfied %, dissatisfied %, band.
fn figures(words: &SurveyWords<'_>, s: &ScaleSummary) -> [String; 6] {
    [
        s.n.to_string(),
        fixed(s.mean, 2),
        fixed(s.sd, 2),
        fixed(s.satisfied_pct, 1),
        fixed(s.dissatisfied_pct, 1),
        words.band(s),
    ]
}

fn figure_columns(words: &SurveyWords<'_>, first: &str) -> Vec<String> {
    [
        first,
        "survey-pdf-n",
        "survey-mean",
        "survey-pdf-sd",
        "survey-satisfied-short",
        "survey-dissatisfied-short",
        "survey-band",
    ]
    .iter()
    .map(|k| words.text(k))
    .collect()
}

fn figure_widths() -> Vec<Width> {
    // Wide enough for the longest word of each heading ("ไม่พึงพอใจ").
    vec![
        Width::Share(1.0),
        Width::Cm(1.2),
        Width::Cm(1.6),
        Width::Cm(1.3),
        Width::Cm(1.9),
        Width::Cm(2.2),
        Width::Cm(2.0),
    ]
}

fn dimensions_table(words: &SurveyWords<'_>, report: &SatisfactionReport) -> Table {
    let mut columns = figure_columns(words, "survey-dimension");
    columns.push("alpha".to_owned());
    let mut widths = figure_widths();
    widths.push(Width::Cm(1.3));
    let rows = report
        .dimensions
        .iter()
        .chain(std::iter::once(&report.overall))
        .map(|d| {
            let mut cells = vec![words.dimension(&d.dimension)];
            cells.extend(figures(words, &d.summary));
            cells.push(fixed(d.alpha, 2));
            Row { cells, strong: d.dimension == ALL_ITEMS }
        })
        .collect();
    Table {
        heading: words.text("survey-dimensions"),
        columns,
        widths,
        rows,
        empty: String::new(),
        note: String::new(),
    }
}

fn items_table(words: &SurveyWords<'_>, report: &SatisfactionReport) -> Table {
    let mut rows = Vec::new();
    for dimension in &report.dimensions {
        rows.push(Row { cells: vec![words.dimension(&dimension.dimension)], strong: true });
        for item in report.items.iter().filter(|i| i.dimension == dimension.dimension) {
            let mut cells = vec![words.item(&item.item)];
            cells.extend(figures(words, &item.summary));
            rows.push(row_of(cells));
        }
    }
    Table {
        heading: words.text("survey-items"),
        columns: figure_columns(words, "survey-item"),
        widths: figure_widths(),
        rows,
        empty: String::new(),
        note: String::new(),
    }
}

fn row_of(cells: Vec<String>) -> Row {
    Row { cells, strong: false }
}

fn weakest_table(words: &SurveyWords<'_>, report: &SatisfactionReport) -> Table {
    let rows = report
        .weakest(WEAKEST)
        .into_iter()
        .map(|i| row([words.item(&i.item), fixed(i.summary.dissatisfied_pct, 1), fixed(i.summary.mean, 2)]))
        .collect();
    Table {
        heading: words.text("survey-weakest"),
        columns: vec![
            words.text("survey-item"),
            words.text("survey-dissatisfied-short"),
            words.text("survey-mean"),
        ],
        widths: vec![Width::Share(1.0), Width::Cm(2.2), Width::Cm(1.8)],
        rows,
        empty: words.text("survey-pdf-no-answers"),
        note: String::new(),
    }
}

fn groups_table(words: &SurveyWords<'_>, report: &SatisfactionReport) -> Table {
    let count = |v: Option<u64>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
    let rows = report
        .groups
        .iter()
        .map(|g| {
            let adequate = match g.adequate() {
                Some(true) => words.text("survey-adequate-yes"),
                Some(false) => words.text("survey-adequate-no"),
                None => "—".to_owned(),
            };
            row([
                words.group(&g.group),
                count(g.population),
                count(g.required),
                g.achieved.to_string(),
                adequate,
            ])
        })
        .collect();
    Table {
        heading: words.text("survey-sample"),
        columns: [
            "participate-group",
            "survey-population",
            "survey-required",
            "survey-achieved",
            "survey-adequate",
        ]
        .iter()
        .map(|k| words.text(k))
        .collect(),
        widths: vec![Width::Share(1.0), Width::Cm(2.2), Width::Cm(1.8), Width::Cm(1.8), Width::Cm(2.4)],
        rows,
        empty: String::new(),
        note: String::new(),
    }
}

fn trend_table(locale: Locale, previous: &str, lines: &[Comparison]) -> Table {
    let pair = |f: &[String; 3]| format!("{} / {}", f[0], f[1]);
    Table {
        heading: locale.t("survey-trend"),
        columns: vec![
            locale.t("survey-dimension"),
            locale.t("survey-before"),
            locale.t("survey-now"),
            locale.t("survey-change"),
        ],
        widths: vec![Width::Share(1.0), Width::Cm(2.6), Width::Cm(2.6), Width::Cm(3.0)],
        rows: lines
            .iter()
            .map(|l| row([l.label.clone(), pair(&l.before), pair(&l.now), pair(&l.change)]))
            .collect(),
        empty: String::new(),
        note: locale.ta("survey-pdf-trend-note", &[("previous", previous.to_owned().into())]),
    }
}

fn actions_table(locale: Locale, names: &Names<'_>, actions: &[Improvement]) -> Table {
    let thai = locale == Locale::Th;
    let rows = actions
        .iter()
        .map(|a| {
            let owner = match &a.division_code {
                Some(division) => format!("{} ({})", a.owner, names.division(division)),
                None => a.owner.clone(),
            };
            row([
                a.what.clone(),
                owner,
                format_date(ruamjai_domain::calendar::bangkok_midnight(a.due_on), DateStyle::Short, thai),
                locale.t(&format!("improvement-status-{}", a.status.code())),
                format!("{}%", a.progress),
            ])
        })
        .collect();
    Table {
        heading: locale.t("improvements-title"),
        columns: [
            "improvement-what",
            "follow-up-owner",
            "follow-up-due",
            "activity-field-status",
            "improvement-progress",
        ]
        .iter()
        .map(|k| locale.t(k))
        .collect(),
        widths: vec![
            Width::Share(1.0),
            Width::Share(0.7),
            Width::Cm(2.2),
            Width::Share(0.45),
            Width::Cm(2.1),
        ],
        rows,
        empty: locale.t("improvements-none"),
        note: String::new(),
    }
}
