//! Administrators edit the catalog: division names and phones, service names
//! and owners, stakeholder group names. Every edit is audited by the store.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::{Error, catalog};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::catalog::{Catalog, Code, DivisionEdit, Name, NamesEdit, Phone, ServiceEdit};
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::error::field_message;
use crate::kit::{Flash, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/catalog", get(show))
        .route("/staff/catalog/divisions/{code}", post(edit_division))
        .route("/staff/catalog/services/{code}", post(edit_service))
        .route("/staff/catalog/groups/{code}", post(edit_group))
}

#[derive(Template)]
#[template(path = "catalog/catalog.html")]
struct CatalogTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    /// The entry whose edit was refused, and why.
    error: Option<(String, String)>,
}

impl CatalogTemplate<'_> {
    /// The message for the form of one entry, if its edit was refused.
    fn error_for(&self, kind: &str, code: &str) -> Option<&str> {
        let (anchor, message) = self.error.as_ref()?;
        (anchor.strip_prefix(kind)?.strip_prefix('-')? == code).then_some(message.as_str())
    }
}

async fn show(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let catalog = catalog::for_editing(&state.app, &staff.caller()).await?;
    page.render(&CatalogTemplate { page: &page, nav: nav_for(&staff), catalog: &catalog, error: None })
}

#[derive(Deserialize)]
struct NamesForm {
    name_th: String,
    name_en: String,
}

impl NamesForm {
    fn parse(&self) -> Result<NamesEdit, FieldError> {
        Ok(NamesEdit { name_th: Name::parse(&self.name_th)?, name_en: Name::parse(&self.name_en)? })
    }
}

#[derive(Deserialize)]
struct DivisionForm {
    #[serde(flatten)]
    names: NamesForm,
    phone: String,
    extension: String,
}

#[derive(Deserialize)]
struct ServiceForm {
    #[serde(flatten)]
    names: NamesForm,
    division: String,
}

async fn edit_division(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<DivisionForm>,
) -> Result<Response, AppError> {
    let edit = (|| {
        Ok(DivisionEdit {
            names: form.names.parse()?,
            phone: Phone::parse(&form.phone)?,
            extension: Phone::parse(&form.extension)?,
        })
    })();
    let result = match edit {
        Ok(edit) => catalog::edit_division(&state.app, &staff.caller(), &code, edit).await.map(drop),
        Err(field) => Err(Error::field("", field)),
    };
    finish(&state, &page, &staff, &format!("division-{code}"), result).await
}

async fn edit_service(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<ServiceForm>,
) -> Result<Response, AppError> {
    let edit = (|| Ok(ServiceEdit { names: form.names.parse()?, division: Code::parse(&form.division)? }))();
    let result = match edit {
        Ok(edit) => catalog::edit_service(&state.app, &staff.caller(), &code, edit).await.map(drop),
        Err(field) => Err(Error::field("", field)),
    };
    finish(&state, &page, &staff, &format!("service-{code}"), result).await
}

async fn edit_group(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<NamesForm>,
) -> Result<Response, AppError> {
    let result = match form.parse() {
        Ok(edit) => catalog::edit_group(&state.app, &staff.caller(), &code, edit).await.map(drop),
        Err(field) => Err(Error::field("", field)),
    };
    finish(&state, &page, &staff, &format!("group-{code}"), result).await
}

/// Back to the list on success; the list again with the message on a refused field.
async fn finish(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    anchor: &str,
    result: Result<(), Error>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(page.redirect(&format!("/staff/catalog#{anchor}"), Flash::Saved)),
        Err(Error::Invalid(fields)) if !fields.is_empty() => {
            let field = &fields[0].1;
            let catalog = state.catalog().await?;
            let error = Some((anchor.to_owned(), field_message(page.locale, field)));
            let template = CatalogTemplate { page, nav: nav_for(staff), catalog: &catalog, error };
            page.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &template)
        }
        Err(other) => Err(other.into()),
    }
}
