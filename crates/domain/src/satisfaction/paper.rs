//! Paper responses keyed into a spreadsheet: one row per questionnaire,
//! a column per item (headed by the item's code), the group and the
//! service by code or name. Every wrong cell is reported with its row,
//! column and value; nothing is taken unless every row is right.

use crate::accounts::FieldError;
use crate::satisfaction::questionnaire::Questionnaire;
use crate::satisfaction::response::{AnswerInput, NewResponse, ResponseInput};

pub const MAX_ROWS: usize = 10_000;
/// How far down the sheet the header may be (below a title and the item texts).
pub const HEADER_SEARCH_ROWS: usize = 20;
pub const GROUP_COLUMN: &str = "group";
pub const SERVICE_COLUMN: &str = "service";

/// Words besides codes that a sheet may use, supplied by the caller.
#[derive(Debug, Clone, Default)]
pub struct PaperVocabulary {
    /// Headings of the group and service columns in either language.
    pub group_headings: Vec<String>,
    pub service_headings: Vec<String>,
    /// (word, code) for the groups and services the survey covers; a code
    /// not listed here is refused.
    pub groups: Vec<(String, String)>,
    pub services: Vec<(String, String)>,
    /// Words that mean "not applicable" besides `na`.
    pub not_applicable: Vec<String>,
}

/// One wrong cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The spreadsheet's own row number.
    pub row: usize,
    /// The column's heading as the sheet has it.
    pub column: String,
    pub value: String,
    pub error: FieldError,
}

fn normalize(word: &str) -> String {
    word.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The code a cell names (by a word or the code itself); a name the sheet
/// may not use reads as an invalid code, refused as an unknown choice.
fn lookup(words: &[(String, String)], raw: &str) -> String {
    let word = normalize(raw);
    let known =
        words.iter().find(|(w, code)| normalize(w) == word || *code == word).map(|(_, code)| code.clone());
    match known {
        Some(code) => code,
        None if word.is_empty() => String::new(),
        None => "?".to_owned(),
    }
}

enum Role {
    Group,
    Service,
    Item(String),
}

/// Every response, or every wrong cell.
pub fn parse_sheet(
    table: &[Vec<String>],
    questionnaire: &Questionnaire,
    vocabulary: &PaperVocabulary,
) -> Result<Vec<NewResponse>, Vec<CellError>> {
    let is_heading = |cell: &str, code: &str, words: &[String]| {
        let cell = normalize(cell);
        cell == code || words.iter().any(|w| normalize(w) == cell)
    };
    let header_index = table
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|cells| cells.iter().any(|c| is_heading(c, GROUP_COLUMN, &vocabulary.group_headings)));
    let Some(header_index) = header_index else {
        return Err(vec![CellError {
            row: 1,
            column: GROUP_COLUMN.into(),
            value: String::new(),
            error: FieldError::Required,
        }]);
    };
    let header = &table[header_index];
    let roles: Vec<Option<Role>> = header
        .iter()
        .map(|cell| {
            if is_heading(cell, GROUP_COLUMN, &vocabulary.group_headings) {
                Some(Role::Group)
            } else if is_heading(cell, SERVICE_COLUMN, &vocabulary.service_headings) {
                Some(Role::Service)
            } else {
                let code = cell.split_whitespace().next().unwrap_or("");
                questionnaire.item(code).map(|i| Role::Item(i.code.clone()))
            }
        })
        .collect();
    let body: Vec<(usize, &Vec<String>)> = table
        .iter()
        .enumerate()
        .skip(header_index + 1)
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if body.len() > MAX_ROWS {
        return Err(vec![CellError {
            row: header_index + 1,
            column: GROUP_COLUMN.into(),
            value: String::new(),
            error: FieldError::TooManyRows { max: MAX_ROWS },
        }]);
    }
    let mut responses = Vec::new();
    let mut errors = Vec::new();
    for (index, cells) in body {
        let mut input = ResponseInput::default();
        for (col, role) in roles.iter().enumerate() {
            let value = cells.get(col).map_or("", String::as_str);
            match role {
                Some(Role::Group) => input.group = lookup(&vocabulary.groups, value),
                Some(Role::Service) => input.service = lookup(&vocabulary.services, value),
                Some(Role::Item(code)) if !value.trim().is_empty() => {
                    let na = vocabulary.not_applicable.iter().any(|w| normalize(w) == normalize(value))
                        || ["n/a", "-"].contains(&normalize(value).as_str());
                    let value = if na { "na".to_owned() } else { normalize(value) };
                    input.answers.push((code.clone(), AnswerInput::One(value)));
                }
                _ => {}
            }
        }
        match input.check(questionnaire) {
            Ok(response) => responses.push(response),
            Err(refusals) => errors.extend(refusals.into_iter().map(|refusal| {
                let col = roles.iter().position(|r| match r {
                    Some(Role::Group) => refusal.field == "group_id",
                    Some(Role::Service) => refusal.field == "service_id",
                    Some(Role::Item(code)) => *code == refusal.field,
                    None => false,
                });
                CellError {
                    row: index + 1,
                    column: col.and_then(|c| header.get(c)).cloned().unwrap_or(refusal.field),
                    value: col.and_then(|c| cells.get(c)).map_or(String::new(), |v| v.trim().to_owned()),
                    error: refusal.error,
                }
            })),
        }
    }
    if errors.is_empty() { Ok(responses) } else { Err(errors) }
}

