//! The code a person uses to follow a submission: `RJ-` + the fiscal year it
//! was filed in + a sequence within that year, e.g. `RJ-2570-000123`. The code
//! alone shows nothing: tracking also needs the secret token given with it.

use std::fmt;

use crate::accounts::FieldError;
use crate::calendar::FiscalYear;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrackingCode {
    pub year: FiscalYear,
    pub seq: u32,
}

impl TrackingCode {
    /// Six digits are shown; a year past 999,999 submissions still works.
    pub fn new(year: FiscalYear, seq: u32) -> Self {
        Self { year, seq }
    }

    /// Accepts what people type: any case, spaces around, dashes optional
    /// between the parts as long as the digits are unambiguous
    /// (`rj-2570-123`, `RJ2570000123` with six-digit sequence).
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let upper = raw.trim().to_ascii_uppercase();
        let rest = upper.strip_prefix("RJ").ok_or(FieldError::InvalidTrackingCode)?;
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let (year, seq) = match rest.split_once('-') {
            Some((year, seq)) => (year, seq),
            None if rest.len() > 4 => rest.split_at(4),
            None => return Err(FieldError::InvalidTrackingCode),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !all_digits(year) || !all_digits(seq) || seq.len() > 9 {
            return Err(FieldError::InvalidTrackingCode);
        }
        let year: i32 = year.parse().map_err(|_| FieldError::InvalidTrackingCode)?;
        let seq: u32 = seq.parse().map_err(|_| FieldError::InvalidTrackingCode)?;
        if seq == 0 {
            return Err(FieldError::InvalidTrackingCode);
        }
        Ok(Self { year: FiscalYear::from_be(year), seq })
    }
}

impl fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RJ-{}-{:06}", self.year.be(), self.seq)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn codes_name_the_fiscal_year_and_a_six_digit_sequence() {
        assert_eq!(TrackingCode::new(FiscalYear::from_be(2570), 123).to_string(), "RJ-2570-000123");
    }

    #[test]
    fn what_people_type_is_understood() {
        let expected = TrackingCode::new(FiscalYear::from_be(2570), 123);
        for typed in ["RJ-2570-000123", " rj-2570-000123 ", "RJ-2570-123", "RJ2570000123", "rj2570-000123"] {
            assert_eq!(TrackingCode::parse(typed), Ok(expected), "{typed:?}");
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for typed in [
            "",
            "RJ",
            "XX-2570-000123",
            "RJ-257-000123",
            "RJ-2570-",
            "RJ-2570-00012a",
            "RJ-2570-0",
            "RJ-2570-1234567890",
        ] {
            assert_eq!(TrackingCode::parse(typed), Err(FieldError::InvalidTrackingCode), "{typed:?}");
        }
    }

    proptest! {
        #[test]
        fn every_code_parses_back_from_its_text(year in 2500_i32..3000, seq in 1_u32..999_999_999) {
            let code = TrackingCode::new(FiscalYear::from_be(year), seq);
            prop_assert_eq!(TrackingCode::parse(&code.to_string()), Ok(code));
        }
    }
}
