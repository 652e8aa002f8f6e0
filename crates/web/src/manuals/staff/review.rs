//! Review and publication of a citizen manual: submit, return, approve,
//! publish with the announcement's evidence, and every revision viewable.

use axum::extract::{Path, State};
use axum::response::Response;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::{MAX_FILES, NewAttachment};
use ruamjai_domain::publication::{Action, AnnouncementInput, PublishInput};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{back, history, render_editor, standing_label};
use crate::auth::csrf::{CsrfForm, CsrfMultipart, Upload};
use crate::auth::session::Staff;
use crate::manuals::public::ManualTemplate;
use crate::manuals::{publication_instant, service};
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::manuals;

#[derive(Deserialize)]
pub(super) struct ActionForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    comment: String,
}

pub(super) async fn act(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<Response, AppError> {
    let result = take_action(&state, &staff, &id, &form).await;
    shown_in_editor(result, &state, &page, &staff, &id, "review").await
}

/// Where a review or publication went: back to the editor at `anchor`, or
/// the editor again with what was refused listed.
async fn shown_in_editor(
    result: Result<(), AppError>,
    state: &AppState,
    page: &Page,
    staff: &Staff,
    id: &str,
    anchor: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(back(id, anchor)),
        Err(AppError::InvalidItems(errors)) => {
            let catalog = state.catalog().await?;
            render_editor(state, page, staff, service(&catalog, id)?, None, &errors).await
        }
        Err(other) => Err(other),
    }
}

async fn take_action(state: &AppState, staff: &Staff, id: &str, form: &ActionForm) -> Result<(), AppError> {
    let action = match form.action.as_str() {
        "submit" => Action::Submit,
        "return" => Action::Return,
        "approve" => Action::Approve,
        _ => return Err(AppError::Invalid(vec![("action", FieldError::UnknownChoice)])),
    };
    manuals::act(&state.app, &staff.caller(), id, action, &form.comment).await?;
    Ok(())
}

pub(super) async fn publish(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
    form: CsrfMultipart,
) -> Result<Response, AppError> {
    let result = publish_with_evidence(&state, &staff, &id, &form).await;
    shown_in_editor(result, &state, &page, &staff, &id, "history").await
}

async fn publish_with_evidence(
    state: &AppState,
    staff: &Staff,
    id: &str,
    form: &CsrfMultipart,
) -> Result<(), AppError> {
    let catalog = state.catalog().await?;
    if !manuals::allows(&staff.caller(), service(&catalog, id)?, Action::Publish) {
        return Err(AppError::Forbidden);
    }
    let field = |name: &str| form.values(name).into_iter().next().unwrap_or_default();
    let input = PublishInput {
        publish_at: Some(field("publish_at")),
        announcement: AnnouncementInput {
            date: field("announcement.date"),
            channels: form.values("announcement.channels"),
            note: field("announcement.note"),
        },
    };
    let mut errors: Vec<(String, FieldError)> = Vec::new();
    let parsed = input.parse().map_err(|e| errors.extend(e)).ok();
    let (evidence, refused) = NewAttachment::check_all(form.files.iter().map(Upload::parts), MAX_FILES);
    errors.extend(refused.into_iter().map(|error| ("evidence".to_owned(), error)));
    let Some((on, announcement)) = parsed.filter(|_| errors.is_empty()) else {
        return Err(AppError::InvalidItems(errors));
    };
    let at = publication_instant(on, OffsetDateTime::now_utc());
    manuals::publish(&state.app, &staff.caller(), id, at, &announcement, &evidence).await?;
    state.manuals_changed();
    Ok(())
}

/// Any version of the manual as the public would read it, with where it
/// stands said above it: every revision stays viewable.
pub(super) async fn version_page(
    State(state): State<AppState>,
    page: Page,
    _staff: Staff,
    Path((id, version)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let service = service(&catalog, &id)?;
    let history = history(&state, &id).await?;
    let line = history.iter().find(|l| l.version.id == version).ok_or(AppError::NotFound)?;
    let manual = line.version.manual()?;
    let notice = page.locale.ta(
        "manuals-version-notice",
        &[
            ("revision", line.version.revision.into()),
            ("standing", standing_label(page.locale, line.standing).into()),
        ],
    );
    let template = ManualTemplate::new(&page, &catalog, service, &line.version, &manual, Some(notice));
    page.render(&template)
}

/// One evidence file of a published version's announcement.
pub(super) async fn evidence(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, version, file)): Path<(String, i64, i64)>,
) -> Result<Response, AppError> {
    let file = manuals::announcement_evidence(&state.app, &staff.caller(), &id, version, file).await?;
    Ok(crate::download::file_download(&file.meta.file_name, file.meta.media_type.mime(), file.content))
}
