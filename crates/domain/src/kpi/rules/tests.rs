//! Each rule of indicator 4, judged over facts built by hand.

use std::collections::BTreeMap;

use super::*;
use crate::kpi::indicator::Kind;
use crate::kpi::verdict::{FactValue, Gap, Named};
use crate::kpi::{Decimal, indicator4};
use crate::participation::Channel;

fn named(code: &str) -> Named {
    Named { code: code.to_owned(), name: format!("บริการ {code}") }
}

fn fact(verdict: &crate::kpi::Verdict, key: &str) -> FactValue {
    verdict.facts.iter().find(|f| f.key == key).map(|f| f.value.clone()).expect(key)
}

fn with_settings(pairs: &[(&str, i64)]) -> crate::kpi::Indicator {
    let mut four = indicator4::definition();
    if let Kind::Milestone { settings, .. } = &mut four.kind {
        *settings =
            pairs.iter().map(|(n, v)| ((*n).to_owned(), Decimal::from_int(*v))).collect::<BTreeMap<_, _>>();
    }
    four
}

#[test]
fn channels_need_three_channels_and_four_in_five_answered_in_time() {
    let four = indicator4::definition();
    let mut facts = ChannelFacts {
        channels: vec![(Channel::Web, 40), (Channel::Email, 10)],
        answered: 45,
        answered_in_time: 36,
    };
    let verdict = facts.judge(&four);
    assert!(!verdict.met);
    assert_eq!(verdict.missing, [Gap::FewChannels { used: 2, needed: 3 }]);
    assert_eq!(fact(&verdict, "answered_in_time_pct"), FactValue::Percent(Some(Decimal::from_int(80))));

    facts.channels.push((Channel::Telephone, 1));
    assert!(facts.judge(&four).met, "80 % is enough");
    facts.answered_in_time = 35;
    let pct = Decimal::parse("77.7778").unwrap();
    let needed = Decimal::from_int(80);
    assert_eq!(facts.judge(&four).missing, [Gap::FewAnsweredInTime { pct, needed }]);
    assert!(facts.judge(&with_settings(&[("s1_min_answered_pct", 75)])).met, "a setting moves the bar");

    let silent = ChannelFacts { channels: facts.channels.clone(), ..Default::default() };
    assert_eq!(silent.judge(&four).missing, [Gap::NothingAnswered]);
}

#[test]
fn relationships_count_activities_attended_and_minuted_reaching_three_groups() {
    let four = indicator4::definition();
    let activity = |id: i64, attended: u64, minutes: bool, groups: &[&str]| ActivityFacts {
        id,
        title: format!("กิจกรรม {id}"),
        attended,
        minutes,
        groups: groups.iter().map(|g| (*g).to_owned()).collect(),
    };
    let groups: Vec<Named> = ["provinces", "ministries", "public", "private"].map(named).to_vec();
    let mut facts = RelationshipFacts {
        activities: vec![activity(1, 20, true, &["provinces", "public"]), activity(2, 0, false, &[])],
        groups,
    };
    let verdict = facts.judge(&four);
    let not_reached = vec![named("ministries"), named("private")];
    assert_eq!(
        verdict.missing,
        [
            Gap::FewGroupsReached { reached: 2, needed: 3, not_reached },
            Gap::ActivitiesWithoutAttendance {
                activities: vec![Named { code: "2".into(), name: "กิจกรรม 2".into() }]
            },
        ]
    );
    // Attendance from a third group counts only once the minutes are written.
    facts.activities[1] = activity(2, 5, false, &["private"]);
    assert!(matches!(facts.judge(&four).missing[1], Gap::ActivitiesWithoutMinutes { .. }));
    facts.activities[1].minutes = true;
    let verdict = facts.judge(&four);
    assert!(verdict.met, "{:?}", verdict.missing);
    assert_eq!(fact(&verdict, "groups_reached"), FactValue::Count(3));
    assert_eq!(verdict.evidence.len(), 2);
    assert!(!facts.judge(&with_settings(&[("s2_min_activities", 3)])).met);
}

fn survey(responses: u64, population: Option<u64>, actions: u64) -> SurveyFacts {
    SurveyFacts {
        id: 7,
        name: "สำรวจ 2570".into(),
        responses,
        dissatisfied: 3,
        groups: vec![SurveyGroup { group: named("provinces"), population, achieved: responses }],
        below_standard: vec!["q3".into()],
        actions,
    }
}

#[test]
fn satisfaction_needs_a_full_sample_an_action_and_every_standard() {
    let four = indicator4::definition();
    let facts = |s: Vec<SurveyFacts>, without: Vec<Named>| SatisfactionFacts {
        surveys: s,
        services_without_standard: without,
        services: 12,
    };
    assert_eq!(facts(Vec::new(), Vec::new()).judge(&four).missing, [Gap::NoSurvey]);
    // Taro Yamane asks 93 of a group of 120.
    let short = facts(vec![survey(52, Some(120), 1)], Vec::new()).judge(&four);
    assert!(matches!(short.missing[..], [Gap::SampleShort { achieved: 52, required: 93, .. }]));
    let unknown = facts(vec![survey(52, None, 1)], Vec::new()).judge(&four);
    assert!(matches!(unknown.missing[..], [Gap::PopulationUnknown { .. }]));
    let idle = facts(vec![survey(93, Some(120), 0)], Vec::new()).judge(&four);
    assert!(matches!(idle.missing[..], [Gap::FewActions { opened: 0, needed: 1, .. }]));
    let unset = facts(vec![survey(93, Some(120), 1)], vec![named("7"), named("9")]).judge(&four);
    assert_eq!(unset.missing, [Gap::NoStandard { services: vec![named("7"), named("9")] }]);
    // The nearest survey speaks for the step: the full one carries it.
    let done = facts(vec![survey(52, Some(120), 0), survey(93, Some(120), 2)], Vec::new()).judge(&four);
    assert!(done.met, "{:?}", done.missing);
    assert_eq!(fact(&done, "items_below_standard"), FactValue::Codes(vec!["q3".into()]));
}

