//! Recording responses: each one's survey open, service and group among
//! the survey's own, token spent; then the answers and the cells they add
//! to, in the same transaction. A batch of many responses shares that
//! transaction (group commit), each keeping its own outcome.

use std::collections::BTreeMap;
use std::sync::Arc;

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::calendar::{bangkok_date, bangkok_midnight};
use ruamjai_domain::satisfaction::response::{Answer, NewResponse};
use ruamjai_domain::satisfaction::survey::Mode;
use ruamjai_domain::satisfaction::tally::delta;
use serde_json::json;
use time::OffsetDateTime;

use super::cells::{self, CellKey, Tally};
use super::tokens::spend_token;
use super::{Survey, month_of};
use crate::audit::{Actor, Change, append};
use crate::{Result, Store, StoreError, WriteTx, time_ms};

/// How a response came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Web,
    Paper,
}

impl Source {
    fn code(self) -> &'static str {
        match self {
            Self::Web => "web",
            Self::Paper => "paper",
        }
    }
}

/// Who answered, as far as the survey's mode lets it be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Respondent {
    Anonymous,
    /// The hash of a single-use token (token surveys).
    Token(String),
    Identified {
        name: String,
        email: String,
    },
}

/// A checked response on its way to the database.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub survey: Arc<Survey>,
    pub response: NewResponse,
    pub respondent: Respondent,
    pub source: Source,
    pub now: OffsetDateTime,
}

impl Store {
    /// Records a checked response in a transaction of its own. Refused: a
    /// survey not open at `now` (`survey`: not open), a service or group
    /// outside the survey, a token survey without a fresh token (unknown:
    /// not found; used: conflict).
    pub async fn record_response(
        &self,
        survey_id: i64,
        response: &NewResponse,
        respondent: Respondent,
        source: Source,
        now: OffsetDateTime,
    ) -> Result<i64> {
        let survey = Arc::new(self.survey(survey_id).await?);
        let incoming = Incoming { survey, response: response.clone(), respondent, source, now };
        self.record_batch(&[incoming]).await?.remove(0)
    }

    /// Records a batch in one transaction: one outcome per response, in
    /// order. A refused response writes nothing and leaves the others be.
    /// `Err`: the database failed, and nothing of the batch was written.
    pub async fn record_batch(&self, batch: &[Incoming]) -> Result<Vec<Result<i64>>> {
        let mut tx = self.begin_write().await?;
        let outcomes = write_batch(&mut tx, batch).await?;
        tx.commit().await?;
        Ok(outcomes)
    }

    /// Records paper responses keyed in from a sheet: every one or none.
    /// Allowed after the survey has closed (paper comes in late), counted
    /// in the month they are keyed in.
    pub async fn record_paper_responses(
        &self,
        actor: &Actor,
        survey_id: i64,
        responses: &[NewResponse],
        now: OffsetDateTime,
    ) -> Result<usize> {
        let survey = Arc::new(self.survey(survey_id).await?);
        let batch: Vec<Incoming> = responses
            .iter()
            .map(|response| Incoming {
                survey: survey.clone(),
                response: response.clone(),
                respondent: Respondent::Anonymous,
                source: Source::Paper,
                now,
            })
            .collect();
        let mut tx = self.begin_write().await?;
        for outcome in write_batch(&mut tx, &batch).await? {
            outcome?;
        }
        let change = Change {
            action: "import-paper-responses",
            entity: "survey",
            entity_id: &survey_id.to_string(),
            before: json!(null),
            after: json!({ "responses": responses.len() }),
        };
        append(&mut tx, self.office_id, actor, change).await?;
        tx.commit().await?;
        Ok(responses.len())
    }
}

/// Writes a batch: the responses one by one (each needs its id), then all
/// their answers in a few multi-row inserts, then each touched cell once.
pub(crate) async fn write_batch(tx: &mut WriteTx, batch: &[Incoming]) -> Result<Vec<Result<i64>>> {
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut answers = Vec::new();
    let mut tally = Tally::default();
    let mut versions = BTreeMap::new();
    for incoming in batch {
        let admitted = match admit(tx, incoming).await? {
            Ok(admitted) => admitted,
            Err(refusal) => {
                outcomes.push(Err(refusal));
                continue;
            }
        };
        let survey = &incoming.survey;
        let delta = delta(&survey.questionnaire, &incoming.response);
        let id = insert_response(tx, incoming, &admitted, delta.dissatisfied).await?;
        answers.extend(incoming.response.answers.iter().map(|(item, answer)| (id, item.as_str(), answer)));
        let key = CellKey {
            survey_id: survey.id,
            service_id: admitted.service_id,
            group_id: admitted.group_id,
            month: month_of(incoming.now),
        };
        tally.add(key, &delta);
        versions.entry(survey.version_id).or_insert(incoming.now);
        outcomes.push(Ok(id));
    }
    insert_answers(tx, &answers).await?;
    cells::add(tx, &tally).await?;
    lock_versions(tx, &versions).await?;
    Ok(outcomes)
}

