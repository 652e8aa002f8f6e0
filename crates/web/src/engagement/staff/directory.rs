//! The stakeholder directory for staff: organisations and contacts entered
//! by hand or imported from the spreadsheet they already keep, exported
//! back to it, and a contact erased on request.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_app::engagement::directory;
use ruamjai_app::engagement::directory_sheet::{column_heading, export_rows, vocabulary};
use ruamjai_docs::list::{list_csv, list_xlsx};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::engagement::directory::{ContactInput, OrganisationInput, PdpaBasis};
use ruamjai_domain::engagement::directory_import::{RowError, parse_table};
use ruamjai_store::engagement::{ImportSummary, Organisation};
use serde::Deserialize;

use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::session::Staff;
use crate::download::{CSV, XLSX, built_download};
use crate::error::field_message;
use crate::i18n::Locale;
use crate::kit::Names;
use crate::kit::{Flash, FormErrors, NavItem, nav_for};
use crate::page::Page;
use crate::sheet::read_upload;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/directory", get(list))
        .route("/staff/directory/organisations", post(create_organisation))
        .route("/staff/directory/organisations/{id}/contacts", post(add_contact))
        .route("/staff/directory/contacts/{id}/erase", post(erase_contact))
        .route("/staff/directory/import", post(import))
        .route("/staff/directory/export.xlsx", get(export_xlsx))
        .route("/staff/directory/export.csv", get(export_csv))
}

#[derive(Debug, Default, Deserialize)]
struct GroupQuery {
    #[serde(default)]
    group: String,
    /// What the last import did, shown once after the redirect.
    #[serde(default)]
    imported: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct OrganisationForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    province: String,
    #[serde(default)]
    org_type: String,
}

#[derive(Debug, Default, Deserialize)]
struct ContactForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    pdpa_basis: String,
    #[serde(default)]
    given_on: String,
}

/// A wrong cell of an import, in the reader's language.
struct CellError {
    row: usize,
    column: String,
    value: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "engagement/staff/directory.html")]
struct DirectoryTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    names: Names<'a>,
    catalog: &'a Catalog,
    group: String,
    organisations: Vec<Organisation>,
    bases: [PdpaBasis; 6],
    imported: Option<String>,
    import_errors: Vec<CellError>,
    /// The organisation form's errors, or a contact form's (with its organisation).
    errors: FormErrors,
    contact_errors_for: Option<i64>,
    org_form: OrganisationForm,
}

impl DirectoryTemplate<'_> {
    fn basis(&self, basis: &PdpaBasis) -> String {
        self.page.t(&format!("pdpa-basis-{}", basis.code()))
    }

    fn contact_form_for(&self, organisation: &i64) -> bool {
        self.contact_errors_for == Some(*organisation)
    }

    fn contact_count(&self) -> usize {
        self.organisations.iter().map(|o| o.contacts.iter().filter(|c| c.erased_at.is_none()).count()).sum()
    }
}

