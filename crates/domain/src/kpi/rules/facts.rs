//! The facts each rule reads, as the store gathers them for a fiscal year
//! up to a day, and the judging of each.

use std::collections::BTreeSet;

use super::Settings;
use crate::kpi::decimal::Decimal;
use crate::kpi::verdict::{Evidence, Gap, Named, Verdict, codes, count, percent};
use crate::participation::Channel;
use crate::satisfaction::stats::{DEFAULT_MARGIN_BASIS_POINTS, yamane_required};

/// Step 1: the year's submissions by channel, and their first replies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelFacts {
    /// Channels with at least one submission, with their counts.
    pub channels: Vec<(Channel, u64)>,
    /// Submissions answered, and answered within their service's target.
    pub answered: u64,
    pub answered_in_time: u64,
}

impl ChannelFacts {
    pub fn judge(&self, settings: &impl Settings) -> Verdict {
        let (needed_channels, needed_pct) =
            (settings.count("s1_min_channels"), settings.get("s1_min_answered_pct"));
        let used = self.channels.len() as u64;
        let pct = Decimal::percent(self.answered_in_time, self.answered);
        let mut missing = Vec::new();
        if used < needed_channels {
            missing.push(Gap::FewChannels { used, needed: needed_channels });
        }
        match pct {
            None => missing.push(Gap::NothingAnswered),
            Some(pct) if pct < needed_pct => missing.push(Gap::FewAnsweredInTime { pct, needed: needed_pct }),
            Some(_) => {}
        }
        let facts = vec![
            count("submissions", self.channels.iter().map(|(_, n)| n).sum()),
            count("channels_used", used),
            codes("channels", self.channels.iter().map(|(c, _)| c.code().to_owned()).collect()),
            count("answered", self.answered),
            count("answered_in_time", self.answered_in_time),
            percent("answered_in_time_pct", pct),
        ];
        Verdict::of(facts, missing, vec![Evidence::ParticipationReport])
    }
}

/// An activity held in the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFacts {
    pub id: i64,
    pub title: String,
    /// Attendees checked in.
    pub attended: u64,
    pub minutes: bool,
    /// Codes of the groups the attendees came from.
    pub groups: Vec<String>,
}

impl ActivityFacts {
    fn counts(&self) -> bool {
        self.attended > 0 && self.minutes
    }

    fn named(&self) -> Named {
        Named { code: self.id.to_string(), name: self.title.clone() }
    }
}

/// Step 2: the year's held activities, against every stakeholder group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelationshipFacts {
    pub activities: Vec<ActivityFacts>,
    pub groups: Vec<Named>,
}

impl RelationshipFacts {
    pub fn judge(&self, settings: &impl Settings) -> Verdict {
        let (needed_activities, needed_groups) =
            (settings.count("s2_min_activities"), settings.count("s2_min_groups"));
        let counted: Vec<&ActivityFacts> = self.activities.iter().filter(|a| a.counts()).collect();
        let reached: BTreeSet<&str> =
            counted.iter().flat_map(|a| a.groups.iter().map(String::as_str)).collect();
        let mut missing = Vec::new();
        if (counted.len() as u64) < needed_activities {
            missing.push(Gap::FewActivities { counted: counted.len() as u64, needed: needed_activities });
        }
        if (reached.len() as u64) < needed_groups {
            let not_reached =
                self.groups.iter().filter(|g| !reached.contains(g.code.as_str())).cloned().collect();
            missing.push(Gap::FewGroupsReached {
                reached: reached.len() as u64,
                needed: needed_groups,
                not_reached,
            });
        }
        if !missing.is_empty() {
            // What would count with one more record made.
            let lacking = |keep: fn(&ActivityFacts) -> bool| -> Vec<Named> {
                self.activities.iter().filter(|a| keep(a)).map(ActivityFacts::named).collect()
            };
            let no_attendance = lacking(|a| a.attended == 0);
            let no_minutes = lacking(|a| a.attended > 0 && !a.minutes);
            if !no_attendance.is_empty() {
                missing.push(Gap::ActivitiesWithoutAttendance { activities: no_attendance });
            }
            if !no_minutes.is_empty() {
                missing.push(Gap::ActivitiesWithoutMinutes { activities: no_minutes });
            }
        }
        let facts = vec![
            count("activities_held", self.activities.len() as u64),
            count("activities_counted", counted.len() as u64),
            count("attended", counted.iter().map(|a| a.attended).sum()),
            count("groups_reached", reached.len() as u64),
            codes("groups", reached.iter().map(|g| (*g).to_owned()).collect()),
        ];
        let evidence =
            counted.iter().map(|a| Evidence::Activity { id: a.id, title: a.title.clone() }).collect();
        Verdict::of(facts, missing, evidence)
    }
}

