//! A survey report as a workbook an evaluator can recompute (figures per
//! item, dimension and overall with real number formats, the sample per
//! group, and a chart of satisfied against dissatisfied per dimension), and
//! the figures as CSV.

use ruamjai_domain::satisfaction::report::SatisfactionReport;
use ruamjai_domain::satisfaction::stats::ScaleSummary;
use ruamjai_domain::satisfaction::tally::ALL_ITEMS;
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

use crate::DocError;
use crate::cells::{heading, neutralize, number, text};
use crate::list::list_csv;

/// The words of a survey report, in the reader's language.
pub trait SurveyLabels {
    /// A message by key (headings, sheet names).
    fn text(&self, key: &str) -> String;
    fn item(&self, code: &str) -> String;
    /// A dimension's title; [`ALL_ITEMS`] is "overall".
    fn dimension(&self, code: &str) -> String;
    fn group(&self, code: &str) -> String;
    /// The band of a mean, or "—".
    fn band(&self, summary: &ScaleSummary) -> String;
}

/// One line of figures: an item, a dimension or the overall.
struct Line<'a> {
    level: &'static str,
    code: &'a str,
    label: String,
    dimension: String,
    summary: &'a ScaleSummary,
    alpha: Option<f64>,
}

fn lines<'a>(report: &'a SatisfactionReport, labels: &dyn SurveyLabels) -> Vec<Line<'a>> {
    let items = report.items.iter().map(|i| Line {
        level: "item",
        code: &i.item,
        label: labels.item(&i.item),
        dimension: labels.dimension(&i.dimension),
        summary: &i.summary,
        alpha: None,
    });
    let dimensions = report.dimensions.iter().chain(std::iter::once(&report.overall)).map(|d| Line {
        level: if d.dimension == ALL_ITEMS { "overall" } else { "dimension" },
        code: &d.dimension,
        label: labels.dimension(&d.dimension),
        dimension: labels.dimension(&d.dimension),
        summary: &d.summary,
        alpha: d.alpha,
    });
    items.chain(dimensions).collect()
}

const HEADINGS: [&str; 18] = [
    "survey-export-level",
    "survey-export-code",
    "survey-item",
    "survey-dimension",
    "n",
    "scale-na",
    "5",
    "4",
    "3",
    "2",
    "1",
    "survey-mean",
    "S.D.",
    "survey-satisfied-short",
    "survey-dissatisfied-short",
    "survey-mean-pct",
    "survey-band",
    "α",
];

fn headings(labels: &dyn SurveyLabels) -> Vec<String> {
    HEADINGS.iter().map(|key| if key.contains('-') { labels.text(key) } else { (*key).to_owned() }).collect()
}

/// The figures as CSV (UTF-8 with a BOM, cells neutralized); empty cells
/// where a figure is undefined.
pub fn report_csv(report: &SatisfactionReport, labels: &dyn SurveyLabels) -> Vec<u8> {
    let fixed = |v: Option<f64>, decimals: usize| v.map_or_else(String::new, |v| format!("{v:.decimals$}"));
    let rows: Vec<Vec<String>> = lines(report, labels)
        .iter()
        .map(|l| {
            let s = l.summary;
            let mut row = vec![
                labels.text(&format!("survey-export-level-{}", l.level)),
                l.code.to_owned(),
                l.label.clone(),
                l.dimension.clone(),
                s.n.to_string(),
                s.na.to_string(),
            ];
            row.extend(s.dist.iter().rev().map(u64::to_string));
            row.extend([
                fixed(s.mean, 4),
                fixed(s.sd, 4),
                fixed(s.satisfied_pct, 2),
                fixed(s.dissatisfied_pct, 2),
                fixed(s.mean_pct, 2),
                labels.band(s),
                fixed(l.alpha, 4),
            ]);
            row
        })
        .collect();
    list_csv(&headings(labels), &rows)
}

