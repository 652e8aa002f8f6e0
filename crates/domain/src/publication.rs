//! Versioned, approved and published documents: the citizen manuals of
//! milestone 4 and, later, the staff work manuals of milestone 5.
//!
//! ```text
//! draft → in review → approved → published (now, or scheduled for a date) → superseded
//!           ↘ returned to draft (with a comment)
//! ```
//!
//! Every version is kept. Only a draft may be edited; a new revision starts
//! as a copy of the latest one. Which published version is in force, and
//! which are superseded or still scheduled, is read from the publication
//! dates at the moment of asking, so a scheduled version takes over on its
//! date without any job running.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::accounts::{FieldError, NamedErrors};
use crate::participation::consultation::parse_date;
use crate::text::Text;

/// Where a version stands in its workflow, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Draft,
    InReview,
    Approved,
    Published,
}

impl Stage {
    pub const ALL: [Self; 4] = [Self::Draft, Self::InReview, Self::Approved, Self::Published];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Approved => "approved",
            Self::Published => "published",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == raw)
    }

    /// A version still being worked on: at most one per document.
    pub fn is_open(self) -> bool {
        self != Self::Published
    }
}

/// What a version is at a given instant, for display and for the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Draft,
    InReview,
    Approved,
    /// Published with a date still to come.
    Scheduled,
    /// The published version in force.
    Current,
    /// Published, then replaced by a later one.
    Superseded,
}

impl Standing {
    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Approved => "approved",
            Self::Scheduled => "scheduled",
            Self::Current => "current",
            Self::Superseded => "superseded",
        }
    }
}

/// A version's stage and publication date, enough to place it among its siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub revision: u32,
    pub stage: Stage,
    pub publish_at: Option<OffsetDateTime>,
}

/// The standing of each version of one document at `now`, in the order given.
/// The current version is the published one with the latest date not after `now`.
pub fn standings(versions: &[Placement], now: OffsetDateTime) -> Vec<Standing> {
    let in_force = |v: &Placement| v.stage == Stage::Published && v.publish_at.is_some_and(|at| at <= now);
    let current = versions.iter().filter(|v| in_force(v)).max_by_key(|v| (v.publish_at, v.revision));
    versions
        .iter()
        .map(|v| match v.stage {
            Stage::Draft => Standing::Draft,
            Stage::InReview => Standing::InReview,
            Stage::Approved => Standing::Approved,
            Stage::Published if !in_force(v) => Standing::Scheduled,
            Stage::Published if Some(v) == current => Standing::Current,
            Stage::Published => Standing::Superseded,
        })
        .collect()
}

/// A step of the workflow, taken by a member of staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Edit,
    Submit,
    /// Sends a version in review back to its author, with a comment.
    Return,
    Approve,
    Publish,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Self::Edit => "edit",
            Self::Submit => "submit",
            Self::Return => "return",
            Self::Approve => "approve",
            Self::Publish => "publish",
        }
    }

    /// The stage the action needs, and the stage it leaves.
    pub fn transition(self) -> (Stage, Stage) {
        match self {
            Self::Edit => (Stage::Draft, Stage::Draft),
            Self::Submit => (Stage::Draft, Stage::InReview),
            Self::Return => (Stage::InReview, Stage::Draft),
            Self::Approve => (Stage::InReview, Stage::Approved),
            Self::Publish => (Stage::Approved, Stage::Published),
        }
    }

    /// The stage after the action, or `None` when the version is not where the action applies.
    pub fn apply(self, from: Stage) -> Option<Stage> {
        let (needs, leaves) = self.transition();
        (from == needs).then_some(leaves)
    }
}

/// Where a published document was announced to the people it serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Website,
    /// The notice board where the service is given.
    NoticeBoard,
    OfficialLetter,
    SocialMedia,
    Meeting,
}

impl Channel {
    pub const ALL: [Self; 5] =
        [Self::Website, Self::NoticeBoard, Self::OfficialLetter, Self::SocialMedia, Self::Meeting];

    pub fn code(self) -> &'static str {
        match self {
            Self::Website => "website",
            Self::NoticeBoard => "notice_board",
            Self::OfficialLetter => "official_letter",
            Self::SocialMedia => "social_media",
            Self::Meeting => "meeting",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|c| c.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }
}

/// The evidence of publication: when and through which channels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Announcement {
    pub date: Date,
    pub channels: Vec<Channel>,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AnnouncementInput {
    pub date: String,
    pub channels: Vec<String>,
    pub note: String,
}

