//! Registering for an activity: who, from which group, and how to reach
//! them; and the code they show at the door.

use crate::accounts::{Email, FieldError};
use crate::catalog::{Code, Name, Phone};
use crate::participation::submission::{FieldErrors, check, optional};

/// Letters and digits that cannot be mistaken for one another when read
/// aloud or typed from a phone screen (no 0/O, 1/I/L, 5/S, 8/B).
pub const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY234679";
pub const CODE_LENGTH: usize = 8;

/// A registration's check-in code, e.g. `K7QX-2MHD`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RegistrationCode(String);

impl RegistrationCode {
    /// A code from random bytes (the caller draws them: the domain draws no randomness).
    pub fn from_random(bytes: [u8; CODE_LENGTH]) -> Self {
        let alphabet = CODE_ALPHABET.len();
        Self(bytes.iter().map(|b| char::from(CODE_ALPHABET[usize::from(*b) % alphabet])).collect())
    }

    /// What someone typed or scanned: case, spaces and dashes do not matter.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let code: String =
            raw.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        let valid = code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
        if valid { Ok(Self(code)) } else { Err(FieldError::InvalidCode) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RegistrationCode {
    /// Written in two halves for reading aloud: `K7QX-2MHD`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", &self.0[..4], &self.0[4..])
    }
}

/// What a person typed to register.
#[derive(Debug, Clone, Default)]
pub struct RegistrationInput {
    pub name: String,
    pub organisation: String,
    pub group: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRegistration {
    pub name: Name,
    pub organisation: Option<Name>,
    pub group: Code,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
}

impl RegistrationInput {
    /// A name, a group, and an e-mail address or a phone number.
    pub fn parse(&self) -> Result<NewRegistration, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = check(&mut errors, "name", Name::parse(&self.name));
        let organisation = check(&mut errors, "organisation", optional(&self.organisation, Name::parse));
        let group =
            check(&mut errors, "group_id", Code::parse(&self.group).map_err(|_| FieldError::UnknownChoice));
        let email = check(&mut errors, "email", optional(&self.email, Email::parse));
        let phone = check(&mut errors, "phone", optional(&self.phone, Phone::parse));
        if matches!((&email, &phone), (Some(None), Some(None))) {
            errors.push(("email", FieldError::Required));
        }
        match (name, organisation, group, email, phone) {
            (Some(name), Some(organisation), Some(group), Some(email), Some(phone)) if errors.is_empty() => {
                Ok(NewRegistration { name, organisation, group, email, phone })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_whatever_the_case_and_dashes() {
        let code = RegistrationCode::from_random([0, 1, 2, 3, 250, 251, 252, 253]);
        let shown = code.to_string();
        assert_eq!(shown.len(), 9);
        assert_eq!(RegistrationCode::parse(&shown.to_lowercase()).unwrap(), code);
        assert_eq!(RegistrationCode::parse(&format!(" {} ", code.as_str())).unwrap(), code);
        assert_eq!(RegistrationCode::parse("K7QX-2MH"), Err(FieldError::InvalidCode));
        assert_eq!(
            RegistrationCode::parse("O0O0-1111"),
            Err(FieldError::InvalidCode),
            "look-alikes are not used"
        );
    }

    #[test]
    fn a_registration_needs_a_way_to_reach_the_person() {
        let walk_in = RegistrationInput {
            name: "สมศรี".into(), group: "public".into(), ..Default::default()
        };
        assert_eq!(walk_in.parse().unwrap_err(), vec![("email", FieldError::Required)]);
        let by_phone = RegistrationInput { phone: "081 234 5678".into(), ..walk_in };
        assert!(by_phone.parse().unwrap().email.is_none());
    }

    proptest::proptest! {
        #[test]
        fn every_random_code_parses_back(bytes in proptest::array::uniform8(proptest::num::u8::ANY)) {
            let code = RegistrationCode::from_random(bytes);
            proptest::prop_assert_eq!(RegistrationCode::parse(&code.to_string()).unwrap(), code);
        }
    }
}