/// What differs between the ways the page is shown.
#[derive(Default)]
struct Shown {
    group: String,
    imported: Option<String>,
    import_errors: Vec<CellError>,
    errors: Vec<(&'static str, FieldError)>,
    contact_errors_for: Option<i64>,
    org_form: OrganisationForm,
}

async fn render(state: &AppState, page: &Page, staff: &Staff, shown: Shown) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let group = (!shown.group.is_empty()).then_some(shown.group.as_str());
    let failed = !shown.errors.is_empty() || !shown.import_errors.is_empty();
    let template = DirectoryTemplate {
        page,
        nav: nav_for(staff),
        names: Names { locale: page.locale, catalog: &catalog },
        catalog: &catalog,
        organisations: directory::list(&state.app, &staff.caller(), group).await?,
        group: shown.group,
        bases: PdpaBasis::ALL,
        imported: shown.imported,
        import_errors: shown.import_errors,
        errors: FormErrors::of(page.locale, &shown.errors),
        contact_errors_for: shown.contact_errors_for,
        org_form: shown.org_form,
    };
    let status = if failed { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    page.render_with_status(status, &template)
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(query): Query<GroupQuery>,
) -> Result<Response, AppError> {
    let shown = Shown { group: query.group, imported: query.imported, ..Shown::default() };
    render(&state, &page, &staff, shown).await
}

async fn create_organisation(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    CsrfForm(form): CsrfForm<OrganisationForm>,
) -> Result<Response, AppError> {
    let input = OrganisationInput {
        name: form.name.clone(),
        group: form.group.clone(),
        province: form.province.clone(),
        org_type: form.org_type.clone(),
    };
    let refused = |errors| Shown { errors, org_form: form, ..Shown::default() };
    let new = match input.parse() {
        Ok(new) => new,
        Err(errors) => return render(&state, &page, &staff, refused(errors)).await,
    };
    match directory::create_organisation(&state.app, &staff.caller(), &new).await {
        Ok(id) => Ok(page.redirect(&format!("/staff/directory#org-{id}"), Flash::Created)),
        Err(ruamjai_app::Error::Conflict(_)) => {
            render(&state, &page, &staff, refused(vec![("name", FieldError::AlreadyExists)])).await
        }
        Err(ruamjai_app::Error::Invalid(errors)) => render(&state, &page, &staff, refused(errors)).await,
        Err(other) => Err(other.into()),
    }
}

async fn add_contact(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ContactForm>,
) -> Result<Response, AppError> {
    let input = ContactInput {
        name: form.name,
        position: form.position,
        email: form.email,
        phone: form.phone,
        pdpa_basis: form.pdpa_basis,
        given_on: form.given_on,
    };
    match input.parse() {
        Ok(new) => {
            directory::add_contact(&state.app, &staff.caller(), id, &new).await?;
            Ok(page.redirect(&format!("/staff/directory#org-{id}"), Flash::Saved))
        }
        Err(errors) => {
            let shown = Shown { errors, contact_errors_for: Some(id), ..Shown::default() };
            render(&state, &page, &staff, shown).await
        }
    }
}

/// Erasing cannot be undone: the form must say the person asked for it.
#[derive(Debug, Deserialize)]
pub(crate) struct EraseForm {
    #[serde(default)]
    confirm: String,
}

impl EraseForm {
    pub(crate) fn confirmed(&self) -> Result<(), AppError> {
        if self.confirm == "yes" {
            Ok(())
        } else {
            Err(AppError::Invalid(vec![("confirm", FieldError::Required)]))
        }
    }
}

async fn erase_contact(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<EraseForm>,
) -> Result<Response, AppError> {
    form.confirmed()?;
    let organisation = directory::erase_contact(&state.app, &staff.caller(), id).await?;
    Ok(page.redirect(&format!("/staff/directory#org-{organisation}"), Flash::Saved))
}

/// Every row or none: the page lists each wrong cell, and nothing is kept
/// until the whole sheet is right.
async fn import(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let file_error = |error| Shown { errors: vec![("file", error)], ..Shown::default() };
    let sheet = match read_upload(multipart.files).await? {
        Ok(sheet) => sheet,
        Err(error) => return render(&state, &page, &staff, file_error(error)).await,
    };
    let rows = match parse_table(&sheet, &vocabulary(&catalog)) {
        Ok(rows) => rows,
        Err(errors) => {
            let import_errors = errors.iter().map(|e| cell_error(page.locale, e)).collect();
            return render(&state, &page, &staff, Shown { import_errors, ..Shown::default() }).await;
        }
    };
    let summary = directory::import(&state.app, &staff.caller(), &rows).await?;
    let done = summary_line(page.locale, summary);
    let query =
        serde_urlencoded::to_string([("imported", done)]).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Redirect::to(&format!("/staff/directory?{query}")).into_response())
}

fn summary_line(locale: Locale, summary: ImportSummary) -> String {
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX).into();
    locale.ta(
        "directory-imported",
        &[
            ("organisations_created", count(summary.organisations_created)),
            ("organisations_updated", count(summary.organisations_updated)),
            ("contacts_created", count(summary.contacts_created)),
            ("contacts_updated", count(summary.contacts_updated)),
        ],
    )
}

fn cell_error(locale: Locale, error: &RowError) -> CellError {
    CellError {
        row: error.row,
        column: column_heading(locale, error.column),
        value: error.value.clone(),
        reason: field_message(locale, &error.error),
    }
}

async fn export_xlsx(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let organisations = directory::list(&state.app, &staff.caller(), None).await?;
    let catalog = state.catalog().await?;
    let (headings, rows) = export_rows(page.locale, &catalog, &organisations);
    built_download("ruamjai-directory.xlsx", XLSX, move || list_xlsx(None, &headings, &rows)).await
}

async fn export_csv(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let organisations = directory::list(&state.app, &staff.caller(), None).await?;
    let catalog = state.catalog().await?;
    let (headings, rows) = export_rows(page.locale, &catalog, &organisations);
    built_download("ruamjai-directory.csv", CSV, move || {
        Ok::<_, std::convert::Infallible>(list_csv(&headings, &rows))
    })
    .await
}