/// Publishing as asked: on a date (`None`: at once) with its announcement.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PublishInput {
    pub publish_at: Option<String>,
    pub announcement: AnnouncementInput,
}

pub const NOTE_MAX_CHARS: usize = 1_000;

impl PublishInput {
    pub fn parse(&self) -> Result<(Option<Date>, Announcement), NamedErrors> {
        let mut errors = Vec::new();
        let publish_at = match self.publish_at.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(raw) => check(&mut errors, "publish_at", parse_date(raw)).map(Some),
        };
        let date = check(&mut errors, "announcement.date", parse_date(&self.announcement.date));
        let mut channels = Vec::new();
        for raw in &self.announcement.channels {
            if let Some(channel) = check(&mut errors, "announcement.channels", Channel::parse(raw))
                && !channels.contains(&channel)
            {
                channels.push(channel);
            }
        }
        if channels.is_empty() && errors.iter().all(|(f, _)| f != "announcement.channels") {
            errors.push(("announcement.channels".to_owned(), FieldError::Required));
        }
        let note = match Text::paragraphs(&self.announcement.note, NOTE_MAX_CHARS) {
            Ok(text) => text.as_str().to_owned(),
            Err(FieldError::Required) => String::new(),
            Err(error) => {
                errors.push(("announcement.note".to_owned(), error));
                String::new()
            }
        };
        match (publish_at, date) {
            (Some(publish_at), Some(date)) if errors.is_empty() => {
                Ok((publish_at, Announcement { date, channels, note }))
            }
            _ => Err(errors),
        }
    }
}

fn check<T>(errors: &mut NamedErrors, field: &str, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|error| errors.push((field.to_owned(), error))).ok()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn published(revision: u32, at: OffsetDateTime) -> Placement {
        Placement { revision, stage: Stage::Published, publish_at: Some(at) }
    }

    #[test]
    fn the_latest_publication_in_force_is_current_and_earlier_ones_are_superseded() {
        let now = datetime!(2026-11-25 10:00 +7);
        let versions = [
            published(1, datetime!(2025-10-01 0:00 +7)),
            published(2, datetime!(2026-10-01 0:00 +7)),
            published(3, datetime!(2027-01-01 0:00 +7)),
            Placement { revision: 4, stage: Stage::InReview, publish_at: None },
        ];
        assert_eq!(
            standings(&versions, now),
            [Standing::Superseded, Standing::Current, Standing::Scheduled, Standing::InReview]
        );
        let later = datetime!(2027-01-01 0:00 +7);
        assert_eq!(
            standings(&versions, later)[..3],
            [Standing::Superseded, Standing::Superseded, Standing::Current]
        );
    }

    #[test]
    fn publishing_needs_an_announcement_date_and_a_channel() {
        let input = PublishInput::default();
        let fields: Vec<_> = input.parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["announcement.date", "announcement.channels"]);
        let input = PublishInput {
            publish_at: Some("2027-01-01".to_owned()),
            announcement: AnnouncementInput {
                date: "2026-12-20".to_owned(),
                channels: vec!["website".to_owned(), "notice_board".to_owned(), "website".to_owned()],
                note: String::new(),
            },
        };
        let (publish_at, announcement) = input.parse().unwrap();
        assert_eq!(publish_at, Some(time::macros::date!(2027 - 01 - 01)));
        assert_eq!(announcement.channels, [Channel::Website, Channel::NoticeBoard]);
        let unknown = PublishInput {
            announcement: AnnouncementInput { channels: vec!["fax".to_owned()], ..input.announcement },
            ..PublishInput::default()
        };
        assert_eq!(
            unknown.parse().unwrap_err(),
            [("announcement.channels".to_owned(), FieldError::UnknownChoice)]
        );
    }

    #[test]
    fn actions_apply_only_from_their_stage() {
        assert_eq!(Action::Submit.apply(Stage::Draft), Some(Stage::InReview));
        assert_eq!(Action::Approve.apply(Stage::Draft), None);
        assert_eq!(Action::Return.apply(Stage::InReview), Some(Stage::Draft));
        assert_eq!(Action::Publish.apply(Stage::InReview), None);
        assert_eq!(Action::Publish.apply(Stage::Approved), Some(Stage::Published));
        assert_eq!(Action::Edit.apply(Stage::Published), None);
    }
}
