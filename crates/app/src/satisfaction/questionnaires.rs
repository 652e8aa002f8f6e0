//! The Center's own questionnaires: the instrument a survey asks. They are
//! shared by every division. A name and questions are checked against every
//! earlier version; a version answered once is kept as it was, and the next
//! save makes a new one.

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::catalog::Name;
use ruamjai_domain::satisfaction::drafting::QuestionnaireInput;
use ruamjai_domain::satisfaction::standard::standard;
use ruamjai_store::StoreError;
use ruamjai_store::satisfaction::{QuestionnaireDetail, QuestionnaireSummary, SavedVersion};

use crate::{App, Caller, Error, Result};

/// What a new questionnaire starts from.
#[derive(Debug)]
pub enum Origin {
    Standard,
    /// The latest version of one of the Center's own.
    Copy(i64),
    /// Questions sent whole (the API).
    Typed(QuestionnaireInput),
}

impl Origin {
    /// "standard" (or nothing) or the id of a questionnaire to copy.
    pub fn parse(raw: &str) -> Result<Self> {
        match raw.trim() {
            "" | "standard" => Ok(Self::Standard),
            id => id.parse().map(Self::Copy).map_err(|_| invalid("from", FieldError::UnknownChoice)),
        }
    }
}

pub async fn list(app: &App, caller: &Caller) -> Result<Vec<QuestionnaireSummary>> {
    caller.may(Subject::Questionnaire, Action::Read, Owner::Shared)?;
    Ok(app.store().questionnaires().await?)
}

pub async fn of(app: &App, caller: &Caller, id: i64) -> Result<QuestionnaireDetail> {
    caller.may(Subject::Questionnaire, Action::Read, Owner::Shared)?;
    Ok(app.store().questionnaire(id).await?)
}

#[tracing::instrument(skip(app, caller, name))]
pub async fn create(app: &App, caller: &Caller, name: &str, origin: Origin) -> Result<SavedVersion> {
    let actor = caller.may(Subject::Questionnaire, Action::Write, Owner::Shared)?;
    let name = Name::parse(name).map_err(|e| invalid("name", e))?;
    let body = match origin {
        Origin::Standard => standard(),
        Origin::Copy(id) => {
            let detail = app.store().questionnaire(id).await.map_err(|e| match e {
                StoreError::NotFound => invalid("from", FieldError::UnknownChoice),
                other => other.into(),
            })?;
            detail.latest().cloned().ok_or(Error::NotFound)?
        }
        Origin::Typed(input) => input.parse(&[]).map_err(Error::InvalidItems)?,
    };
    Ok(app.store().create_questionnaire(&actor, name.as_str(), &body, app.now()).await?)
}

/// Saves over the latest version while nobody answered it, else as the next.
#[tracing::instrument(skip(app, caller, name, input))]
pub async fn save(
    app: &App,
    caller: &Caller,
    id: i64,
    name: &str,
    input: &QuestionnaireInput,
) -> Result<SavedVersion> {
    let actor = caller.may(Subject::Questionnaire, Action::Write, Owner::Shared)?;
    let detail = app.store().questionnaire(id).await?;
    let mut errors: Vec<(String, FieldError)> = Vec::new();
    let name = Name::parse(name).map_err(|e| errors.push(("name".into(), e))).ok();
    let body = input.parse(&detail.bodies).map_err(|more| errors.extend(more)).ok();
    let (Some(name), Some(body)) = (name, body) else {
        return Err(Error::InvalidItems(errors));
    };
    let saved = app.store().save_questionnaire(&actor, id, name.as_str(), &body, app.now()).await?;
    app.surveys_changed();
    Ok(saved)
}

fn invalid(field: &str, error: FieldError) -> Error {
    Error::InvalidItems(vec![(field.to_owned(), error)])
}
