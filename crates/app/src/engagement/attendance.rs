//! At the door: checking registrations in by code, and walk-ins.

use ruamjai_domain::accounts::policy::Action;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::engagement::registration::{CODE_LENGTH, NewRegistration, RegistrationCode};
use ruamjai_i18n::{Locale, Names};
use ruamjai_store::engagement::{Place, Registering, RegistrationView};

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

/// The sheet people sign at the door: everyone registered or walked in, in
/// order, with a box to sign (names left out for callers who may not see
/// the public's, as in `activities::registrations`).
pub struct SignInSheet {
    pub title: String,
    pub subtitle: String,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[tracing::instrument(skip(app, caller, catalog))]
pub async fn sign_in_sheet(
    app: &App,
    caller: &Caller,
    activity_id: i64,
    locale: Locale,
    catalog: &Catalog,
) -> Result<SignInSheet> {
    let (activity, _) = super::activities::detail(app, caller, activity_id).await?;
    let names = Names { locale, catalog };
    let rows = super::activities::registrations(app, caller, activity_id)
        .await?
        .into_iter()
        .filter(|r| matches!(r.place, Place::Registered | Place::WalkIn))
        .zip(1_u32..)
        .map(|(r, n)| {
            vec![
                n.to_string(),
                r.code.to_string(),
                r.name.unwrap_or_default(),
                r.organisation.unwrap_or_default(),
                names.group(&r.group_code),
                r.checked_in_at.map(|at| locale.datetime(at)).unwrap_or_default(),
                String::new(),
            ]
        })
        .collect();
    let headings = [
        "sheet-number",
        "registration-code",
        "activity-reg-name",
        "activity-reg-organisation",
        "participate-group",
        "activity-checked-in",
        "sheet-signature",
    ]
    .into_iter()
    .map(|key| locale.t(key))
    .collect();
    Ok(SignInSheet {
        title: format!("{}: {}", locale.t("sheet-title"), activity.title),
        subtitle: format!("{} · {}", locale.datetime(activity.starts_at), activity.venue),
        headings,
        rows,
    })
}
