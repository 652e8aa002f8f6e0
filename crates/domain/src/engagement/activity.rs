//! An activity: kind, dates, venue or link, capacity, registration window,
//! the services it concerns and the groups it is for.

use time::OffsetDateTime;

use crate::accounts::FieldError;
use crate::catalog::Code;
use crate::participation::submission::{FieldErrors, check};
use crate::text::Text;

pub const TITLE_MAX_CHARS: usize = 200;
pub const VENUE_MAX_CHARS: usize = 500;
/// Large enough for a public hearing in a stadium, small enough to catch a typo.
pub const MAX_CAPACITY: u32 = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Meeting,
    Seminar,
    Training,
    SiteVisit,
    Workshop,
    FocusGroup,
    PublicHearing,
    RelationshipEvent,
}

impl Kind {
    pub const ALL: [Self; 8] = [
        Self::Meeting,
        Self::Seminar,
        Self::Training,
        Self::SiteVisit,
        Self::Workshop,
        Self::FocusGroup,
        Self::PublicHearing,
        Self::RelationshipEvent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Meeting => "meeting",
            Self::Seminar => "seminar",
            Self::Training => "training",
            Self::SiteVisit => "site-visit",
            Self::Workshop => "workshop",
            Self::FocusGroup => "focus-group",
            Self::PublicHearing => "public-hearing",
            Self::RelationshipEvent => "relationship-event",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|k| k.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }
}

/// The status staff set. "Open" and "full" are not stored: they are read
/// from the registration window and the count (see [`Registration`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Planned,
    Held,
    Cancelled,
    Postponed,
}

impl Status {
    pub const ALL: [Self; 4] = [Self::Planned, Self::Held, Self::Cancelled, Self::Postponed];

    pub fn code(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Held => "held",
            Self::Cancelled => "cancelled",
            Self::Postponed => "postponed",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|s| s.code() == raw.trim()).ok_or(FieldError::UnknownChoice)
    }
}

/// Whether someone may register now, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    /// Places are left.
    Open,
    /// Every place is taken: a new registration joins the waitlist.
    Full,
    NotYetOpen,
    Closed,
    /// Cancelled, postponed or already held.
    NotTakingPlace,
}

impl Registration {
    pub fn at(
        status: Status,
        window: (OffsetDateTime, OffsetDateTime),
        registered: u32,
        capacity: u32,
        now: OffsetDateTime,
    ) -> Self {
        match () {
            () if status != Status::Planned => Self::NotTakingPlace,
            () if now < window.0 => Self::NotYetOpen,
            () if now >= window.1 => Self::Closed,
            () if registered >= capacity => Self::Full,
            () => Self::Open,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Full => "full",
            Self::NotYetOpen => "not-yet-open",
            Self::Closed => "closed",
            Self::NotTakingPlace => "not-taking-place",
        }
    }

    /// A registration is taken (as a place or on the waitlist).
    pub fn accepts(self) -> bool {
        matches!(self, Self::Open | Self::Full)
    }
}

/// An activity as typed by staff; instants already parsed by the caller.
#[derive(Debug, Clone, Default)]
pub struct ActivityInput {
    pub title: String,
    pub kind: String,
    pub starts_at: Option<OffsetDateTime>,
    pub ends_at: Option<OffsetDateTime>,
    pub venue: String,
    pub capacity: String,
    pub group_codes: Vec<String>,
    pub service_codes: Vec<String>,
    pub registration_opens_at: Option<OffsetDateTime>,
    pub registration_closes_at: Option<OffsetDateTime>,
    /// The organizing division's code; empty when not said.
    pub division_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewActivity {
    pub title: Text,
    pub kind: Kind,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
    /// A place, or an online link.
    pub venue: Text,
    pub capacity: u32,
    pub groups: Vec<Code>,
    pub services: Vec<Code>,
    pub registration_opens_at: OffsetDateTime,
    pub registration_closes_at: OffsetDateTime,
    pub division: Option<Code>,
}

impl ActivityInput {
    pub fn parse(&self) -> Result<NewActivity, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = check(&mut errors, "title", Text::line(&self.title, TITLE_MAX_CHARS));
        let kind = check(&mut errors, "kind", Kind::parse(&self.kind));
        let starts_at = check(&mut errors, "starts_at", self.starts_at.ok_or(FieldError::Required));
        let ends_at = check(&mut errors, "ends_at", self.ends_at.ok_or(FieldError::Required));
        let venue = check(&mut errors, "venue", Text::line(&self.venue, VENUE_MAX_CHARS));
        let capacity = check(&mut errors, "capacity", parse_capacity(&self.capacity));
        let groups = check(&mut errors, "group_ids", codes(&self.group_codes, true));
        let services = check(&mut errors, "service_ids", codes(&self.service_codes, false));
        let opens = check(
            &mut errors,
            "registration_opens_at",
            self.registration_opens_at.ok_or(FieldError::Required),
        );
        let closes = check(
            &mut errors,
            "registration_closes_at",
            self.registration_closes_at.ok_or(FieldError::Required),
        );
        let division = check(&mut errors, "division", optional_code(&self.division_code));
        if let (Some(starts), Some(ends)) = (starts_at, ends_at)
            && ends <= starts
        {
            errors.push(("ends_at", FieldError::ClosesBeforeOpening));
        }
        if let (Some(opens), Some(closes)) = (opens, closes)
            && closes <= opens
        {
            errors.push(("registration_closes_at", FieldError::ClosesBeforeOpening));
        }
        match (title, kind, starts_at, ends_at, venue, capacity, groups, services, opens, closes, division) {
            (
                Some(title),
                Some(kind),
                Some(starts_at),
                Some(ends_at),
                Some(venue),
                Some(capacity),
                Some(groups),
                Some(services),
                Some(registration_opens_at),
                Some(registration_closes_at),
                Some(division),
            ) if errors.is_empty() => Ok(NewActivity {
                title,
                kind,
                starts_at,
                ends_at,
                venue,
                capacity,
                groups,
                services,
                registration_opens_at,
                registration_closes_at,
                division,
            }),
            _ => Err(errors),
        }
    }
}

