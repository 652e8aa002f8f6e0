//! The participation report of a fiscal year or half: counts by kind,
//! channel, service, group and month, answer times and the share answered
//! within target. It holds no one's name or contact, so every staff role
//! reads the whole Center's.

use ruamjai_docs::Labels;
use ruamjai_domain::calendar::format_month;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::report::{Period, Report};
use ruamjai_domain::participation::{Channel, Kind};
use ruamjai_i18n::{LabelKey, Locale, Names};
use time::Date;

use crate::{App, Caller, Error, Result};

#[tracing::instrument(skip(app, caller), fields(period = %period.code()))]
pub async fn of(app: &App, caller: &Caller, period: Period) -> Result<Report> {
    if caller.staff().is_none() && !matches!(caller, Caller::Command(_)) {
        return Err(Error::Unauthenticated);
    }
    Ok(app.store().participation_report(period).await?)
}

/// The words of the catalog and the messages, in the reader's language.
pub struct ReportWords<'a> {
    pub locale: Locale,
    pub catalog: &'a Catalog,
}

impl Labels for ReportWords<'_> {
    fn text(&self, key: &str) -> String {
        self.locale.t(key)
    }
    fn kind(&self, kind: Kind) -> String {
        self.locale.t(&kind.label_key())
    }
    fn channel(&self, channel: Channel) -> String {
        self.locale.t(&channel.label_key())
    }
    fn service(&self, code: Option<&str>) -> String {
        Names { locale: self.locale, catalog: self.catalog }.numbered_service(code)
    }
    fn group(&self, code: &str) -> String {
        Names { locale: self.locale, catalog: self.catalog }.group(code)
    }
    fn month(&self, first_day: Date) -> String {
        format_month(first_day, self.locale == Locale::Th)
    }
}