/// A group a survey asked, with how many people it has and how many answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyGroup {
    pub group: Named,
    /// `None` when the group's population is unknown.
    pub population: Option<u64>,
    pub achieved: u64,
}

impl SurveyGroup {
    /// Its own Taro Yamane sample (95 %, ±5 %), when its size is known.
    pub fn required(&self) -> Option<u64> {
        self.population.map(|n| yamane_required(n, DEFAULT_MARGIN_BASIS_POINTS))
    }

    /// Short of its own sample (a group of unknown size never is).
    fn short(&self) -> bool {
        self.required().is_some_and(|required| self.achieved < required)
    }
}

/// A survey of the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyFacts {
    pub id: i64,
    pub name: String,
    pub responses: u64,
    pub dissatisfied: u64,
    pub groups: Vec<SurveyGroup>,
    /// Items whose answers fall below a service's standard.
    pub below_standard: Vec<String>,
    /// Improvement actions opened from its findings.
    pub actions: u64,
}

impl SurveyFacts {
    fn named(&self) -> Named {
        Named { code: self.id.to_string(), name: self.name.clone() }
    }

    /// The survey's sample: the responses of the groups whose size is
    /// known, against Taro Yamane (95 %, ±5 %) for their whole population.
    fn sample(&self) -> Option<(u64, u64)> {
        let known: Vec<&SurveyGroup> = self.groups.iter().filter(|g| g.population.is_some()).collect();
        if known.is_empty() {
            return None;
        }
        let population = known.iter().filter_map(|g| g.population).sum();
        let achieved = known.iter().map(|g| g.achieved).sum();
        Some((achieved, yamane_required(population, DEFAULT_MARGIN_BASIS_POINTS)))
    }

    /// What keeps this survey from carrying step 3.
    fn shortfalls(&self, needed_actions: u64) -> Vec<Gap> {
        let survey = self.named();
        let mut gaps = match self.sample() {
            None => vec![Gap::PopulationUnknown { survey: survey.clone() }],
            Some((achieved, required)) if achieved < required => {
                vec![Gap::SampleShort { survey: survey.clone(), achieved, required }]
            }
            Some(_) => Vec::new(),
        };
        if self.actions < needed_actions {
            gaps.push(Gap::FewActions { survey, opened: self.actions, needed: needed_actions });
        }
        gaps
    }
}

/// Step 3: the year's surveys, and the services still without a standard.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SatisfactionFacts {
    pub surveys: Vec<SurveyFacts>,
    pub services_without_standard: Vec<Named>,
    pub services: u64,
}

impl SatisfactionFacts {
    pub fn judge(&self, settings: &impl Settings) -> Verdict {
        let needed_actions = settings.count("s3_min_actions");
        // The survey that carries the step, or the one nearest to it.
        let answered = self.surveys.iter().filter(|s| s.responses > 0);
        let best = answered
            .map(|s| (s, s.shortfalls(needed_actions)))
            .min_by_key(|(s, gaps)| (gaps.len(), std::cmp::Reverse(s.responses)));
        let mut missing = match &best {
            None => vec![Gap::NoSurvey],
            Some((_, gaps)) => gaps.clone(),
        };
        if !self.services_without_standard.is_empty() {
            missing.push(Gap::NoStandard { services: self.services_without_standard.clone() });
        }
        let survey = best.map(|(s, _)| s);
        let mut facts = vec![
            count("surveys", self.surveys.len() as u64),
            count("services_with_standard", self.services - self.services_without_standard.len() as u64),
            count("services", self.services),
        ];
        let mut evidence = Vec::new();
        if let Some(s) = survey {
            let (achieved, required) = s.sample().unwrap_or_default();
            let short = s.groups.iter().filter(|g| g.short()).map(|g| g.group.code.clone()).collect();
            facts.extend([
                count("responses", s.responses),
                count("sample_achieved", achieved),
                count("sample_required", required),
                codes("groups_short_of_sample", short),
                percent("dissatisfied_pct", Decimal::percent(s.dissatisfied, s.responses)),
                codes("items_below_standard", s.below_standard.clone()),
                count("actions_opened", s.actions),
            ]);
            evidence.push(Evidence::Survey { id: s.id, name: s.name.clone() });
            if s.actions > 0 {
                evidence.push(Evidence::Improvements);
            }
        }
        evidence.push(Evidence::ServiceStandards);
        Verdict::of(facts, missing, evidence)
    }
}

