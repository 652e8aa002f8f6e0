//! The stakeholder directory over the API: organisations with their
//! contacts, adding both, and erasing a contact on their request (PDPA).
//! Evaluators do not read it: it is personal data, not evidence.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::engagement::directory;
use ruamjai_domain::engagement::directory::{ContactInput, OrganisationInput};
use ruamjai_store::engagement::{Contact, Organisation};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::kit::json::{app_refused_as, created, refused_as, rfc3339};
use crate::kit::{ApiCaller, ApiJson, BodyRefusals, NotFound, StaffRefusals};
use crate::{AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct OrganisationDto {
    pub id: i64,
    pub name: String,
    pub group_id: String,
    pub province: Option<String>,
    /// What kind of body it is, as staff wrote it.
    pub org_type: Option<String>,
    pub contacts: Vec<ContactDto>,
}

/// A contact; once erased, only its basis, dates and organisation remain.
#[derive(Serialize, ToSchema)]
pub struct ContactDto {
    pub id: i64,
    pub name: Option<String>,
    pub position: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// consent, contract, legal-obligation, public-task, legitimate-interest or vital-interest.
    pub pdpa_basis: String,
    /// When the person gave the data, `YYYY-MM-DD`.
    pub given_on: String,
    pub erased_at: Option<String>,
}

fn contact_dto(c: Contact) -> ContactDto {
    ContactDto {
        id: c.id,
        name: c.name,
        position: c.position,
        email: c.email,
        phone: c.phone,
        pdpa_basis: c.pdpa_basis.code().into(),
        given_on: c.given_on.to_string(),
        erased_at: c.erased_at.map(rfc3339),
    }
}

fn organisation_dto(o: Organisation) -> OrganisationDto {
    OrganisationDto {
        id: o.id,
        name: o.name,
        group_id: o.group_code,
        province: o.province,
        org_type: o.org_type,
        contacts: o.contacts.into_iter().map(contact_dto).collect(),
    }
}

#[derive(Deserialize, IntoParams)]
pub struct DirectoryParams {
    /// Only this stakeholder group's organisations.
    pub group_id: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/staff/directory", tag = "activities", security(("bearer" = [])),
    params(DirectoryParams),
    responses((status = 200, description = "Organisations with their contacts", body = [OrganisationDto]), StaffRefusals))]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(params): Query<DirectoryParams>,
) -> Result<Json<Vec<OrganisationDto>>, AppError> {
    let organisations = directory::list(&state.app, &caller, params.group_id.as_deref()).await?;
    Ok(Json(organisations.into_iter().map(organisation_dto).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationRequest {
    pub name: String,
    #[schema(example = "local-government")]
    pub group_id: String,
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub org_type: String,
}

#[utoipa::path(post, path = "/api/v1/staff/directory/organisations", tag = "activities", security(("bearer" = [])),
    request_body = OrganisationRequest,
    responses((status = 201, description = "Added", body = crate::kit::json::Created), StaffRefusals, BodyRefusals))]
pub async fn create_organisation(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<OrganisationRequest>,
) -> Result<Response, AppError> {
    let input = OrganisationInput {
        name: body.name,
        group: body.group_id,
        province: body.province,
        org_type: body.org_type,
    };
    const RENAMES: &[(&str, &str)] = &[("group", "group_id")];
    let new = input.parse().map_err(|errors| refused_as(RENAMES, errors))?;
    let id = directory::create_organisation(&state.app, &caller, &new)
        .await
        .map_err(|e| app_refused_as(RENAMES, e))?;
    Ok(created(id))
}

/// A contact; an e-mail address or a phone number is required, and the
/// PDPA basis on which it is kept.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DirectoryContactRequest {
    pub name: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[schema(example = "consent")]
    pub pdpa_basis: String,
    /// `YYYY-MM-DD` or `DD/MM/YYYY` in the Buddhist Era.
    #[schema(example = "2026-11-24")]
    pub given_on: String,
}

#[utoipa::path(post, path = "/api/v1/staff/directory/organisations/{id}/contacts", tag = "activities",
    security(("bearer" = [])), params(("id" = i64, Path)), request_body = DirectoryContactRequest,
    responses((status = 201, description = "Added", body = crate::kit::json::Created), StaffRefusals, NotFound, BodyRefusals))]
pub async fn add_contact(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DirectoryContactRequest>,
) -> Result<Response, AppError> {
    let input = ContactInput {
        name: body.name,
        position: body.position,
        email: body.email,
        phone: body.phone,
        pdpa_basis: body.pdpa_basis,
        given_on: body.given_on,
    };
    let new = input.parse().map_err(AppError::Invalid)?;
    let contact = directory::add_contact(&state.app, &caller, id, &new).await?;
    Ok(created(contact))
}

/// Erase a contact on their request: the name, position, e-mail and phone
/// are gone for good; the basis and dates stay as the record of it.
#[utoipa::path(delete, path = "/api/v1/staff/directory/contacts/{id}", tag = "activities",
    security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204, description = "Erased"), StaffRefusals, NotFound))]
pub async fn erase_contact(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    directory::erase_contact(&state.app, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