/// What a response may be recorded with, once its checks have passed.
struct Admitted<'a> {
    service_id: i64,
    group_id: i64,
    identified: Option<(&'a str, &'a str)>,
}

/// The checks that need the survey or the database. The outer `Err` is a
/// database failure; the inner one a refusal, which has written nothing.
async fn admit<'a>(tx: &mut WriteTx, incoming: &'a Incoming) -> Result<Result<Admitted<'a>>> {
    let Incoming { survey, response, respondent, source, now } = incoming;
    if *source == Source::Web && !survey.is_open(*now) {
        return Ok(Err(StoreError::InvalidField { field: "survey", error: FieldError::NotOpen }));
    }
    let unknown = |field| StoreError::InvalidField { field, error: FieldError::UnknownChoice };
    let Some(service_id) = survey.service_id(response.service.as_str()) else {
        return Ok(Err(unknown("service_id")));
    };
    let Some(group_id) = survey.group_id(response.group.as_str()) else {
        return Ok(Err(unknown("group_id")));
    };
    let identified = match (survey.mode, respondent) {
        (Mode::Token, Respondent::Token(hash)) => {
            match spend_token(tx, survey.id, hash, *now).await {
                Ok(()) => {}
                Err(refusal @ (StoreError::NotFound | StoreError::Conflict(_))) => return Ok(Err(refusal)),
                Err(failure) => return Err(failure),
            }
            None
        }
        (Mode::Token, _) if *source == Source::Web => return Ok(Err(StoreError::NotFound)),
        (Mode::Identified, Respondent::Identified { name, email }) => Some((name.as_str(), email.as_str())),
        _ => None,
    };
    Ok(Ok(Admitted { service_id, group_id, identified }))
}

async fn insert_response(
    tx: &mut WriteTx,
    incoming: &Incoming,
    admitted: &Admitted<'_>,
    dissatisfied: bool,
) -> Result<i64> {
    let Incoming { survey, source, now, .. } = incoming;
    // Anonymous and token answers keep the day only: an instant could be
    // matched against a mail log or a door camera.
    let received_at = if survey.mode.keeps_instants() { *now } else { bangkok_midnight(bangkok_date(*now)) };
    Ok(sqlx::query_scalar(
        "INSERT INTO responses (survey_id, service_id, group_id, received_at, month, source, dissatisfied,
             respondent_name, respondent_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(survey.id)
    .bind(admitted.service_id)
    .bind(admitted.group_id)
    .bind(time_ms::to_ms(received_at))
    .bind(month_of(*now))
    .bind(source.code())
    .bind(i64::from(dissatisfied))
    .bind(admitted.identified.map(|(name, _)| name))
    .bind(admitted.identified.map(|(_, email)| email))
    .fetch_one(&mut **tx)
    .await?)
}

/// Rows per multi-row insert of answers (see [`cells::MAX_PARAMETERS`]).
const ANSWER_ROWS: usize = cells::MAX_PARAMETERS / 4;

async fn insert_answers(tx: &mut WriteTx, answers: &[(i64, &str, &Answer)]) -> Result<()> {
    for chunk in answers.chunks(ANSWER_ROWS) {
        let sql = format!(
            "INSERT INTO answers (response_id, item, score, value) VALUES {}",
            cells::placeholders(chunk.len(), 4)
        );
        let mut query = sqlx::query(&sql);
        for (id, item, answer) in chunk {
            let (score, value) = stored(answer);
            query = query.bind(*id).bind(*item).bind(score).bind(value);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// A version that has responses is locked: edits make a new version.
async fn lock_versions(tx: &mut WriteTx, versions: &BTreeMap<i64, OffsetDateTime>) -> Result<()> {
    for (version, now) in versions {
        sqlx::query("UPDATE questionnaire_versions SET locked_at = $1 WHERE id = $2 AND locked_at IS NULL")
            .bind(time_ms::to_ms(*now))
            .bind(version)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// How an answer is kept: a score, or a value (a choice, choices as JSON, a text).
fn stored(answer: &Answer) -> (Option<i64>, Option<String>) {
    match answer {
        Answer::Scale(score) => (score.map(i64::from), None),
        Answer::Recommendation(score) => (Some(i64::from(*score)), None),
        Answer::Choice(code) => (None, Some(code.clone())),
        Answer::Choices(codes) => (None, Some(json!(codes).to_string())),
        Answer::Text(text) => (None, Some(text.as_str().to_owned())),
    }
}
