//! Milestone 2 documents: the printable sign-in sheet of an activity and the
//! fiscal year's activities report.

use ruamjai_domain::engagement::report::EngagementReport;
use rust_xlsxwriter::{Format, FormatBorder, Workbook};

use crate::DocError;
use crate::cells::{heading, number, text};

const COUNT: &str = "#,##0";
const PERCENT: &str = "0.0%";

/// A sign-in sheet: a title, then one row per person with an empty column
/// to sign in, bordered and tall enough to write in, on landscape A4 with
/// the heading repeated on every page.
pub fn sign_in_sheet(
    title: &str,
    subtitle: &str,
    headings: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, DocError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
    let boxed = Format::new().set_border(FormatBorder::Thin);
    sheet.write_string_with_format(
        0,
        0,
        crate::cells::neutralize(title).as_ref(),
        &Format::new().set_bold().set_font_size(14),
    )?;
    text(sheet, 1, 0, subtitle)?;
    heading(sheet, 3, headings, &bold)?;
    for (row, values) in (4_u32..).zip(rows) {
        sheet.set_row_height(row, 30)?;
        for col in 0..u16::try_from(headings.len()).unwrap_or(u16::MAX) {
            let value = values.get(usize::from(col)).map_or("", String::as_str);
            sheet.write_string_with_format(row, col, crate::cells::neutralize(value).as_ref(), &boxed)?;
        }
    }
    for (col, width) in (0_u16..).zip([6.0, 12.0, 28.0, 28.0, 24.0, 16.0, 24.0]) {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_landscape().set_paper_size(9).set_repeat_rows(3, 3)?.set_print_fit_to_pages(1, 0);
    Ok(workbook.save_to_buffer()?)
}

/// Words for the activities report.
pub trait ReportLabels {
    fn text(&self, key: &str) -> String;
    fn kind(&self, code: &str) -> String;
    fn division(&self, code: Option<&str>) -> String;
    fn group(&self, code: &str) -> String;
}

/// The fiscal year's activities report as one sheet of small tables.
pub fn report_xlsx(
    title: &str,
    report: &EngagementReport,
    labels: &dyn ReportLabels,
) -> Result<Vec<u8>, DocError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, crate::cells::neutralize(title).as_ref(), &bold)?;
    let mut row = 2;
    let totals = [
        ("engagement-held", report.held),
        ("engagement-planned", report.planned),
        ("engagement-cancelled", report.cancelled_or_postponed),
        ("engagement-follow-ups", report.follow_ups),
        ("engagement-follow-ups-done", report.follow_ups_done),
    ];
    for (key, value) in totals {
        text(sheet, row, 0, &labels.text(key))?;
        number(sheet, row, 1, value as f64, COUNT)?;
        row += 1;
    }
    text(sheet, row, 0, &labels.text("engagement-follow-up-completion"))?;
    if let Some(share) = report.follow_up_completion() {
        number(sheet, row, 1, share, PERCENT)?;
    }
    row += 2;
    let tables: [(&str, Vec<(String, i64)>); 3] = [
        ("engagement-by-kind", report.held_by_kind.iter().map(|(k, n)| (labels.kind(k), *n)).collect()),
        (
            "engagement-by-division",
            report.held_by_division.iter().map(|(d, n)| (labels.division(d.as_deref()), *n)).collect(),
        ),
        (
            "engagement-by-target-group",
            report.held_by_target_group.iter().map(|(g, n)| (labels.group(g), *n)).collect(),
        ),
    ];
    for (key, entries) in tables {
        heading(sheet, row, &[labels.text(key), labels.text("engagement-held")], &bold)?;
        row += 1;
        for (name, n) in entries {
            text(sheet, row, 0, &name)?;
            number(sheet, row, 1, n as f64, COUNT)?;
            row += 1;
        }
        row += 1;
    }
    let headings = [
        labels.text("engagement-attendance-by-group"),
        labels.text("engagement-registered"),
        labels.text("engagement-attended"),
        labels.text("engagement-attendance-rate"),
    ];
    heading(sheet, row, &headings, &bold)?;
    row += 1;
    for (group, attendance) in &report.attendance_by_group {
        text(sheet, row, 0, &labels.group(group))?;
        number(sheet, row, 1, attendance.registered as f64, COUNT)?;
        number(sheet, row, 2, attendance.attended as f64, COUNT)?;
        if attendance.registered > 0 {
            number(sheet, row, 3, attendance.attended as f64 / attendance.registered as f64, PERCENT)?;
        }
        row += 1;
    }
    sheet.set_column_width(0, 48)?;
    for col in 1..4 {
        sheet.set_column_width(col, 14)?;
    }
    Ok(workbook.save_to_buffer()?)
}
