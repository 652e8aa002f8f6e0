//! "You said, we did": resolved suggestions and complaints that staff choose
//! to publish, retold in their own words without personal data, with the
//! action taken. Publishing is a choice per item, never automatic: the
//! original text may name people.

use super::{Kind, Status};
use crate::accounts::FieldError;
use crate::text::Text;

pub const SAID_MAX_CHARS: usize = 1_000;
pub const DID_MAX_CHARS: usize = 3_000;

/// Only answered suggestions and complaints are told on the page.
pub fn can_publish(kind: Kind, status: Status) -> bool {
    matches!(kind, Kind::Suggestion | Kind::Complaint) && matches!(status, Status::Resolved | Status::Closed)
}

/// What the page shows of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YouSaid {
    /// What was said, summarised by staff.
    pub said: Text,
    /// What the Center did about it.
    pub did: Text,
}

impl YouSaid {
    pub fn parse(said: &str, did: &str) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let said = Text::paragraphs(said, SAID_MAX_CHARS).map_err(|e| ("said", e));
        let did = Text::paragraphs(did, DID_MAX_CHARS).map_err(|e| ("did", e));
        match (said, did) {
            (Ok(said), Ok(did)) => Ok(Self { said, did }),
            (said, did) => Err(said.err().into_iter().chain(did.err()).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_answered_suggestions_and_complaints_are_published() {
        assert!(can_publish(Kind::Complaint, Status::Resolved));
        assert!(can_publish(Kind::Suggestion, Status::Closed));
        assert!(!can_publish(Kind::Complaint, Status::InProgress));
        assert!(!can_publish(Kind::Request, Status::Resolved));
        assert!(!can_publish(Kind::Complaint, Status::Rejected));
    }

    #[test]
    fn both_halves_are_required() {
        assert!(YouSaid::parse("อยากให้จองห้องผ่าน LINE", "เพิ่มการจองผ่าน LINE OA แล้ว").is_ok());
        let fields: Vec<_> = YouSaid::parse(" ", "").unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["said", "did"]);
    }
}
