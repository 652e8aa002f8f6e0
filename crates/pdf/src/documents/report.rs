//! A formal report: the organization and title, a list of facts, an
//! optional bar chart drawn with Typst's own shapes (SVG text would not be
//! shaped), then tables, each with a heading and a note. The survey summary
//! is one; activity and indicator reports can be others.

use serde::Serialize;

use crate::{Document, Engine, PdfError};

const TEMPLATE: &str = include_str!("../templates/report.typ");

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub organization: String,
    pub title: String,
    pub subtitle: String,
    /// Label and value lines under the title (fiscal year, period, filter).
    pub facts: Vec<(String, String)>,
    pub chart: Option<Chart>,
    pub tables: Vec<Table>,
    /// Definitions and sources, in small type at the end.
    pub notes: Vec<String>,
    /// "ออกรายงานเมื่อ 25 พฤศจิกายน 2569".
    pub issued: String,
}

/// Horizontal bars, each split into three shares that add up to 100.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub heading: String,
    /// Names of the three shares, in the order of `Bar::shares`.
    pub legend: [String; 3],
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: String,
    /// Percentages, adding up to 100 (or all zero when nothing was counted).
    pub shares: [f64; 3],
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    pub heading: String,
    pub columns: Vec<String>,
    /// How wide each column is; columns of a fixed width hold numbers and
    /// are right-aligned.
    pub widths: Vec<Width>,
    pub rows: Vec<Row>,
    /// Said instead of the table when it has no rows.
    pub empty: String,
    pub note: String,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Width {
    /// A share of the width left (text columns).
    Share(f64),
    /// Centimetres (number columns).
    Cm(f64),
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    /// One cell makes a heading row across the table.
    pub cells: Vec<String>,
    /// A total or an overall line, set in bold.
    pub strong: bool,
}

impl Report {
    pub fn render(
        &self,
        engine: &Engine,
        date: time::Date,
        thai_numerals: bool,
    ) -> Result<Vec<u8>, PdfError> {
        engine.render(Document::of(TEMPLATE, self, date, thai_numerals)?)
    }
}
