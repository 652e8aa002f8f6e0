//! A new submission, parsed once from the public form, the API or a staff
//! member logging a call. Every field is checked and every refusal reported
//! with its field name, so a form can show them all at once.

use crate::accounts::{Email, FieldError};
use crate::catalog::{Code, Name, Phone};
use crate::text::Text;

use super::{Channel, Kind};

/// The service choice meaning "not about one service in particular".
pub const GENERAL_SERVICE: &str = "general";

pub const SUBJECT_MAX_CHARS: usize = 200;
pub const DETAILS_MAX_CHARS: usize = 10_000;

/// What was typed, before any check.
#[derive(Debug, Clone, Default)]
pub struct SubmissionInput {
    pub kind: String,
    pub service: String,
    pub group: String,
    pub subject: String,
    pub details: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
}

/// How to reach the person; all optional (anonymous submissions are allowed).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    pub name: Option<Name>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.phone.is_none()
    }
}

/// A submission whose fields are valid. Whether the service and group codes
/// exist is checked by the store against the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubmission {
    pub kind: Kind,
    pub channel: Channel,
    /// `None` for a general submission.
    pub service: Option<Code>,
    pub group: Code,
    pub subject: Text,
    pub details: Text,
    pub contact: Contact,
}

/// The refused fields, in form order.
pub type FieldErrors = Vec<(&'static str, FieldError)>;

impl SubmissionInput {
    pub fn parse(&self, channel: Channel) -> Result<NewSubmission, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = check(&mut errors, "kind", Kind::parse(&self.kind));
        let service = check(&mut errors, "service", parse_service(&self.service));
        let group =
            check(&mut errors, "group", Code::parse(&self.group).map_err(|_| FieldError::UnknownChoice));
        let subject = check(&mut errors, "subject", Text::line(&self.subject, SUBJECT_MAX_CHARS));
        let details = check(&mut errors, "details", Text::paragraphs(&self.details, DETAILS_MAX_CHARS));
        let name = check(&mut errors, "contact.name", optional(&self.contact_name, Name::parse));
        let email = check(&mut errors, "contact.email", optional(&self.contact_email, Email::parse));
        let phone = check(&mut errors, "contact.phone", optional(&self.contact_phone, Phone::parse));
        match (kind, service, group, subject, details, name, email, phone) {
            (
                Some(kind),
                Some(service),
                Some(group),
                Some(subject),
                Some(details),
                Some(name),
                Some(email),
                Some(phone),
            ) => {
                let contact = Contact { name, email, phone };
                Ok(NewSubmission { kind, channel, service, group, subject, details, contact })
            }
            _ => Err(errors),
        }
    }
}

/// The value, or `None` after recording why the field was refused.
pub(crate) fn check<T>(
    errors: &mut FieldErrors,
    field: &'static str,
    result: Result<T, FieldError>,
) -> Option<T> {
    result.map_err(|error| errors.push((field, error))).ok()
}

fn parse_service(raw: &str) -> Result<Option<Code>, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::Required),
        GENERAL_SERVICE => Ok(None),
        code => Code::parse(code).map(Some).map_err(|_| FieldError::UnknownChoice),
    }
}

pub(crate) fn optional<T>(
    raw: &str,
    parse: impl Fn(&str) -> Result<T, FieldError>,
) -> Result<Option<T>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { parse(raw).map(Some) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complaint() -> SubmissionInput {
        SubmissionInput {
            kind: "complaint".into(),
            service: "video-conference".into(),
            group: "provinces".into(),
            subject: "ระบบวีดิทัศน์ทางไกลขัดข้อง".into(),
            details: "ภาพค้างระหว่างประชุม\nเกิดซ้ำทุกวันจันทร์".into(),
            ..SubmissionInput::default()
        }
    }

    #[test]
    fn an_anonymous_complaint_is_accepted() {
        let parsed = complaint().parse(Channel::Web).unwrap();
        assert_eq!((parsed.kind, parsed.channel), (Kind::Complaint, Channel::Web));
        assert_eq!(parsed.service.unwrap().as_str(), "video-conference");
        assert!(parsed.contact.is_empty());
    }

    #[test]
    fn general_means_no_particular_service() {
        let input = SubmissionInput { service: "general".into(), ..complaint() };
        assert_eq!(input.parse(Channel::Telephone).unwrap().service, None);
    }

    #[test]
    fn every_refused_field_is_reported_by_name() {
        let input = SubmissionInput {
            kind: "praise".into(),
            service: String::new(),
            group: "Provinces!".into(),
            subject: "x".repeat(201),
            details: "  ".into(),
            contact_email: "not-an-email".into(),
            contact_phone: "call me".into(),
            ..SubmissionInput::default()
        };
        let fields: Vec<_> = input.parse(Channel::Web).unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            ["kind", "service", "group", "subject", "details", "contact.email", "contact.phone"]
        );
    }

    #[test]
    fn contact_details_are_normalized() {
        let input = SubmissionInput {
            contact_email: " Somchai@Example.COM ".into(),
            contact_phone: "081-234-5678".into(),
            ..complaint()
        };
        let contact = input.parse(Channel::Web).unwrap().contact;
        assert_eq!(contact.email.unwrap().as_str(), "somchai@example.com");
        assert_eq!(contact.phone.unwrap().as_str(), "081-234-5678");
    }
}
