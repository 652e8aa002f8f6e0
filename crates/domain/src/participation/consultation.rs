//! Consultations: staff put a draft (a service standard, a manual, a plan)
//! before the public between two dates; comments are moderated before they
//! are published; after closing, staff publish what changed because of them.

use time::{Date, OffsetDateTime};

use super::submission::{FieldErrors, check, optional};
use crate::accounts::{Email, FieldError};
use crate::calendar::bangkok_date;
use crate::catalog::{Code, Name};
use crate::text::Text;

pub const TITLE_MAX_CHARS: usize = 200;
pub const DRAFT_MAX_CHARS: usize = 50_000;
pub const COMMENT_MAX_CHARS: usize = 5_000;
pub const RESPONSE_MAX_CHARS: usize = 20_000;
const DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// What a consultation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    ServiceStandard,
    Manual,
    Plan,
    Other,
}

impl Subject {
    pub const ALL: [Self; 4] = [Self::ServiceStandard, Self::Manual, Self::Plan, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::ServiceStandard => "service-standard",
            Self::Manual => "manual",
            Self::Plan => "plan",
            Self::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|s| s.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }
}

/// Where a consultation stands, read from its dates (Bangkok days, both
/// inclusive) and whether the response is out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Upcoming,
    Open,
    /// Closed, response not yet published.
    Closed,
    Responded,
}

impl Phase {
    pub fn at(opens_on: Date, closes_on: Date, responded: bool, now: OffsetDateTime) -> Self {
        let today = bangkok_date(now);
        match () {
            () if responded => Self::Responded,
            () if today < opens_on => Self::Upcoming,
            () if today <= closes_on => Self::Open,
            () => Self::Closed,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Upcoming => "upcoming",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Responded => "responded",
        }
    }
}

/// A consultation as typed by staff.
#[derive(Debug, Clone, Default)]
pub struct ConsultationInput {
    pub title: String,
    pub subject: String,
    pub draft: String,
    pub groups: Vec<String>,
    pub opens_on: String,
    pub closes_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsultation {
    pub title: Text,
    pub subject: Subject,
    pub draft: Text,
    /// The stakeholder groups invited to comment (codes; checked by the store).
    pub groups: Vec<Code>,
    pub opens_on: Date,
    pub closes_on: Date,
}

impl ConsultationInput {
    pub fn parse(&self) -> Result<NewConsultation, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = check(&mut errors, "title", Text::line(&self.title, TITLE_MAX_CHARS));
        let subject = check(&mut errors, "subject", Subject::parse(&self.subject));
        let draft = check(&mut errors, "draft", Text::paragraphs(&self.draft, DRAFT_MAX_CHARS));
        let groups = check(&mut errors, "groups", parse_groups(&self.groups));
        let opens_on = check(&mut errors, "opens_on", parse_date(&self.opens_on));
        let closes_on = check(&mut errors, "closes_on", parse_date(&self.closes_on));
        if let (Some(opens), Some(closes)) = (opens_on, closes_on)
            && closes < opens
        {
            errors.push(("closes_on", FieldError::ClosesBeforeOpening));
        }
        match (title, subject, draft, groups, opens_on, closes_on) {
            (Some(title), Some(subject), Some(draft), Some(groups), Some(opens_on), Some(closes_on))
                if errors.is_empty() =>
            {
                Ok(NewConsultation { title, subject, draft, groups, opens_on, closes_on })
            }
            _ => Err(errors),
        }
    }
}

fn parse_groups(raw: &[String]) -> Result<Vec<Code>, FieldError> {
    let mut groups = Vec::new();
    for code in raw.iter().filter(|c| !c.trim().is_empty()) {
        let code = Code::parse(code).map_err(|_| FieldError::UnknownChoice)?;
        if !groups.contains(&code) {
            groups.push(code);
        }
    }
    if groups.is_empty() { Err(FieldError::Required) } else { Ok(groups) }
}

/// A date typed as `YYYY-MM-DD` (what `<input type="date">` sends).
pub fn parse_date(raw: &str) -> Result<Date, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::Required);
    }
    Date::parse(raw.trim(), DATE).map_err(|_| FieldError::InvalidDate)
}

pub fn format_iso_date(date: Date) -> String {
    date.format(DATE).unwrap_or_default()
}

