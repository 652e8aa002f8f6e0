//! A response checked against its questionnaire: every answer of the right
//! kind and range, every required item answered, no unknown item; each
//! refusal names its item.

use crate::accounts::FieldError;
use crate::catalog::Code;
use crate::text::Text;

use super::questionnaire::{ItemKind, Questionnaire};

pub const SHORT_TEXT_MAX_CHARS: usize = 300;
pub const LONG_TEXT_MAX_CHARS: usize = 5_000;

/// An answer as sent: one value (a score, `na`, a choice code, a text) or,
/// for a multiple-choice item, several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerInput {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 1..=5, or `None` for "not applicable".
    Scale(Option<u8>),
    Choice(String),
    Choices(Vec<String>),
    Text(Text),
    Recommendation(u8),
}

#[derive(Debug, Clone, Default)]
pub struct ResponseInput {
    pub group: String,
    pub service: String,
    /// By item code, in the order given.
    pub answers: Vec<(String, AnswerInput)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResponse {
    pub group: Code,
    pub service: Code,
    /// In questionnaire order; unanswered optional items are absent.
    pub answers: Vec<(String, Answer)>,
}

impl NewResponse {
    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.iter().find(|(code, _)| code == item).map(|(_, a)| a)
    }

    /// The score of a five-point item: `None` when unanswered or "not applicable".
    pub fn score(&self, item: &str) -> Option<u8> {
        match self.answer(item) {
            Some(Answer::Scale(score)) => *score,
            _ => None,
        }
    }

    /// Dissatisfied: any five-point answer of 1 or 2.
    pub fn is_dissatisfied(&self) -> bool {
        any_dissatisfied(&self.answers)
    }
}

/// Any five-point answer of 1 or 2: the mark of a dissatisfied respondent.
pub fn any_dissatisfied(answers: &[(String, Answer)]) -> bool {
    answers.iter().any(|(_, a)| matches!(a, Answer::Scale(Some(1 | 2))))
}

/// Why a field or an item was refused: `field` is `group_id`, `service_id`
/// or the item's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    pub field: String,
    pub error: FieldError,
}

impl ResponseInput {
    pub fn check(&self, questionnaire: &Questionnaire) -> Result<NewResponse, Vec<AnswerError>> {
        let mut errors = Vec::new();
        let mut refuse = |field: &str, error| errors.push(AnswerError { field: field.to_owned(), error });
        let code = |raw: &str| match raw.trim() {
            "" => Err(FieldError::Required),
            raw => Code::parse(raw).map_err(|_| FieldError::UnknownChoice),
        };
        let group = code(&self.group).map_err(|e| refuse("group_id", e)).ok();
        let service = code(&self.service).map_err(|e| refuse("service_id", e)).ok();
        for (item, _) in &self.answers {
            if questionnaire.item(item).is_none() {
                refuse(item, FieldError::UnknownChoice);
            }
        }
        let mut answers = Vec::new();
        for item in questionnaire.items() {
            let given = self.answers.iter().find(|(code, _)| *code == item.code).map(|(_, a)| a);
            match given.filter(|a| !is_blank(a)) {
                None if item.required => refuse(&item.code, FieldError::Required),
                None => {}
                Some(answer) => match parse(&item.kind, answer) {
                    Ok(answer) => answers.push((item.code.clone(), answer)),
                    Err(error) => refuse(&item.code, error),
                },
            }
        }
        match (group, service) {
            (Some(group), Some(service)) if errors.is_empty() => Ok(NewResponse { group, service, answers }),
            _ => Err(errors),
        }
    }
}

fn is_blank(answer: &AnswerInput) -> bool {
    match answer {
        AnswerInput::One(value) => value.trim().is_empty(),
        AnswerInput::Many(values) => values.iter().all(|v| v.trim().is_empty()),
    }
}

