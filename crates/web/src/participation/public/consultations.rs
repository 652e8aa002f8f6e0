//! Consultations for the public: the open and past ones, a page per
//! consultation with its draft, its published comments and, once closed,
//! the response; and the comment form (moderated before it shows).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::consultation::{CommentInput, Phase};
use ruamjai_store::participation::{AttachmentMeta, Comment, Consultation};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::auth::ClientAddress;
use crate::auth::csrf::CsrfForm;
use crate::download::{file_download, size_label};
use crate::kit::FormErrors;
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::participation::consultations;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/consultations", get(list))
        .route("/consultations/{id}", get(show).post(comment))
        .route("/consultations/{id}/attachments/{file}", get(download))
}

#[derive(Template)]
#[template(path = "participation/public/consultations.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    /// Open first, then upcoming, then past; drafts are never hidden once created.
    consultations: Vec<(Consultation, Phase)>,
}

async fn list(State(state): State<AppState>, page: Page) -> Result<Response, AppError> {
    let now = OffsetDateTime::now_utc();
    let mut consultations: Vec<_> = consultations::list(&state.app)
        .await?
        .into_iter()
        .map(|c| {
            let phase = c.phase(now);
            (c, phase)
        })
        .collect();
    consultations.sort_by_key(|(c, phase)| (order(*phase), std::cmp::Reverse(c.id)));
    page.render(&ListTemplate { page: &page, consultations })
}

fn order(phase: Phase) -> u8 {
    match phase {
        Phase::Open => 0,
        Phase::Upcoming => 1,
        Phase::Closed | Phase::Responded => 2,
    }
}

#[derive(Template)]
#[template(path = "participation/public/consultation.html")]
struct ShowTemplate<'a> {
    page: &'a Page,
    catalog: &'a Catalog,
    c: Consultation,
    phase: Phase,
    files: Vec<AttachmentMeta>,
    comments: Vec<Comment>,
    input: CommentInput,
    errors: FormErrors,
    thanked: bool,
}

impl ShowTemplate<'_> {
    fn group_name(&self, code: &str) -> String {
        crate::kit::Names { locale: self.page.locale, catalog: self.catalog }.group(code)
    }

    fn is_open(&self) -> bool {
        self.phase == Phase::Open
    }

    fn size_label(&self, bytes: &i64) -> String {
        size_label(*bytes)
    }
}

async fn render_show(
    state: &AppState,
    page: &Page,
    id: i64,
    input: CommentInput,
    errors: Vec<(&'static str, FieldError)>,
    thanked: bool,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (c, files) = consultations::of(&state.app, id).await?;
    let catalog = state.catalog().await?;
    let template = ShowTemplate {
        page,
        catalog: &catalog,
        phase: c.phase(OffsetDateTime::now_utc()),
        files,
        comments: consultations::published_comments(&state.app, id).await?,
        c,
        input,
        errors: FormErrors::of(page.locale, &errors),
        thanked,
    };
    page.render_with_status(status, &template)
}

async fn show(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> Result<Response, AppError> {
    render_show(&state, &page, id, CommentInput::default(), Vec::new(), false, StatusCode::OK).await
}

#[derive(Deserialize)]
struct CommentForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    email: String,
    /// Hidden from people; bots fill it in.
    #[serde(default)]
    website: String,
}

async fn comment(
    State(state): State<AppState>,
    page: Page,
    address: ClientAddress,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> Result<Response, AppError> {
    if !form.website.is_empty() {
        tracing::info!("honeypot filled: comment dropped");
        return Err(AppError::BadRequest);
    }
    let input = CommentInput {
        body: form.body,
        group: form.group,
        name: form.name,
        organisation: form.organisation,
        email: form.email,
    };
    let refuse = |errors: Vec<(&'static str, FieldError)>, input| {
        render_show(&state, &page, id, input, errors, false, StatusCode::UNPROCESSABLE_ENTITY)
    };
    let new = match input.parse() {
        Ok(new) => new,
        Err(errors) => return refuse(errors, input).await,
    };
    match consultations::comment(&state.app, &address.caller(), id, &new).await {
        Ok(()) => {
            render_show(&state, &page, id, CommentInput::default(), Vec::new(), true, StatusCode::OK).await
        }
        Err(ruamjai_app::Error::Invalid(errors)) => refuse(errors, input).await,
        Err(other) => Err(other.into()),
    }
}

async fn download(
    State(state): State<AppState>,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let file = consultations::attachment(&state.app, id, file).await?;
    Ok(file_download(&file.meta.file_name, file.meta.media_type.mime(), file.content))
}
