//! Importing the directory from a spreadsheet that staff keep in Excel: one
//! row per contact (or per organisation without one), every wrong cell
//! reported with its row and column, nothing taken unless every row is right.
//!
//! Headers, groups and PDPA bases may be written as codes or as the words
//! either language labels them with; the caller supplies those words (the
//! [`Vocabulary`]) so that what an export writes, an import reads back.

use crate::accounts::FieldError;
use crate::catalog::Code;
use crate::engagement::directory::{ContactInput, NewContact, NewOrganisation, OrganisationInput, PdpaBasis};

/// Enough for every province office and partner the Center deals with.
pub const MAX_ROWS: usize = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Organisation,
    Group,
    Province,
    OrgType,
    ContactName,
    Position,
    Email,
    Phone,
    PdpaBasis,
    GivenOn,
}

impl Column {
    /// In the order an export writes them.
    pub const ALL: [Self; 10] = [
        Self::Organisation,
        Self::Group,
        Self::Province,
        Self::OrgType,
        Self::ContactName,
        Self::Position,
        Self::Email,
        Self::Phone,
        Self::PdpaBasis,
        Self::GivenOn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Organisation => "organisation",
            Self::Group => "group",
            Self::Province => "province",
            Self::OrgType => "org_type",
            Self::ContactName => "contact_name",
            Self::Position => "position",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::PdpaBasis => "pdpa_basis",
            Self::GivenOn => "given_on",
        }
    }

    /// The column a parsed field came from.
    fn of_field(field: &str) -> Self {
        match field {
            "group_id" => Self::Group,
            "name" => Self::Organisation,
            field => Self::ALL.into_iter().find(|c| c.code() == field).unwrap_or(Self::Organisation),
        }
    }
}

/// The words a spreadsheet may use besides codes, in any language.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub headers: Vec<(String, Column)>,
    pub groups: Vec<(String, Code)>,
    pub bases: Vec<(String, PdpaBasis)>,
}

impl Vocabulary {
    fn column(&self, header: &str) -> Option<Column> {
        let header = normalize(header);
        Column::ALL
            .into_iter()
            .find(|c| c.code() == header)
            .or_else(|| lookup(&self.headers, &header).copied())
    }

    /// A group's code from its code or its name; `None` for a group the
    /// Center does not have.
    fn group(&self, raw: &str) -> Option<Code> {
        let word = normalize(raw);
        lookup(&self.groups, &word)
            .or_else(|| self.groups.iter().map(|(_, c)| c).find(|c| c.as_str() == word))
            .cloned()
    }

    fn basis(&self, raw: &str) -> String {
        lookup(&self.bases, &normalize(raw)).map_or_else(|| raw.trim().to_owned(), |b| b.code().to_owned())
    }
}

fn lookup<'a, T>(words: &'a [(String, T)], normalized: &str) -> Option<&'a T> {
    words.iter().find(|(word, _)| normalize(word) == normalized).map(|(_, value)| value)
}

fn normalize(word: &str) -> String {
    word.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// One wrong cell: where it is, what it held and why it was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The spreadsheet's own row number (the header is row 1).
    pub row: usize,
    pub column: Column,
    pub value: String,
    pub error: FieldError,
}

/// A row ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub row: usize,
    pub organisation: NewOrganisation,
    pub contact: Option<NewContact>,
}

