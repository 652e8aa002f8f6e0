//! Documents of ruamjai: spreadsheets, iCalendar feeds and QR codes now;
//! typeset PDF and charts as the issues that need them arrive.
//!
//! Nothing here knows about HTTP or the database: a document is made from
//! domain values and the words to label them with ([`Labels`]).

pub mod cells;
pub mod chart;
pub mod engagement;
pub mod flowchart;
pub mod ical;
pub mod kpi;
pub mod list;
pub mod participation;
pub mod qr;
pub mod satisfaction;
pub mod streamed;
pub mod table;
pub mod thumbnail;

use ruamjai_domain::participation::{Channel, Kind};
use time::Date;

/// The words a document is labelled with, in the reader's language.
pub trait Labels {
    /// A message by key (column headings, titles).
    fn text(&self, key: &str) -> String;
    fn kind(&self, kind: Kind) -> String;
    fn channel(&self, channel: Channel) -> String;
    /// A service by code; `None` is "general".
    fn service(&self, code: Option<&str>) -> String;
    fn group(&self, code: &str) -> String;
    /// A month as readers name it (`ต.ค. 2569`).
    fn month(&self, first_day: Date) -> String;
}

#[derive(Debug, thiserror::Error)]
#[error("could not write the spreadsheet: {0}")]
pub struct DocError(#[from] rust_xlsxwriter::XlsxError);
