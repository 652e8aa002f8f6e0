//! Inviting directory contacts to an activity, and the invitation list to
//! print or download; erasing a registrant's personal data on request.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use ruamjai_app::engagement::{activities, invitations};
use ruamjai_docs::list::list_xlsx;
use ruamjai_domain::accounts::FieldError;
use ruamjai_store::engagement::{Activity, InvitationLine, Invitees};

use super::directory::EraseForm;
use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::session::Staff;
use crate::download::{XLSX, built_download};
use crate::kit::Flash;
use crate::kit::Names;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/activities/{id}/invitations", get(printable).post(invite))
        .route("/staff/activities/{id}/invitations.xlsx", get(workbook))
        .route("/staff/activities/{id}/registrations/{code}/erase", post(erase_registration))
}

async fn invite(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    form: CsrfMultipart,
) -> Result<Response, AppError> {
    let group_codes = form.values("groups");
    let contact_ids: Vec<i64> = form.values("contacts").iter().filter_map(|v| v.parse().ok()).collect();
    let invitees = Invitees { group_codes: &group_codes, contact_ids: &contact_ids };
    let outcome =
        invitations::invite(&state.app, &staff.caller(), id, invitees).await.map_err(|e| match e {
            ruamjai_app::Error::Invalid(_) => AppError::Invalid(vec![("invitees", FieldError::Required)]),
            other => other.into(),
        })?;
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX).into();
    let done = page.locale.ta(
        "invitations-sent",
        &[
            ("invited", count(outcome.invited)),
            ("without_email", count(outcome.without_email)),
            ("already", count(outcome.already_invited)),
        ],
    );
    let query =
        serde_urlencoded::to_string([("invited", done)]).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Redirect::to(&format!("/staff/activities/{id}?{query}#invitations")).into_response())
}

#[derive(Template)]
#[template(path = "engagement/staff/invitations.html")]
struct PrintableTemplate<'a> {
    page: &'a Page,
    names: Names<'a>,
    a: Activity,
    lines: Vec<InvitationLine>,
}

/// A page made to be printed (no navigation), for phoning down the list or
/// filing with the activity's evidence.
async fn printable(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let lines = invitations::list(&state.app, &caller, id).await?;
    let catalog = state.catalog().await?;
    let template = PrintableTemplate {
        page: &page,
        names: Names { locale: page.locale, catalog: &catalog },
        a: activities::detail(&state.app, &caller, id).await?.0,
        lines,
    };
    page.render(&template)
}

async fn workbook(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let lines = invitations::list(&state.app, &caller, id).await?;
    let activity = activities::detail(&state.app, &caller, id).await?.0;
    let catalog = state.catalog().await?;
    let names = Names { locale: page.locale, catalog: &catalog };
    let headings: Vec<String> = [
        "sheet-number",
        "directory-col-organisation",
        "directory-col-group",
        "directory-col-contact-name",
        "directory-col-position",
        "directory-col-email",
        "directory-col-phone",
        "invitations-invited-at",
        "invitations-registered",
    ]
    .into_iter()
    .map(|key| page.t(key))
    .collect();
    let yes = page.t("invitations-registered");
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .zip(1_u32..)
        .map(|(line, n)| {
            vec![
                n.to_string(),
                line.organisation,
                names.group(&line.group_code),
                line.name.unwrap_or_else(|| page.t("directory-erased")),
                line.position.unwrap_or_default(),
                line.email.unwrap_or_default(),
                line.phone.unwrap_or_default(),
                page.locale.date(line.invited_at),
                if line.registered { yes.clone() } else { String::new() },
            ]
        })
        .collect();
    let title = format!("{}: {}", page.t("invitations-list"), activity.title);
    built_download(&format!("invitations-{id}.xlsx"), XLSX, move || list_xlsx(Some(&title), &headings, &rows))
        .await
}

async fn erase_registration(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((id, code)): Path<(i64, String)>,
    CsrfForm(form): CsrfForm<EraseForm>,
) -> Result<Response, AppError> {
    form.confirmed()?;
    invitations::erase_registration(&state.app, &staff.caller(), id, &code).await?;
    Ok(page.redirect(&format!("/staff/activities/{id}#registrations"), Flash::Saved))
}