fn parse(kind: &ItemKind, answer: &AnswerInput) -> Result<Answer, FieldError> {
    let one = || match answer {
        AnswerInput::One(value) => Ok(value.trim()),
        AnswerInput::Many(_) => Err(FieldError::UnknownChoice),
    };
    match kind {
        ItemKind::Scale => match one()? {
            "na" => Ok(Answer::Scale(None)),
            value => number(value, 1, 5).map(|s| Answer::Scale(Some(s))),
        },
        ItemKind::Recommendation => number(one()?, 0, 10).map(Answer::Recommendation),
        ItemKind::ShortText => Text::line(one()?, SHORT_TEXT_MAX_CHARS).map(Answer::Text),
        ItemKind::LongText => Text::paragraphs(one()?, LONG_TEXT_MAX_CHARS).map(Answer::Text),
        ItemKind::SingleChoice { options } => {
            let value = one()?;
            options
                .iter()
                .find(|o| o.code == value)
                .map(|o| Answer::Choice(o.code.clone()))
                .ok_or(FieldError::UnknownChoice)
        }
        ItemKind::MultipleChoice { options } => {
            let values: Vec<&str> = match answer {
                AnswerInput::One(value) => vec![value.trim()],
                AnswerInput::Many(values) => {
                    values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).collect()
                }
            };
            // Kept in the questionnaire's order, each once.
            let chosen: Vec<String> = options
                .iter()
                .filter(|o| values.contains(&o.code.as_str()))
                .map(|o| o.code.clone())
                .collect();
            if values.iter().all(|v| options.iter().any(|o| o.code == *v)) {
                Ok(Answer::Choices(chosen))
            } else {
                Err(FieldError::UnknownChoice)
            }
        }
    }
}

fn number(value: &str, min: u8, max: u8) -> Result<u8, FieldError> {
    let out_of_range = FieldError::OutOfRange { min: u32::from(min), max: u32::from(max) };
    let n: u8 = value.parse().map_err(|_| out_of_range.clone())?;
    if (min..=max).contains(&n) { Ok(n) } else { Err(out_of_range) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::satisfaction::standard::{DISSATISFIED_ITEM, standard};

    fn all_fours() -> ResponseInput {
        let answers =
            standard().scale_items().map(|(_, i)| (i.code.clone(), AnswerInput::One("4".into()))).collect();
        ResponseInput { group: "provinces".into(), service: "video-conference".into(), answers }
    }

    #[test]
    fn a_complete_response_keeps_its_answers_in_questionnaire_order() {
        let mut input = all_fours();
        input.answers.push(("staff-2".into(), AnswerInput::One("na".into())));
        input.answers.reverse();
        input.answers.push(("recommend".into(), AnswerInput::One("9".into())));
        input.answers.push((DISSATISFIED_ITEM.into(), AnswerInput::One("  ".into())));
        let response = input.check(&standard()).unwrap();
        assert_eq!(response.answers[0], ("process-1".to_owned(), Answer::Scale(Some(4))));
        assert_eq!(response.answer("recommend"), Some(&Answer::Recommendation(9)));
        assert_eq!(response.answer(DISSATISFIED_ITEM), None, "a blank optional answer is no answer");
        assert!(!response.is_dissatisfied());
    }

    #[test]
    fn each_refusal_names_its_item() {
        let mut input = all_fours();
        input.answers.retain(|(code, _)| code != "quality-5");
        input.answers.insert(0, ("process-1".into(), AnswerInput::One("6".into())));
        input.answers.push(("no-such-item".into(), AnswerInput::One("3".into())));
        input.answers.push(("recommend".into(), AnswerInput::One("11".into())));
        input.group = String::new();
        let errors = input.check(&standard()).unwrap_err();
        let found: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.error.clone())).collect();
        assert_eq!(
            found,
            [
                ("group_id", FieldError::Required),
                ("no-such-item", FieldError::UnknownChoice),
                ("process-1", FieldError::OutOfRange { min: 1, max: 5 }),
                ("quality-5", FieldError::Required),
                ("recommend", FieldError::OutOfRange { min: 0, max: 10 }),
            ]
        );
    }

    #[test]
    fn a_score_of_one_or_two_marks_the_respondent_dissatisfied() {
        let mut input = all_fours();
        input.answers[3].1 = AnswerInput::One("2".into());
        assert!(input.check(&standard()).unwrap().is_dissatisfied());
    }
}
