//! How responses reach a survey besides its public page: paper
//! questionnaires keyed into a template and imported all or none, and
//! single-use links mailed to a list of addresses.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_docs::list::list_xlsx;
use ruamjai_domain::accounts::{Email, FieldError};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::satisfaction::campaign::Mode;
use ruamjai_domain::satisfaction::paper::{CellError, PaperVocabulary, parse_sheet, template_headings};
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::Campaign;
use serde::Deserialize;
use time::OffsetDateTime;

use super::surveys::{FilterQuery, PaperError, Shown, render_report};
use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::session::Staff;
use crate::download::{XLSX, built_download};
use crate::error::field_message;
use crate::i18n::Locale;
use crate::page::Page;
use crate::sheet::read_upload;
use crate::{AppError, AppState, mail};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/surveys/{id}/paper-template.xlsx", get(paper_template))
        .route("/staff/surveys/{id}/paper", post(import_paper))
        .route("/staff/surveys/{id}/tokens", post(mail_tokens))
}

/// The headings and words a paper sheet may use, in both languages, for
/// the groups and services the campaign covers.
pub(crate) fn paper_vocabulary(catalog: &Catalog, campaign: &Campaign) -> PaperVocabulary {
    let both = |key: &str| vec![Locale::Th.t(key), Locale::En.t(key)];
    let names = |entries: Vec<(&String, &String, &String)>| {
        entries
            .into_iter()
            .flat_map(|(code, th, en)| [(th.clone(), code.clone()), (en.clone(), code.clone())])
            .collect()
    };
    PaperVocabulary {
        group_headings: both("directory-col-group"),
        service_headings: both("survey-service-used"),
        groups: names(
            catalog
                .groups
                .iter()
                .filter(|g| campaign.groups.iter().any(|(code, _)| *code == g.code))
                .map(|g| (&g.code, &g.name_th, &g.name_en))
                .collect(),
        ),
        services: names(
            catalog
                .services
                .iter()
                .filter(|s| campaign.service_codes.contains(&s.code))
                .map(|s| (&s.code, &s.name_th, &s.name_en))
                .collect(),
        ),
        not_applicable: both("scale-na"),
    }
}

/// A sheet to key paper questionnaires into: one row each, a column per item.
async fn paper_template(
    State(state): State<AppState>,
    page: Page,
    _staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let campaign = state.store.campaign(id).await?;
    let headings = template_headings(
        &campaign.questionnaire,
        &page.t("directory-col-group"),
        &page.t("survey-service-used"),
        page.locale == Locale::Th,
    );
    let title = format!("{}: {}", page.t("survey-paper-title"), campaign.name);
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
    staff.require(|r| r.can_write())?;
    let campaign = state.store.campaign(id).await?;
    let refuse = |error: FieldError| Shown {
        paper_file_error: Some(field_message(page.locale, &error)),
        ..Shown::default()
    };
    let sheet = match read_upload(multipart.files).await? {
        Ok(sheet) => sheet,
        Err(error) => {
            return render_report(&state, &page, &staff, id, FilterQuery::default(), refuse(error)).await;
        }
    };
    let catalog = state.catalog().await?;
    let responses = match parse_sheet(&sheet, &campaign.questionnaire, &paper_vocabulary(&catalog, &campaign))
    {
        Ok(responses) => responses,
        Err(errors) => {
            let paper_errors = errors.iter().map(|e| paper_error(page.locale, e)).collect();
            let shown = Shown { paper_errors, ..Shown::default() };
            return render_report(&state, &page, &staff, id, FilterQuery::default(), shown).await;
        }
    };
    let actor = Actor::user(staff.user().id, &staff.user().email);
    match state.store.record_paper_responses(&actor, id, &responses, OffsetDateTime::now_utc()).await {
        Ok(n) => Ok(Redirect::to(&format!("/staff/surveys/{id}?imported={n}#paper")).into_response()),
        Err(ruamjai_store::StoreError::InvalidField { field, error }) => {
            let shown = Shown {
                paper_errors: vec![PaperError {
                    row: 0,
                    column: field.to_owned(),
                    value: String::new(),
                    reason: field_message(page.locale, &error),
                }],
                ..Shown::default()
            };
            render_report(&state, &page, &staff, id, FilterQuery::default(), shown).await
        }
        Err(other) => Err(other.into()),
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
    staff.require(|r| r.can_write())?;
    let campaign = state.store.campaign(id).await?;
    if campaign.mode != Mode::Token {
        return Err(AppError::Conflict("not-a-token-survey"));
    }
    let words: Vec<(usize, &str)> = form
        .recipients
        .lines()
        .enumerate()
        .flat_map(|(n, line)| {
            line.split([',', ' ', ';', '\t']).filter(|w| !w.trim().is_empty()).map(move |w| (n + 1, w))
        })
        .collect();
    let mut addresses: Vec<Email> = Vec::new();
    let mut errors = Vec::new();
    for (line, word) in &words {
        match Email::parse(word) {
            Ok(email) if !addresses.contains(&email) => addresses.push(email),
            Ok(_) => {}
            Err(e) => errors.push((*line, (*word).to_owned(), field_message(page.locale, &e))),
        }
    }
    if addresses.is_empty() && errors.is_empty() {
        errors.push((1, String::new(), field_message(page.locale, &FieldError::Required)));
    }
    if !errors.is_empty() {
        let shown = Shown { token_errors: errors, ..Shown::default() };
        return render_report(&state, &page, &staff, id, FilterQuery::default(), shown).await;
    }
    let public_url = state.config.public_url.clone();
    let tokens: Vec<(String, ruamjai_domain::mail::NewMail)> =
        addresses.into_iter().map(|to| mail::survey_link(&public_url, &campaign, to)).collect();
    let actor = Actor::user(staff.user().id, &staff.user().email);
    let (sent, skipped) =
        state.store.mail_survey_tokens(&actor, id, &tokens, OffsetDateTime::now_utc()).await?;
    Ok(Redirect::to(&format!("/staff/surveys/{id}?mailed={sent}&skipped={skipped}#links")).into_response())
}
