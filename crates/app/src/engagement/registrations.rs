//! The public's side: registering for an activity, seeing the registration
//! behind its secret link, and cancelling it.

use ruamjai_domain::engagement::registration::{NewRegistration, RegistrationCode};
use ruamjai_store::engagement::{Activity, Place, Registering, RegistrationView};

use super::attendance::new_code;
use crate::secrets::{random_token, token_hash};
use crate::{App, Caller, Result, mail};

/// A registration as taken: where it stands, its code and its link's secret.
#[derive(Debug)]
pub struct Taken {
    pub place: Place,
    pub code: RegistrationCode,
    pub token: String,
}

/// Registers someone of the public (within the public write limit); beyond
/// the capacity the registration joins the waitlist. The confirmation with
/// the code and the link is mailed in the same transaction when the person
/// gave an address.
#[tracing::instrument(skip(app, caller, person))]
pub async fn register(
    app: &App,
    caller: &Caller,
    activity_id: i64,
    person: &NewRegistration,
) -> Result<Taken> {
    app.count_public_write(caller)?;
    let activity = app.store().activity(activity_id).await?;
    let (code, token) = (new_code(), random_token());
    let confirm = |place: Place| {
        let to = person.email.clone().expect("only called with an address");
        mail::registration_confirmation(app.public_url(), &activity, &code, &token, place, to)
    };
    let registering = Registering {
        activity_id,
        person,
        code: &code,
        token_hash: &token_hash(&token),
        confirmation: person.email.is_some().then_some(&confirm as _),
        now: app.now(),
    };
    let place = app.store().register(&registering).await?;
    Ok(Taken { place, code, token })
}

/// The registration behind a link's secret, with its activity; an unknown
/// secret is simply not found.
#[tracing::instrument(skip_all)]
pub async fn by_token(app: &App, token: &str) -> Result<(RegistrationView, Activity)> {
    let registration = app.store().registration_by_token(&token_hash(token)).await?;
    let activity = app.store().activity(registration.activity_id).await?;
    Ok((registration, activity))
}

/// Cancels the registration behind a link's secret; the first of the
/// waitlist takes the place and is told by mail.
#[tracing::instrument(skip_all)]
pub async fn cancel(app: &App, token: &str) -> Result<()> {
    app.store().cancel_registration(&token_hash(token), app.now(), &mail::promotion).await?;
    Ok(())
}
