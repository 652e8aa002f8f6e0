//! The words of the KPI engine: what a step still lacks, and the names of
//! the facts it was judged on, in the reader's language.

use ruamjai_domain::kpi::{Decimal, Evidence, Gap, Named};

use crate::{FluentValue, Names};

impl Names<'_> {
    /// What a step lacks, as one sentence.
    pub fn gap(&self, gap: &Gap) -> String {
        let locale = self.locale;
        let n = |n: u64| FluentValue::from(n);
        let pct = |d: &Decimal| FluentValue::from(d.trimmed());
        let text = |s: String| FluentValue::from(s);
        match gap {
            Gap::FewChannels { used, needed } => {
                locale.ta("kpi-gap-few-channels", &[("used", n(*used)), ("needed", n(*needed))])
            }
            Gap::NothingAnswered => locale.t("kpi-gap-nothing-answered"),
            Gap::FewAnsweredInTime { pct: got, needed } => {
                locale.ta("kpi-gap-few-answered-in-time", &[("pct", pct(got)), ("needed", pct(needed))])
            }
            Gap::FewActivities { counted, needed } => {
                locale.ta("kpi-gap-few-activities", &[("counted", n(*counted)), ("needed", n(*needed))])
            }
            Gap::ActivitiesWithoutAttendance { activities } => {
                locale.ta("kpi-gap-without-attendance", &[("activities", text(titles(activities)))])
            }
            Gap::ActivitiesWithoutMinutes { activities } => {
                locale.ta("kpi-gap-without-minutes", &[("activities", text(titles(activities)))])
            }
            Gap::FewGroupsReached { reached, needed, not_reached } => locale.ta(
                "kpi-gap-few-groups",
                &[
                    ("reached", n(*reached)),
                    ("needed", n(*needed)),
                    (
                        "groups",
                        text(not_reached.iter().map(|g| self.group(&g.code)).collect::<Vec<_>>().join(", ")),
                    ),
                ],
            ),
            Gap::NoSurvey => locale.t("kpi-gap-no-survey"),
            Gap::SampleShort { survey, achieved, required } => locale.ta(
                "kpi-gap-sample-short",
                &[
                    ("survey", text(survey.name.clone())),
                    ("achieved", n(*achieved)),
                    ("required", n(*required)),
                ],
            ),
            Gap::PopulationUnknown { survey } => {
                locale.ta("kpi-gap-population-unknown", &[("survey", text(survey.name.clone()))])
            }
            Gap::FewActions { survey, opened, needed } => locale.ta(
                "kpi-gap-few-actions",
                &[("survey", text(survey.name.clone())), ("opened", n(*opened)), ("needed", n(*needed))],
            ),
            Gap::NoStandard { services } => self.services_gap("kpi-gap-no-standard", services),
            Gap::NoCitizenManual { services } => self.services_gap("kpi-gap-no-citizen-manual", services),
            Gap::NotAnnounced { services } => self.services_gap("kpi-gap-not-announced", services),
            Gap::NoWorkManual { services } => self.services_gap("kpi-gap-no-work-manual", services),
            Gap::NotRenewedThisYear { services } => self.services_gap("kpi-gap-not-renewed", services),
            Gap::FewAcknowledged { manual, acknowledged, readers, needed } => locale.ta(
                "kpi-gap-few-acknowledged",
                &[
                    ("manual", text(manual.code.clone())),
                    ("acknowledged", n(*acknowledged)),
                    ("readers", n(*readers)),
                    ("needed", pct(needed)),
                ],
            ),
            Gap::AwaitsSignOff => locale.t("kpi-gap-awaits-sign-off"),
        }
    }

    /// What a piece of evidence is called in a list of evidence.
    pub fn evidence(&self, year_be: i32, evidence: &Evidence) -> String {
        let locale = self.locale;
        match evidence {
            Evidence::ParticipationReport => {
                format!("{} {year_be}", locale.t("kpi-evidence-participation-report"))
            }
            Evidence::Activity { title, .. } => title.clone(),
            Evidence::Survey { name, .. } => name.clone(),
            Evidence::ServiceStandards => format!("{} {year_be}", locale.t("kpi-evidence-standards")),
            Evidence::Improvements => locale.t("kpi-evidence-improvements"),
            Evidence::CitizenManual { service } => {
                format!("{} · {}", locale.t("kpi-evidence-citizen-manual"), self.service(service))
            }
            Evidence::WorkManual { code, .. } => code.clone(),
        }
    }

    /// "services 7, 9": the charter's numbers, short enough for a home page.
    fn services_gap(&self, key: &str, services: &[Named]) -> String {
        let numbers: Vec<String> = services
            .iter()
            .map(|s| self.catalog.service(&s.code).map_or_else(|| s.code.clone(), |c| c.number.to_string()))
            .collect();
        let count = FluentValue::from(services.len());
        self.locale.ta(key, &[("services", FluentValue::from(numbers.join(", "))), ("count", count)])
    }
}

fn titles(named: &[Named]) -> String {
    named.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")
}
