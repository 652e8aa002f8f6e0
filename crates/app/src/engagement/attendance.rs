//! At the door: checking registrations in by code, and walk-ins.

use ruamjai_domain::accounts::policy::Action;
use ruamjai_domain::engagement::registration::{CODE_LENGTH, NewRegistration, RegistrationCode};
use ruamjai_store::engagement::{Registering, RegistrationView};

use super::checked;
use crate::secrets::{random_token, token_hash};
use crate::{App, Caller, Error, Result};

/// Checks a registration in by the code it shows (case, spaces and dashes
/// do not matter).
#[tracing::instrument(skip(app, caller, raw_code))]
pub async fn check_in(
    app: &App,
    caller: &Caller,
    activity_id: i64,
    raw_code: &str,
) -> Result<RegistrationView> {
    let (_, actor) = checked(app, caller, activity_id, Action::Write).await?;
    let code = RegistrationCode::parse(raw_code).map_err(|reason| Error::field("code", reason))?;
    Ok(app.store().check_in(&actor, activity_id, &code, app.now()).await?)
}

/// Records someone who came without registering, as attended.
#[tracing::instrument(skip(app, caller, person))]
pub async fn walk_in(app: &App, caller: &Caller, activity_id: i64, person: &NewRegistration) -> Result<()> {
    let (_, actor) = checked(app, caller, activity_id, Action::Write).await?;
    let registering = Registering {
        activity_id,
        person,
        code: &new_code(),
        token_hash: &token_hash(&random_token()),
        confirmation: None,
        now: app.now(),
    };
    Ok(app.store().register_walk_in(&actor, &registering).await?)
}

/// A fresh random registration code.
pub fn new_code() -> RegistrationCode {
    let mut bytes = [0_u8; CODE_LENGTH];
    getrandom::fill(&mut bytes).expect("the operating system's random source works");
    RegistrationCode::from_random(bytes)
}
