//! Milestone 3 for the public: a survey's questionnaire on a phone, answered
//! without an account, with nothing pre-selected and every item reachable
//! by keyboard; and the one path by which the page and the API record a
//! response.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use ruamjai_app::satisfaction::responses;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::satisfaction::questionnaire::{Item, ItemKind};
use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
use ruamjai_domain::satisfaction::survey::Mode;
use ruamjai_store::satisfaction::Survey;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::auth::ClientAddress;
use crate::auth::csrf::CsrfForm;
use crate::kit::{FormErrors, Names};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/surveys/{id}", get(show).post(answer)).route("/surveys/{id}/thanks", get(thanks))
}

pub use ruamjai_app::satisfaction::responses::Sender;

#[derive(Template)]
#[template(path = "satisfaction/public/survey.html")]
struct SurveyTemplate<'a> {
    page: &'a Page,
    names: Names<'a>,
    c: &'a Survey,
    open: bool,
    /// The form as sent (field name, value), to show it again.
    sent: Vec<(String, String)>,
    errors: FormErrors,
}

impl SurveyTemplate<'_> {
    fn text<'b>(&self, th: &'b str, en: &'b str) -> &'b str {
        self.page.pick(th, en)
    }

    fn value(&self, field: &str) -> &str {
        self.sent.iter().find(|(f, _)| f == field).map_or("", |(_, v)| v.as_str())
    }

    fn chosen(&self, item: &Item, value: &str) -> bool {
        let field = format!("a-{}", item.code);
        self.sent.iter().any(|(f, v)| *f == field && v == value)
    }

    fn is_scale(&self, item: &Item) -> bool {
        item.kind == ItemKind::Scale
    }

    fn is_recommendation(&self, item: &Item) -> bool {
        item.kind == ItemKind::Recommendation
    }

    fn is_long_text(&self, item: &Item) -> bool {
        item.kind == ItemKind::LongText
    }

    fn is_short_text(&self, item: &Item) -> bool {
        item.kind == ItemKind::ShortText
    }

    fn choices(&self, item: &Item) -> Vec<(String, String, bool)> {
        match &item.kind {
            ItemKind::SingleChoice { options } => options
                .iter()
                .map(|o| (o.code.clone(), self.text(&o.text_th, &o.text_en).to_owned(), false))
                .collect(),
            ItemKind::MultipleChoice { options } => options
                .iter()
                .map(|o| (o.code.clone(), self.text(&o.text_th, &o.text_en).to_owned(), true))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The item's number across the whole form, as a paper questionnaire numbers it.
    fn number(&self, item: &Item) -> usize {
        self.c.questionnaire.items().position(|i| i.code == item.code).map_or(0, |n| n + 1)
    }

    /// Why the form is not shown: not open yet (and when it opens), or closed (and when it did).
    fn not_open_message(&self) -> String {
        let now = OffsetDateTime::now_utc();
        let (key, when) = if now < self.c.opens_at {
            ("survey-opens-on", self.c.opens_at)
        } else {
            ("survey-closed-on", self.c.closes_at)
        };
        self.page.locale.ta(key, &[("when", self.page.locale.datetime(when).into())])
    }

    fn needs_token(&self) -> bool {
        self.c.mode == Mode::Token
    }

    fn identified(&self) -> bool {
        self.c.mode == Mode::Identified
    }
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    t: String,
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(query): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let survey = state.public_survey(id).await?;
    let sent = vec![("t".to_owned(), query.t)];
    render(&state, &page, &survey, sent, &[], StatusCode::OK).await
}

async fn render(
    state: &AppState,
    page: &Page,
    survey: &Survey,
    sent: Vec<(String, String)>,
    errors: &[(String, FieldError)],
    status: StatusCode,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let template = SurveyTemplate {
        page,
        names: Names { locale: page.locale, catalog: &catalog },
        c: survey,
        open: survey.is_open(OffsetDateTime::now_utc()),
        sent,
        errors: FormErrors::of(page.locale, errors),
    };
    page.render_with_status(status, &template)
}

/// The form's fields in order: `a-<item>` answers (repeated for several
/// choices), `group`, `service`, and the sender's fields.
fn read_form(survey: &Survey, fields: &[(String, String)]) -> (ResponseInput, Sender) {
    let value = |name: &str| fields.iter().find(|(f, _)| f == name).map_or(String::new(), |(_, v)| v.clone());
    let mut answers: Vec<(String, AnswerInput)> = Vec::new();
    for item in survey.questionnaire.items() {
        let field = format!("a-{}", item.code);
        let values: Vec<String> =
            fields.iter().filter(|(f, _)| *f == field).map(|(_, v)| v.clone()).collect();
        let answer = match (&item.kind, values.len()) {
            (_, 0) => continue,
            (ItemKind::MultipleChoice { .. }, _) => AnswerInput::Many(values),
            (_, _) => AnswerInput::One(values.into_iter().next().unwrap_or_default()),
        };
        answers.push((item.code.clone(), answer));
    }
    let input = ResponseInput { group: value("group"), service: value("service"), answers };
    let sender =
        Sender { token: value("t"), name: value("respondent_name"), email: value("respondent_email") };
    (input, sender)
}

async fn answer(
    State(state): State<AppState>,
    page: Page,
    address: ClientAddress,
    Path(id): Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    if fields.iter().any(|(f, v)| f == "website" && !v.is_empty()) {
        tracing::info!("honeypot filled: survey response dropped");
        return Err(AppError::BadRequest);
    }
    let survey = state.public_survey(id).await?;
    let (input, sender) = read_form(&survey, &fields);
    let (caller, now) = (address.caller(), OffsetDateTime::now_utc());
    match responses::take(&state.app, &caller, &survey, &input, &sender, now).await.map_err(AppError::from) {
        Ok(_) => Ok(Redirect::to(&format!("/surveys/{id}/thanks")).into_response()),
        Err(AppError::InvalidItems(errors)) => {
            render(&state, &page, &survey, fields, &errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Invalid(errors)) => {
            let errors: Vec<_> = errors.into_iter().map(|(f, e)| (f.to_owned(), e)).collect();
            render(&state, &page, &survey, fields, &errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "satisfaction/public/survey_thanks.html")]
struct ThanksTemplate<'a> {
    page: &'a Page,
    c: Arc<Survey>,
}

async fn thanks(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let template = ThanksTemplate { page: &page, c: state.public_survey(id).await? };
    page.render(&template)
}
