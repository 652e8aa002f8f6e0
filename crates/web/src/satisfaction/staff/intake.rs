//! How responses reach a survey besides its public page: paper
//! questionnaires keyed into a template and imported all or none, and
//! single-use links mailed to a list of addresses.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_app::satisfaction::{paper, surveys};
use ruamjai_docs::list::list_xlsx;
use ruamjai_domain::accounts::{Email, FieldError};
use ruamjai_domain::satisfaction::paper::{CellError, template_headings};
use serde::Deserialize;

use super::surveys::{FilterQuery, PaperError, Shown, render_report};
use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::session::Staff;
use crate::download::{XLSX, built_download};
use crate::error::field_message;
use crate::i18n::Locale;
use crate::page::Page;
use crate::sheet::read_upload;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/surveys/{id}/paper-template.xlsx", get(paper_template))
        .route("/staff/surveys/{id}/paper", post(import_paper))
        .route("/staff/surveys/{id}/tokens", post(mail_tokens))
}

/// A sheet to key paper questionnaires into: one row each, a column per item.
async fn paper_template(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let survey = surveys::of(&state.app, &staff.caller(), id).await?;
    let headings = template_headings(
        &survey.questionnaire,
        &page.t("directory-col-group"),
        &page.t("survey-service-used"),
        page.locale == Locale::Th,
    );
    let title = format!("{}: {}", page.t("survey-paper-title"), survey.name);
    built_download(&format!("survey-{id}-paper.xlsx"), XLSX, move || list_xlsx(Some(&title), &headings, &[]))
        .await
}

/// Paper responses from a filled template: every row or none.
async fn import_paper(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    surveys::of(&state.app, &caller, id).await?;
    let refused = |cells: Vec<CellError>| Shown {
        paper_errors: cells.iter().map(|e| paper_error(page.locale, e)).collect(),
        ..Shown::default()
    };
    let sheet = match read_upload(multipart.files).await? {
        Ok(sheet) => sheet,
        Err(error) => {
            let shown =
                Shown { paper_file_error: Some(field_message(page.locale, &error)), ..Shown::default() };
            return render_report(&state, &page, &staff, id, FilterQuery::default(), shown).await;
        }
    };
    match paper::import(&state.app, &caller, id, &sheet).await? {
        Ok(n) => Ok(Redirect::to(&format!("/staff/surveys/{id}?imported={n}#paper")).into_response()),
        Err(cells) => render_report(&state, &page, &staff, id, FilterQuery::default(), refused(cells)).await,
    }
}

fn paper_error(locale: Locale, error: &CellError) -> PaperError {
    PaperError {
        row: error.row,
        column: error.column.clone(),
        value: error.value.clone(),
        reason: field_message(locale, &error.error),
    }
}

#[derive(Deserialize)]
struct TokensForm {
    #[serde(default)]
    recipients: String,
}

/// Mails a single-use link to each address listed (one per line, or
/// separated by commas or spaces); refuses the whole list if any is wrong.
async fn mail_tokens(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TokensForm>,
) -> Result<Response, AppError> {
    let words: Vec<(usize, &str)> = form
        .recipients
        .lines()
        .enumerate()
        .flat_map(|(n, line)| {
            line.split([',', ' ', ';', '\t']).filter(|w| !w.trim().is_empty()).map(move |w| (n + 1, w))
        })
        .collect();
    let (addresses, mut errors) = match Email::distinct(words) {
        Ok(addresses) => (addresses, Vec::new()),
        Err(refused) => {
            let shown = refused
                .into_iter()
                .map(|(line, word, e)| (line, word.to_owned(), field_message(page.locale, &e)));
            (Vec::new(), shown.collect())
        }
    };
    if addresses.is_empty() && errors.is_empty() {
        errors.push((1, String::new(), field_message(page.locale, &FieldError::Required)));
    }
    if !errors.is_empty() {
        let shown = Shown { token_errors: errors, ..Shown::default() };
        return render_report(&state, &page, &staff, id, FilterQuery::default(), shown).await;
    }
    let (sent, skipped) = surveys::mail_links(&state.app, &staff.caller(), id, addresses).await?;
    Ok(Redirect::to(&format!("/staff/surveys/{id}?mailed={sent}&skipped={skipped}#links")).into_response())
}
