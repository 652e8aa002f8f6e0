//! Exact decimals with four places, as scorecards print them.
//!
//! Weights, targets, scores and the composite are stored as whole numbers of
//! ten-thousandths, and every division rounds half away from zero (half up
//! for the positive figures of a scorecard), so the printed figure is the
//! figure computed by hand, never a binary float's neighbour.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::accounts::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal(i64);

/// Ten-thousandths in one.
const ONE: i64 = 10_000;
/// Inputs stay below a trillion, so products of two figures fit in an i128
/// and sums of many in an i64.
const LIMIT: i64 = 1_000_000_000_000 * ONE;

impl Decimal {
    pub const ZERO: Self = Self(0);
    pub const PLACES: usize = 4;

    pub const fn from_int(n: i64) -> Self {
        Self(n * ONE)
    }

    pub const fn from_ten_thousandths(n: i64) -> Self {
        Self(n)
    }

    pub const fn ten_thousandths(self) -> i64 {
        self.0
    }

    /// `numerator / denominator` in ten-thousandths, rounded half away from
    /// zero; `None` for a zero denominator.
    pub fn ratio(numerator: i128, denominator: i128) -> Option<Self> {
        if denominator == 0 {
            return None;
        }
        let (n, d) = (numerator * i128::from(ONE), denominator);
        let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
        let rounded = if n >= 0 { (2 * n + d) / (2 * d) } else { -((-2 * n + d) / (2 * d)) };
        i64::try_from(rounded).ok().map(Self)
    }

    /// `part` as a percentage of `whole`.
    pub fn percent(part: u64, whole: u64) -> Option<Self> {
        Self::ratio(i128::from(part) * 100, i128::from(whole))
    }

    /// The product, rounded to four places.
    pub fn times(self, other: Self) -> Self {
        Self::ratio(i128::from(self.0) * i128::from(other.0), i128::from(ONE) * i128::from(ONE))
            .unwrap_or_default()
    }

    /// The text without trailing zeros: `25`, `12.5`, `81.25`.
    pub fn trimmed(self) -> String {
        let fixed = self.to_string();
        fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
    }

    /// A decimal as people type it: digits with an optional sign and up to
    /// four places after a point (`81.25`, `-3`, `.5`).
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(FieldError::Required);
        }
        let (negative, digits) = match raw.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, raw.strip_prefix('+').unwrap_or(raw)),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
            return Err(FieldError::NotADecimal);
        }
        if fraction.len() > Self::PLACES {
            return Err(FieldError::TooManyPlaces { max: Self::PLACES });
        }
        let whole: i64 =
            if whole.is_empty() { 0 } else { whole.parse().map_err(|_| FieldError::NotADecimal)? };
        let padded = format!("{fraction:0<4}");
        let fraction: i64 = padded.parse().map_err(|_| FieldError::NotADecimal)?;
        let magnitude = whole.checked_mul(ONE).and_then(|w| w.checked_add(fraction));
        match magnitude {
            Some(m) if m < LIMIT => Ok(Self(if negative { -m } else { m })),
            _ => Err(FieldError::NotADecimal),
        }
    }
}

impl fmt::Display for Decimal {
    /// Always four places: `3.2500`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        let one = ONE.unsigned_abs();
        write!(f, "{sign}{}.{:04}", magnitude / one, magnitude % one)
    }
}

impl FromStr for Decimal {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A JSON number, so that API clients read `3.25`, not a string. The
/// shortest form of a four-place decimal reads back as the same decimal.
impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match serde_json::Number::from_str(&self.trimmed()) {
            Ok(number) => number.serialize(serializer),
            Err(_) => serializer.serialize_str(&self.to_string()),
        }
    }
}

/// A JSON number or a string of digits; a number is read through its
/// shortest decimal form, never through a float.
impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(serde_json::Number),
            Text(String),
        }
        let text = match Raw::deserialize(deserializer)? {
            Raw::Number(n) => n.to_string(),
            Raw::Text(t) => t,
        };
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(raw: &str) -> Decimal {
        Decimal::parse(raw).unwrap()
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(d("81.25").ten_thousandths(), 812_500);
        assert_eq!(d(" 25 ").ten_thousandths(), 250_000);
        assert_eq!(d(".5").ten_thousandths(), 5_000);
        assert_eq!(d("-3").ten_thousandths(), -30_000);
        assert_eq!(d("0.0001").ten_thousandths(), 1);
        assert_eq!(Decimal::parse(""), Err(FieldError::Required));
        assert_eq!(Decimal::parse("1.23456"), Err(FieldError::TooManyPlaces { max: 4 }));
        for bad in ["abc", "1,5", "1.2.3", "-", ".", "1e3", "NaN", "๑๒", "99999999999999999999"] {
            assert_eq!(Decimal::parse(bad), Err(FieldError::NotADecimal), "{bad}");
        }
    }

    #[test]
    fn prints_four_places_or_trimmed() {
        assert_eq!(d("3.25").to_string(), "3.2500");
        assert_eq!(d("-0.5").to_string(), "-0.5000");
        assert_eq!(d("25").trimmed(), "25");
        assert_eq!(d("12.50").trimmed(), "12.5");
        assert_eq!(Decimal::ZERO.trimmed(), "0");
    }

    #[test]
    fn ratios_round_half_away_from_zero() {
        // 2/3 = 0.66666… → 0.6667; 1/8 = 0.125 exactly; 1/20000 = 0.00005 → 0.0001.
        assert_eq!(Decimal::ratio(2, 3), Some(d("0.6667")));
        assert_eq!(Decimal::ratio(1, 8), Some(d("0.125")));
        assert_eq!(Decimal::ratio(1, 20_000), Some(d("0.0001")));
        assert_eq!(Decimal::ratio(-1, 20_000), Some(d("-0.0001")));
        assert_eq!(Decimal::ratio(1, 0), None);
        assert_eq!(Decimal::percent(52, 93), Some(d("55.914")));
        assert_eq!(d("3.3333").times(d("0.25")), d("0.8333"));
    }

    #[test]
    fn travels_as_a_json_number() {
        assert_eq!(serde_json::to_string(&d("3.25")).unwrap(), "3.25");
        assert_eq!(serde_json::to_string(&d("25")).unwrap(), "25");
        assert_eq!(serde_json::from_str::<Decimal>("81.25").unwrap(), d("81.25"));
        assert_eq!(serde_json::from_str::<Decimal>("\"81.25\"").unwrap(), d("81.25"));
        assert!(serde_json::from_str::<Decimal>("\"many\"").is_err());
        assert!(serde_json::from_str::<Decimal>("true").is_err());
    }
}
