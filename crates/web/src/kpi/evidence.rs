//! What the people of the sheet add with their evidence files: the
//! director's sign-off of a step and a collector's value of a range
//! indicator, each sent with up to five files; and those files, for anyone
//! who reads the indicator.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::response::Response;
use ruamjai_app::kpi::{self, EVIDENCE_MAX};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::attachment::{MAX_BYTES, NewAttachment};
use ruamjai_domain::calendar::{FiscalYear, bangkok_date};
use ruamjai_domain::kpi::{Decimal, Round};
use serde::Deserialize;

use super::pages::{Retry, render_indicator};
use crate::auth::csrf::CsrfMultipart;
use crate::auth::session::Staff;
use crate::download::file_download;
use crate::kit::{Flash, FormErrors};
use crate::page::Page;
use crate::{AppError, AppState};

/// The form field that carries the files.
const FILES: &str = "evidence";

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    let limit = DefaultBodyLimit::max(EVIDENCE_MAX * (MAX_BYTES + 64 * 1024) + 64 * 1024);
    axum::Router::new()
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/steps/{n}/sign-off", post(sign_off).layer(limit))
        .route("/staff/kpi/{fiscal_year}/indicators/{code}/values", post(enter_value).layer(limit))
        .route("/staff/kpi/{fiscal_year}/evidence/{id}", get(file))
}

#[derive(Deserialize)]
struct SignOffForm {
    #[serde(default)]
    met: String,
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize, Default, Clone)]
pub(super) struct ValueForm {
    #[serde(default)]
    pub round: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub note: String,
}

impl ValueForm {
    pub(super) fn for_round(round: Round) -> Self {
        Self { round: round.months().to_string(), ..Self::default() }
    }
}

/// Who may is settled before what was sent is read.
fn refuse_unless(staff: &Staff, subject: Subject, action: Action) -> Result<(), AppError> {
    if staff.caller().could(subject, action) { Ok(()) } else { Err(AppError::Forbidden) }
}

/// The files sent, each checked; every refusal is named under the files' field.
fn files(multipart: &CsrfMultipart) -> (Vec<NewAttachment>, Vec<(&'static str, FieldError)>) {
    let uploads = multipart.files.iter().filter(|u| !u.content.is_empty() || !u.file_name.is_empty());
    let uploads: Vec<_> = uploads.map(|u| u.parts()).collect();
    let (passed, refused) = NewAttachment::check_all(uploads.into_iter(), EVIDENCE_MAX);
    (passed, refused.into_iter().map(|e| (FILES, e)).collect())
}

async fn sign_off(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((be, code, step)): Path<(i32, String, u8)>,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    refuse_unless(&staff, Subject::Indicator, Action::Approve)?;
    let year = FiscalYear::from_be(be);
    let form: SignOffForm = multipart.fields()?;
    let (evidence, mut refused) = files(&multipart);
    let outcome = if refused.is_empty() {
        let typed = (step, form.met == "met", form.reason.as_str());
        kpi::sign_off(&state.app, &staff.caller(), year, &code, typed, &evidence).await
    } else {
        Err(ruamjai_app::Error::Invalid(std::mem::take(&mut refused)))
    };
    match outcome {
        Ok(_) => Ok(page.redirect(&format!("/staff/kpi/{be}/indicators/{code}#step-{step}"), Flash::Saved)),
        Err(ruamjai_app::Error::Invalid(refused)) => {
            let errors = FormErrors::of(page.locale, &refused);
            let today = bangkok_date(state.app.now());
            render_indicator(&state, &page, &staff, (year, &code), Some(today), Retry::SignOff(step, errors))
                .await
        }
        Err(other) => Err(other.into()),
    }
}

async fn enter_value(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((be, code)): Path<(i32, String)>,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    refuse_unless(&staff, Subject::IndicatorValue, Action::Write)?;
    let year = FiscalYear::from_be(be);
    let form: ValueForm = multipart.fields()?;
    let (evidence, mut refused) = files(&multipart);
    let round = Round::parse(&form.round).map_err(|e| refused.push(("round", e))).ok();
    let value = Decimal::parse(&form.value).map_err(|e| refused.push(("value", e))).ok();
    let outcome = match (round, value) {
        (Some(round), Some(value)) if refused.is_empty() => {
            kpi::enter_value(&state.app, &staff.caller(), year, &code, (round, value, &form.note), &evidence)
                .await
        }
        _ => Err(ruamjai_app::Error::Invalid(refused)),
    };
    match outcome {
        Ok(_) => Ok(page.redirect(&format!("/staff/kpi/{be}/indicators/{code}#value"), Flash::Saved)),
        Err(ruamjai_app::Error::Invalid(refused)) => {
            let retry = Retry::Value(form, FormErrors::of(page.locale, &refused));
            render_indicator(&state, &page, &staff, (year, &code), None, retry).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn file(
    State(state): State<AppState>,
    staff: Staff,
    Path((be, id)): Path<(i32, i64)>,
) -> Result<Response, AppError> {
    let file = kpi::evidence_file(&state.app, &staff.caller(), FiscalYear::from_be(be), id).await?;
    Ok(file_download(&file.meta.file_name, file.meta.media_type.mime(), file.content))
}
