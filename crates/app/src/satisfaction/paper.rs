//! Paper questionnaires keyed into a survey's template and imported: every
//! row, or none and every wrong cell.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::Action;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::satisfaction::paper::{CellError, PaperVocabulary, parse_sheet};
use ruamjai_i18n::Locale;
use ruamjai_store::StoreError;
use ruamjai_store::satisfaction::Survey;

use super::surveys::checked;
use crate::{App, Caller, Result};

/// The words a filled sheet may use for the survey's groups and services,
/// in either language.
pub fn vocabulary(catalog: &Catalog, survey: &Survey) -> PaperVocabulary {
    let both = |key: &str| vec![Locale::Th.t(key), Locale::En.t(key)];
    let names = |entries: Vec<(&String, &String, &String)>| {
        entries
            .into_iter()
            .flat_map(|(code, th, en)| [(th.clone(), code.clone()), (en.clone(), code.clone())])
            .collect()
    };
    let groups = catalog.groups.iter().filter(|g| survey.groups.iter().any(|(code, _)| *code == g.code));
    let services = catalog.services.iter().filter(|s| survey.service_codes.contains(&s.code));
    PaperVocabulary {
        group_headings: both("directory-col-group"),
        service_headings: both("survey-service-used"),
        groups: names(groups.map(|g| (&g.code, &g.name_th, &g.name_en)).collect()),
        services: names(services.map(|s| (&s.code, &s.name_th, &s.name_en)).collect()),
        not_applicable: both("scale-na"),
    }
}

/// Imports the rows of a filled template; says how many, or every wrong
/// cell (a cell of row 0 is the sheet as a whole).
#[tracing::instrument(skip(app, caller, sheet), fields(rows = sheet.len()))]
pub async fn import(
    app: &App,
    caller: &Caller,
    id: i64,
    sheet: &[Vec<String>],
) -> Result<Result<usize, Vec<CellError>>> {
    let (survey, actor) = checked(app, caller, id, Action::Write).await?;
    let catalog = app.catalog().await?;
    let responses = match parse_sheet(sheet, &survey.questionnaire, &vocabulary(&catalog, &survey)) {
        Ok(responses) => responses,
        Err(cells) => return Ok(Err(cells)),
    };
    match app.store().record_paper_responses(&actor, id, &responses, app.now()).await {
        Ok(imported) => Ok(Ok(imported)),
        Err(StoreError::InvalidField { field, error }) => Ok(Err(vec![sheet_error(field, error)])),
        Err(other) => Err(other.into()),
    }
}

/// A refusal of the sheet as a whole.
pub fn sheet_error(column: &str, error: FieldError) -> CellError {
    CellError { row: 0, column: column.to_owned(), value: String::new(), error }
}