/// The workbook: figures with a chart, then the sample per group.
pub fn report_xlsx(
    title: &str,
    report: &SatisfactionReport,
    labels: &dyn SurveyLabels,
) -> Result<Vec<u8>, DocError> {
    let mut workbook = Workbook::new();
    let figures_name = labels.text("survey-export-sheet-figures");
    let sheet = workbook.add_worksheet().set_name(&figures_name)?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, neutralize(title).as_ref(), &bold.clone().set_font_size(14))?;
    let summary = format!(
        "{}: {} · {}: {}",
        labels.text("survey-responses"),
        report.responses,
        labels.text("survey-dissatisfied-respondents"),
        report.dissatisfied_responses
    );
    text(sheet, 1, 0, &summary)?;
    let header = 3;
    heading(sheet, header, &headings(labels), &bold)?;
    let all = lines(report, labels);
    for (row, line) in (header + 1..).zip(&all) {
        write_line(sheet, row, line, labels)?;
    }
    sheet.set_freeze_panes(header + 1, 3)?;
    sheet.set_column_width(2, 48)?;
    sheet.set_column_width(3, 28)?;
    sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    let first_dimension = header + 1 + u32::try_from(report.items.len()).unwrap_or(0);
    let last_dimension = first_dimension + u32::try_from(report.dimensions.len()).unwrap_or(0);
    let mut chart = Chart::new(ChartType::Bar);
    chart.title().set_name(&labels.text("survey-export-chart"));
    for (column, key) in [(13_u16, "survey-satisfied-short"), (14, "survey-dissatisfied-short")] {
        chart
            .add_series()
            .set_name(&labels.text(key))
            .set_categories((figures_name.as_str(), first_dimension, 2, last_dimension, 2))
            .set_values((figures_name.as_str(), first_dimension, column, last_dimension, column));
    }
    chart.x_axis().set_min(0).set_max(100);
    sheet.insert_chart(last_dimension + 2, 2, &chart)?;
    groups_sheet(workbook.add_worksheet(), report, labels, &bold)?;
    Ok(workbook.save_to_buffer()?)
}

fn write_line(
    sheet: &mut Worksheet,
    row: u32,
    line: &Line<'_>,
    labels: &dyn SurveyLabels,
) -> Result<(), XlsxError> {
    let s = line.summary;
    text(sheet, row, 0, &labels.text(&format!("survey-export-level-{}", line.level)))?;
    text(sheet, row, 1, line.code)?;
    text(sheet, row, 2, &line.label)?;
    text(sheet, row, 3, &line.dimension)?;
    let counts = [s.n, s.na, s.dist[4], s.dist[3], s.dist[2], s.dist[1], s.dist[0]];
    for (col, count) in (4_u16..).zip(counts) {
        number(sheet, row, col, count as f64, "#,##0")?;
    }
    let figures = [
        (s.mean, "0.00"),
        (s.sd, "0.00"),
        (s.satisfied_pct, "0.0"),
        (s.dissatisfied_pct, "0.0"),
        (s.mean_pct, "0.0"),
    ];
    for (col, (value, format)) in (11_u16..).zip(figures) {
        if let Some(value) = value {
            number(sheet, row, col, value, format)?;
        }
    }
    text(sheet, row, 16, &labels.band(s))?;
    if let Some(alpha) = line.alpha {
        number(sheet, row, 17, alpha, "0.00")?;
    }
    Ok(())
}

fn groups_sheet(
    sheet: &mut Worksheet,
    report: &SatisfactionReport,
    labels: &dyn SurveyLabels,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(labels.text("survey-export-sheet-groups"))?;
    let keys =
        ["participate-group", "survey-population", "survey-required", "survey-achieved", "survey-adequate"];
    heading(sheet, 0, &keys.map(|k| labels.text(k)), bold)?;
    for (row, g) in (1_u32..).zip(&report.groups) {
        text(sheet, row, 0, &labels.group(&g.group))?;
        for (col, value) in [(1_u16, g.population), (2, g.required), (3, Some(g.achieved))] {
            if let Some(value) = value {
                number(sheet, row, col, value as f64, "#,##0")?;
            }
        }
        let adequate = match g.adequate() {
            Some(true) => labels.text("survey-adequate-yes"),
            Some(false) => labels.text("survey-adequate-no"),
            None => String::new(),
        };
        text(sheet, row, 4, &adequate)?;
    }
    sheet.set_column_width(0, 36)?;
    Ok(())
}
