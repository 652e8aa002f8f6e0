//! Responses that reach a survey besides its public form, over the API:
//! single-use links issued (mailed, or returned for the client to hand out)
//! and paper questionnaires imported from the filled template, all or none.

use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use ruamjai_domain::accounts::{Email, FieldError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::csrf::read_parts;
use crate::error::field_message;
use crate::i18n::Locale;
use crate::kit::ApiCaller;
use crate::kit::ApiJson;
use crate::sheet::read_upload;
use crate::{AppError, AppState};
use ruamjai_app::satisfaction::{paper, surveys};
use ruamjai_domain::satisfaction::paper::CellError;

/// Links to issue: mailed to `recipients`, or `count` returned to hand out.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub count: usize,
}

#[derive(Serialize, ToSchema)]
pub struct IssuedTokens {
    /// Links mailed (recipients who already had one are skipped).
    pub mailed: usize,
    pub skipped: usize,
    /// Links to hand out (for `count`); each answers the survey once.
    pub links: Vec<String>,
}

/// Issue single-use links of a token survey.
#[utoipa::path(post, path = "/api/v1/staff/surveys/{id}/tokens", tag = "surveys", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = TokenRequest,
    responses((status = 201, description = "Issued", body = IssuedTokens),
              (status = 409, description = "Not a token survey", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "An address is refused (`recipients.3`), or nothing or too much asked", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn issue(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> Result<Response, AppError> {
    let asked = body.recipients.len() + body.count;
    if asked == 0 || asked > surveys::MAX_LINKS {
        let error = if asked == 0 {
            FieldError::Required
        } else {
            FieldError::TooManyRows { max: surveys::MAX_LINKS }
        };
        return Err(AppError::InvalidItems(vec![("recipients".into(), error)]));
    }
    let words = body.recipients.iter().enumerate().map(|(n, raw)| (n + 1, raw.as_str()));
    let addresses = Email::distinct(words).map_err(|refused| {
        AppError::InvalidItems(refused.into_iter().map(|(n, _, e)| (format!("recipients.{n}"), e)).collect())
    })?;
    let (mailed, skipped) = surveys::mail_links(&state.app, &caller, id, addresses).await?;
    let links = surveys::hand_out_links(&state.app, &caller, id, body.count).await?;
    Ok((StatusCode::CREATED, Json(IssuedTokens { mailed, skipped, links })).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct Imported {
    pub imported: usize,
}

/// A wrong cell of an imported sheet, with the reason in both languages.
#[derive(Serialize, ToSchema)]
pub struct ImportError {
    /// The spreadsheet's own row number.
    pub row: usize,
    pub column: String,
    pub value: String,
    pub reason_th: String,
    pub reason_en: String,
}

/// A problem document (RFC 9457) whose `errors` are the sheet's cells.
#[derive(Serialize, ToSchema)]
pub struct ImportRefused {
    pub r#type: String,
    pub status: u16,
    pub title: String,
    pub detail: String,
    /// Every wrong cell; nothing was imported.
    pub errors: Vec<ImportError>,
}

fn refused(errors: Vec<ImportError>) -> Response {
    let both = |key: &str| format!("{} / {}", Locale::Th.t(key), Locale::En.t(key));
    let body = ImportRefused {
        r#type: "about:blank".into(),
        status: 422,
        title: both("error-unprocessable"),
        detail: both("directory-import-refused"),
        errors,
    };
    let mut response = (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
    // Already a problem document: the error layer leaves it as it is.
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    response
}

fn import_error(cell: &CellError) -> ImportError {
    ImportError {
        row: cell.row,
        column: cell.column.clone(),
        value: cell.value.clone(),
        reason_th: field_message(Locale::Th, &cell.error),
        reason_en: field_message(Locale::En, &cell.error),
    }
}

/// Import paper questionnaires keyed into the survey's template (XLSX or
/// CSV, multipart field `file`): every row, or none and every wrong cell.
#[utoipa::path(post, path = "/api/v1/staff/surveys/{id}/responses/import", tag = "surveys", security(("bearer" = [])),
    params(("id" = i64, Path)),
    request_body(content_type = "multipart/form-data", description = "`file`: the filled template (XLSX or CSV)"),
    responses((status = 201, description = "All rows imported", body = Imported),
              (status = 422, description = "Nothing imported: every wrong cell with its row, column, value and reason in Thai and English", body = ImportRefused)))]
pub async fn import(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    surveys::of(&state.app, &caller, id).await?;
    let files = match read_parts(multipart).await {
        Ok((_, files)) => files,
        Err(refusal) => return Ok(refusal),
    };
    let sheet = match read_upload(files).await? {
        Ok(sheet) => sheet,
        Err(error) => return Ok(refused(vec![import_error(&paper::sheet_error("file", error))])),
    };
    match paper::import(&state.app, &caller, id, &sheet).await? {
        Ok(imported) => Ok((StatusCode::CREATED, Json(Imported { imported })).into_response()),
        Err(cells) => Ok(refused(cells.iter().map(import_error).collect())),
    }
}
