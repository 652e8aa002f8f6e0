//! The public catalog: services, stakeholder groups and divisions.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use ruamjai_domain::catalog::Catalog;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{AppError, AppState};

/// A service of the Center.
#[derive(Serialize, ToSchema)]
pub struct ServiceDto {
    /// Stable code of the service, used wherever the API names a service.
    #[schema(example = "msat")]
    pub id: String,
    /// Number on the KPI sheet (1–12 for the seed catalog).
    pub number: i32,
    pub name_th: String,
    pub name_en: String,
    pub division: DivisionRef,
}

/// The division that owns a service.
#[derive(Serialize, ToSchema)]
pub struct DivisionRef {
    #[schema(example = "communication-technology")]
    pub id: String,
    pub name_th: String,
    pub name_en: String,
}

/// A group of service users and stakeholders.
#[derive(Serialize, ToSchema)]
pub struct GroupDto {
    #[schema(example = "provinces")]
    pub id: String,
    pub number: i32,
    pub name_th: String,
    pub name_en: String,
}

/// A division of the Center with its office phone.
#[derive(Serialize, ToSchema)]
pub struct DivisionDto {
    pub id: String,
    pub name_th: String,
    pub name_en: String,
    #[schema(example = "0 2282 6582")]
    pub phone: String,
    #[schema(example = "51450")]
    pub extension: String,
}

pub(super) fn services_of(catalog: &Catalog) -> Vec<ServiceDto> {
    catalog
        .services
        .iter()
        .map(|s| {
            let division = catalog.division(&s.division_code);
            ServiceDto {
                id: s.code.clone(),
                number: s.number,
                name_th: s.name_th.clone(),
                name_en: s.name_en.clone(),
                division: DivisionRef {
                    id: s.division_code.clone(),
                    name_th: division.map(|d| d.name_th.clone()).unwrap_or_default(),
                    name_en: division.map(|d| d.name_en.clone()).unwrap_or_default(),
                },
            }
        })
        .collect()
}

/// Serialized once per catalog load: the catalog is read far more than edited.
async fn cached_json<T: Serialize>(
    state: &AppState,
    key: &'static str,
    build: impl FnOnce(&Catalog) -> T,
) -> Result<Response, AppError> {
    let bytes = state
        .rendered_from_catalog(key, |catalog| {
            serde_json::to_vec(&build(catalog))
                .map(Bytes::from)
                .map_err(|e| AppError::Internal(e.to_string()))
        })
        .await?;
    Ok(([(CONTENT_TYPE, "application/json")], bytes).into_response())
}

/// The Center's services, in the order of the KPI sheet.
#[utoipa::path(get, path = "/api/v1/services", tag = "catalog",
    responses((status = 200, description = "All services", body = [ServiceDto])))]
pub async fn services(State(state): State<AppState>) -> Result<Response, AppError> {
    cached_json(&state, "api.services", services_of).await
}

/// The groups of service users and stakeholders.
#[utoipa::path(get, path = "/api/v1/stakeholder-groups", tag = "catalog",
    responses((status = 200, description = "All stakeholder groups", body = [GroupDto])))]
pub async fn groups(State(state): State<AppState>) -> Result<Response, AppError> {
    cached_json(&state, "api.groups", |catalog| {
        catalog
            .groups
            .iter()
            .map(|g| GroupDto {
                id: g.code.clone(),
                number: g.number,
                name_th: g.name_th.clone(),
                name_en: g.name_en.clone(),
            })
            .collect::<Vec<_>>()
    })
    .await
}

/// The Center's divisions and how to call them.
#[utoipa::path(get, path = "/api/v1/divisions", tag = "catalog",
    responses((status = 200, description = "All divisions", body = [DivisionDto])))]
pub async fn divisions(State(state): State<AppState>) -> Result<Response, AppError> {
    cached_json(&state, "api.divisions", |catalog| {
        catalog
            .divisions
            .iter()
            .map(|d| DivisionDto {
                id: d.code.clone(),
                name_th: d.name_th.clone(),
                name_en: d.name_en.clone(),
                phone: d.phone.clone(),
                extension: d.extension.clone(),
            })
            .collect::<Vec<_>>()
    })
    .await
}
