//! After an activity: minutes, photos (images only, with thumbnails) and
//! follow-up actions tracked to done.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_app::engagement::outcomes;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::{MAX_BYTES, MAX_FILES, MediaType, NewAttachment};
use ruamjai_domain::engagement::outcome::{FollowUpInput, FollowUpStatus, MINUTES_MAX_CHARS};
use ruamjai_domain::text::Text;
use ruamjai_store::engagement::{Activity, FollowUp, NewPhoto, PhotoMeta};
use serde::Deserialize;

use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::session::Staff;
use crate::kit::{FormErrors, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/activities/{id}/outcomes", get(page))
        .route("/staff/activities/{id}/minutes", post(minutes))
        .route(
            "/staff/activities/{id}/photos",
            post(add_photos).layer(DefaultBodyLimit::max(MAX_FILES * (MAX_BYTES + 64 * 1024) + 64 * 1024)),
        )
        .route("/staff/activities/{id}/photos/{photo}", get(photo))
        .route("/staff/activities/{id}/photos/{photo}/thumbnail", get(thumbnail))
        .route("/staff/activities/{id}/follow-ups", post(add_follow_up))
        .route("/staff/activities/{id}/follow-ups/{follow_up}/status", post(set_follow_up_status))
}

#[derive(Template)]
#[template(path = "engagement/staff/outcomes.html")]
struct OutcomesTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    a: Activity,
    photos: Vec<PhotoMeta>,
    follow_ups: Vec<FollowUp>,
    follow_up: FollowUpInput,
    errors: FormErrors,
}

impl OutcomesTemplate<'_> {
    fn done_count(&self) -> usize {
        self.follow_ups.iter().filter(|f| f.status == FollowUpStatus::Done).count()
    }
}

async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    id: i64,
    follow_up: FollowUpInput,
    errors: &[(&'static str, FieldError)],
) -> Result<Response, AppError> {
    let (a, photos, follow_ups) = outcomes::of(&state.app, &staff.caller(), id).await?;
    let template = OutcomesTemplate {
        page,
        nav: nav_for(staff),
        a,
        photos,
        follow_ups,
        follow_up,
        errors: FormErrors::of(page.locale, errors),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page.render_with_status(status, &template)
}

async fn page(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&state, &page, &staff, id, FollowUpInput::default(), &[]).await
}

fn back(id: i64) -> Response {
    Redirect::to(&format!("/staff/activities/{id}/outcomes")).into_response()
}

#[derive(Deserialize)]
struct MinutesForm {
    #[serde(default)]
    minutes: String,
}

async fn minutes(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<MinutesForm>,
) -> Result<Response, AppError> {
    let text = Text::paragraphs(&form.minutes, MINUTES_MAX_CHARS)
        .map_err(|error| AppError::Invalid(vec![("minutes", error)]))?;
    outcomes::record_minutes(&state.app, &staff.caller(), id, &text).await?;
    Ok(back(id))
}

async fn add_photos(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    let mut photos = Vec::new();
    let mut errors = Vec::new();
    if multipart.files.len() > MAX_FILES {
        errors.push(("photos", FieldError::TooManyFiles { max: MAX_FILES }));
    }
    for upload in multipart.files.iter().take(MAX_FILES) {
        match checked_photo(&upload.file_name, upload.content.clone()).await {
            Ok(photo) => photos.push(photo),
            Err(error) => errors.push(("photos", error)),
        }
    }
    if photos.is_empty() && errors.is_empty() {
        errors.push(("photos", FieldError::Required));
    }
    if !errors.is_empty() {
        return render(&state, &page, &staff, id, FollowUpInput::default(), &errors).await;
    }
    outcomes::add_photos(&state.app, &staff.caller(), id, &photos).await?;
    Ok(back(id))
}

/// A JPEG or PNG within the size limit, with its thumbnail made off the
/// async threads (decoding a large photo takes a while).
async fn checked_photo(file_name: &str, content: Vec<u8>) -> Result<NewPhoto, FieldError> {
    let file = NewAttachment::check(file_name, content)?;
    if !matches!(file.media_type, MediaType::Jpeg | MediaType::Png) {
        return Err(FieldError::NotAnImage);
    }
    let bytes = file.content.clone();
    let thumbnail = tokio::task::spawn_blocking(move || ruamjai_docs::thumbnail::thumbnail(&bytes))
        .await
        .map_err(|_| FieldError::NotAnImage)?
        .map_err(|_| FieldError::NotAnImage)?;
    Ok(NewPhoto { file_name: file.file_name, media_type: file.media_type, content: file.content, thumbnail })
}

async fn photo(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, photo)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    image_response(outcomes::photo(&state.app, &staff.caller(), id, photo, false).await?)
}

async fn thumbnail(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, photo)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    image_response(outcomes::photo(&state.app, &staff.caller(), id, photo, true).await?)
}

/// Photos show people: only staff see them, and no shared cache keeps them.
fn image_response((media_type, bytes): (String, Vec<u8>)) -> Result<Response, AppError> {
    let mut response = bytes.into_response();
    let content_type = HeaderValue::from_str(&media_type).map_err(|e| AppError::Internal(e.to_string()))?;
    response.headers_mut().insert(CONTENT_TYPE, content_type);
    response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("private, max-age=3600"));
    Ok(response)
}

#[derive(Deserialize)]
struct FollowUpForm {
    #[serde(default)]
    what: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    submission: String,
}

async fn add_follow_up(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<FollowUpForm>,
) -> Result<Response, AppError> {
    let input = FollowUpInput {
        what: form.what,
        owner: form.owner,
        due_on: form.due_on,
        submission: form.submission,
    };
    let new = match input.parse() {
        Ok(new) => new,
        Err(errors) => return render(&state, &page, &staff, id, input, &errors).await,
    };
    match outcomes::add_follow_up(&state.app, &staff.caller(), id, &new).await {
        Ok(_) => Ok(back(id)),
        Err(ruamjai_app::Error::Invalid(errors)) => render(&state, &page, &staff, id, input, &errors).await,
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
struct StatusForm {
    #[serde(default)]
    status: String,
}

async fn set_follow_up_status(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, follow_up)): Path<(i64, i64)>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, AppError> {
    let status = FollowUpStatus::parse(&form.status).map_err(|e| AppError::Invalid(vec![("status", e)]))?;
    outcomes::set_follow_up_status(&state.app, &staff.caller(), id, follow_up, status).await?;
    Ok(back(id))
}
