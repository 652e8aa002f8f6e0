//! Reading a spreadsheet that staff filled in (XLSX or CSV) into rows of
//! text, numbered as the spreadsheet numbers them, for the domain to check.
//!
//! Files come from staff desktops: a CSV may be UTF-8 (with or without a
//! BOM) or Windows-874, which Excel on a Thai Windows saves by default; an
//! XLSX is a zip whose declared sizes are checked before anything is
//! inflated, so that a small upload cannot expand into gigabytes.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use time::{Date, Duration, Month};

use crate::cells::neutralize;

/// Most a sheet may inflate to: far above any real directory or paper survey.
pub const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
}

impl Format {
    /// By the file's name, as the browser sent it.
    pub fn of_file_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".xlsx") {
            Some(Self::Xlsx)
        } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
            Some(Self::Csv)
        } else {
            None
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TableError {
    #[error("not a spreadsheet this reader understands")]
    Unreadable,
    #[error("the spreadsheet expands to more than {MAX_INFLATED_BYTES} bytes")]
    TooLarge,
}

/// The first sheet as rows of cell text; row `i` of the result is the
/// sheet's row `i + 1`.
pub fn read(bytes: &[u8], format: Format) -> Result<Vec<Vec<String>>, TableError> {
    let rows = match format {
        Format::Xlsx => read_xlsx(bytes)?,
        Format::Csv => read_csv(bytes)?,
    };
    Ok(rows.into_iter().map(|row| row.into_iter().map(|cell| restore(&cell)).collect()).collect())
}

/// Undoes [`neutralize`], so that what an export wrote reads back as typed.
fn restore(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if neutralize(rest) != rest => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    check_inflated_size(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| TableError::Unreadable)?;
    let range =
        workbook.worksheet_range_at(0).ok_or(TableError::Unreadable)?.map_err(|_| TableError::Unreadable)?;
    let Some((first_row, first_col)) = range.start() else {
        return Ok(Vec::new());
    };
    let blank_rows = (0..first_row).map(|_| Vec::new());
    let lead = usize::try_from(first_col).unwrap_or(0);
    let rows = range
        .rows()
        .map(|cells| std::iter::repeat_n(String::new(), lead).chain(cells.iter().map(cell_text)).collect());
    Ok(blank_rows.chain(rows).collect())
}

fn check_inflated_size(bytes: &[u8]) -> Result<(), TableError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| TableError::Unreadable)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|_| TableError::Unreadable)?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_INFLATED_BYTES { Err(TableError::TooLarge) } else { Ok(()) }
}

/// A cell as the person sees it: whole numbers without `.0`, dates as ISO days.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(when) => {
            excel_day(when.as_f64()).map_or_else(|| when.as_f64().to_string(), |d| d.to_string())
        }
    }
}

/// The day of an Excel serial date (1900 system, as every Thai office file is).
fn excel_day(serial: f64) -> Option<Date> {
    let epoch = Date::from_calendar_date(1899, Month::December, 30).ok()?;
    let days = serial.floor();
    (0.0..3_000_000.0).contains(&days).then(|| epoch + Duration::days(days as i64))
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    let text = decode(bytes);
    let delimiter =
        if text.lines().next().is_some_and(|h| h.contains('\t') && !h.contains(',')) { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            record.map(|r| r.iter().map(str::to_owned).collect()).map_err(|_| TableError::Unreadable)
        })
        .collect()
}

/// UTF-8 when it is (a BOM is dropped), else Windows-874.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_874.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};

    use super::*;

    #[test]
    fn an_xlsx_reads_back_text_numbers_and_dates_with_the_sheet_row_numbers() {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "ทะเบียนหน่วยงาน").unwrap();
        sheet.write_string(2, 1, "หน่วยงาน").unwrap();
        sheet.write_string(3, 1, "จังหวัดน่าน").unwrap();
        sheet.write_number(3, 2, 22_826_581.0).unwrap();
        let day = ExcelDateTime::from_ymd(2026, 10, 1).unwrap();
        sheet
            .write_datetime_with_format(3, 3, &day, &CellFormat::new().set_num_format("dd/mm/yyyy"))
            .unwrap();
        sheet.write_string(3, 4, "'+66 2 222 1141").unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let rows = read(&bytes, Format::Xlsx).unwrap();
        assert_eq!(rows[0][0], "ทะเบียนหน่วยงาน");
        assert_eq!(rows[2][1], "หน่วยงาน");
        assert_eq!(rows[3][1..], ["จังหวัดน่าน", "22826581", "2026-10-01", "+66 2 222 1141"]);
    }

    #[test]
    fn a_csv_from_thai_windows_excel_reads_as_thai() {
        let (windows_874, _, _) = encoding_rs::WINDOWS_874.encode("หน่วยงาน,กลุ่ม\r\nจังหวัดน่าน,จังหวัด\r\n");
        let rows = read(&windows_874, Format::Csv).unwrap();
        assert_eq!(rows, [["หน่วยงาน", "กลุ่ม"], ["จังหวัดน่าน", "จังหวัด"]]);
        let utf8_with_bom = "\u{feff}หน่วยงาน,\"กลุ่ม, ประเภท\"\nน่าน\n".as_bytes();
        assert_eq!(
            read(utf8_with_bom, Format::Csv).unwrap(),
            vec![vec!["หน่วยงาน", "กลุ่ม, ประเภท"], vec!["น่าน"]]
        );
    }

    #[test]
    fn what_is_not_a_spreadsheet_is_refused_not_guessed() {
        assert_eq!(read(b"%PDF-1.7 not a workbook", Format::Xlsx), Err(TableError::Unreadable));
        assert_eq!(Format::of_file_name("รายชื่อ.XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::of_file_name("รายชื่อ.xls"), None);
    }

    #[test]
    fn a_zip_that_would_inflate_past_the_limit_is_refused_before_reading() {
        use std::io::Write;
        let mut buffer = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..65 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
        assert!(buffer.get_ref().len() < 1024 * 1024, "the bomb itself is small");
        assert_eq!(read(buffer.get_ref(), Format::Xlsx), Err(TableError::TooLarge));
    }
}
