//! The scorecard as a workbook: every indicator of the year with its weight,
//! result, score and weighted score beside the evaluating committee's, the
//! composites, and each milestone step
//! with what it still lacks — the figures as numbers, four places shown.

use ruamjai_domain::kpi::score::Weighted;
use ruamjai_domain::kpi::{Decimal, Evaluation};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::cells::{heading, number, text};
use crate::{DocError, Labels};

const FIGURE: &str = "0.0000";

/// What a step lacks, in the reader's words, by indicator and step (the
/// caller renders them; the workbook only lays them out).
pub type Gaps<'a> = &'a dyn Fn(&str, u8) -> Vec<String>;

/// The evaluation as an `.xlsx` file.
pub fn scorecard_xlsx(
    evaluation: &Evaluation,
    labels: &dyn Labels,
    gaps: Gaps<'_>,
) -> Result<Vec<u8>, DocError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    scorecard(workbook.add_worksheet(), evaluation, labels, &bold)?;
    steps(workbook.add_worksheet(), evaluation, labels, gaps, &bold)?;
    Ok(workbook.save_to_buffer()?)
}

fn figure(value: Decimal) -> f64 {
    // Exact in four places: the cell shows the decimal as computed.
    value.ten_thousandths() as f64 / 10_000.0
}

fn scorecard(
    sheet: &mut Worksheet,
    evaluation: &Evaluation,
    labels: &dyn Labels,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(labels.text("kpi-scorecard-title"))?;
    sheet.set_column_width(1, 60)?;
    let title = format!("{} {}", labels.text("kpi-scorecard-title"), evaluation.fiscal_year.be());
    sheet.write_string_with_format(0, 0, &title, bold)?;
    text(sheet, 1, 0, &format!("{} {}", labels.text("kpi-as-of"), evaluation.as_of))?;
    let headings = [
        "kpi-indicator",
        "kpi-name",
        "kpi-weight",
        "kpi-result",
        "kpi-score",
        "kpi-weighted",
        "kpi-committee-score-column",
        "kpi-committee-weighted-column",
        "kpi-committee-round-column",
    ];
    heading(sheet, 3, &headings.map(|k| labels.text(k)), bold)?;
    let mut row = 4;
    for result in &evaluation.indicators {
        let i = &result.indicator;
        text(sheet, row, 0, &i.code)?;
        text(sheet, row, 1, &i.name_th)?;
        number(sheet, row, 2, figure(i.weight), FIGURE)?;
        match (result.level, result.value) {
            (Some(level), _) => number(sheet, row, 3, f64::from(level), "0")?,
            (None, Some(value)) => number(sheet, row, 3, figure(value), FIGURE)?,
            (None, None) => text(sheet, row, 3, "—")?,
        }
        number(sheet, row, 4, figure(result.score), FIGURE)?;
        number(sheet, row, 5, figure(result.weighted().points()), FIGURE)?;
        if let Some(committee) = &result.committee {
            let weighted = Weighted { weight: i.weight, score: committee.score }.points();
            number(sheet, row, 6, figure(committee.score), FIGURE)?;
            number(sheet, row, 7, figure(weighted), FIGURE)?;
            number(sheet, row, 8, f64::from(committee.round.months()), "0")?;
        }
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 1, labels.text("kpi-composite"), bold)?;
    number(sheet, row, 2, figure(evaluation.weights()), FIGURE)?;
    match evaluation.composite() {
        Some(composite) => number(sheet, row, 4, figure(composite), FIGURE)?,
        None => text(sheet, row, 4, "—")?,
    }
    match evaluation.committee_composite() {
        Some(composite) => number(sheet, row, 6, figure(composite), FIGURE)?,
        None => text(sheet, row, 6, "—")?,
    }
    if !evaluation.weights_add_up() {
        text(
            sheet,
            row + 1,
            1,
            &format!("{} {} %", labels.text("kpi-weights-warning"), evaluation.weights().trimmed()),
        )?;
    }
    Ok(())
}

fn steps(
    sheet: &mut Worksheet,
    evaluation: &Evaluation,
    labels: &dyn Labels,
    gaps: Gaps<'_>,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(labels.text("kpi-steps"))?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(5, 80)?;
    let headings =
        ["kpi-indicator", "kpi-step", "kpi-criterion", "kpi-result", "kpi-judged-by", "kpi-missing"];
    heading(sheet, 0, &headings.map(|k| labels.text(k)), bold)?;
    let mut row = 1;
    for result in &evaluation.indicators {
        let ruamjai_domain::kpi::Kind::Milestone { steps: definitions, .. } = &result.indicator.kind else {
            continue;
        };
        for (step, definition) in result.steps.iter().zip(definitions) {
            text(sheet, row, 0, &result.indicator.code)?;
            number(sheet, row, 1, f64::from(step.number), "0")?;
            text(sheet, row, 2, &definition.criterion_th)?;
            text(sheet, row, 3, &labels.text(if step.met { "kpi-met" } else { "kpi-not-met" }))?;
            let judged = match &step.sign_off {
                Some(s) => format!("{} {} — {}", labels.text("kpi-signed-off"), s.by, s.reason),
                None => labels.text("kpi-by-rule"),
            };
            text(sheet, row, 4, &judged)?;
            text(sheet, row, 5, &gaps(&result.indicator.code, step.number).join("\n"))?;
            row += 1;
        }
    }
    Ok(())
}
