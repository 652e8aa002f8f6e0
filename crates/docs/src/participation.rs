//! The participation report as a workbook: a summary for executives, counts
//! by month, service and group, and the full cross-tabulation as a flat table
//! that Excel's filters and pivot tables take as it is.

use ruamjai_domain::participation::Kind;
use ruamjai_domain::participation::report::{DurationStats, Report};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::cells::{heading, number, text};
use crate::{DocError, Labels};

const COUNT: &str = "#,##0";
const DAYS: &str = "0.0";
const PERCENT: &str = "0.0%";

/// The report as an `.xlsx` file.
pub fn report_xlsx(report: &Report, labels: &dyn Labels) -> Result<Vec<u8>, DocError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    summary(workbook.add_worksheet(), report, labels, &bold)?;
    by_month(workbook.add_worksheet(), report, labels, &bold)?;
    totals(
        workbook.add_worksheet(),
        &labels.text("report-sheet-services"),
        &labels.text("participate-service"),
        report.by_service.iter().map(|(code, n)| (labels.service(code.as_deref()), *n)),
        labels,
        &bold,
    )?;
    totals(
        workbook.add_worksheet(),
        &labels.text("report-sheet-groups"),
        &labels.text("participate-group"),
        report.by_group.iter().map(|(code, n)| (labels.group(code), *n)),
        labels,
        &bold,
    )?;
    cross_tab(workbook.add_worksheet(), report, labels, &bold)?;
    Ok(workbook.save_to_buffer()?)
}

fn summary(
    sheet: &mut Worksheet,
    report: &Report,
    labels: &dyn Labels,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(labels.text("report-sheet-summary"))?;
    sheet.set_column_width(0, 48)?;
    sheet.set_column_width(1, 16)?;
    sheet.set_column_width(2, 16)?;
    sheet.write_string_with_format(0, 0, labels.text("report-title"), bold)?;
    text(sheet, 1, 0, &labels.text("report-period"))?;
    text(sheet, 1, 1, &report.period.code())?;
    let mut row = 3;
    for (key, value) in [("report-total", report.total), ("report-open", report.open)] {
        text(sheet, row, 0, &labels.text(key))?;
        number(sheet, row, 1, value as f64, COUNT)?;
        row += 1;
    }
    row += 1;
    heading(sheet, row, &[String::new(), labels.text("report-median"), labels.text("report-p90")], bold)?;
    row += 1;
    for (key, stats) in
        [("report-first-reply-days", report.first_reply), ("report-resolution-days", report.resolution)]
    {
        duration_row(sheet, row, &labels.text(key), stats)?;
        row += 1;
    }
    row += 1;
    text(sheet, row, 0, &labels.text("report-compliance"))?;
    if let Some(percent) = report.compliance.percent() {
        number(sheet, row, 1, percent / 100.0, PERCENT)?;
    }
    text(sheet, row, 2, &format!("{} / {}", report.compliance.met, report.compliance.answered))?;
    row += 2;
    heading(sheet, row, &[labels.text("participate-kind"), labels.text("report-count")], bold)?;
    for (kind, n) in &report.by_kind {
        row += 1;
        text(sheet, row, 0, &labels.kind(*kind))?;
        number(sheet, row, 1, *n as f64, COUNT)?;
    }
    row += 2;
    heading(sheet, row, &[labels.text("report-channel"), labels.text("report-count")], bold)?;
    for (channel, n) in &report.by_channel {
        row += 1;
        text(sheet, row, 0, &labels.channel(*channel))?;
        number(sheet, row, 1, *n as f64, COUNT)?;
    }
    Ok(())
}

fn duration_row(sheet: &mut Worksheet, row: u32, label: &str, stats: DurationStats) -> Result<(), XlsxError> {
    text(sheet, row, 0, label)?;
    for (col, value) in [(1, stats.median_days), (2, stats.p90_days)] {
        match value {
            Some(days) => number(sheet, row, col, days, DAYS)?,
            None => text(sheet, row, col, "–")?,
        }
    }
    Ok(())
}

