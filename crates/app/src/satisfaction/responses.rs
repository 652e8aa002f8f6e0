//! Answering a survey: the one path by which the page and the API record a
//! response. The survey's window, its privacy mode and the answers are
//! checked here, once; the response is written by the single writer that
//! commits the ones arriving together in one synced transaction.

use std::sync::Arc;

use ruamjai_domain::accounts::Email;
use ruamjai_domain::catalog::Name;
use ruamjai_domain::satisfaction::response::ResponseInput;
use ruamjai_domain::satisfaction::survey::Mode;
use ruamjai_store::StoreError;
use ruamjai_store::satisfaction::{Incoming, Respondent, ResponseRow, Source, Survey};
use time::OffsetDateTime;

use crate::secrets::token_hash;
use crate::{App, Caller, Error, Result};

/// Who answered, besides the answers, as far as the survey's mode asks.
#[derive(Debug, Default, Clone)]
pub struct Sender {
    /// The single-use link's secret, for a survey in token mode.
    pub token: String,
    pub name: String,
    pub email: String,
}

/// Whether the survey takes answers at `now`.
pub fn check_window(survey: &Survey, now: OffsetDateTime) -> Result<()> {
    if now < survey.opens_at {
        Err(Error::Refused("survey-not-open"))
    } else if now >= survey.closes_at {
        Err(Error::Gone("survey-closed"))
    } else {
        Ok(())
    }
}

/// Checks and records one response; says its id. Answers that do not fit
/// the questionnaire come back as `Error::InvalidItems`, each named by its
/// item.
#[tracing::instrument(skip_all, fields(survey = survey.id))]
pub async fn take(
    app: &App,
    caller: &Caller,
    survey: &Arc<Survey>,
    input: &ResponseInput,
    sender: &Sender,
    now: OffsetDateTime,
) -> Result<i64> {
    check_window(survey, now)?;
    let response = input
        .check(&survey.questionnaire)
        .map_err(|errors| Error::InvalidItems(errors.into_iter().map(|e| (e.field, e.error)).collect()))?;
    let respondent = match survey.mode {
        Mode::Anonymous => Respondent::Anonymous,
        Mode::Token if sender.token.trim().is_empty() => return Err(Error::Refused("token-unknown")),
        Mode::Token => Respondent::Token(token_hash(sender.token.trim())),
        Mode::Identified => identified(sender)?,
    };
    app.count_public_write(caller)?;
    let incoming = Incoming { survey: survey.clone(), response, respondent, source: Source::Web, now };
    match app.responses().record(incoming).await {
        Ok(id) => Ok(id),
        Err(StoreError::NotFound) if survey.mode == Mode::Token => Err(Error::Refused("token-unknown")),
        Err(other) => Err(other.into()),
    }
}

fn identified(sender: &Sender) -> Result<Respondent> {
    let mut errors = Vec::new();
    if let Err(e) = Name::parse(&sender.name) {
        errors.push(("respondent_name", e));
    }
    if let Err(e) = Email::parse(&sender.email) {
        errors.push(("respondent_email", e));
    }
    if errors.is_empty() {
        Ok(Respondent::Identified {
            name: sender.name.trim().to_owned(),
            email: sender.email.trim().to_owned(),
        })
    } else {
        Err(Error::Invalid(errors))
    }
}

/// The stored responses of one survey, page after page in the order they
/// came, as the caller may read them: an evaluator gets identified
/// respondents without their names and addresses.
pub struct ResponsePages {
    app: App,
    survey: i64,
    masked: bool,
}

/// Opens the responses of a survey the caller may read.
#[tracing::instrument(skip(app, caller))]
pub async fn pages(app: &App, caller: &Caller, id: i64) -> Result<(Survey, ResponsePages)> {
    let survey = super::surveys::of(app, caller, id).await?;
    let pages = ResponsePages { app: app.clone(), survey: id, masked: !caller.sees_personal_data() };
    Ok((survey, pages))
}

impl ResponsePages {
    /// Up to `limit` responses after the one with id `after` (0 to start).
    pub async fn after(&self, after: i64, limit: i64) -> Result<Vec<ResponseRow>> {
        let mut rows = self.app.store().response_page(self.survey, after, limit).await?;
        if self.masked {
            rows.iter_mut().for_each(|row| row.respondent = None);
        }
        Ok(rows)
    }
}