/// A comment as typed by a member of the public.
#[derive(Debug, Clone, Default)]
pub struct CommentInput {
    pub body: String,
    pub group: String,
    pub name: String,
    pub organisation: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComment {
    pub body: Text,
    pub group: Code,
    /// Shown with the comment when published; optional.
    pub name: Option<Name>,
    pub organisation: Option<Name>,
    /// Never shown; kept to answer the person.
    pub email: Option<Email>,
}

impl CommentInput {
    pub fn parse(&self) -> Result<NewComment, FieldErrors> {
        let mut errors = FieldErrors::new();
        let body = check(&mut errors, "body", Text::paragraphs(&self.body, COMMENT_MAX_CHARS));
        let group =
            check(&mut errors, "group", Code::parse(&self.group).map_err(|_| FieldError::UnknownChoice));
        let name = check(&mut errors, "name", optional(&self.name, Name::parse));
        let organisation = check(&mut errors, "organisation", optional(&self.organisation, Name::parse));
        let email = check(&mut errors, "email", optional(&self.email, Email::parse));
        match (body, group, name, organisation, email) {
            (Some(body), Some(group), Some(name), Some(organisation), Some(email)) => {
                Ok(NewComment { body, group, name, organisation, email })
            }
            _ => Err(errors),
        }
    }
}

/// What a moderator decides about a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moderation {
    Pending,
    Published,
    Rejected,
}

impl Moderation {
    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Published => "published",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        [Self::Pending, Self::Published, Self::Rejected]
            .into_iter()
            .find(|m| m.code() == raw.trim())
            .ok_or(FieldError::UnknownChoice)
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    fn input() -> ConsultationInput {
        ConsultationInput {
            title: "ร่างมาตรฐานการให้บริการประชุมทางไกล".into(),
            subject: "service-standard".into(),
            draft: "ระยะเวลาการจองห้องประชุม 3 วันทำการ".into(),
            groups: vec!["provinces".into(), "moi-agencies".into(), "provinces".into()],
            opens_on: "2026-12-01".into(),
            closes_on: "2026-12-15".into(),
        }
    }

    #[test]
    fn a_consultation_names_its_groups_once_and_runs_between_its_dates() {
        let parsed = input().parse().unwrap();
        assert_eq!(parsed.groups.len(), 2);
        assert_eq!((parsed.opens_on, parsed.closes_on), (date!(2026 - 12 - 01), date!(2026 - 12 - 15)));
    }

    #[test]
    fn every_refused_field_is_named() {
        let bad =
            ConsultationInput { title: String::new(), subject: "poem".into(), groups: vec![], ..input() };
        let fields: Vec<_> = bad.parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["title", "subject", "groups"]);
        let backwards = ConsultationInput { closes_on: "2026-11-30".into(), ..input() };
        assert_eq!(backwards.parse().unwrap_err(), vec![("closes_on", FieldError::ClosesBeforeOpening)]);
        let garbled = ConsultationInput { opens_on: "1/12/2569".into(), ..input() };
        assert_eq!(garbled.parse().unwrap_err(), vec![("opens_on", FieldError::InvalidDate)]);
    }

    #[test]
    fn the_phase_follows_bangkok_days_inclusive() {
        let (opens, closes) = (date!(2026 - 12 - 01), date!(2026 - 12 - 15));
        assert_eq!(Phase::at(opens, closes, false, datetime!(2026-11-30 23:59 +7)), Phase::Upcoming);
        assert_eq!(
            Phase::at(opens, closes, false, datetime!(2026-11-30 17:00 UTC)),
            Phase::Open,
            "00:00 in Bangkok"
        );
        assert_eq!(Phase::at(opens, closes, false, datetime!(2026-12-15 23:59 +7)), Phase::Open);
        assert_eq!(Phase::at(opens, closes, false, datetime!(2026-12-16 00:00 +7)), Phase::Closed);
        assert_eq!(Phase::at(opens, closes, true, datetime!(2026-12-16 00:00 +7)), Phase::Responded);
    }

    #[test]
    fn a_comment_needs_words_and_a_group_and_nothing_else() {
        let ok = CommentInput {
            body: "ควรเพิ่มช่องทางจองผ่าน LINE".into(),
            group: "public".into(),
            ..CommentInput::default()
        };
        assert!(ok.parse().unwrap().name.is_none());
        let bad = CommentInput { email: "nope".into(), ..CommentInput::default() };
        let fields: Vec<_> = bad.parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["body", "group", "email"]);
    }
}
