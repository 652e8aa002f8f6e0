//! Kinds of submission and the channels they arrive through.

use serde::{Deserialize, Serialize};

use crate::accounts::FieldError;

/// What a person is telling the Center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// คำขอรับบริการ: asks for one of the services.
    Request,
    Suggestion,
    Complaint,
    Compliment,
    Question,
}

impl Kind {
    pub const ALL: [Kind; 5] =
        [Self::Request, Self::Suggestion, Self::Complaint, Self::Compliment, Self::Question];

    pub fn code(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Suggestion => "suggestion",
            Self::Complaint => "complaint",
            Self::Compliment => "compliment",
            Self::Question => "question",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|k| k.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }
}

/// Where a submission came from. Every submission records its channel: the
/// evaluator counts participation per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The public web form.
    Web,
    Email,
    Telephone,
    Letter,
    WalkIn,
    /// Social media or LINE.
    Social,
    Meeting,
    /// Another system, through the public API.
    Api,
}

impl Channel {
    pub const ALL: [Channel; 8] = [
        Self::Web,
        Self::Email,
        Self::Telephone,
        Self::Letter,
        Self::WalkIn,
        Self::Social,
        Self::Meeting,
        Self::Api,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Web => "web",
            Self::Email => "email",
            Self::Telephone => "telephone",
            Self::Letter => "letter",
            Self::WalkIn => "walk_in",
            Self::Social => "social",
            Self::Meeting => "meeting",
            Self::Api => "api",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|c| c.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }

    /// Channels where staff record the submission on the person's behalf;
    /// the web form and the API are filled in by the submitter.
    pub fn logged_by_staff(self) -> bool {
        !matches!(self, Self::Web | Self::Api)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_channels_round_trip_through_their_codes() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.code()), Ok(kind));
        }
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.code()), Ok(channel));
        }
        assert_eq!(Kind::parse("praise"), Err(FieldError::UnknownChoice));
        assert_eq!(Channel::parse("fax"), Err(FieldError::UnknownChoice));
    }

    #[test]
    fn staff_log_telephone_letter_walk_in_and_meeting_submissions() {
        for channel in [Channel::Telephone, Channel::Letter, Channel::WalkIn, Channel::Meeting] {
            assert!(channel.logged_by_staff());
        }
        assert!(!Channel::Web.logged_by_staff() && !Channel::Api.logged_by_staff());
    }
}