fn parse_capacity(raw: &str) -> Result<u32, FieldError> {
    let capacity: u32 = raw.trim().parse().map_err(|_| FieldError::NotANumber)?;
    if (1..=MAX_CAPACITY).contains(&capacity) {
        Ok(capacity)
    } else {
        Err(FieldError::OutOfRange { min: 1, max: MAX_CAPACITY })
    }
}

fn optional_code(raw: &str) -> Result<Option<Code>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        code => Code::parse(code).map(Some).map_err(|_| FieldError::UnknownChoice),
    }
}

/// Catalog codes, each once; at least one when `required`.
fn codes(raw: &[String], required: bool) -> Result<Vec<Code>, FieldError> {
    let mut codes = Vec::new();
    for code in raw.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let code = Code::parse(code).map_err(|_| FieldError::UnknownChoice)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if required && codes.is_empty() { Err(FieldError::Required) } else { Ok(codes) }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn seminar() -> ActivityInput {
        ActivityInput {
            title: "สัมมนาความร่วมมือด้าน ICT กับจังหวัดและภาคเอกชน".into(),
            kind: "seminar".into(),
            starts_at: Some(datetime!(2027-01-20 09:00 +7)),
            ends_at: Some(datetime!(2027-01-20 16:00 +7)),
            venue: "ห้องประชุมชั้น 5 ศาลาว่าการกระทรวงมหาดไทย".into(),
            capacity: "50".into(),
            group_codes: vec!["provinces".into(), "private-sector".into()],
            service_codes: vec!["video-conference".into()],
            registration_opens_at: Some(datetime!(2026-12-01 00:00 +7)),
            registration_closes_at: Some(datetime!(2027-01-15 00:00 +7)),
            division_code: "strategy".into(),
        }
    }

    #[test]
    fn a_seminar_for_two_groups_is_accepted() {
        let parsed = seminar().parse().unwrap();
        assert_eq!((parsed.kind, parsed.capacity, parsed.groups.len()), (Kind::Seminar, 50, 2));
    }

    #[test]
    fn impossible_dates_and_capacities_are_named() {
        let bad = ActivityInput {
            capacity: "0".into(),
            ends_at: Some(datetime!(2027-01-20 08:00 +7)),
            group_codes: vec![],
            ..seminar()
        };
        let fields: Vec<_> = bad.parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["capacity", "group_ids", "ends_at"]);
        let words = ActivityInput { capacity: "ห้าสิบ".into(), ..seminar() };
        assert_eq!(words.parse().unwrap_err(), vec![("capacity", FieldError::NotANumber)]);
    }

    #[test]
    fn registration_follows_status_window_and_places() {
        let window = (datetime!(2026-12-01 00:00 +7), datetime!(2027-01-15 00:00 +7));
        let during = datetime!(2026-12-10 12:00 +7);
        assert_eq!(Registration::at(Status::Planned, window, 49, 50, during), Registration::Open);
        assert_eq!(Registration::at(Status::Planned, window, 50, 50, during), Registration::Full);
        assert!(Registration::Full.accepts(), "a full activity still takes a waitlist");
        assert_eq!(
            Registration::at(Status::Planned, window, 0, 50, window.0 - time::Duration::SECOND),
            Registration::NotYetOpen
        );
        assert_eq!(Registration::at(Status::Planned, window, 0, 50, window.1), Registration::Closed);
        assert_eq!(Registration::at(Status::Cancelled, window, 0, 50, during), Registration::NotTakingPlace);
        assert!(!Registration::NotTakingPlace.accepts());
    }
}