#[test]
fn the_sample_is_judged_over_the_groups_of_known_size_together() {
    let four = indicator4::definition();
    let group = |code: &str, population: Option<u64>, achieved: u64| SurveyGroup {
        group: named(code),
        population,
        achieved,
    };
    // Provinces (76) and agencies (120): 196 people, Taro Yamane asks 132;
    // the public's size is unknown and its answers do not count towards it.
    let mut s = survey(0, None, 1);
    s.groups = vec![
        group("provinces", Some(76), 70),
        group("moi-agencies", Some(120), 62),
        group("public", None, 90),
    ];
    s.responses = 222;
    let facts = SatisfactionFacts { surveys: vec![s], services_without_standard: Vec::new(), services: 12 };
    let verdict = facts.judge(&four);
    assert!(verdict.met, "{:?}", verdict.missing);
    assert_eq!(fact(&verdict, "sample_required"), FactValue::Count(132));
    assert_eq!(fact(&verdict, "sample_achieved"), FactValue::Count(132));
    // Agencies alone would need 93: the group stays named as short.
    assert_eq!(fact(&verdict, "groups_short_of_sample"), FactValue::Codes(vec!["moi-agencies".into()]));
}

#[test]
fn citizen_manuals_must_be_in_force_and_announced_for_every_service() {
    let manual = |code: &str, in_force: bool, announced: bool| ManualInForce {
        service: named(code),
        in_force,
        announced,
    };
    let mut facts = CitizenManualFacts {
        services: vec![manual("1", true, true), manual("7", false, false), manual("9", true, false)],
    };
    assert_eq!(
        facts.judge().missing,
        [
            Gap::NoCitizenManual { services: vec![named("7")] },
            Gap::NotAnnounced { services: vec![named("9")] }
        ]
    );
    facts.services[1] = manual("7", true, true);
    facts.services[2].announced = true;
    assert!(facts.judge().met);
}

#[test]
fn work_manuals_must_be_renewed_this_year_and_read_by_four_in_five() {
    let four = indicator4::definition();
    let manual = |id: i64, renewed: bool, readers: u64, acknowledged: u64| WorkManualFact {
        id,
        code: format!("WM-{id}"),
        in_force: true,
        renewed,
        readers,
        acknowledged,
    };
    let service =
        |code: &str, manuals: Vec<WorkManualFact>| ServiceWorkManuals { service: named(code), manuals };
    let mut facts = WorkManualFacts {
        services: vec![
            service("1", vec![manual(1, true, 5, 4)]),
            service("2", vec![manual(2, false, 5, 5)]),
            service("3", Vec::new()),
            service("4", vec![manual(4, true, 10, 7)]),
        ],
    };
    let verdict = facts.judge(&four);
    assert_eq!(
        verdict.missing,
        [
            Gap::NoWorkManual { services: vec![named("3")] },
            Gap::NotRenewedThisYear { services: vec![named("2")] },
            Gap::FewAcknowledged {
                manual: Named { code: "WM-4".into(), name: "บริการ 4".into() },
                acknowledged: 7,
                readers: 10,
                needed: Decimal::from_int(80),
            },
        ]
    );
    assert_eq!(fact(&verdict, "services_covered"), FactValue::Count(1));
    facts.services[1].manuals[0].renewed = true;
    facts.services[2].manuals.push(manual(3, true, 0, 0));
    facts.services[3].manuals[0].acknowledged = 8;
    assert!(facts.judge(&four).met, "an audience of no one has read it all");
}

#[test]
fn settings_are_checked_against_the_rules_that_read_them() {
    let mut four = with_settings(&[("s2_min_groups", 4)]);
    assert_eq!(four.setting("s2_min_groups"), Some(Decimal::from_int(4)));
    assert_eq!(four.setting("s1_min_channels"), Some(Decimal::from_int(3)), "the default");
    assert_eq!(four.setting("s9_anything"), None);
    if let Kind::Milestone { settings, .. } = &mut four.kind {
        settings.insert("s9_anything".into(), Decimal::from_int(1));
        settings.insert("s1_min_answered_pct".into(), Decimal::from_int(120));
        settings.insert("s2_min_groups".into(), Decimal::parse("2.5").unwrap());
    }
    let errors = four.check(crate::kpi::Scale::default()).unwrap_err();
    let names: Vec<&str> = errors.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["settings.s1_min_answered_pct", "settings.s2_min_groups", "settings.s9_anything"]);
}
