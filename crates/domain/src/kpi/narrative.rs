//! What the data collectors write for a reporting round beside the figures,
//! the four headings of the self-assessment form: performance
//! (ผลการดำเนินงาน), explanation and measures taken (คำชี้แจง), supporting
//! factors (ปัจจัยสนับสนุน) and obstacles (อุปสรรค).

use serde::{Deserialize, Serialize};

use crate::accounts::FieldError;
use crate::participation::submission::FieldErrors;
use crate::text::Text;

/// Each heading is a few paragraphs on the printed form.
pub const HEADING_MAX: usize = 4_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Narrative {
    pub performance: String,
    pub explanation: String,
    pub factors: String,
    pub obstacles: String,
}

impl Narrative {
    /// Parses what was typed: each heading may stay empty, but not all of
    /// them, and none may pass [`HEADING_MAX`] or hold control characters.
    pub fn parse(raw: &Narrative) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut field = |name: &'static str, text: &str| match Text::paragraphs(text, HEADING_MAX) {
            Ok(text) => text.as_str().to_owned(),
            Err(FieldError::Required) => String::new(),
            Err(error) => {
                errors.push((name, error));
                String::new()
            }
        };
        let parsed = Self {
            performance: field("performance", &raw.performance),
            explanation: field("explanation", &raw.explanation),
            factors: field("factors", &raw.factors),
            obstacles: field("obstacles", &raw.obstacles),
        };
        if errors.is_empty() && parsed.is_empty() {
            errors.push(("performance", FieldError::Required));
        }
        if errors.is_empty() { Ok(parsed) } else { Err(errors) }
    }

    pub fn is_empty(&self) -> bool {
        [&self.performance, &self.explanation, &self.factors, &self.obstacles].iter().all(|t| t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(performance: &str, obstacles: &str) -> Narrative {
        Narrative { performance: performance.into(), obstacles: obstacles.into(), ..Narrative::default() }
    }

    #[test]
    fn headings_are_trimmed_and_may_be_left_empty_but_not_all_of_them() {
        let parsed = Narrative::parse(&typed("  เปิดช่องทางรับเรื่องครบ 8 ช่องทาง \r\n", "")).unwrap();
        assert_eq!(parsed.performance, "เปิดช่องทางรับเรื่องครบ 8 ช่องทาง");
        assert_eq!(parsed.obstacles, "");
        let none = Narrative::parse(&typed(" ", "\n")).unwrap_err();
        assert_eq!(none, [("performance", FieldError::Required)]);
    }

    #[test]
    fn a_heading_too_long_or_with_control_characters_is_named() {
        let errors = Narrative::parse(&typed(&"ก".repeat(HEADING_MAX + 1), "มี\u{0}อักขระควบคุม")).unwrap_err();
        assert_eq!(
            errors,
            [
                ("performance", FieldError::TooLong { max: HEADING_MAX }),
                ("obstacles", FieldError::ControlCharacters)
            ]
        );
    }
}
