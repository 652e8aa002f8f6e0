//! A plain list as a spreadsheet (XLSX) or as CSV that Excel opens in Thai:
//! the directory export, the invitation list, and any later register.

use rust_xlsxwriter::{Format, Workbook};

use crate::DocError;
use crate::cells::{heading, neutralize, text};

/// A list: an optional title above, then the heading row (frozen, repeated
/// on every printed page) and one row per entry, on landscape A4.
pub fn list_xlsx(
    title: Option<&str>,
    headings: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, DocError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    let header_row = match title {
        Some(title) => {
            sheet.write_string_with_format(
                0,
                0,
                neutralize(title).as_ref(),
                &bold.clone().set_font_size(14),
            )?;
            2
        }
        None => 0,
    };
    heading(sheet, header_row, headings, &bold)?;
    for (row, values) in (header_row + 1..).zip(rows) {
        for (col, value) in (0_u16..).zip(values) {
            text(sheet, row, col, value)?;
        }
    }
    for (col, title) in (0_u16..).zip(headings) {
        let widest = rows.iter().filter_map(|r| r.get(usize::from(col))).map(|v| v.chars().count()).max();
        let chars = widest.unwrap_or(0).max(title.chars().count()).clamp(8, 48);
        sheet.set_column_width(col, chars as f64 * 1.1 + 2.0)?;
    }
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_repeat_rows(header_row, header_row)?
        .set_print_fit_to_pages(1, 0);
    Ok(workbook.save_to_buffer()?)
}

/// The same list as CSV: UTF-8 with a BOM (without it Excel shows Thai as
/// mojibake), CRLF line ends, every cell neutralized against formulas.
pub fn list_csv(headings: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    for line in std::iter::once(headings).chain(rows.iter().map(Vec::as_slice)) {
        let cells: Vec<String> = line.iter().map(|cell| quote(&neutralize(cell))).collect();
        out.extend_from_slice(cells.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Format as TableFormat, read};

    fn sample() -> (Vec<String>, Vec<Vec<String>>) {
        let headings = vec!["หน่วยงาน".to_owned(), "โทรศัพท์".to_owned()];
        let rows = vec![
            vec!["จังหวัดน่าน, ฝ่าย \"ICT\"".to_owned(), "+66 54 710 000".to_owned()],
            vec!["=HYPERLINK(\"http://evil\")".to_owned(), String::new()],
        ];
        (headings, rows)
    }

    #[test]
    fn a_list_reads_back_as_written_from_xlsx_and_from_csv() {
        let (headings, rows) = sample();
        let mut expected = vec![headings.clone()];
        expected.extend(rows.iter().cloned());
        let xlsx = list_xlsx(None, &headings, &rows).unwrap();
        assert_eq!(read(&xlsx, TableFormat::Xlsx).unwrap(), expected);
        let csv = list_csv(&headings, &rows);
        assert!(csv.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM to read Thai");
        assert_eq!(read(&csv, TableFormat::Csv).unwrap(), expected);
    }

    #[test]
    fn formulas_never_reach_a_spreadsheet_as_formulas() {
        let (headings, rows) = sample();
        let csv = String::from_utf8(list_csv(&headings, &rows)).unwrap();
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "{csv}");
        assert!(csv.contains("'+66 54 710 000"));
    }
}
