//! E-mail the product sends. Mail is written to an outbox in the same
//! transaction as the change that causes it, and sent later by SMTP when
//! configured; without SMTP it stays in the outbox for administrators to see.

use serde::Serialize;

use crate::accounts::Email;

/// Why a message was sent: shown to administrators and kept after the body
/// is erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    /// A submission was received; the message carries the tracking link.
    Acknowledgement,
    /// Someone asked for a fresh tracking link with the code and their e-mail.
    TrackingLink,
    /// A submission passed its reply target; sent to the division's collectors.
    Escalation,
    /// A single-use link to a satisfaction survey (a token survey's
    /// invitation, or a resolved request's submitter asked for feedback).
    SurveyInvitation,
    /// A registration for an activity: its code and the link to see or cancel it.
    RegistrationConfirmation,
    /// A place freed by a cancellation went to someone on the waitlist.
    WaitlistPromotion,
    /// A directory contact is invited to an activity.
    ActivityInvitation,
    /// A work manual revision that staff must read has taken effect.
    WorkManualReading,
}

impl Purpose {
    pub const ALL: [Self; 8] = [
        Self::Acknowledgement,
        Self::TrackingLink,
        Self::Escalation,
        Self::SurveyInvitation,
        Self::RegistrationConfirmation,
        Self::WaitlistPromotion,
        Self::ActivityInvitation,
        Self::WorkManualReading,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Acknowledgement => "acknowledgement",
            Self::TrackingLink => "tracking-link",
            Self::Escalation => "escalation",
            Self::SurveyInvitation => "survey-invitation",
            Self::RegistrationConfirmation => "registration-confirmation",
            Self::WaitlistPromotion => "waitlist-promotion",
            Self::ActivityInvitation => "activity-invitation",
            Self::WorkManualReading => "work-manual-reading",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A message to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub to: Email,
    pub subject: String,
    /// Plain text, Thai first and English after.
    pub body: String,
    pub purpose: Purpose,
}

/// How long to wait before the next attempt after `attempts` failures:
/// one minute, doubling, at most six hours.
pub fn retry_delay_secs(attempts: u32) -> i64 {
    let doubled = 60_i64.saturating_mul(1_i64 << attempts.min(20));
    doubled.min(6 * 3600)
}

/// After this many failed attempts a message is given up and left for an
/// administrator to see.
pub const MAX_ATTEMPTS: u32 = 12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_a_ceiling() {
        assert_eq!(retry_delay_secs(0), 60);
        assert_eq!(retry_delay_secs(1), 120);
        assert_eq!(retry_delay_secs(5), 1920);
        assert_eq!(retry_delay_secs(9), 6 * 3600);
        assert_eq!(retry_delay_secs(u32::MAX), 6 * 3600);
    }

    #[test]
    fn purposes_round_trip_through_their_codes() {
        for purpose in Purpose::ALL {
            assert_eq!(Purpose::parse(purpose.code()), Some(purpose));
        }
    }
}
