//! Milestone 1 on the web: the public form, public tracking, and what the
//! form and the API share (filing a public submission).

pub mod consultations;
pub mod form;
pub mod track;
pub mod you_said;

use axum::Router;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::{MAX_FILES, NewAttachment};
use ruamjai_domain::hash::sha256_hex;
use ruamjai_domain::participation::submission::{FieldErrors, NewSubmission, SubmissionInput};
use ruamjai_domain::participation::{Channel, TrackingCode};
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::{Filed, Filing, FilingOutcome, IdempotencyKey};
use time::OffsetDateTime;

use crate::auth::ClientAddress;
use crate::auth::csrf::Upload;
use crate::{AppError, AppState, mail};
use ruamjai_app::secrets::{random_token, token_hash};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(form::router())
        .merge(track::router())
        .merge(consultations::router())
        .merge(you_said::router())
}

/// A submission as filed: its code and the secret token that, with the code,
/// lets the person follow it.
pub struct Receipt {
    pub filed: Filed,
    pub token: String,
}

impl Receipt {
    /// The tracking page's address (relative to the site).
    pub fn tracking_path(&self) -> String {
        format!("/track?code={}&t={}", self.filed.code, self.token)
    }

    /// The tracking page's absolute address.
    pub fn tracking_url(&self, state: &AppState) -> String {
        mail::tracking_url(&state.config.public_url, self.filed.code, &self.token)
    }
}

/// Why a submission was not filed.
pub enum Refusal {
    Fields(FieldErrors),
    Other(AppError),
}

impl From<AppError> for Refusal {
    fn from(error: AppError) -> Self {
        Self::Other(error)
    }
}

/// A client's `Idempotency-Key` and the body it came with.
pub struct Retry<'a> {
    pub key: &'a str,
    pub body: &'a [u8],
}

/// Checks, limits and files a submission from the public form or the API.
pub async fn file_public(
    state: &AppState,
    input: &SubmissionInput,
    channel: Channel,
    address: ClientAddress,
    uploads: &[Upload],
    retry: Option<Retry<'_>>,
) -> Result<Receipt, Refusal> {
    let (new, files) = check(input, channel, uploads)?;
    state.app.count_public_write(&address.caller()).map_err(AppError::from)?;
    let receipt = file_checked(state, &new, &files, None, retry).await?;
    // No personal data here: the code is enough to find the rest.
    tracing::info!(code = %receipt.filed.code, kind = new.kind.code(), channel = channel.code(), "submission filed");
    Ok(receipt)
}

/// Parses the fields and checks the files, reporting every problem at once.
pub fn check(
    input: &SubmissionInput,
    channel: Channel,
    uploads: &[Upload],
) -> Result<(NewSubmission, Vec<NewAttachment>), Refusal> {
    let parsed = input.parse(channel);
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let mut files = Vec::with_capacity(uploads.len());
    if uploads.len() > MAX_FILES {
        errors.push(("attachments", FieldError::TooManyFiles { max: MAX_FILES }));
    }
    for upload in uploads.iter().take(MAX_FILES) {
        match NewAttachment::check(&upload.file_name, upload.content.clone()) {
            Ok(file) => files.push(file),
            Err(error) => errors.push(("attachments", error)),
        }
    }
    match parsed {
        Ok(new) if errors.is_empty() => Ok((new, files)),
        _ => Err(Refusal::Fields(errors)),
    }
}

/// Files a checked submission with its files, its acknowledgement mail (when
/// the submitter gave an e-mail address) and the client's idempotency key.
pub async fn file_checked(
    state: &AppState,
    new: &NewSubmission,
    files: &[NewAttachment],
    logged_by: Option<&Actor>,
    retry: Option<Retry<'_>>,
) -> Result<Receipt, Refusal> {
    let key = retry.as_ref().map(|r| IdempotencyKey {
        key_hash: sha256_hex(r.key.as_bytes()),
        request_hash: sha256_hex(r.body),
        salt: random_token(),
    });
    let token = match (&retry, &key) {
        (Some(retry), Some(key)) => derived_token(retry.key, &key.salt),
        _ => random_token(),
    };
    let public_url = state.config.public_url.as_str();
    let token_hash = token_hash(&token);
    let acknowledge = |code: TrackingCode| {
        let to = new.contact.email.clone().expect("only called with an address");
        mail::acknowledgement(public_url, code, &token, to)
    };
    let filing = Filing {
        logged_by,
        attachments: files,
        acknowledgement: new.contact.email.is_some().then_some(&acknowledge as _),
        idempotency: key.as_ref(),
        ..Filing::plain(new, &token_hash, OffsetDateTime::now_utc())
    };
    match state.store.file(&filing).await {
        Ok(FilingOutcome::Filed(filed)) => Ok(Receipt { filed, token }),
        Ok(FilingOutcome::Replayed { filed, salt }) => {
            let key = retry.expect("a replay needs a key").key;
            Ok(Receipt { filed, token: derived_token(key, &salt) })
        }
        Err(ruamjai_store::StoreError::InvalidField { field, error }) => {
            Err(Refusal::Fields(vec![(field, error)]))
        }
        Err(other) => Err(AppError::from(other).into()),
    }
}

/// The token of a submission filed with an idempotency key: derived from the
/// key, which only the client knows, and a stored random salt, so that a
/// retry gets the same token back while the database keeps no secret.
fn derived_token(key: &str, salt: &str) -> String {
    let digest = sha256_hex(format!("ruamjai tracking token\0{key}\0{salt}").as_bytes());
    digest[..43].to_owned()
}
