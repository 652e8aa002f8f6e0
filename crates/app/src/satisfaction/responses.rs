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
use ruamjai_store::satisfaction::{Incoming, Respondent, Source, Survey};
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
