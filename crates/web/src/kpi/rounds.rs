//! Handing a round in, on one page per fiscal year: the evidence packs of
//! each round with their progress (the page refreshes itself while one is
//! being made, and packing goes on if it is closed), the download, the
//! director's seal, and the remarks of the committee on each sealed step
//! with the Center's answers. Evaluators read it all and write remarks only.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruamjai_app::kpi::rounds::{self, SealView};
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Evaluation, Kind, Round};
use ruamjai_store::kpi::packs::{PackJob, PackState};
use serde::Deserialize;

use super::view::code_label;
use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::download::{ZIP, disk_download, size_label};
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

pub(super) struct PackLine {
    pub id: i64,
    pub state: &'static str,
    pub state_label: String,
    pub done: i64,
    pub total: i64,
    /// The count of documents and files, once the pack has listed them.
    pub counted: bool,
    pub bytes: String,
    pub requested: String,
    pub href: Option<String>,
    pub error: Option<String>,
}

pub(super) struct CommentLine {
    pub by: String,
    pub role: String,
    pub at: String,
    pub body: String,
}

pub(super) struct SealedStep {
    pub number: u8,
    pub criterion: String,
    pub met: bool,
    /// What the step rested on when sealed, from the sealed evaluation.
    pub facts: Vec<(String, String)>,
    pub missing: Vec<String>,
    pub evidence: Vec<(String, String)>,
    pub comments: Vec<CommentLine>,
}

/// Step `number` of indicator `code` in a sealed evaluation (the API's JSON).
fn sealed_step<'a>(
    evaluation: &'a serde_json::Value,
    code: &str,
    number: u8,
) -> Option<&'a serde_json::Value> {
    let indicator = evaluation["indicators"].as_array()?.iter().find(|i| i["code"] == code)?;
    indicator["steps"].as_array()?.iter().find(|s| s["number"] == number)
}

/// The facts, gaps and evidence of a sealed step, as the reader's page words them.
fn sealed_details(names: &Names<'_>, step: Option<&serde_json::Value>) -> SealedDetails {
    let Some(step) = step else { return SealedDetails::default() };
    let text = |key: &str, v: &serde_json::Value| match v {
        serde_json::Value::Array(codes) if codes.is_empty() => "—".to_owned(),
        serde_json::Value::Array(codes) => codes
            .iter()
            .map(|c| code_label(names, key, c.as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(", "),
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        figure if key.ends_with("_pct") => format!("{figure} %"),
        figure => figure.to_string(),
    };
    let label = |key: &str| names.locale.t(&format!("kpi-fact-{}", key.replace('_', "-")));
    let facts = step["facts"]
        .as_object()
        .map(|facts| facts.iter().map(|(key, value)| (label(key), text(key, value))).collect())
        .unwrap_or_default();
    let list = |field: &str, item: &dyn Fn(&serde_json::Value) -> Option<(String, String)>| {
        step[field].as_array().map(|all| all.iter().filter_map(item).collect::<Vec<_>>()).unwrap_or_default()
    };
    let missing = list("missing", &|g| Some((g["text"].as_str()?.to_owned(), String::new())));
    let evidence =
        list("evidence", &|e| Some((e["title"].as_str()?.to_owned(), e["href"].as_str()?.to_owned())));
    SealedDetails { facts, missing: missing.into_iter().map(|(t, _)| t).collect(), evidence }
}

#[derive(Default)]
struct SealedDetails {
    facts: Vec<(String, String)>,
    missing: Vec<String>,
    evidence: Vec<(String, String)>,
}

pub(super) struct SealLine {
    pub sealed: String,
    pub reason: String,
    pub manifest: String,
    pub audit: String,
    pub superseded: bool,
    pub changed: Vec<String>,
    pub steps: Vec<SealedStep>,
}

pub(super) struct RoundView {
    pub months: u8,
    pub label: String,
    pub packs: Vec<PackLine>,
    pub seals: Vec<SealLine>,
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

fn pack_line(page: &Page, year: FiscalYear, job: &PackJob) -> PackLine {
    PackLine {
        id: job.id,
        state: job.state.code(),
        state_label: page.t(&format!("pack-state-{}", job.state.code())),
        done: job.done,
        total: job.total.max(1),
        counted: job.total > 0,
        bytes: size_label(job.bytes),
        requested: format!("{} · {}", job.requested_by, page.locale.datetime(job.requested_at)),
        href: (job.state == PackState::Done)
            .then(|| format!("/staff/kpi/{}/packs/{}.zip", year.be(), job.id)),
        error: job.error.clone(),
    }
}

/// Step `number` of indicator `code`: its criterion in the reader's language.
fn criterion(page: &Page, evaluation: &Evaluation, code: &str, number: u8) -> String {
    let indicator = evaluation.indicator(code).map(|r| &r.indicator);
    let step = indicator.and_then(|i| match &i.kind {
        Kind::Milestone { steps, .. } => steps.get(usize::from(number).saturating_sub(1)),
        Kind::Range { .. } => None,
    });
    step.map(|s| page.pick(&s.criterion_th, &s.criterion_en).to_owned()).unwrap_or_default()
}

fn seal_line(page: &Page, names: &Names<'_>, evaluation: &Evaluation, view: &SealView) -> SealLine {
    let seal = &view.seal;
    let step_name =
        |code: &str, n: u8| format!("{} {code} · {} {n}", page.t("kpi-indicator"), page.t("kpi-step"));
    let changed = view
        .changed_steps
        .iter()
        .map(|s| {
            let now = page.t(if s.met { "kpi-met" } else { "kpi-not-met" });
            format!("{} — {} {now}", step_name(&s.code, s.step), page.t("seal-now"))
        })
        .collect();
    let sealed: serde_json::Value = serde_json::from_str(&seal.evaluation_json).unwrap_or_default();
    let steps = seal
        .steps
        .iter()
        .map(|s| {
            let details = sealed_details(names, sealed_step(&sealed, &s.code, s.step));
            SealedStep {
                number: s.step,
                criterion: criterion(page, evaluation, &s.code, s.step),
                met: s.met,
                facts: details.facts,
                missing: details.missing,
                evidence: details.evidence,
                comments: view
                    .comments
                    .iter()
                    .filter(|c| c.step == s.step)
                    .map(|c| CommentLine {
                        by: c.by.clone(),
                        role: page.t(&format!("role-{}", c.role)),
                        at: page.locale.datetime(c.at),
                        body: c.body.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    SealLine {
        sealed: format!("{} · {}", seal.by, page.locale.datetime(seal.at)),
        reason: seal.reason.clone(),
        manifest: seal.manifest_sha256.clone(),
        audit: format!("{} · {}", seal.audit_seq, seal.audit_head),
        superseded: view.superseded,
        changed,
        steps,
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
