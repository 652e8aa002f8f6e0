//! Staff accounts: roles, their scope, and the rules for e-mails, names,
//! passwords and login throttling.

mod fields;
pub mod policy;
mod throttle;

pub use fields::{Email, FieldError, NamedErrors, Password};
pub use throttle::{LoginThrottle, ThrottleDecision};

use serde::{Deserialize, Serialize};

/// What a staff member may do. Officers and collectors work for one division;
/// the others act center-wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Users, roles, catalog, KPI definitions and settings.
    Administrator,
    /// The Center's director: indicator owner, approves center-wide.
    Director,
    /// A division director: collects and signs off the division's evidence.
    Collector,
    /// Works the division's inbox, activities, surveys and manuals.
    Officer,
    /// Reads one fiscal year's evidence, changes nothing.
    Evaluator,
}

impl Role {
    pub const ALL: [Role; 5] =
        [Self::Administrator, Self::Director, Self::Collector, Self::Officer, Self::Evaluator];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::Director => "director",
            Self::Collector => "collector",
            Self::Officer => "officer",
            Self::Evaluator => "evaluator",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw.trim()).ok_or(FieldError::UnknownRole)
    }

    /// Officers and collectors act for one division and must name it.
    pub fn needs_division(self) -> bool {
        matches!(self, Self::Officer | Self::Collector)
    }
}

/// The division scope of a role: checked once when an account is created.
pub fn check_scope(role: Role, division: Option<&str>) -> Result<(), FieldError> {
    match (role.needs_division(), division) {
        (true, None) => Err(FieldError::DivisionRequired),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert_eq!(Role::parse("root"), Err(FieldError::UnknownRole));
    }

    #[test]
    fn officers_and_collectors_need_a_division() {
        assert_eq!(check_scope(Role::Officer, None), Err(FieldError::DivisionRequired));
        assert_eq!(check_scope(Role::Collector, Some("strategy")), Ok(()));
        assert_eq!(check_scope(Role::Director, None), Ok(()));
    }
}
