//! The rules that judge indicator 4's steps over the live facts of the
//! areas, each threshold a setting an administrator may change.

mod facts;
#[cfg(test)]
mod tests;

pub use facts::{
    ActivityFacts, ChannelFacts, CitizenManualFacts, ManualInForce, RelationshipFacts, SatisfactionFacts,
    ServiceWorkManuals, SurveyFacts, SurveyGroup, WorkManualFact, WorkManualFacts,
};
use serde::{Deserialize, Serialize};

use super::decimal::Decimal;
use crate::accounts::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Step 1: submissions through enough channels, answered in time.
    Channels,
    /// Step 2: activities held, attended and minuted, reaching enough groups.
    Relationships,
    /// Step 3: a survey with its sample, analysed, acted on; standards set.
    Satisfaction,
    /// Step 4: a citizen manual in force and announced for every service.
    CitizenManuals,
    /// Step 5: a work manual renewed this year and read, for every service.
    WorkManuals,
}

/// What a setting holds: a whole count, or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SettingKind {
    Count,
    Percent,
}

impl Rule {
    pub const ALL: [Rule; 5] =
        [Self::Channels, Self::Relationships, Self::Satisfaction, Self::CitizenManuals, Self::WorkManuals];

    pub fn code(self) -> &'static str {
        match self {
            Self::Channels => "channels",
            Self::Relationships => "relationships",
            Self::Satisfaction => "satisfaction",
            Self::CitizenManuals => "citizen_manuals",
            Self::WorkManuals => "work_manuals",
        }
    }

    fn table(self) -> &'static [(&'static str, i64, SettingKind)] {
        use SettingKind::*;
        match self {
            Self::Channels => &[("s1_min_channels", 3, Count), ("s1_min_answered_pct", 80, Percent)],
            Self::Relationships => &[("s2_min_activities", 1, Count), ("s2_min_groups", 3, Count)],
            Self::Satisfaction => &[("s3_min_actions", 1, Count)],
            Self::CitizenManuals => &[],
            Self::WorkManuals => &[("s5_min_acknowledged_pct", 80, Percent)],
        }
    }

    /// The settings this rule reads, with their defaults.
    pub fn settings(self) -> Vec<(&'static str, Decimal)> {
        self.table().iter().map(|(name, default, _)| (*name, Decimal::from_int(*default))).collect()
    }

    pub fn default_setting(self, name: &str) -> Option<Decimal> {
        self.table().iter().find(|(n, ..)| *n == name).map(|(_, default, _)| Decimal::from_int(*default))
    }

    /// Why `value` cannot be this rule's setting `name`.
    pub fn setting_error(self, name: &str, value: Decimal) -> Option<FieldError> {
        let (.., kind) = self.table().iter().find(|(n, ..)| *n == name)?;
        let whole = value.ten_thousandths() % 10_000 == 0;
        match kind {
            SettingKind::Count if !whole => Some(FieldError::NotANumber),
            SettingKind::Count if value < Decimal::ZERO || value > Decimal::from_int(10_000) => {
                Some(FieldError::OutOfRange { min: 0, max: 10_000 })
            }
            SettingKind::Percent if value < Decimal::ZERO || value > Decimal::from_int(100) => {
                Some(FieldError::OutOfRange { min: 0, max: 100 })
            }
            _ => None,
        }
    }
}

/// A rule's settings as the indicator holds them.
pub trait Settings {
    /// The value in force; rules only ask for their own names.
    fn get(&self, name: &str) -> Decimal;

    /// A count setting as a whole number.
    fn count(&self, name: &str) -> u64 {
        u64::try_from(self.get(name).ten_thousandths() / 10_000).unwrap_or(0)
    }
}

impl Settings for super::Indicator {
    fn get(&self, name: &str) -> Decimal {
        self.setting(name).unwrap_or_default()
    }
}
