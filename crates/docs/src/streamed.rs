//! A one-sheet XLSX written as it goes, to any `Write` that cannot seek (an
//! HTTP body): rows are encoded and compressed as they arrive, so a
//! million-row export holds one row in memory, not the workbook.
//!
//! Text goes in as inline strings (no shared-string table to keep), numbers
//! as numbers, and days as serial dates shown in the Buddhist Era.

use std::borrow::Cow;
use std::io::{self, Write};

use time::Date;
use zip::ZipWriter;
use zip::write::{SimpleFileOptions, StreamWriter};

use crate::cells::neutralize;

/// A cell of a streamed row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Number(f64),
    Text(Cow<'a, str>),
    /// A day, shown as d/m/yyyy in the Buddhist Era.
    Day(Date),
}

pub struct StreamedSheet<W: Write> {
    zip: ZipWriter<StreamWriter<W>>,
    /// The XML of the row being written, reused from row to row.
    line: String,
    rows: u32,
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Style 1: headings in bold; style 2: days as d/m/yyyy in the Buddhist Era.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-107041E]d/m/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Tahoma"/></font><font><b/><sz val="11"/><name val="Tahoma"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf/><xf fontId="1" applyFont="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

impl<W: Write> StreamedSheet<W> {
    /// Starts the workbook and writes the heading row.
    pub fn new(out: W, sheet_name: &str, headings: &[&str]) -> io::Result<Self> {
        let mut zip = ZipWriter::new_stream(out);
        // Fast deflate: the sheet's XML is repetitive and compresses well
        // even at level 1, and the export is bound by this CPU work.
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        let part = |zip: &mut ZipWriter<StreamWriter<W>>, name: &str, content: &str| -> io::Result<()> {
            zip.start_file(name, options).map_err(io::Error::other)?;
            zip.write_all(content.as_bytes())
        };
        part(&mut zip, "[Content_Types].xml", CONTENT_TYPES)?;
        part(&mut zip, "_rels/.rels", ROOT_RELS)?;
        let workbook = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            escape(&sheet_name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect::<String>())
        );
        part(&mut zip, "xl/workbook.xml", &workbook)?;
        part(&mut zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS)?;
        part(&mut zip, "xl/styles.xml", STYLES)?;
        zip.start_file("xl/worksheets/sheet1.xml", options).map_err(io::Error::other)?;
        zip.write_all(
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#,
        )?;
        let mut sheet = Self { zip, line: String::with_capacity(4096), rows: 0 };
        let headings: Vec<Cell> = headings.iter().map(|h| Cell::Text(Cow::Borrowed(*h))).collect();
        sheet.write_row(&headings, Some(1))?;
        Ok(sheet)
    }

    pub fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        self.write_row(cells, None)
    }

    fn write_row(&mut self, cells: &[Cell<'_>], style: Option<u8>) -> io::Result<()> {
        use std::fmt::Write as _;
        self.rows += 1;
        let line = &mut self.line;
        line.clear();
        let _ = write!(line, r#"<row r="{}">"#, self.rows);
        let style = style.map(|s| format!(r#" s="{s}""#)).unwrap_or_default();
        for cell in cells {
            match cell {
                Cell::Empty => line.push_str("<c/>"),
                Cell::Number(n) if n.is_finite() => {
                    let _ = write!(line, "<c{style}><v>{n}</v></c>");
                }
                Cell::Number(_) => line.push_str("<c/>"),
                Cell::Text(text) => {
                    let _ = write!(line, r#"<c t="inlineStr"{style}><is><t xml:space="preserve">"#);
                    line.push_str(&escape(&neutralize(text)));
                    line.push_str("</t></is></c>");
                }
                Cell::Day(day) => {
                    let _ = write!(line, r#"<c s="2"><v>{}</v></c>"#, serial(*day));
                }
            }
        }
        line.push_str("</row>");
        self.zip.write_all(line.as_bytes())
    }

    /// Closes the sheet and the archive; returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.zip.write_all(b"</sheetData></worksheet>")?;
        let out = self.zip.finish().map_err(io::Error::other)?;
        Ok(out.into_inner())
    }
}

/// Excel's serial day number (1900 date system).
fn serial(day: Date) -> i64 {
    let epoch = time::macros::date!(1899 - 12 - 30);
    (day - epoch).whole_days()
}

/// XML (and HTML) text: the five special characters escaped, and
/// characters XML 1.0 cannot carry (most control characters) dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};
    use time::macros::date;

    use super::*;

    #[test]
    fn a_streamed_sheet_reads_back_in_a_spreadsheet_reader_with_numbers_days_and_safe_text() {
        let mut sheet = StreamedSheet::new(Vec::new(), "คำตอบ: 2570", &["ลำดับ", "วันที่", "ความเห็น"]).unwrap();
        sheet
            .row(&[
                Cell::Number(1.0),
                Cell::Day(date!(2026 - 12 - 01)),
                Cell::Text("รอนาน <มาก> & ช้า".into()),
            ])
            .unwrap();
        sheet.row(&[Cell::Number(2.0), Cell::Empty, Cell::Text("=HYPERLINK(\"x\")".into())]).unwrap();
        let bytes = sheet.finish().unwrap();

        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["คำตอบ 2570"]);
        let range = book.worksheet_range("คำตอบ 2570").unwrap();
        let rows: Vec<_> = range.rows().collect();
        assert_eq!(rows[0][0], Data::String("ลำดับ".into()));
        assert_eq!(rows[1][0], Data::Float(1.0));
        assert!(matches!(rows[1][1], Data::DateTime(_)), "a day is a date, not text: {:?}", rows[1][1]);
        assert_eq!(rows[1][2], Data::String("รอนาน <มาก> & ช้า".into()));
        assert_eq!(rows[2][2], Data::String("'=HYPERLINK(\"x\")".into()), "a formula is neutralized");
    }

    #[test]
    fn excel_counts_days_from_the_end_of_1899() {
        assert_eq!(serial(date!(1900 - 03 - 01)), 61);
        assert_eq!(serial(date!(2026 - 12 - 01)), 46357);
    }
}
