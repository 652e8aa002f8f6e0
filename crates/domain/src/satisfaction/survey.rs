//! A survey survey: a questionnaire version put to chosen services and
//! groups over a window, in a mode that decides what is kept of who answered.

use time::OffsetDateTime;

use crate::accounts::FieldError;
use crate::catalog::Code;
use crate::participation::submission::{FieldErrors, check};
use crate::text::Text;

use super::stats::BandScheme;

pub const NAME_MAX_CHARS: usize = 200;
/// Larger than any stakeholder group the Center serves; catches typos.
pub const MAX_POPULATION: u64 = 100_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// No identity and no link between any invitation and any answer;
    /// times kept to the day.
    #[default]
    Anonymous,
    /// One response per single-use token; who received a token is kept
    /// apart from the answers and cannot be joined to them.
    Token,
    /// The respondent gives a name and an address with the answers.
    Identified,
}

impl Mode {
    pub const ALL: [Self; 3] = [Self::Anonymous, Self::Token, Self::Identified];

    pub fn code(self) -> &'static str {
        match self {
            Self::Anonymous => "anonymous",
            Self::Token => "token",
            Self::Identified => "identified",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "" => Ok(Self::default()),
            raw => Self::ALL.into_iter().find(|m| m.code() == raw).ok_or(FieldError::UnknownChoice),
        }
    }

    /// Whether the instant of a response may be kept (else only its day).
    pub fn keeps_instants(self) -> bool {
        self == Self::Identified
    }
}

/// Which questionnaire a survey asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionnaireChoice {
    /// The built-in standard Thai questionnaire.
    Standard,
    /// A version of the Center's own questionnaire, by its id.
    Version(i64),
}

#[derive(Debug, Clone, Default)]
pub struct SurveyInput {
    pub name: String,
    /// `standard`, or a questionnaire version's id.
    pub questionnaire: String,
    pub service_codes: Vec<String>,
    pub group_codes: Vec<String>,
    pub opens_at: Option<OffsetDateTime>,
    pub closes_at: Option<OffsetDateTime>,
    pub mode: String,
    pub band_scheme: String,
    /// Population per group code, where known.
    pub populations: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSurvey {
    pub name: Text,
    pub questionnaire: QuestionnaireChoice,
    pub services: Vec<Code>,
    pub groups: Vec<(Code, Option<u64>)>,
    pub opens_at: OffsetDateTime,
    pub closes_at: OffsetDateTime,
    pub mode: Mode,
    pub band_scheme: BandScheme,
}

impl SurveyInput {
    pub fn parse(&self) -> Result<NewSurvey, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = check(&mut errors, "name", Text::line(&self.name, NAME_MAX_CHARS));
        let questionnaire = check(&mut errors, "questionnaire_id", parse_questionnaire(&self.questionnaire));
        let services = check(&mut errors, "service_ids", codes(&self.service_codes));
        let groups = check(&mut errors, "group_ids", codes(&self.group_codes));
        let opens_at = check(&mut errors, "opens_at", self.opens_at.ok_or(FieldError::Required));
        let closes_at = check(&mut errors, "closes_at", self.closes_at.ok_or(FieldError::Required));
        let mode = check(&mut errors, "mode", Mode::parse(&self.mode));
        let band_scheme = check(&mut errors, "band_scheme", parse_scheme(&self.band_scheme));
        let populations = check(&mut errors, "populations", self.populations());
        if let (Some(opens), Some(closes)) = (opens_at, closes_at)
            && closes <= opens
        {
            errors.push(("closes_at", FieldError::ClosesBeforeOpening));
        }
        match (name, questionnaire, services, groups, opens_at, closes_at, mode, band_scheme, populations) {
            (
                Some(name),
                Some(questionnaire),
                Some(services),
                Some(groups),
                Some(opens_at),
                Some(closes_at),
                Some(mode),
                Some(band_scheme),
                Some(populations),
            ) if errors.is_empty() => {
                let groups = groups
                    .into_iter()
                    .map(|g| {
                        let population =
                            populations.iter().find(|(code, _)| *code == g.as_str()).map(|(_, n)| *n);
                        (g, population)
                    })
                    .collect();
                Ok(NewSurvey {
                    name,
                    questionnaire,
                    services,
                    groups,
                    opens_at,
                    closes_at,
                    mode,
                    band_scheme,
                })
            }
            _ => Err(errors),
        }
    }

    fn populations(&self) -> Result<Vec<(String, u64)>, FieldError> {
        let max = u32::try_from(MAX_POPULATION).unwrap_or(u32::MAX);
        self.populations
            .iter()
            .filter(|(_, raw)| !raw.trim().is_empty())
            .map(|(group, raw)| {
                let n: u64 = raw.trim().replace(',', "").parse().map_err(|_| FieldError::NotANumber)?;
                if n > MAX_POPULATION {
                    return Err(FieldError::OutOfRange { min: 0, max });
                }
                Ok((group.trim().to_owned(), n))
            })
            .collect()
    }
}

fn parse_questionnaire(raw: &str) -> Result<QuestionnaireChoice, FieldError> {
    match raw.trim() {
        "" | "standard" => Ok(QuestionnaireChoice::Standard),
        id => id.parse().map(QuestionnaireChoice::Version).map_err(|_| FieldError::UnknownChoice),
    }
}

fn parse_scheme(raw: &str) -> Result<BandScheme, FieldError> {
    match raw.trim() {
        "" => Ok(BandScheme::default()),
        raw => BandScheme::parse(raw).ok_or(FieldError::UnknownChoice),
    }
}

fn codes(raw: &[String]) -> Result<Vec<Code>, FieldError> {
    let mut codes: Vec<Code> = Vec::new();
    for code in raw.iter().filter(|c| !c.trim().is_empty()) {
        let code = Code::parse(code).map_err(|_| FieldError::UnknownChoice)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.is_empty() { Err(FieldError::Required) } else { Ok(codes) }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn input() -> SurveyInput {
        SurveyInput {
            name: "สำรวจความพึงพอใจ ปีงบประมาณ 2570".into(),
            questionnaire: "standard".into(),
            service_codes: vec!["video-conference".into(), "telephone-fax".into()],
            group_codes: vec!["provinces".into(), "public".into()],
            opens_at: Some(datetime!(2026-12-01 00:00 +7)),
            closes_at: Some(datetime!(2027-01-31 00:00 +7)),
            populations: vec![("provinces".into(), "1,000".into()), ("public".into(), "".into())],
            ..SurveyInput::default()
        }
    }

    #[test]
    fn a_survey_is_anonymous_on_the_equal_bands_unless_told_otherwise() {
        let survey = input().parse().unwrap();
        assert_eq!((survey.mode, survey.band_scheme), (Mode::Anonymous, BandScheme::Equal));
        assert_eq!(survey.questionnaire, QuestionnaireChoice::Standard);
        let populations: Vec<_> = survey.groups.iter().map(|(g, n)| (g.as_str(), *n)).collect();
        assert_eq!(populations, [("provinces", Some(1_000)), ("public", None)]);
        assert!(!survey.mode.keeps_instants());
    }

    #[test]
    fn a_survey_names_each_wrong_field() {
        let wrong = SurveyInput {
            service_codes: vec![],
            closes_at: Some(datetime!(2026-11-01 00:00 +7)),
            mode: "secret".into(),
            populations: vec![("provinces".into(), "many".into())],
            ..input()
        };
        let fields: Vec<_> = wrong.parse().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["service_ids", "mode", "populations", "closes_at"]);
    }
}
