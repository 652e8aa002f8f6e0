//! Milestone 1 on the web: the public form, tracking, consultations and
//! "you said, we did"; the staff inbox, logging, reports and moderation; the
//! submissions API; and what the form, the staff page and the API share
//! (checking and filing a submission).

pub(crate) mod api;
pub(crate) mod public;
pub(crate) mod staff;

use axum::Router;
use ruamjai_app::participation::filing;
use ruamjai_domain::attachment::{MAX_FILES, NewAttachment};
use ruamjai_domain::participation::Channel;
use ruamjai_domain::participation::submission::{NewSubmission, SubmissionInput};

use crate::auth::ClientAddress;
use crate::auth::csrf::Upload;
use crate::kit::Refusal;
use crate::{AppState, mail};

pub fn router() -> Router<AppState> {
    Router::new().merge(public::router()).merge(staff::router())
}

pub use api::{ApiDoc, router as api};

pub use ruamjai_app::participation::filing::{Receipt, Retry};

/// The tracking page's absolute address.
pub fn tracking_url(state: &AppState, receipt: &Receipt) -> String {
    mail::tracking_url(&state.config.public_url, receipt.filed.code, &receipt.token)
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
    file_checked(state, &address.caller(), &new, &files, retry).await
}

/// Parses the fields and checks the files, reporting every problem at once.
pub fn check(
    input: &SubmissionInput,
    channel: Channel,
    uploads: &[Upload],
) -> Result<(NewSubmission, Vec<NewAttachment>), Refusal> {
    let parsed = input.parse(channel);
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let (files, refused) = NewAttachment::check_all(uploads.iter().map(Upload::parts), MAX_FILES);
    errors.extend(refused.into_iter().map(|error| ("attachments", error)));
    match parsed {
        Ok(new) if errors.is_empty() => Ok((new, files)),
        _ => Err(Refusal::Fields(errors)),
    }
}

/// Files a checked submission through the use case, for the public or a
/// staff member logging what came by another channel.
pub async fn file_checked(
    state: &AppState,
    caller: &ruamjai_app::Caller,
    new: &NewSubmission,
    files: &[NewAttachment],
    retry: Option<Retry<'_>>,
) -> Result<Receipt, Refusal> {
    filing::file(&state.app, caller, new, files, retry).await.map_err(|error| match error {
        ruamjai_app::Error::Invalid(fields) => Refusal::Fields(fields),
        other => Refusal::Other(other.into()),
    })
}
