//! What judging a step says: met or not, the facts behind it, what it rests
//! on, and what is missing, each in terms the pages and the API can name.

use serde::Serialize;

use super::decimal::Decimal;

/// One figure a step was judged on, under a stable key (`channels_used`);
/// the pages name it and link it to the list behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub key: &'static str,
    pub value: FactValue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Count(u64),
    /// `None` when there is nothing to take a share of.
    Percent(Option<Decimal>),
    /// Codes of channels, groups or services.
    Codes(Vec<String>),
}

/// What a step rests on; the web layer turns each into a title and a link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Evidence {
    ParticipationReport,
    Activity {
        id: i64,
        title: String,
    },
    Survey {
        id: i64,
        name: String,
    },
    ServiceStandards,
    /// The improvement actions, each with its effect measured again.
    Improvements,
    CitizenManual {
        service: String,
    },
    WorkManual {
        id: i64,
        code: String,
    },
}

/// A service, survey or manual named where a gap lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub code: String,
    pub name: String,
}

/// Something a step still lacks, concretely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "gap", rename_all = "kebab-case")]
pub enum Gap {
    /// Submissions came in through fewer channels than the rule asks.
    FewChannels {
        used: u64,
        needed: u64,
    },
    /// Nothing was answered yet, so no share can be taken.
    NothingAnswered,
    FewAnsweredInTime {
        pct: Decimal,
        needed: Decimal,
    },
    FewActivities {
        counted: u64,
        needed: u64,
    },
    /// Held activities that do not count yet, and why.
    ActivitiesWithoutAttendance {
        activities: Vec<Named>,
    },
    ActivitiesWithoutMinutes {
        activities: Vec<Named>,
    },
    FewGroupsReached {
        reached: u64,
        needed: u64,
        not_reached: Vec<Named>,
    },
    NoSurvey,
    /// A survey short of its Taro Yamane sample over the groups of known size.
    SampleShort {
        survey: Named,
        achieved: u64,
        required: u64,
    },
    /// No group of the survey has a known population, so its sample cannot be judged.
    PopulationUnknown {
        survey: Named,
    },
    FewActions {
        survey: Named,
        opened: u64,
        needed: u64,
    },
    NoStandard {
        services: Vec<Named>,
    },
    NoCitizenManual {
        services: Vec<Named>,
    },
    NotAnnounced {
        services: Vec<Named>,
    },
    NoWorkManual {
        services: Vec<Named>,
    },
    NotRenewedThisYear {
        services: Vec<Named>,
    },
    FewAcknowledged {
        manual: Named,
        acknowledged: u64,
        readers: u64,
        needed: Decimal,
    },
    /// A step without a rule waits for the director's sign-off.
    AwaitsSignOff,
}

/// A step judged by its rule.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Verdict {
    pub met: bool,
    pub facts: Vec<Fact>,
    pub missing: Vec<Gap>,
    pub evidence: Vec<Evidence>,
}

impl Verdict {
    /// Met when nothing is missing.
    pub fn of(facts: Vec<Fact>, missing: Vec<Gap>, evidence: Vec<Evidence>) -> Self {
        Self { met: missing.is_empty(), facts, missing, evidence }
    }
}

pub(super) fn count(key: &'static str, n: u64) -> Fact {
    Fact { key, value: FactValue::Count(n) }
}

pub(super) fn percent(key: &'static str, pct: Option<Decimal>) -> Fact {
    Fact { key, value: FactValue::Percent(pct) }
}

pub(super) fn codes(key: &'static str, codes: Vec<String>) -> Fact {
    Fact { key, value: FactValue::Codes(codes) }
}
