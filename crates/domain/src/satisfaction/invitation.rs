//! Automatic invitations: when a request for a service is resolved, a token
//! survey covering that service invites a sample of the people served,
//! some hours later, with a single-use link that expires.

use time::{Duration, OffsetDateTime};

use crate::accounts::FieldError;

/// How one service of a survey invites the people it served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvitationRule {
    /// 0 (never) to 100 (everyone).
    pub rate_pct: u8,
    pub delay_hours: u32,
    pub expiry_days: u32,
}

pub const MAX_DELAY_HOURS: u32 = 24 * 30;
pub const MAX_EXPIRY_DAYS: u32 = 90;

impl Default for InvitationRule {
    fn default() -> Self {
        Self { rate_pct: 0, delay_hours: 0, expiry_days: 14 }
    }
}

impl InvitationRule {
    /// The rule as typed: each field a whole number in its range.
    pub fn parse(rate: &str, delay: &str, expiry: &str) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut errors = Vec::new();
        let mut number = |field: &'static str, raw: &str, min: u32, max: u32| {
            let parsed = match raw.trim().parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => return n,
                Ok(_) => FieldError::OutOfRange { min, max },
                Err(_) if raw.trim().is_empty() => FieldError::Required,
                Err(_) => FieldError::NotANumber,
            };
            errors.push((field, parsed));
            min
        };
        let rate_pct = u8::try_from(number("rate_pct", rate, 0, 100)).unwrap_or(0);
        let delay_hours = number("delay_hours", delay, 0, MAX_DELAY_HOURS);
        let expiry_days = number("expiry_days", expiry, 1, MAX_EXPIRY_DAYS);
        if errors.is_empty() { Ok(Self { rate_pct, delay_hours, expiry_days }) } else { Err(errors) }
    }

    /// Whether a person is invited, given a uniform draw in 0..100.
    pub fn samples(&self, draw: u8) -> bool {
        draw < self.rate_pct
    }

    /// When the invitation goes out.
    pub fn sends_at(&self, resolved: OffsetDateTime) -> OffsetDateTime {
        resolved + Duration::hours(i64::from(self.delay_hours))
    }

    /// When its link stops working: the expiry after sending, and never
    /// after the survey closes.
    pub fn expires_at(&self, resolved: OffsetDateTime, closes_at: OffsetDateTime) -> OffsetDateTime {
        (self.sends_at(resolved) + Duration::days(i64::from(self.expiry_days))).min(closes_at)
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn a_rule_is_three_whole_numbers_in_range() {
        assert_eq!(
            InvitationRule::parse("30", "24", "7"),
            Ok(InvitationRule { rate_pct: 30, delay_hours: 24, expiry_days: 7 })
        );
        assert_eq!(
            InvitationRule::parse("101", "ครึ่งวัน", ""),
            Err(vec![
                ("rate_pct", FieldError::OutOfRange { min: 0, max: 100 }),
                ("delay_hours", FieldError::NotANumber),
                ("expiry_days", FieldError::Required),
            ])
        );
        assert_eq!(InvitationRule::parse("5", "0", "0").unwrap_err()[0].0, "expiry_days");
    }

    #[test]
    fn a_rate_samples_that_share_of_uniform_draws_and_links_expire_by_the_close() {
        let rule = InvitationRule { rate_pct: 25, delay_hours: 48, expiry_days: 14 };
        assert_eq!((0..100).filter(|d| rule.samples(*d)).count(), 25);
        assert!(!InvitationRule::default().samples(0), "rate 0 invites nobody");
        let resolved = datetime!(2026-12-01 10:00 +7);
        assert_eq!(rule.sends_at(resolved), datetime!(2026-12-03 10:00 +7));
        assert_eq!(rule.expires_at(resolved, datetime!(2027-01-31 00:00 +7)), datetime!(2026-12-17 10:00 +7));
        assert_eq!(rule.expires_at(resolved, datetime!(2026-12-10 00:00 +7)), datetime!(2026-12-10 00:00 +7));
    }
}