/// A service and its citizen manual on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualInForce {
    pub service: Named,
    pub in_force: bool,
    /// Its announcement recorded with a date and at least one channel.
    pub announced: bool,
}

/// Step 4: every service's citizen manual.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CitizenManualFacts {
    pub services: Vec<ManualInForce>,
}

impl CitizenManualFacts {
    pub fn judge(&self) -> Verdict {
        let services = |keep: fn(&ManualInForce) -> bool| -> Vec<Named> {
            self.services.iter().filter(|m| keep(m)).map(|m| m.service.clone()).collect()
        };
        let (absent, silent) = (services(|m| !m.in_force), services(|m| m.in_force && !m.announced));
        let in_force = services(|m| m.in_force);
        let facts = vec![
            count("services", self.services.len() as u64),
            count("manuals_in_force", in_force.len() as u64),
            count("manuals_announced", (in_force.len() - silent.len()) as u64),
        ];
        let mut missing = Vec::new();
        if !absent.is_empty() {
            missing.push(Gap::NoCitizenManual { services: absent });
        }
        if !silent.is_empty() {
            missing.push(Gap::NotAnnounced { services: silent });
        }
        let evidence = in_force.into_iter().map(|s| Evidence::CitizenManual { service: s.code }).collect();
        Verdict::of(facts, missing, evidence)
    }
}

/// A work manual of a service on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkManualFact {
    pub id: i64,
    pub code: String,
    pub in_force: bool,
    /// A revision approved, or a review done, in the fiscal year.
    pub renewed: bool,
    /// Accounts its audience holds, and those who acknowledged the revision in force.
    pub readers: u64,
    pub acknowledged: u64,
}

impl WorkManualFact {
    fn read_enough(&self, needed: Decimal) -> bool {
        // An audience of no one has nothing left to read.
        Decimal::percent(self.acknowledged, self.readers).is_none_or(|pct| pct >= needed)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceWorkManuals {
    pub service: Named,
    pub manuals: Vec<WorkManualFact>,
}

/// Step 5: every service's work manuals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkManualFacts {
    pub services: Vec<ServiceWorkManuals>,
}

impl WorkManualFacts {
    pub fn judge(&self, settings: &impl Settings) -> Verdict {
        let needed = settings.get("s5_min_acknowledged_pct");
        let (mut absent, mut stale, mut unread) = (Vec::new(), Vec::new(), Vec::new());
        let mut covered = 0;
        let mut evidence = Vec::new();
        for service in &self.services {
            let renewed: Vec<&WorkManualFact> =
                service.manuals.iter().filter(|m| m.in_force && m.renewed).collect();
            evidence.extend(renewed.iter().map(|m| Evidence::WorkManual { id: m.id, code: m.code.clone() }));
            if !service.manuals.iter().any(|m| m.in_force) {
                absent.push(service.service.clone());
            } else if renewed.is_empty() {
                stale.push(service.service.clone());
            } else if renewed.iter().any(|m| m.read_enough(needed)) {
                covered += 1;
            } else if let Some(nearest) =
                renewed.iter().max_by_key(|m| (m.acknowledged * 10_000) / m.readers.max(1))
            {
                unread.push(Gap::FewAcknowledged {
                    manual: Named { code: nearest.code.clone(), name: service.service.name.clone() },
                    acknowledged: nearest.acknowledged,
                    readers: nearest.readers,
                    needed,
                });
            }
        }
        let in_force = self.services.iter().flat_map(|s| &s.manuals).filter(|m| m.in_force);
        let (readers, acknowledged) = in_force.fold((0, 0), |(r, a), m| (r + m.readers, a + m.acknowledged));
        let facts = vec![
            count("services", self.services.len() as u64),
            count("services_covered", covered),
            count("manuals_renewed", evidence.len() as u64),
            percent("acknowledged_pct", Decimal::percent(acknowledged, readers)),
        ];
        let mut missing = Vec::new();
        if !absent.is_empty() {
            missing.push(Gap::NoWorkManual { services: absent });
        }
        if !stale.is_empty() {
            missing.push(Gap::NotRenewedThisYear { services: stale });
        }
        missing.extend(unread);
        Verdict::of(facts, missing, evidence)
    }
}
