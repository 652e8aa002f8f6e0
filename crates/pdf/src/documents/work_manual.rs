//! A staff work manual in the layout Thai agencies print their SOPs in: a
//! cover, the approval block with signature lines, the revision history,
//! a table of contents, the sections, and the workflow as a landscape table
//! whose second column draws each step's flowchart symbol, joined to the
//! next row's by an arrow. Every page carries the document code and
//! revision at the top, "page x of y", and the revision's content hash at
//! the foot; a superseded revision prints under an "obsolete" watermark.

mod docx;

use serde::Serialize;

use super::report::Table;
use crate::{Document, Engine, PdfError};

const TEMPLATE: &str = include_str!("../templates/work_manual.typ");

#[derive(Debug, Clone, Serialize)]
pub struct WorkManual {
    pub cover: Cover,
    /// The running header: "WM-NET-NETWORK-01 · แก้ไขครั้งที่ 2", and
    /// "ยกเลิกแล้ว" after it when the revision is no longer in force.
    pub header: String,
    /// The foot of every page: "SHA-256 ของเนื้อหา: 3f9a…".
    pub footer: String,
    /// Across every page when the revision is no longer in force.
    pub watermark: Option<String>,
    pub approval: Approval,
    /// Revision, effective date, what changed, approved by.
    pub history: Table,
    /// "สารบัญ".
    pub contents_heading: String,
    /// The sections before the workflow, in print order.
    pub sections: Vec<Section>,
    pub workflow: Workflow,
    /// The sections after the workflow (standards, monitoring, references).
    pub closing: Vec<Section>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub organization: String,
    pub division: String,
    /// "คู่มือการปฏิบัติงาน".
    pub kicker: String,
    pub title: String,
    /// The title in the other language, smaller (empty for none).
    pub subtitle: String,
    /// Label and value: code, revision, effective date, service.
    pub facts: Vec<(String, String)>,
}

/// Who wrote, reviewed and approved the revision, each with a line to sign on.
#[derive(Debug, Clone, Serialize)]
pub struct Approval {
    pub heading: String,
    pub signers: Vec<Signer>,
    /// "ลงชื่อ".
    pub sign_label: String,
    /// "วันที่".
    pub date_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signer {
    /// "ผู้จัดทำ", "ผู้ทบทวน", "ผู้อนุมัติ".
    pub duty: String,
    /// Empty while the duty is not done yet: the line stays blank to sign by hand.
    pub name: String,
    pub position: String,
    pub date: String,
}

/// A numbered section: paragraphs, or a two-column table of pairs
/// (definitions: term → meaning; responsibilities: role → duties).
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub pairs: Option<Pairs>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pairs {
    pub columns: [String; 2],
    pub rows: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Workflow {
    pub heading: String,
    /// ลำดับ | ผังกระบวนการ | รายละเอียดงาน | ระยะเวลา | ผู้รับผิดชอบ |
    /// มาตรฐานคุณภาพ / จุดควบคุม | เอกสารที่เกี่ยวข้อง.
    pub columns: [String; 7],
    pub rows: Vec<FlowRow>,
    /// "ระยะเวลารวม 3 วันทำการ 2 ชั่วโมง", and the promise beside it.
    pub totals: Vec<String>,
    /// What the symbols mean, under the table.
    pub legend: Vec<(Symbol, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlowRow {
    pub number: String,
    pub symbol: Symbol,
    /// The short name drawn inside the symbol.
    pub label: String,
    /// Where the work goes when not simply down to the next row:
    /// "ใช่ → 5 · ไม่ใช่ → 2".
    pub branches: String,
    /// An arrow leads from this row's symbol down into the next row's.
    pub arrow_down: bool,
    pub detail: String,
    pub duration: String,
    pub responsible: String,
    pub standard: String,
    pub forms: String,
}

/// The standard flowchart symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Symbol {
    /// The rounded start and end.
    Terminator,
    Process,
    Decision,
    /// A page with a wavy foot.
    Document,
}

impl WorkManual {
    pub fn render(
        &self,
        engine: &Engine,
        date: time::Date,
        thai_numerals: bool,
    ) -> Result<Vec<u8>, PdfError> {
        engine.render(Document::of(TEMPLATE, self, date, thai_numerals)?)
    }
}