/// The template's header: the group and service columns, then one column
/// per item headed by its code and its text (the code is what is read back).
pub fn template_headings(
    questionnaire: &Questionnaire,
    group: &str,
    service: &str,
    thai: bool,
) -> Vec<String> {
    let items =
        questionnaire.items().map(|i| format!("{} {}", i.code, if thai { &i.text_th } else { &i.text_en }));
    [group.to_owned(), service.to_owned()].into_iter().chain(items).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::satisfaction::standard::standard;

    fn vocabulary() -> PaperVocabulary {
        PaperVocabulary {
            group_headings: vec!["กลุ่มผู้มีส่วนได้ส่วนเสีย".into()],
            service_headings: vec!["บริการที่ใช้".into()],
            groups: vec![("จังหวัด".into(), "provinces".into())],
            services: vec![("ระบบประชุมทางไกล".into(), "video-conference".into())],
            not_applicable: vec!["ไม่เกี่ยวข้อง".into()],
        }
    }

    fn sheet(rows: &[Vec<String>]) -> Vec<Vec<String>> {
        let headings = template_headings(&standard(), "กลุ่มผู้มีส่วนได้ส่วนเสีย", "บริการที่ใช้", true);
        let mut table = vec![vec!["แบบบันทึกคำตอบ".to_owned()], vec![], headings];
        table.extend(rows.iter().cloned());
        table
    }

    /// A row answering every five-point item with `score`.
    fn row(group: &str, service: &str, score: &str) -> Vec<String> {
        [group, service].into_iter().chain(std::iter::repeat_n(score, 22)).map(String::from).collect()
    }

    #[test]
    fn a_filled_template_reads_back_with_names_and_not_applicable_words() {
        let mut second = row("provinces", "video-conference", "4");
        second[3] = "ไม่เกี่ยวข้อง".into();
        let responses =
            parse_sheet(&sheet(&[row("จังหวัด", "ระบบประชุมทางไกล", "5"), second]), &standard(), &vocabulary())
                .unwrap();
        assert_eq!(responses.len(), 2);
        assert_eq!(responses[0].group.as_str(), "provinces");
        assert_eq!(responses[0].score("process-1"), Some(5));
        assert_eq!(responses[1].score("process-2"), None, "not applicable");
        assert!(responses[1].answer("process-2").is_some());
    }

    #[test]
    fn every_wrong_cell_is_named_by_row_column_and_value() {
        let mut bad = row("provinces", "network-status", "4");
        bad[2] = "6".into();
        let mut missing = row("", "video-conference", "3");
        missing[5] = String::new();
        let errors = parse_sheet(
            &sheet(&[row("provinces", "video-conference", "4"), bad, missing]),
            &standard(),
            &vocabulary(),
        )
        .unwrap_err();
        let found: Vec<_> =
            errors.iter().map(|e| (e.row, e.column.as_str(), e.value.as_str(), e.error.clone())).collect();
        assert_eq!(
            found,
            [
                (5, "บริการที่ใช้", "network-status", FieldError::UnknownChoice),
                (5, "process-1 ขั้นตอนการให้บริการไม่ยุ่งยากซับซ้อน", "6", FieldError::OutOfRange { min: 1, max: 5 }),
                (6, "กลุ่มผู้มีส่วนได้ส่วนเสีย", "", FieldError::Required),
                (6, "process-4 แจ้งความคืบหน้าและผลการให้บริการอย่างชัดเจน", "", FieldError::Required),
            ]
        );
    }
}
