//! Milestone 2 for the public: the calendar of activities, a page per
//! activity with its registration form, the registration itself (code, QR
//! code, cancel link) and the iCalendar feeds.

mod ical;
mod public;

pub use public::Names;

use std::time::Instant;

use axum::Router;
use ruamjai_domain::engagement::registration::{CODE_LENGTH, RegistrationCode, RegistrationInput};
use ruamjai_store::engagement::{Place, Registering};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::auth::ClientAddress;
use crate::auth::token::{random_token, token_hash};
use crate::routes::participation::Refusal;
use crate::{AppError, AppState, mail};

pub fn router() -> Router<AppState> {
    Router::new().merge(public::router()).merge(ical::router())
}

/// The person fields of the registration and walk-in forms.
#[derive(Debug, Deserialize)]
pub struct PersonForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    /// Hidden from people; bots fill it in.
    #[serde(default)]
    pub website: String,
}

impl PersonForm {
    pub fn input(self) -> RegistrationInput {
        RegistrationInput {
            name: self.name,
            organisation: self.organisation,
            group: self.group,
            email: self.email,
            phone: self.phone,
        }
    }
}

/// A registration as taken: where it stands, its code and its link's secret.
pub struct Taken {
    pub place: Place,
    pub code: RegistrationCode,
    pub token: String,
}

/// Checks, limits and records a public registration, mailing the
/// confirmation when the person gave an address.
pub async fn register_public(
    state: &AppState,
    activity_id: i64,
    input: &RegistrationInput,
    address: ClientAddress,
) -> Result<Taken, Refusal> {
    let person = input.parse().map_err(Refusal::Fields)?;
    if let Err(wait) = state.public_writes.check(address.0, Instant::now()) {
        return Err(AppError::TooManyRequests { retry_after_secs: wait.as_secs() + 1 }.into());
    }
    let activity = state.store.activity(activity_id).await.map_err(AppError::from)?;
    let code = new_code();
    let token = random_token();
    let public_url = state.config.public_url.as_str();
    let confirm = |place: Place| {
        let to = person.email.clone().expect("only called with an address");
        mail::registration_confirmation(public_url, &activity, &code, &token, place, to)
    };
    let registering = Registering {
        activity_id,
        person: &person,
        code: &code,
        token_hash: &token_hash(&token),
        confirmation: person.email.is_some().then_some(&confirm as _),
        now: OffsetDateTime::now_utc(),
    };
    match state.store.register(&registering).await {
        Ok(place) => Ok(Taken { place, code, token }),
        Err(ruamjai_store::StoreError::InvalidField { field, error }) => {
            Err(Refusal::Fields(vec![(field, error)]))
        }
        Err(other) => Err(AppError::from(other).into()),
    }
}

/// A fresh random registration code.
pub fn new_code() -> RegistrationCode {
    let mut bytes = [0_u8; CODE_LENGTH];
    getrandom::fill(&mut bytes).expect("the operating system's random source works");
    RegistrationCode::from_random(bytes)
}

/// The QR code of a registration code, as inline SVG for the page.
pub fn qr_svg(code: &RegistrationCode) -> String {
    ruamjai_docs::qr::svg(&code.to_string(), 200).unwrap_or_default()
}
