//! The participation report of a fiscal year or half: counts by kind,
//! channel, service, group and month, answer times and the share answered
//! within target. It holds no one's name or contact, so every staff role
//! reads the whole Center's.

use ruamjai_domain::participation::report::{Period, Report};

use crate::{App, Caller, Error, Result};

#[tracing::instrument(skip(app, caller), fields(period = %period.code()))]
pub async fn of(app: &App, caller: &Caller, period: Period) -> Result<Report> {
    if caller.staff().is_none() && !matches!(caller, Caller::Command(_)) {
        return Err(Error::Unauthenticated);
    }
    Ok(app.store().participation_report(period).await?)
}
