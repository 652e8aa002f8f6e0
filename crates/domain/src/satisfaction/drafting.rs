//! A questionnaire as typed in the staff editor or sent to the API, checked
//! field by field. Errors name their field the way the form and the API do
//! (`sections.2.items.3.text_th`, counted from 1).
//!
//! Codes belong to the product, not the typist: an item keeps its code from
//! version to version so reports compare like with like, and a new item,
//! section or choice gets a code no earlier version used.

mod codes;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::questionnaire::{Choice, Item, ItemKind, Questionnaire, Section};
use crate::accounts::{FieldError, NamedErrors};
use crate::text::Text;
use codes::{Codes, given_code};

pub const MAX_SECTIONS: usize = 12;
pub const MAX_ITEMS: usize = 80;
pub const MAX_CHOICES: usize = 20;
const TEXT_MAX: usize = 300;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionnaireInput {
    pub sections: Vec<SectionInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SectionInput {
    /// Empty for a new section.
    pub code: String,
    pub title_th: String,
    pub title_en: String,
    pub items: Vec<ItemInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemInput {
    /// Empty for a new item.
    pub code: String,
    pub text_th: String,
    pub text_en: String,
    /// `scale` (the default), `single-choice`, `multiple-choice`,
    /// `short-text`, `long-text` or `recommendation`.
    pub kind: String,
    pub required: bool,
    pub options: Vec<ChoiceInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChoiceInput {
    /// Empty for a new choice.
    pub code: String,
    pub text_th: String,
    pub text_en: String,
}

impl ChoiceInput {
    /// Choices typed one per line, "Thai | English" (the English optional).
    pub fn from_lines(text: &str) -> Vec<Self> {
        (text.lines().filter(|l| !l.trim().is_empty()).take(MAX_CHOICES + 1))
            .map(|line| {
                let (th, en) = line.split_once('|').unwrap_or((line, ""));
                Self { code: String::new(), text_th: th.trim().to_owned(), text_en: en.trim().to_owned() }
            })
            .collect()
    }
}

impl SectionInput {
    /// A row of the editor left empty: not an error, just nothing.
    fn is_blank(&self) -> bool {
        self.code.is_empty()
            && self.title_th.trim().is_empty()
            && self.title_en.trim().is_empty()
            && self.items.iter().all(ItemInput::is_blank)
    }
}

impl ItemInput {
    /// The choices as lines, the way [`ChoiceInput::from_lines`] reads them.
    pub fn options_lines(&self) -> String {
        let line = |c: &ChoiceInput| match c.text_en.as_str() {
            "" => c.text_th.clone(),
            en if en == c.text_th => c.text_th.clone(),
            en => format!("{} | {en}", c.text_th),
        };
        self.options.iter().map(line).collect::<Vec<_>>().join("\n")
    }

    fn is_blank(&self) -> bool {
        self.code.is_empty() && self.text_th.trim().is_empty() && self.text_en.trim().is_empty()
    }
}

pub fn kind_code(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Scale => "scale",
        ItemKind::SingleChoice { .. } => "single-choice",
        ItemKind::MultipleChoice { .. } => "multiple-choice",
        ItemKind::ShortText => "short-text",
        ItemKind::LongText => "long-text",
        ItemKind::Recommendation => "recommendation",
    }
}

pub const KIND_CODES: [&str; 6] =
    ["scale", "single-choice", "multiple-choice", "short-text", "long-text", "recommendation"];

impl From<&Questionnaire> for QuestionnaireInput {
    /// The questionnaire as the editor shows it: parsing it gives it back.
    fn from(q: &Questionnaire) -> Self {
        let choices = |kind: &ItemKind| match kind {
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => options
                .iter()
                .map(|c| ChoiceInput {
                    code: c.code.clone(),
                    text_th: c.text_th.clone(),
                    text_en: c.text_en.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let item = |i: &Item| ItemInput {
            code: i.code.clone(),
            text_th: i.text_th.clone(),
            text_en: i.text_en.clone(),
            kind: kind_code(&i.kind).to_owned(),
            required: i.required,
            options: choices(&i.kind),
        };
        Self {
            sections: (q.sections.iter())
                .map(|s| SectionInput {
                    code: s.code.clone(),
                    title_th: s.title_th.clone(),
                    title_en: s.title_en.clone(),
                    items: s.items.iter().map(item).collect(),
                })
                .collect(),
        }
    }
}

impl QuestionnaireInput {
    /// The questionnaire, or every field that is wrong. `earlier` holds the
    /// questionnaire's earlier versions, oldest first.
    pub fn parse(&self, earlier: &[Questionnaire]) -> Result<Questionnaire, NamedErrors> {
        let mut errors = NamedErrors::new();
        let mut codes = Codes::new(earlier, self);
        let mut seen = HashSet::new();
        let mut sections = Vec::new();
        let rows = self.sections.iter().enumerate().filter(|(_, s)| !s.is_blank());
        for (n, input) in rows.take(MAX_SECTIONS) {
            let field = format!("sections.{}", n + 1);
            let section = parse_section(input, &field, &mut codes, &mut seen, &mut errors);
            sections.push(section);
        }
        let q = Questionnaire { sections };
        if q.items().count() > MAX_ITEMS {
            errors.push(("sections".into(), FieldError::TooManyRows { max: MAX_ITEMS }));
        }
        if q.scale_items().next().is_none() && errors.is_empty() {
            errors.push(("sections".into(), FieldError::NeedsScaleItem));
        }
        if errors.is_empty() { Ok(q) } else { Err(errors) }
    }
}

fn parse_section(
    input: &SectionInput,
    field: &str,
    codes: &mut Codes,
    seen: &mut HashSet<String>,
    errors: &mut NamedErrors,
) -> Section {
    let code = given_code(&input.code, &format!("{field}.code"), "s", codes, seen, errors);
    let title_th = line(&input.title_th, &format!("{field}.title_th"), errors);
    let title_en = optional_line(&input.title_en, &title_th, &format!("{field}.title_en"), errors);
    let rows = input.items.iter().enumerate().filter(|(_, i)| !i.is_blank()).take(MAX_ITEMS + 1);
    let items: Vec<(usize, Item)> = rows
        .map(|(n, row)| (n + 1, parse_item(row, &format!("{field}.items.{}", n + 1), codes, seen, errors)))
        .collect();
    if items.is_empty() {
        errors.push((format!("{field}.items"), FieldError::Required));
    }
    // A dimension is a section of five-point items only: a scale item
    // among others would count in no dimension of the report.
    let scales = items.iter().filter(|(_, i)| i.kind == ItemKind::Scale).count();
    if let Some((row, _)) = items.iter().find(|(_, i)| i.kind != ItemKind::Scale).filter(|_| scales > 0) {
        errors.push((format!("{field}.items.{row}.kind"), FieldError::MixedSection));
    }
    let items = items.into_iter().map(|(_, item)| item).collect();
    Section { code, title_th, title_en, items }
}

fn parse_item(
    input: &ItemInput,
    field: &str,
    codes: &mut Codes,
    seen: &mut HashSet<String>,
    errors: &mut NamedErrors,
) -> Item {
    let code = given_code(&input.code, &format!("{field}.code"), "q", codes, seen, errors);
    let text_th = line(&input.text_th, &format!("{field}.text_th"), errors);
    let text_en = optional_line(&input.text_en, &text_th, &format!("{field}.text_en"), errors);
    let kind = match input.kind.trim() {
        "" | "scale" => ItemKind::Scale,
        "single-choice" => ItemKind::SingleChoice { options: choices(input, &code, field, codes, errors) },
        "multiple-choice" => {
            ItemKind::MultipleChoice { options: choices(input, &code, field, codes, errors) }
        }
        "short-text" => ItemKind::ShortText,
        "long-text" => ItemKind::LongText,
        "recommendation" => ItemKind::Recommendation,
        _ => {
            errors.push((format!("{field}.kind"), FieldError::UnknownChoice));
            ItemKind::Scale
        }
    };
    Item { code, text_th, text_en, kind, required: input.required }
}

fn choices(
    input: &ItemInput,
    item: &str,
    field: &str,
    codes: &Codes,
    errors: &mut NamedErrors,
) -> Vec<Choice> {
    let rows: Vec<&ChoiceInput> = input.options.iter().filter(|c| !c.text_th.trim().is_empty()).collect();
    if rows.len() < 2 {
        errors.push((format!("{field}.options"), FieldError::TooFewChoices { min: 2 }));
    }
    if rows.len() > MAX_CHOICES {
        errors.push((format!("{field}.options"), FieldError::TooManyRows { max: MAX_CHOICES }));
        return Vec::new();
    }
    // Codes kept first, so a new choice never takes a code that a later
    // row, or an earlier version, gives to another text.
    let mut taken = codes.choice_codes(item);
    taken.extend(rows.iter().map(|c| c.code.clone()));
    let kept: Vec<Option<String>> = (rows.iter())
        .map(|row| match row.code.as_str() {
            "" => codes.choice(item, row.text_th.trim()),
            code => Some(code.to_owned()),
        })
        .collect();
    let mut options: Vec<Choice> = Vec::with_capacity(rows.len());
    for (n, (row, kept)) in rows.into_iter().zip(kept).enumerate() {
        let at = format!("{field}.options.{}", n + 1);
        let text_th = line(&row.text_th, &format!("{at}.text_th"), errors);
        let text_en = optional_line(&row.text_en, &text_th, &format!("{at}.text_en"), errors);
        if options.iter().any(|c| c.text_th == text_th) {
            errors.push((format!("{at}.text_th"), FieldError::AlreadyExists));
        }
        let code = kept.unwrap_or_else(|| {
            let fresh = (1..).map(|k| format!("c{k}")).find(|c| !taken.contains(c)).unwrap_or_default();
            taken.insert(fresh.clone());
            fresh
        });
        options.push(Choice { code, text_th, text_en });
    }
    options
}

fn line(raw: &str, field: &str, errors: &mut NamedErrors) -> String {
    match Text::line(raw, TEXT_MAX) {
        Ok(text) => text.as_str().to_owned(),
        Err(error) => {
            errors.push((field.to_owned(), error));
            String::new()
        }
    }
}

/// The English text, or the Thai one when none is given.
fn optional_line(raw: &str, thai: &str, field: &str, errors: &mut NamedErrors) -> String {
    if raw.trim().is_empty() { thai.to_owned() } else { line(raw, field, errors) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::satisfaction::standard::standard;

    fn scale(text: &str) -> ItemInput {
        ItemInput { text_th: text.into(), kind: "scale".into(), required: true, ..Default::default() }
    }

    fn section(title: &str, items: Vec<ItemInput>) -> SectionInput {
        SectionInput { title_th: title.into(), items, ..Default::default() }
    }

    fn choice(text: &str) -> ChoiceInput {
        ChoiceInput { text_th: text.into(), ..Default::default() }
    }

    #[test]
    fn the_standard_questionnaire_reads_back_as_itself() {
        let q = standard();
        assert_eq!(QuestionnaireInput::from(&q).parse(&[]), Ok(q));
    }

    #[test]
    fn new_rows_get_codes_no_earlier_version_used_and_blank_rows_are_nothing() {
        let v1 = QuestionnaireInput {
            sections: vec![section("ด้านบริการ", vec![scale("รวดเร็ว"), scale("ถูกต้อง")])],
        }
        .parse(&[])
        .unwrap();
        assert_eq!(v1.items().map(|i| i.code.as_str()).collect::<Vec<_>>(), ["q1", "q2"]);
        assert_eq!(v1.sections[0].code, "s1");
        assert_eq!(v1.sections[0].title_en, "ด้านบริการ", "English falls back to the Thai");

        // Version 2 drops q2 and adds an item: the new one must not be q2.
        let mut input = QuestionnaireInput::from(&v1);
        input.sections[0].items.remove(1);
        input.sections[0].items.push(scale("สุภาพ"));
        input.sections[0].items.push(ItemInput::default());
        input.sections.push(SectionInput::default());
        let v2 = input.parse(std::slice::from_ref(&v1)).unwrap();
        assert_eq!(v2.items().map(|i| i.code.as_str()).collect::<Vec<_>>(), ["q1", "q3"]);
        assert_eq!(v2.sections.len(), 1);
    }

    #[test]
    fn a_choice_keeps_its_code_when_its_text_stays() {
        let mut item = ItemInput {
            text_th: "ท่านติดต่อทางใด".into(),
            kind: "single-choice".into(),
            options: vec![choice("โทรศัพท์"), choice("อีเมล")],
            ..Default::default()
        };
        let input = |item: &ItemInput| QuestionnaireInput {
            sections: vec![section("ด้าน", vec![scale("ดี")]), section("ข้อมูล", vec![item.clone()])],
        };
        let v1 = input(&item).parse(&[]).unwrap();
        item.code = "q2".into();
        item.options = vec![choice("ไลน์"), choice("อีเมล"), choice("โทรศัพท์")];
        let v2 = input(&item).parse(std::slice::from_ref(&v1)).unwrap();
        let ItemKind::SingleChoice { options } = &v2.item("q2").unwrap().kind else {
            panic!("a choice item")
        };
        let codes: Vec<_> = options.iter().map(|c| (c.text_th.as_str(), c.code.as_str())).collect();
        assert_eq!(codes, [("ไลน์", "c3"), ("อีเมล", "c2"), ("โทรศัพท์", "c1")]);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let mut mixed = section(
            "ปนกัน",
            vec![
                scale("ดี"),
                ItemInput {
                    text_th: "อื่นๆ".into(), kind: "long-text".into(), ..Default::default()
                },
            ],
        );
        mixed.items.push(ItemInput {
            text_th: "เลือก".into(),
            kind: "single-choice".into(),
            options: vec![choice("ก")],
            ..Default::default()
        });
        mixed.items.push(ItemInput {
            text_th: "ชนิดแปลก".into(),
            kind: "slider".into(),
            ..Default::default()
        });
        let input = QuestionnaireInput {
            sections: vec![
                SectionInput { title_th: "".into(), items: vec![scale("ก")], ..Default::default() },
                mixed,
                SectionInput { code: "Bad Code".into(), title_th: "ข".into(), ..Default::default() },
            ],
        };
        let errors = input.parse(&[]).unwrap_err();
        let fields: Vec<(&str, &FieldError)> = errors.iter().map(|(f, e)| (f.as_str(), e)).collect();
        assert_eq!(
            fields,
            [
                ("sections.1.title_th", &FieldError::Required),
                ("sections.2.items.3.options", &FieldError::TooFewChoices { min: 2 }),
                ("sections.2.items.4.kind", &FieldError::UnknownChoice),
                ("sections.2.items.2.kind", &FieldError::MixedSection),
                ("sections.3.code", &FieldError::InvalidCode),
                ("sections.3.items", &FieldError::Required),
            ]
        );
    }

    #[test]
    fn a_questionnaire_without_a_five_point_item_measures_nothing() {
        let text = ItemInput {
            text_th: "ความเห็น".into(), kind: "long-text".into(), ..Default::default()
        };
        let errors =
            QuestionnaireInput { sections: vec![section("ความเห็น", vec![text])] }.parse(&[]).unwrap_err();
        assert_eq!(errors, [("sections".to_owned(), FieldError::NeedsScaleItem)]);
    }

    #[test]
    fn two_rows_cannot_share_a_code() {
        let mut a = scale("ก");
        a.code = "speed".into();
        let b = ItemInput { code: "speed".into(), ..scale("ข") };
        let errors =
            QuestionnaireInput { sections: vec![section("ด้าน", vec![a, b])] }.parse(&[]).unwrap_err();
        assert_eq!(errors, [("sections.1.items.2.code".to_owned(), FieldError::AlreadyExists)]);
    }
}
