//! Administrators edit a service through the API, as they can on the web.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::response::Response;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::catalog::{Code, Name, NamesEdit, ServiceEdit};
use serde::Deserialize;
use utoipa::ToSchema;

use super::api::ServiceDto;
use crate::kit::ApiCaller;
use crate::kit::ApiJson;
use crate::{AppError, AppState};

/// The editable fields of a service.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceUpdate {
    pub name_th: String,
    pub name_en: String,
    /// Code of the owning division.
    #[schema(example = "infrastructure")]
    pub division: String,
}

impl ServiceUpdate {
    fn parse(&self) -> Result<ServiceEdit, AppError> {
        let field = |name: &'static str| move |error: FieldError| AppError::Invalid(vec![(name, error)]);
        Ok(ServiceEdit {
            names: NamesEdit {
                name_th: Name::parse(&self.name_th).map_err(field("name_th"))?,
                name_en: Name::parse(&self.name_en).map_err(field("name_en"))?,
            },
            division: Code::parse(&self.division).map_err(field("division"))?,
        })
    }
}

/// Rename a service or move it to another division (administrators).
#[utoipa::path(put, path = "/api/v1/staff/services/{id}", tag = "staff", security(("bearer" = [])),
    params(("id" = String, Path, description = "Service code")),
    request_body = ServiceUpdate,
    responses(
        (status = 200, description = "The service as saved", body = ServiceDto),
        (status = 400, description = "Malformed JSON", body = crate::kit::Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = crate::kit::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = crate::kit::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service", body = crate::kit::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = crate::kit::Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_service(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(code): Path<String>,
    ApiJson(update): ApiJson<ServiceUpdate>,
) -> Result<Response, AppError> {
    let edit = update.parse()?;
    let service = ruamjai_app::catalog::edit_service(&state.app, &caller, &code, edit).await?;
    let catalog = state.catalog().await?;
    let dto = super::api::services_of(&catalog)
        .into_iter()
        .find(|s| s.id == service.code)
        .ok_or(AppError::NotFound)?;
    Ok(Json(dto).into_response())
}
