//! Who is asking. Every use case takes a `Caller` and asks it, once, whether
//! it may do what it is about to do.

use std::net::IpAddr;

use ruamjai_domain::accounts::policy::{self, Action, Owner, Subject};
use ruamjai_store::accounts::StaffUser;
use ruamjai_store::audit::Actor;

use crate::{Error, Result};

/// The one asking for a use case.
#[derive(Debug, Clone)]
pub enum Caller {
    /// A signed-in staff member, through a browser session or an API token.
    Staff(StaffUser),
    /// Someone of the public, known only by the address they came from.
    Public { address: IpAddr },
    /// An administrator's command on the server (`ruamjai …`), or a job of
    /// the server itself: it acts for the whole Center.
    Command(&'static str),
}

impl Caller {
    /// The staff member, if this is one.
    pub fn staff(&self) -> Option<&StaffUser> {
        match self {
            Self::Staff(user) => Some(user),
            _ => None,
        }
    }

    /// Refuses unless the caller may do `action` to a `subject` of `owner`;
    /// says who will be named in the audit log when it may.
    pub fn may(&self, subject: Subject, action: Action, owner: Owner<'_>) -> Result<Actor> {
        match self {
            Self::Command(name) => Ok(Actor::command(name)),
            Self::Public { .. } => Err(Error::Unauthenticated),
            Self::Staff(user) => {
                let division = user.division_code.as_deref();
                if policy::permits(user.role, division, subject, action, owner) {
                    Ok(Actor::user(user.id, &user.email))
                } else {
                    Err(Error::Forbidden)
                }
            }
        }
    }

    /// Whether the caller could do `action` to some `subject` at all: for
    /// offering a form or a button before anything is chosen.
    pub fn could(&self, subject: Subject, action: Action) -> bool {
        match self {
            Self::Command(_) => true,
            Self::Public { .. } => false,
            Self::Staff(user) => policy::reach(user.role, subject, action) != policy::Reach::Nothing,
        }
    }

    /// Whether names, addresses and phones of the public are shown to the caller.
    pub fn sees_personal_data(&self) -> bool {
        match self {
            Self::Command(_) => true,
            Self::Public { .. } => false,
            Self::Staff(user) => policy::sees_personal_data(user.role),
        }
    }

    /// The division of an officer or collector; `None` for center-wide roles.
    pub fn own_division(&self) -> Option<&str> {
        match self {
            Self::Staff(user) if user.role.needs_division() => user.division_code.as_deref(),
            _ => None,
        }
    }
}
