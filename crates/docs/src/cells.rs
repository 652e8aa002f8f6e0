//! Cell values that are safe in any spreadsheet program.

/// Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return first) gets a leading apostrophe, so that a value
/// typed by the public can never run as a formula on a civil servant's PC.
pub fn neutralize(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
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
