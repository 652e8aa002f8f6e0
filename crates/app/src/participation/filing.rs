//! Filing a submission: from the public form or the API (within the public
//! write limit, retried safely with an idempotency key), or logged by staff
//! for a call, letter, walk-in or meeting. The acknowledgement mail and the
//! files go in the same transaction.

use ruamjai_domain::accounts::Email;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::hash::sha256_hex;
use ruamjai_domain::participation::TrackingCode;
use ruamjai_domain::participation::submission::NewSubmission;
use ruamjai_store::participation::{Filed, Filing, FilingOutcome, IdempotencyKey, TrackedSubmission};

use crate::secrets::{random_token, token_hash};
use crate::{App, Caller, Error, Result, mail};

/// A client's `Idempotency-Key` and the request it came with.
#[derive(Debug, Clone, Copy)]
pub struct Retry<'a> {
    pub key: &'a str,
    pub body: &'a [u8],
}

/// A submission as filed: its code and the secret that, with the code, lets
/// the person follow it.
#[derive(Debug)]
pub struct Receipt {
    pub filed: Filed,
    pub token: String,
}

impl Receipt {
    /// The tracking page's address, relative to the site.
    pub fn tracking_path(&self) -> String {
        format!("/track?code={}&t={}", self.filed.code, self.token)
    }
}

/// Files a checked submission. The public counts against its write limit;
/// staff log what came by another channel (intake: any working role, the
/// submission then belongs to its service's division).
#[tracing::instrument(skip_all, fields(kind = new.kind.code(), channel = new.channel.code()))]
pub async fn file(
    app: &App,
    caller: &Caller,
    new: &NewSubmission,
    files: &[NewAttachment],
    retry: Option<Retry<'_>>,
) -> Result<Receipt> {
    let logged_by = match caller {
        Caller::Public { .. } => {
            app.count_public_write(caller)?;
            None
        }
        _ if caller.could(Subject::Submission, Action::Write) => Some(caller.may(
            Subject::Submission,
            Action::Write,
            ruamjai_domain::accounts::policy::Owner::Shared,
        )?),
        _ => return Err(Error::Forbidden),
    };
    let key = retry.as_ref().map(|r| IdempotencyKey {
        key_hash: sha256_hex(r.key.as_bytes()),
        request_hash: sha256_hex(r.body),
        salt: random_token(),
    });
    let token = match (&retry, &key) {
        (Some(retry), Some(key)) => derived_token(retry.key, &key.salt),
        _ => random_token(),
    };
    let token_hash = token_hash(&token);
    let acknowledge = |code: TrackingCode| {
        let to = new.contact.email.clone().expect("only called with an address");
        mail::acknowledgement(app.public_url(), code, &token, to)
    };
    let filing = Filing {
        logged_by: logged_by.as_ref(),
        attachments: files,
        acknowledgement: new.contact.email.is_some().then_some(&acknowledge as _),
        idempotency: key.as_ref(),
        ..Filing::plain(new, &token_hash, app.now())
    };
    let receipt = match app.store().file(&filing).await? {
        FilingOutcome::Filed(filed) => Receipt { filed, token },
        FilingOutcome::Replayed { filed, salt } => {
            let key = retry.expect("a replay needs a key").key;
            Receipt { filed, token: derived_token(key, &salt) }
        }
    };
    // No personal data here: the code is enough to find the rest.
    tracing::info!(code = %receipt.filed.code, "submission filed");
    Ok(receipt)
}

/// The token of a submission filed with an idempotency key: derived from the
/// key, which only the client knows, and a stored random salt, so that a
/// retry gets the same token back while the database keeps no secret.
fn derived_token(key: &str, salt: &str) -> String {
    let digest = sha256_hex(format!("ruamjai tracking token\0{key}\0{salt}").as_bytes());
    digest[..43].to_owned()
}

/// Sends a fresh tracking link to the address given at submission, when
/// `email` is that address. The answer is the same whether or not they
/// matched, so codes and addresses cannot be probed; each try counts
/// against the public write limit.
#[tracing::instrument(skip_all, fields(code = %code))]
pub async fn renew_tracking_link(app: &App, caller: &Caller, code: TrackingCode, email: Email) -> Result<()> {
    app.count_public_write(caller)?;
    let token = random_token();
    let mail = mail::tracking_link(app.public_url(), code, &token, email.clone());
    Ok(app.store().renew_tracking_token(code, &email, &token_hash(&token), &mail, app.now()).await?)
}

/// A submission as its submitter follows it, behind its code and secret;
/// `None` for an unknown code or a wrong secret alike.
pub async fn tracked(app: &App, code: TrackingCode, token: &str) -> Result<Option<TrackedSubmission>> {
    Ok(app.store().tracked_submission(code, &token_hash(token.trim())).await?)
}
