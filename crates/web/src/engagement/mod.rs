//! Milestone 2 on the web. For the public: the calendar of activities, a
//! page per activity with its registration form, the registration itself
//! (code, QR code, cancel link) and the iCalendar feeds. For staff: the
//! activities, check-in, outcomes, the report, the directory and the
//! invitations. The activities API. And what registration on the page, at
//! the door and through the API share.

pub(crate) mod api;
mod public;
pub(crate) mod staff;

use axum::Router;
use ruamjai_app::engagement::registrations::{self, Taken};
use ruamjai_domain::engagement::registration::{RegistrationCode, RegistrationInput};
use serde::Deserialize;

use crate::AppState;
use crate::auth::ClientAddress;
use crate::kit::Refusal;

pub fn router() -> Router<AppState> {
    Router::new().merge(public::router()).merge(staff::router())
}

pub use api::{ApiDoc, router as api};

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

/// Registers someone of the public through the use case; refused fields
/// come back apart, for the form to show them again.
pub async fn register_public(
    state: &AppState,
    activity_id: i64,
    input: &RegistrationInput,
    address: ClientAddress,
) -> Result<Taken, Refusal> {
    let person = input.parse().map_err(Refusal::Fields)?;
    registrations::register(&state.app, &address.caller(), activity_id, &person).await.map_err(|error| {
        match error {
            ruamjai_app::Error::Invalid(fields) => Refusal::Fields(fields),
            other => Refusal::Other(other.into()),
        }
    })
}

/// The QR code of a registration code, as inline SVG for the page.
pub fn qr_svg(code: &RegistrationCode) -> String {
    ruamjai_docs::qr::svg(&code.to_string(), 200).unwrap_or_default()
}
