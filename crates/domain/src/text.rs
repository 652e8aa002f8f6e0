//! Free text typed by people: trimmed, bounded, free of control characters
//! (line breaks and tabs allowed where the text is multi-line).

use serde::Serialize;

use crate::accounts::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// One line, e.g. a subject.
    pub fn line(raw: &str, max_chars: usize) -> Result<Self, FieldError> {
        Self::parse(raw, max_chars, false)
    }

    /// Several lines, e.g. the details of a complaint. Windows line ends become `\n`.
    pub fn paragraphs(raw: &str, max_chars: usize) -> Result<Self, FieldError> {
        Self::parse(&raw.replace("\r\n", "\n"), max_chars, true)
    }

    fn parse(raw: &str, max_chars: usize, multiline: bool) -> Result<Self, FieldError> {
        let trimmed = raw.trim();
        let allowed = |c: char| !c.is_control() || (multiline && (c == '\n' || c == '\t'));
        match trimmed.chars().count() {
            0 => Err(FieldError::Required),
            n if n > max_chars => Err(FieldError::TooLong { max: max_chars }),
            _ if !trimmed.chars().all(allowed) => Err(FieldError::ControlCharacters),
            _ => Ok(Self(trimmed.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_refuse_line_breaks_and_paragraphs_keep_them() {
        assert_eq!(Text::line("a\nb", 10), Err(FieldError::ControlCharacters));
        assert_eq!(Text::paragraphs(" a\r\nb ", 10).unwrap().as_str(), "a\nb");
        assert_eq!(Text::paragraphs("a\u{7}b", 10), Err(FieldError::ControlCharacters));
        assert_eq!(Text::line("ข้อร้องเรียน", 5), Err(FieldError::TooLong { max: 5 }));
    }
}
