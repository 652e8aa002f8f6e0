//! A citizen manual: the service's name, facts at a glance, then its
//! sections in the order of `domain.md`, the steps as a flowchart drawn with
//! Typst's own shapes (so Thai in the boxes is shaped like the body text)
//! and as a table, and the address of the manual page.

use ruamjai_domain::manual::flowchart::Chart;
use serde::Serialize;

use super::report::Table;
use crate::{Document, Engine, PdfError};

const TEMPLATE: &str = include_str!("../templates/manual.typ");

#[derive(Debug, Clone, Serialize)]
pub struct Manual {
    pub organization: String,
    /// Above the title: "คู่มือสำหรับประชาชน".
    pub kicker: String,
    /// The service's name.
    pub title: String,
    /// Label and value lines under the title (unit, standard time, fee, revision).
    pub facts: Vec<(String, String)>,
    pub blocks: Vec<Block>,
    /// "อ่านฉบับล่าสุดได้ที่ https://…", at the end.
    pub source: String,
    /// "ประกาศใช้เมื่อ 10 ตุลาคม 2569".
    pub issued: String,
}

/// One section of the manual.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Text {
        heading: String,
        paragraphs: Vec<String>,
        items: Vec<String>,
        /// Items are numbered (documents to bring) rather than bulleted.
        numbered: bool,
    },
    Steps {
        heading: String,
        /// "ระยะเวลาให้บริการรวม 3 วันทำการ 30 นาที".
        total: String,
        chart: Chart,
        caption: String,
        table: Table,
    },
}

impl Manual {
    pub fn render(
        &self,
        engine: &Engine,
        date: time::Date,
        thai_numerals: bool,
    ) -> Result<Vec<u8>, PdfError> {
        engine.render(Document::of(TEMPLATE, self, date, thai_numerals)?)
    }
}