/// Months down, kinds across, totals at the end of each row.
fn by_month(
    sheet: &mut Worksheet,
    report: &Report,
    labels: &dyn Labels,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(labels.text("report-sheet-months"))?;
    sheet.set_column_width(0, 16)?;
    let mut headings = vec![labels.text("report-month")];
    headings.extend(Kind::ALL.iter().map(|k| labels.kind(*k)));
    headings.push(labels.text("report-total"));
    heading(sheet, 0, &headings, bold)?;
    sheet.set_freeze_panes(1, 1)?;
    for (row, (month, total)) in (1_u32..).zip(&report.by_month) {
        text(sheet, row, 0, &labels.month(*month))?;
        for (col, kind) in (1_u16..).zip(Kind::ALL) {
            let n: u64 =
                report.cells.iter().filter(|c| c.month == *month && c.kind == kind).map(|c| c.count).sum();
            number(sheet, row, col, n as f64, COUNT)?;
        }
        number(sheet, row, 1 + Kind::ALL.len() as u16, *total as f64, COUNT)?;
    }
    Ok(())
}

fn totals(
    sheet: &mut Worksheet,
    name: &str,
    first_heading: &str,
    rows: impl Iterator<Item = (String, u64)>,
    labels: &dyn Labels,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.set_column_width(0, 60)?;
    heading(sheet, 0, &[first_heading.to_owned(), labels.text("report-count")], bold)?;
    for (row, (label, n)) in (1_u32..).zip(rows) {
        text(sheet, row, 0, &label)?;
        number(sheet, row, 1, n as f64, COUNT)?;
    }
    Ok(())
}

/// One row per non-empty combination of month, kind, channel, service and group.
fn cross_tab(
    sheet: &mut Worksheet,
    report: &Report,
    labels: &dyn Labels,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(labels.text("report-sheet-cells"))?;
    let headings = [
        labels.text("report-month"),
        labels.text("participate-kind"),
        labels.text("report-channel"),
        labels.text("participate-service"),
        labels.text("participate-group"),
        labels.text("report-count"),
    ];
    heading(sheet, 0, &headings, bold)?;
    for (col, width) in [(0, 14), (1, 18), (2, 18), (3, 50), (4, 36), (5, 10)] {
        sheet.set_column_width(col, width)?;
    }
    let mut last_row = 0;
    for (row, cell) in (1_u32..).zip(&report.cells) {
        text(sheet, row, 0, &labels.month(cell.month))?;
        text(sheet, row, 1, &labels.kind(cell.kind))?;
        text(sheet, row, 2, &labels.channel(cell.channel))?;
        text(sheet, row, 3, &labels.service(cell.service.as_deref()))?;
        text(sheet, row, 4, &labels.group(&cell.group))?;
        number(sheet, row, 5, cell.count as f64, COUNT)?;
        last_row = row;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, 5)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use ruamjai_domain::calendar::FiscalYear;
    use ruamjai_domain::participation::report::{Fact, Period};
    use ruamjai_domain::participation::{Channel, Status};
    use time::Date;
    use time::macros::datetime;

    use super::*;

    struct Plain;

    impl Labels for Plain {
        fn text(&self, key: &str) -> String {
            key.trim_start_matches("report-sheet-").to_owned()
        }
        fn kind(&self, kind: Kind) -> String {
            kind.code().to_owned()
        }
        fn channel(&self, channel: Channel) -> String {
            channel.code().to_owned()
        }
        fn service(&self, code: Option<&str>) -> String {
            code.unwrap_or("general").to_owned()
        }
        fn group(&self, code: &str) -> String {
            format!("={code}")
        }
        fn month(&self, first_day: Date) -> String {
            first_day.to_string()
        }
    }

    fn part(xlsx: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn the_workbook_has_its_sheets_real_numbers_and_no_formulas() {
        let fact = Fact {
            kind: Kind::Complaint,
            channel: Channel::Web,
            service: Some("msat".into()),
            group: "provinces".into(),
            status: Status::Resolved,
            created_at: datetime!(2026-10-05 09:00 +7),
            first_reply_at: Some(datetime!(2026-10-07 09:00 +7)),
            answered_at: Some(datetime!(2026-10-07 09:00 +7)),
            reply_met: Some(true),
        };
        let report = Report::build(Period { year: FiscalYear::from_be(2570), half: None }, &[fact]);
        let xlsx = report_xlsx(&report, &Plain).unwrap();
        assert!(xlsx.starts_with(b"PK\x03\x04"));
        let workbook = part(&xlsx, "xl/workbook.xml");
        for sheet in ["summary", "months", "services", "groups", "cells"] {
            assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet} in {workbook}");
        }
        let strings = part(&xlsx, "xl/sharedStrings.xml");
        assert!(
            strings.contains("'=provinces") && !strings.contains(">=provinces"),
            "neutralized: {strings}"
        );
        let summary = part(&xlsx, "xl/worksheets/sheet1.xml");
        assert!(summary.contains("<v>1</v>"), "counts are numbers, not text");
        assert!(!summary.contains("<f>"), "no formulas anywhere");
    }
}
