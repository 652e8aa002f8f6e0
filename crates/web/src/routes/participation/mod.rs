//! Milestone 1 on the web: the public form, public tracking, and what the
//! form and the API share (filing a public submission).

pub mod form;
pub mod track;

use std::time::Instant;

use axum::Router;
use ruamjai_domain::participation::Channel;
use ruamjai_domain::participation::submission::{FieldErrors, SubmissionInput};
use ruamjai_store::participation::Filed;
use time::OffsetDateTime;

use crate::auth::ClientAddress;
use crate::auth::token::{random_token, token_hash};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().merge(form::router()).merge(track::router())
}

/// A public submission as filed: its code and the secret token that, with
/// the code, lets the person follow it.
pub struct Receipt {
    pub filed: Filed,
    pub token: String,
}

impl Receipt {
    /// The tracking page's address (relative to the site).
    pub fn tracking_path(&self) -> String {
        format!("/track?code={}&t={}", self.filed.code, self.token)
    }
}

/// Why a public submission was not filed.
pub enum Refusal {
    Fields(FieldErrors),
    Other(AppError),
}

impl From<AppError> for Refusal {
    fn from(error: AppError) -> Self {
        Self::Other(error)
    }
}

/// Checks, limits and files a submission from the public form or the API.
pub async fn file_public(
    state: &AppState,
    input: &SubmissionInput,
    channel: Channel,
    address: ClientAddress,
) -> Result<Receipt, Refusal> {
    let new = input.parse(channel).map_err(Refusal::Fields)?;
    if let Err(wait) = state.public_writes.check(address.0, Instant::now()) {
        return Err(AppError::TooManyRequests { retry_after_secs: wait.as_secs() + 1 }.into());
    }
    let token = random_token();
    match state.store.file_submission(&new, &token_hash(&token), None, OffsetDateTime::now_utc()).await {
        Ok(filed) => {
            // No personal data here: the code is enough to find the rest.
            tracing::info!(code = %filed.code, kind = new.kind.code(), channel = channel.code(), "submission filed");
            Ok(Receipt { filed, token })
        }
        Err(ruamjai_store::StoreError::InvalidField { field, error }) => {
            Err(Refusal::Fields(vec![(field, error)]))
        }
        Err(other) => Err(AppError::from(other).into()),
    }
}
