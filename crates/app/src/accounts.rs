//! Staff accounts: signing in and out, the accounts administrators keep,
//! API tokens, and the platform's own records (the audit log, the outbox).

use std::net::IpAddr;

use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::accounts::{Email, LoginThrottle, Password, ThrottleDecision};
use ruamjai_store::accounts::{NewUser, StaffUser};
use ruamjai_store::audit::{AuditEntryView, AuditReport};
use ruamjai_store::mail::OutboxEntry;
use time::Duration;

use crate::secrets::{random_token, token_hash};
use crate::{App, Caller, Error, Result, password};
use ruamjai_domain::accounts::FieldError;

/// A session just opened: the secret for the browser's cookie.
#[derive(Debug)]
pub struct Session {
    pub user: StaffUser,
    pub token: String,
}

/// Signs a staff member in. A failure says the same, and takes as long,
/// whether or not the e-mail exists (`Error::Unauthenticated`); failures are
/// counted per account and per address, and past the limit the password is
/// not even checked (`Error::TooManyRequests`).
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    app: &App,
    address: IpAddr,
    email: &str,
    candidate: String,
    lasts: Duration,
) -> Result<Session> {
    let now = app.now();
    let account_key = format!("account:{}", token_hash(&email.trim().to_lowercase()));
    let address_key = format!("address:{address}");
    let throttle = LoginThrottle::default();
    for key in [&account_key, &address_key] {
        let recent = app.store().login_failures_since(key, throttle.window_start(now)).await?;
        if let ThrottleDecision::Wait(wait) = throttle.decide(now, &recent) {
            let retry_after_secs = u64::try_from(wait.whole_seconds()).unwrap_or(0);
            return Err(Error::TooManyRequests { retry_after_secs });
        }
    }
    let account = match Email::parse(email) {
        Ok(email) => app.store().login_candidate(&email).await?,
        Err(_) => None,
    };
    let usable = account.filter(|(user, _)| !user.disabled);
    let stored_hash = usable.as_ref().map(|(_, hash)| hash.clone());
    let matched = password::verify_blocking(candidate, stored_hash).await?;
    let Some((user, _)) = usable.filter(|_| matched) else {
        app.store().record_login_failure(&[&account_key, &address_key], now).await?;
        return Err(Error::Unauthenticated);
    };
    app.store().clear_login_failures(&account_key).await?;
    let token = random_token();
    app.store().create_session(user.id, &token_hash(&token), &random_token(), now, now + lasts).await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(Session { user, token })
}

/// Ends the session of the cookie's secret.
pub async fn sign_out(app: &App, token: &str) -> Result<()> {
    Ok(app.store().delete_session(&token_hash(token)).await?)
}

pub async fn users(app: &App, caller: &Caller) -> Result<Vec<StaffUser>> {
    caller.may(Subject::Accounts, Action::Read, Owner::Center)?;
    Ok(app.store().list_users().await?)
}

/// Opens an account with its first password.
#[tracing::instrument(skip(app, caller, new, first_password), fields(role = new.role.as_str()))]
pub async fn add_user(
    app: &App,
    caller: &Caller,
    mut new: NewUser,
    first_password: Password,
) -> Result<StaffUser> {
    let actor = caller.may(Subject::Accounts, Action::Write, Owner::Center)?;
    new.password_hash = password::hash_blocking(first_password).await?;
    Ok(app.store().create_user(&actor, new).await?)
}

/// Sets the position an account signs under, as printed below its name on approvals.
#[tracing::instrument(skip(app, caller, email, job_title))]
pub async fn set_job_title(app: &App, caller: &Caller, email: &Email, job_title: &str) -> Result<()> {
    let actor = caller.may(Subject::Accounts, Action::Write, Owner::Center)?;
    let title =
        ruamjai_domain::text::Text::line(job_title, 200).map(|t| t.as_str().to_owned()).or_else(|e| {
            if e == FieldError::Required { Ok(String::new()) } else { Err(Error::field("job_title", e)) }
        })?;
    Ok(app.store().set_user_job_title(&actor, email, &title).await?)
}

/// Disables or enables an account. Nobody disables their own: that would
/// leave nobody to undo it.
#[tracing::instrument(skip(app, caller, email))]
pub async fn set_disabled(app: &App, caller: &Caller, email: &Email, disabled: bool) -> Result<StaffUser> {
    let actor = caller.may(Subject::Accounts, Action::Write, Owner::Center)?;
    if caller.staff().is_some_and(|me| me.email == email.as_str()) {
        return Err(Error::Forbidden);
    }
    Ok(app.store().set_user_disabled(&actor, email, disabled).await?)
}

/// A new API token for an active account; the secret is returned once and
/// only its hash is kept.
#[tracing::instrument(skip(app, caller, email))]
pub async fn issue_token(app: &App, caller: &Caller, email: &Email, label: &str) -> Result<String> {
    let actor = caller.may(Subject::Accounts, Action::Write, Owner::Center)?;
    let user = app.store().user_by_email(email).await?;
    if user.disabled {
        return Err(Error::Conflict("account-disabled"));
    }
    let token = random_token();
    app.store().create_api_token(&actor, user.id, &token_hash(&token), label).await?;
    Ok(token)
}

/// The chain checked from its first entry, and the latest entries.
pub async fn audit(app: &App, caller: &Caller, latest: i64) -> Result<(AuditReport, Vec<AuditEntryView>)> {
    caller.may(Subject::Audit, Action::Read, Owner::Center)?;
    Ok((app.store().verify_audit().await?, app.store().recent_audit(latest).await?))
}

/// The latest mail and how many wait to be sent.
pub async fn outbox(app: &App, caller: &Caller, latest: i64) -> Result<(Vec<OutboxEntry>, i64)> {
    caller.may(Subject::Outbox, Action::Read, Owner::Center)?;
    Ok((app.store().outbox(latest).await?, app.store().mail_waiting().await?))
}
