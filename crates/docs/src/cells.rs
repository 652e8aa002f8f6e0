//! Cell values that are safe in any spreadsheet program.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return first) gets a leading apostrophe, so that a value
/// typed by the public can never run as a formula on a civil servant's PC.
pub fn neutralize(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

pub(crate) fn text(sheet: &mut Worksheet, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    sheet.write_string(row, col, neutralize(value).as_ref())?;
    Ok(())
}

pub(crate) fn number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: f64,
    format: &str,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, col, value, &Format::new().set_num_format(format))?;
    Ok(())
}

pub(crate) fn heading(
    sheet: &mut Worksheet,
    row: u32,
    headings: &[String],
    bold: &Format,
) -> Result<(), XlsxError> {
    for (col, title) in (0_u16..).zip(headings) {
        sheet.write_string_with_format(row, col, neutralize(title).as_ref(), bold)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::neutralize;

    #[test]
    fn formulas_are_neutralized_and_everything_else_kept() {
        assert_eq!(neutralize("=HYPERLINK(\"http://evil\")"), "'=HYPERLINK(\"http://evil\")");
        assert_eq!(neutralize("+66 2 222 1141"), "'+66 2 222 1141");
        assert_eq!(neutralize("-1"), "'-1");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("ร้องเรียน"), "ร้องเรียน");
        assert_eq!(neutralize(""), "");
    }
}
