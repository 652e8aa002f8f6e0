//! Forms attached to a manual's draft as files, over the API.

use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::publication::Action;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::csrf::read_parts;
use crate::kit::ApiCaller;
use crate::manuals::attached::{FILE_FIELD, TITLE_FIELD, new_form};
use crate::manuals::service;
use crate::{AppError, AppState};
use ruamjai_app::manuals::{self, NewForm};
use ruamjai_store::participation::AttachmentMeta;

/// A form file as the draft now links to it.
#[derive(Serialize, ToSchema)]
pub struct FormFileDto {
    pub title: String,
    /// The public address, served once a version linking to it is in force.
    pub url: String,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
}

/// Attach a form file (PDF, Word, Excel, JPEG or PNG, at most 10 MiB) to
/// the draft of a service's manual, as multipart fields `title` and `file`.
/// The draft's forms gain a link to it; a new revision is started when none
/// is open.
#[utoipa::path(post, path = "/api/v1/staff/services/{id}/manual/forms", tag = "manuals", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body(content_type = "multipart/form-data", description = "`title` (text) and `file` (the form)"),
    responses((status = 201, description = "The form, linked from the draft", body = FormFileDto),
              (status = 403, description = "Not an officer, collector of the service's division, or the director", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The open version is in review or approved", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 413, description = "The file is over the limit", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "`forms.new.title` or `forms.new.file` is missing or refused", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn attach(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    if !manuals::allows(&caller, service(&catalog, &id)?, Action::Edit) {
        return Err(AppError::Forbidden);
    }
    let new_form = match read_form(multipart).await? {
        Ok(new_form) => new_form,
        Err(refused) => return Ok(refused),
    };
    let title = new_form.title.clone();
    let (stored, url) = manuals::attach_form(&state.app, &caller, &id, new_form).await?;
    Ok(created(title, url, stored))
}

/// The form of a multipart request's `title` and `file`, or the response
/// that refuses the request as a whole (over the size limit, not multipart).
pub(crate) async fn read_form(multipart: Multipart) -> Result<Result<NewForm, Response>, AppError> {
    let (fields, files) = match read_parts(multipart).await {
        Ok(parts) => parts,
        Err(refused) => return Ok(Err(refused)),
    };
    let title = fields.iter().find(|(name, _)| name == "title").map_or("", |(_, v)| v.as_str());
    let new_form = match files.as_slice() {
        [] | [_] => new_form(title, files.first()),
        _ => Err(vec![(FILE_FIELD.to_owned(), FieldError::TooManyFiles { max: 1 })]),
    };
    let new_form = new_form
        .map_err(AppError::InvalidItems)?
        .ok_or_else(|| AppError::InvalidItems(vec![(TITLE_FIELD.to_owned(), FieldError::Required)]))?;
    Ok(Ok(new_form))
}

/// 201 with the stored form as the draft now links to it.
pub(crate) fn created(title: String, url: String, stored: AttachmentMeta) -> Response {
    let dto = FormFileDto {
        title,
        url,
        file_name: stored.file_name,
        media_type: stored.media_type.mime().to_owned(),
        size_bytes: stored.size_bytes,
    };
    (StatusCode::CREATED, Json(dto)).into_response()
}
