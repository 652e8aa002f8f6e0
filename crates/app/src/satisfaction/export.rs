//! Every response of a survey as rows of cells, in the reader's language:
//! choices in words, scores as numbers, days as dates. The web streams them
//! into a workbook; the evidence pack will too.

use std::borrow::Cow;
use std::collections::HashMap;

use ruamjai_docs::streamed::Cell;
use ruamjai_domain::satisfaction::questionnaire::ItemKind;
use ruamjai_i18n::{Locale, Names};
use ruamjai_store::satisfaction::{ResponseRow, Survey};

/// What a row's cells say, in the reader's language, fixed before the
/// rows stream.
pub struct Columns {
    pub headings: Vec<String>,
    identified: bool,
    /// Item code → its column after the fixed ones.
    items: HashMap<String, usize>,
    /// (item, choice code) → the choice's text.
    choices: HashMap<(String, String), String>,
    services: HashMap<String, String>,
    groups: HashMap<String, String>,
    sources: [String; 2],
    not_applicable: String,
}

impl Columns {
    pub fn new(survey: &Survey, locale: Locale, names: &Names) -> Self {
        let identified = survey.mode == ruamjai_domain::satisfaction::survey::Mode::Identified;
        let mut headings: Vec<String> = [
            "survey-col-response",
            "survey-col-received",
            "survey-col-source",
            "survey-service-used",
            "directory-col-group",
        ]
        .iter()
        .map(|k| locale.t(k))
        .collect();
        if identified {
            headings.extend([locale.t("survey-col-name"), locale.t("survey-col-email")]);
        }
        let mut items = HashMap::new();
        let mut choices = HashMap::new();
        for (n, item) in survey.questionnaire.items().enumerate() {
            items.insert(item.code.clone(), n);
            headings.push(format!("{}. {}", n + 1, locale.pick(&item.text_th, &item.text_en)));
            if let ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } = &item.kind {
                for c in options {
                    choices.insert(
                        (item.code.clone(), c.code.clone()),
                        locale.pick(&c.text_th, &c.text_en).to_owned(),
                    );
                }
            }
        }
        Self {
            headings,
            identified,
            items,
            choices,
            services: survey.service_codes.iter().map(|c| (c.clone(), names.service(c))).collect(),
            groups: survey.groups.iter().map(|(c, _)| (c.clone(), names.group(c))).collect(),
            sources: [locale.t("survey-source-web"), locale.t("survey-source-paper")],
            not_applicable: locale.t("scale-na"),
        }
    }

    pub fn cells<'a>(&'a self, row: &'a ResponseRow) -> Vec<Cell<'a>> {
        let fixed = if self.identified { 7 } else { 5 };
        let mut cells = vec![Cell::Empty; fixed + self.items.len()];
        let name = |map: &'a HashMap<String, String>, code: &'a str| {
            Cell::Text(Cow::Borrowed(map.get(code).map_or(code, String::as_str)))
        };
        cells[0] = Cell::Number(row.id as f64);
        cells[1] = Cell::Day(row.received_on);
        cells[2] = Cell::Text(Cow::Borrowed(&self.sources[usize::from(row.source == "paper")]));
        cells[3] = name(&self.services, &row.service);
        cells[4] = name(&self.groups, &row.group);
        if let (true, Some((who, email))) = (self.identified, &row.respondent) {
            cells[5] = Cell::Text(Cow::Borrowed(who));
            cells[6] = Cell::Text(Cow::Borrowed(email));
        }
        for answer in &row.answers {
            let Some(column) = self.items.get(&answer.item) else { continue };
            cells[fixed + column] = match (answer.score, answer.value.as_deref()) {
                (Some(score), _) => Cell::Number(score as f64),
                (None, None) => Cell::Text(Cow::Borrowed(&self.not_applicable)),
                (None, Some(value)) => Cell::Text(self.value(&answer.item, value)),
            };
        }
        cells
    }

    /// A choice's text, several choices' texts, or the text typed.
    fn value<'a>(&'a self, item: &str, value: &'a str) -> Cow<'a, str> {
        let choice = |code: &str| self.choices.get(&(item.to_owned(), code.to_owned())).cloned();
        if let Ok(codes) = serde_json::from_str::<Vec<String>>(value) {
            return Cow::Owned(
                codes.iter().map(|c| choice(c).unwrap_or_else(|| c.clone())).collect::<Vec<_>>().join(", "),
            );
        }
        choice(value).map_or(Cow::Borrowed(value), Cow::Owned)
    }
}