/// How far down a sheet its header may be, below a title and blank lines.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// Every row, or every wrong cell of every row. The header is the first row
/// (of the first few) that names the organisation column; rows are numbered
/// as the spreadsheet numbers them.
pub fn parse_table(table: &[Vec<String>], vocabulary: &Vocabulary) -> Result<Vec<ImportRow>, Vec<RowError>> {
    let header_index = table
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|cells| cells.iter().any(|cell| vocabulary.column(cell) == Some(Column::Organisation)));
    let header_row = header_index.unwrap_or(0);
    let columns: Vec<Option<Column>> = match header_index {
        Some(index) => table[index].iter().map(|h| vocabulary.column(h)).collect(),
        None => Vec::new(),
    };
    let missing: Vec<RowError> = [Column::Organisation, Column::Group]
        .into_iter()
        .filter(|required| !columns.contains(&Some(*required)))
        .map(|column| RowError {
            row: header_row + 1,
            column,
            value: String::new(),
            error: FieldError::Required,
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let body = table.iter().enumerate().skip(header_row + 1).filter(|(_, cells)| !is_blank(cells));
    if body.clone().count() > MAX_ROWS {
        return Err(vec![RowError {
            row: header_row + 1,
            column: Column::Organisation,
            value: String::new(),
            error: FieldError::TooManyRows { max: MAX_ROWS },
        }]);
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut groups = OrganisationGroups::default();
    for (index, cells) in body {
        let cell = |column: Column| -> &str {
            columns
                .iter()
                .position(|c| *c == Some(column))
                .and_then(|i| cells.get(i))
                .map_or("", String::as_str)
        };
        match parse_row(index + 1, &cell, vocabulary) {
            Ok(row) => rows.push(row),
            Err(row_errors) => errors.extend(row_errors),
        }
        let group = vocabulary.group(cell(Column::Group));
        let group = group.as_ref().map_or("", Code::as_str);
        errors.extend(groups.conflict(index + 1, cell(Column::Organisation), group));
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|cell| cell.trim().is_empty())
}

fn parse_row<'a>(
    row: usize,
    cell: &dyn Fn(Column) -> &'a str,
    vocabulary: &Vocabulary,
) -> Result<ImportRow, Vec<RowError>> {
    let organisation = OrganisationInput {
        name: cell(Column::Organisation).to_owned(),
        group: vocabulary
            .group(cell(Column::Group))
            .map_or_else(|| cell(Column::Group).to_owned(), |c| c.as_str().to_owned()),
        province: cell(Column::Province).to_owned(),
        org_type: cell(Column::OrgType).to_owned(),
    };
    let contact = ContactInput {
        name: cell(Column::ContactName).to_owned(),
        position: cell(Column::Position).to_owned(),
        email: cell(Column::Email).to_owned(),
        phone: cell(Column::Phone).to_owned(),
        pdpa_basis: vocabulary.basis(cell(Column::PdpaBasis)),
        given_on: cell(Column::GivenOn).to_owned(),
    };
    let unknown_group =
        !cell(Column::Group).trim().is_empty() && vocabulary.group(cell(Column::Group)).is_none();
    let organisation = match organisation.parse() {
        Ok(_) if unknown_group => Err(vec![("group_id", FieldError::UnknownChoice)]),
        Err(mut fields) if unknown_group => {
            fields.retain(|(field, _)| *field != "group_id");
            fields.push(("group_id", FieldError::UnknownChoice));
            Err(fields)
        }
        parsed => parsed,
    };
    let contact = if contact.is_empty() { Ok(None) } else { contact.parse().map(Some) };
    let to_errors = |fields: Vec<(&'static str, FieldError)>| {
        fields.into_iter().map(|(field, error)| {
            let column = Column::of_field(field);
            RowError { row, column, value: cell(column).trim().to_owned(), error }
        })
    };
    match (organisation, contact) {
        (Ok(organisation), Ok(contact)) => Ok(ImportRow { row, organisation, contact }),
        (organisation, contact) => {
            let mut errors: Vec<RowError> = to_errors(organisation.err().unwrap_or_default()).collect();
            errors.extend(to_errors(contact.err().unwrap_or_default()));
            Err(errors)
        }
    }
}

/// The group each organisation was first given in, and on which row: an
/// organisation named on several rows must be in one group on all of them.
#[derive(Default)]
struct OrganisationGroups(Vec<(String, String, usize)>);

impl OrganisationGroups {
    fn conflict(&mut self, row: usize, name: &str, group: &str) -> Option<RowError> {
        let name = normalize(name);
        if name.is_empty() || group.is_empty() {
            return None;
        }
        match self.0.iter().find(|(seen, _, _)| *seen == name) {
            Some((_, first_group, first_row)) => (first_group != group).then(|| RowError {
                row,
                column: Column::Group,
                value: group.to_owned(),
                error: FieldError::DiffersFromEarlierRow { row: *first_row },
            }),
            None => {
                self.0.push((name, group.to_owned(), row));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        let code = |c: &str| Code::parse(c).unwrap();
        Vocabulary {
            headers: vec![
                ("หน่วยงาน".into(), Column::Organisation),
                ("กลุ่มผู้มีส่วนได้ส่วนเสีย".into(), Column::Group),
                ("ชื่อผู้ติดต่อ".into(), Column::ContactName),
                ("อีเมล".into(), Column::Email),
                ("ฐานทางกฎหมาย".into(), Column::PdpaBasis),
                ("วันที่ได้รับข้อมูล".into(), Column::GivenOn),
            ],
            groups: vec![
                ("จังหวัด".into(), code("provinces")),
                ("Private sector".into(), code("private-sector")),
            ],
            bases: vec![("ภารกิจของรัฐ".into(), PdpaBasis::PublicTask)],
        }
    }

    fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect()
    }

    const HEADER: &[&str] =
        &["หน่วยงาน", "กลุ่มผู้มีส่วนได้ส่วนเสีย", "ชื่อผู้ติดต่อ", "อีเมล", "ฐานทางกฎหมาย", "วันที่ได้รับข้อมูล"];

    #[test]
    fn rows_read_names_as_well_as_codes_and_skip_blank_lines() {
        let rows = parse_table(
            &table(&[
                HEADER,
                &["จังหวัดน่าน", "จังหวัด", "นายสมชาย ใจดี", "somchai@nan.go.th", "ภารกิจของรัฐ", "1/10/2569"],
                &["", "", "", "", "", ""],
                &["บริษัท ไทยดิจิทัล จำกัด", "private sector", "", "", "", ""],
                &["จังหวัดน่าน", "provinces", "นางสาวนภา ดาวเด่น", "napa@nan.go.th", "consent", "2026-10-02"],
            ]),
            &vocabulary(),
        );
        let rows = rows.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 4, 5]);
        assert_eq!(rows[0].organisation.group.as_str(), "provinces");
        assert_eq!(rows[0].contact.as_ref().unwrap().pdpa_basis, PdpaBasis::PublicTask);
        assert_eq!(rows[1].organisation.group.as_str(), "private-sector");
        assert_eq!(rows[1].contact, None, "an organisation may come without a contact");
        assert_eq!(rows[2].contact.as_ref().unwrap().pdpa_basis, PdpaBasis::Consent);
    }

    #[test]
    fn every_wrong_cell_is_reported_with_its_row_column_and_value() {
        let errors = parse_table(
            &table(&[
                HEADER,
                &["จังหวัดน่าน", "จังหวัด", "นายสมชาย", "not-an-address", "ภารกิจของรัฐ", "2026-10-01"],
                &["", "ministries", "นางสาวนภา", "napa@example.org", "because", "32/10/2569"],
                &["จังหวัดน่าน", "private-sector", "", "", "", ""],
            ]),
            &vocabulary(),
        )
        .unwrap_err();
        let found: Vec<_> =
            errors.iter().map(|e| (e.row, e.column, e.value.as_str(), e.error.clone())).collect();
        assert_eq!(
            found,
            [
                (2, Column::Email, "not-an-address", FieldError::InvalidEmail),
                (3, Column::Organisation, "", FieldError::Required),
                (3, Column::Group, "ministries", FieldError::UnknownChoice),
                (3, Column::PdpaBasis, "because", FieldError::UnknownChoice),
                (3, Column::GivenOn, "32/10/2569", FieldError::InvalidDate),
                (4, Column::Group, "private-sector", FieldError::DiffersFromEarlierRow { row: 2 }),
            ]
        );
    }

    #[test]
    fn a_sheet_without_the_organisation_and_group_columns_is_refused_at_its_header() {
        let errors = parse_table(&table(&[&["name", "e-mail"], &["x", "y"]]), &vocabulary()).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| (e.row, e.column)).collect::<Vec<_>>(),
            [(1, Column::Organisation), (1, Column::Group)]
        );
        assert_eq!(parse_table(&[], &vocabulary()).unwrap_err()[0].error, FieldError::Required);
    }

    #[test]
    fn a_title_above_the_header_is_passed_over_and_rows_keep_their_sheet_numbers() {
        let rows = parse_table(
            &table(&[
                &["ทะเบียนผู้มีส่วนได้ส่วนเสีย ปีงบประมาณ 2570"],
                &[],
                &["หน่วยงาน", "กลุ่มผู้มีส่วนได้ส่วนเสีย"],
                &["จังหวัดน่าน", "จังหวัด"],
            ]),
            &vocabulary(),
        )
        .unwrap();
        assert_eq!(rows[0].row, 4);
    }

    #[test]
    fn a_sheet_too_long_to_be_a_directory_is_refused_whole() {
        let mut rows = table(&[&["organisation", "group"]]);
        rows.extend((0..=MAX_ROWS).map(|i| vec![format!("หน่วยงาน {i}"), "provinces".to_owned()]));
        let errors = parse_table(&rows, &vocabulary()).unwrap_err();
        assert_eq!(errors[0].error, FieldError::TooManyRows { max: MAX_ROWS });
    }
}
