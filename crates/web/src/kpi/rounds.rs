//! Handing a round in, on one page per fiscal year: the evidence packs of
//! each round with their progress (the page refreshes itself while one is
//! being made, and packing goes on if it is closed), the download, the
//! director's seal, and the remarks of the committee on each sealed step
//! with the Center's answers. Evaluators read it all and write remarks only.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::kpi::rounds;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;
use ruamjai_store::kpi::packs::PackState;
use serde::Deserialize;

use super::rounds_view::{RoundView, pack_line, seal_line};
use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::download::{ZIP, disk_download};
use crate::kit::{Flash, FormErrors, Names, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/staff/kpi/{fiscal_year}/rounds", get(show))
        .route("/staff/kpi/{fiscal_year}/packs", post(request))
        .route("/staff/kpi/{fiscal_year}/packs/{file}", get(download))
        .route("/staff/kpi/{fiscal_year}/seals", post(seal))
        .route("/staff/kpi/{fiscal_year}/seals/{round}/steps/{n}/comments", post(comment))
}

/// A form refused, to show again beside its round (and step).
pub(super) struct Refused {
    pub round: u8,
    pub step: Option<u8>,
    pub errors: FormErrors,
    pub text: String,
}

#[derive(Template)]
#[template(path = "kpi/rounds.html")]
struct RoundsTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    year: FiscalYear,
    rounds: Vec<RoundView>,
    may_pack: bool,
    may_seal: bool,
    may_comment: bool,
    working: bool,
    refused: Option<Refused>,
}

impl RoundsTemplate<'_> {
    fn refused_at(&self, round: &u8, step: Option<&u8>) -> Option<&Refused> {
        self.refused.as_ref().filter(|r| r.round == *round && r.step.as_ref() == step)
    }

    fn error(&self, round: &u8, step: Option<&u8>, field: &str) -> Option<&str> {
        self.refused_at(round, step).and_then(|r| r.errors.get(field))
    }

    fn typed(&self, round: &u8, step: Option<&u8>) -> &str {
        self.refused_at(round, step).map_or("", |r| r.text.as_str())
    }
}

pub(super) async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    year: FiscalYear,
    refused: Option<Refused>,
) -> Result<Response, AppError> {
    let caller = staff.caller();
    let packs = rounds::packs(&state.app, &caller, year).await?;
    let seals = rounds::seals(&state.app, &caller, year).await?;
    let evaluation = ruamjai_app::kpi::evaluate(&state.app, &caller, year, None).await?;
    let catalog = state.catalog().await?;
    let names = Names { locale: page.locale, catalog: &catalog };
    let rounds = Round::ALL
        .into_iter()
        .map(|round| RoundView {
            months: round.months(),
            label: page.locale.ta("sar-round", &[("round", round.months().into())]),
            packs: packs.iter().filter(|p| p.round == round).map(|p| pack_line(page, year, p)).collect(),
            seals: seals
                .iter()
                .filter(|s| s.seal.round == round)
                .map(|s| seal_line(page, &names, &evaluation, s))
                .collect(),
        })
        .collect();
    let working = packs.iter().any(|p| matches!(p.state, PackState::Queued | PackState::Running));
    let status = if refused.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let template = RoundsTemplate {
        page,
        nav: nav_for(staff),
        year,
        rounds,
        may_pack: caller.could(Subject::IndicatorValue, Action::Write),
        may_seal: caller.could(Subject::Indicator, Action::Approve),
        may_comment: caller.could(Subject::RoundComment, Action::Write),
        working,
        refused,
    };
    page.render_with_status(status, &template)
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(be): Path<i32>,
) -> Result<Response, AppError> {
    render(&state, &page, &staff, FiscalYear::from_be(be), None).await
}

#[derive(Deserialize, Default)]
struct RoundForm {
    #[serde(default)]
    round: String,
    #[serde(default)]
    reason: String,
}

fn round_of(raw: &str) -> Result<Round, AppError> {
    Round::parse(raw).map_err(|e| AppError::Invalid(vec![("round", e)]))
}

async fn request(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(be): Path<i32>,
    CsrfForm(form): CsrfForm<RoundForm>,
) -> Result<Response, AppError> {
    let year = FiscalYear::from_be(be);
    let round = round_of(&form.round)?;
    rounds::request_pack(&state.app, &staff.caller(), (year, round), super::pack_json()).await?;
    Ok(page.redirect(&format!("/staff/kpi/{be}/rounds#round-{}", round.months()), Flash::Created))
}

async fn download(
    State(state): State<AppState>,
    staff: Staff,
    Path((be, file)): Path<(i32, String)>,
) -> Result<Response, AppError> {
    pack_download(&state, &staff.caller(), be, &file).await
}

/// A finished pack, `{id}.zip`, streamed from the pack folder.
pub(super) async fn pack_download(
    state: &AppState,
    caller: &ruamjai_app::Caller,
    be: i32,
    file: &str,
) -> Result<Response, AppError> {
    let id: i64 = file.strip_suffix(".zip").and_then(|id| id.parse().ok()).ok_or(AppError::NotFound)?;
    let (job, path) = rounds::pack_file(&state.app, caller, FiscalYear::from_be(be), id).await?;
    let name = format!("ruamjai-kpi-{be}-r{}-{id}.zip", job.round.months());
    disk_download(&path, &name, ZIP).await
}

async fn seal(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(be): Path<i32>,
    CsrfForm(form): CsrfForm<RoundForm>,
) -> Result<Response, AppError> {
    let year = FiscalYear::from_be(be);
    let round = round_of(&form.round)?;
    match rounds::seal(&state.app, &staff.caller(), (year, round), &form.reason).await {
        Ok(_) => Ok(page.redirect(&format!("/staff/kpi/{be}/rounds#round-{}", round.months()), Flash::Saved)),
        Err(ruamjai_app::Error::Invalid(refused)) => {
            let errors = FormErrors::of(page.locale, &refused);
            let refused = Refused { round: round.months(), step: None, errors, text: form.reason };
            render(&state, &page, &staff, year, Some(refused)).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Default)]
struct CommentForm {
    #[serde(default)]
    text: String,
}

async fn comment(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((be, round, n)): Path<(i32, String, u8)>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> Result<Response, AppError> {
    let year = FiscalYear::from_be(be);
    let round = round_of(&round)?;
    match rounds::comment(&state.app, &staff.caller(), (year, round, n), &form.text).await {
        Ok(_) => {
            Ok(page
                .redirect(&format!("/staff/kpi/{be}/rounds#seal-{}-step-{n}", round.months()), Flash::Saved))
        }
        Err(ruamjai_app::Error::Invalid(refused)) => {
            let errors = FormErrors::of(page.locale, &refused);
            let refused = Refused { round: round.months(), step: Some(n), errors, text: form.text };
            render(&state, &page, &staff, year, Some(refused)).await
        }
        Err(other) => Err(other.into()),
    }
}
