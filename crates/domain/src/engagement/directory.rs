//! The stakeholder directory: organisations the Center works with and the
//! people to contact there, each kept under a stated PDPA basis.

use time::{Date, Month};

use crate::accounts::{Email, FieldError};
use crate::catalog::{Code, Name, Phone};
use crate::participation::consultation::parse_date;
use crate::participation::submission::{FieldErrors, check, optional};

/// The lawful basis for keeping a contact (PDPA B.E. 2562, section 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdpaBasis {
    Consent,
    Contract,
    LegalObligation,
    /// The Center's public task or official authority, the usual basis for a
    /// government body's working contacts.
    PublicTask,
    LegitimateInterest,
    VitalInterest,
}

impl PdpaBasis {
    pub const ALL: [Self; 6] = [
        Self::Consent,
        Self::Contract,
        Self::LegalObligation,
        Self::PublicTask,
        Self::LegitimateInterest,
        Self::VitalInterest,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Consent => "consent",
            Self::Contract => "contract",
            Self::LegalObligation => "legal-obligation",
            Self::PublicTask => "public-task",
            Self::LegitimateInterest => "legitimate-interest",
            Self::VitalInterest => "vital-interest",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "" => Err(FieldError::Required),
            raw => Self::ALL.into_iter().find(|b| b.code() == raw).ok_or(FieldError::UnknownChoice),
        }
    }
}

/// An organisation as typed.
#[derive(Debug, Clone, Default)]
pub struct OrganisationInput {
    pub name: String,
    /// A stakeholder group's code.
    pub group: String,
    pub province: String,
    /// What kind of body it is ("องค์การบริหารส่วนจังหวัด", "บริษัทจำกัด" …).
    pub org_type: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub name: Name,
    pub group: Code,
    pub province: Option<Name>,
    pub org_type: Option<Name>,
}

impl OrganisationInput {
    pub fn parse(&self) -> Result<NewOrganisation, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = check(&mut errors, "name", Name::parse(&self.name));
        let group = check(&mut errors, "group_id", parse_group(&self.group));
        let province = check(&mut errors, "province", optional(&self.province, Name::parse));
        let org_type = check(&mut errors, "org_type", optional(&self.org_type, Name::parse));
        match (name, group, province, org_type) {
            (Some(name), Some(group), Some(province), Some(org_type)) if errors.is_empty() => {
                Ok(NewOrganisation { name, group, province, org_type })
            }
            _ => Err(errors),
        }
    }
}

fn parse_group(raw: &str) -> Result<Code, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::Required),
        raw => Code::parse(raw).map_err(|_| FieldError::UnknownChoice),
    }
}

/// A contact person as typed.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    pub name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
    pub pdpa_basis: String,
    /// When the person gave the data: `2026-11-24`, or `24/11/2569` as
    /// Thai offices write it.
    pub given_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContact {
    pub name: Name,
    pub position: Option<Name>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub pdpa_basis: PdpaBasis,
    pub given_on: Date,
}

impl ContactInput {
    /// A name, a basis, a date, and an e-mail address or a phone number.
    pub fn parse(&self) -> Result<NewContact, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = check(&mut errors, "contact_name", Name::parse(&self.name));
        let position = check(&mut errors, "position", optional(&self.position, Name::parse));
        let email = check(&mut errors, "email", optional(&self.email, Email::parse));
        let phone = check(&mut errors, "phone", optional(&self.phone, Phone::parse));
        if matches!((&email, &phone), (Some(None), Some(None))) {
            errors.push(("email", FieldError::Required));
        }
        let pdpa_basis = check(&mut errors, "pdpa_basis", PdpaBasis::parse(&self.pdpa_basis));
        let given_on = check(&mut errors, "given_on", parse_day(&self.given_on));
        match (name, position, email, phone, pdpa_basis, given_on) {
            (Some(name), Some(position), Some(email), Some(phone), Some(pdpa_basis), Some(given_on))
                if errors.is_empty() =>
            {
                Ok(NewContact { name, position, email, phone, pdpa_basis, given_on })
            }
            _ => Err(errors),
        }
    }

    pub fn is_empty(&self) -> bool {
        [&self.name, &self.position, &self.email, &self.phone, &self.pdpa_basis, &self.given_on]
            .iter()
            .all(|value| value.trim().is_empty())
    }
}

/// A day as ISO (`2026-11-24`) or as Thai offices write it, day first with
/// a Buddhist-Era year (`24/11/2569`); a year after 2400 is taken as B.E.
pub fn parse_day(raw: &str) -> Result<Date, FieldError> {
    let raw = raw.trim();
    if !raw.contains('/') {
        return parse_date(raw);
    }
    let parts: Vec<&str> = raw.split('/').map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(FieldError::InvalidDate);
    };
    let number = |s: &str| s.parse::<i32>().map_err(|_| FieldError::InvalidDate);
    let year = match number(year)? {
        be if be > 2400 => be - 543,
        ce => ce,
    };
    let month = u8::try_from(number(month)?).ok().and_then(|m| Month::try_from(m).ok());
    let day = u8::try_from(number(day)?).ok();
    match (month, day) {
        (Some(month), Some(day)) => {
            Date::from_calendar_date(year, month, day).map_err(|_| FieldError::InvalidDate)
        }
        _ => Err(FieldError::InvalidDate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact() -> ContactInput {
        ContactInput {
            name: "นางสาวพิมพ์ใจ ศรีสุข".into(),
            position: "นักวิชาการคอมพิวเตอร์ชำนาญการ".into(),
            email: "Pimjai@Province.go.th".into(),
            phone: "".into(),
            pdpa_basis: "public-task".into(),
            given_on: "24/11/2569".into(),
        }
    }

    #[test]
    fn a_contact_keeps_its_basis_and_the_day_it_was_given_in_either_calendar() {
        let parsed = contact().parse().unwrap();
        assert_eq!(parsed.pdpa_basis, PdpaBasis::PublicTask);
        assert_eq!(parsed.given_on, Date::from_calendar_date(2026, Month::November, 24).unwrap());
        assert_eq!(parsed.email.unwrap().as_str(), "pimjai@province.go.th");
        assert_eq!(parse_day("2026-11-24"), Ok(parsed.given_on));
        assert_eq!(parse_day("24/11/2026"), Ok(parsed.given_on));
    }

    #[test]
    fn a_contact_without_basis_date_or_way_to_reach_them_names_each_field() {
        let bare = ContactInput {
            name: "สมชาย".into(), given_on: "31/02/2569".into(), ..Default::default()
        };
        let fields: Vec<_> = bare.parse().unwrap_err().into_iter().collect();
        assert_eq!(
            fields,
            [
                ("email", FieldError::Required),
                ("pdpa_basis", FieldError::Required),
                ("given_on", FieldError::InvalidDate)
            ]
        );
        let unknown = ContactInput { pdpa_basis: "because".into(), ..contact() };
        assert_eq!(unknown.parse().unwrap_err(), [("pdpa_basis", FieldError::UnknownChoice)]);
    }

    #[test]
    fn an_organisation_needs_a_name_and_a_group() {
        let org = OrganisationInput {
            name: "  จังหวัดเชียงใหม่ ".into(),
            group: "provinces".into(),
            ..Default::default()
        };
        let parsed = org.parse().unwrap();
        assert_eq!(parsed.name.as_str(), "จังหวัดเชียงใหม่");
        assert_eq!(parsed.province, None);
        let fields: Vec<_> =
            OrganisationInput::default().parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["name", "group_id"]);
    }
}
