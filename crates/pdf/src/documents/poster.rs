//! An A4 poster with a large QR code, for a notice board or a service
//! counter: "scan to answer the survey", "scan to read the manual".

use serde::Serialize;

use crate::{Document, Engine, PdfError};

const TEMPLATE: &str = include_str!("../templates/poster.typ");

#[derive(Debug, Clone, Serialize)]
pub struct Poster {
    pub organization: String,
    /// The call, in large type: "ร่วมตอบแบบสำรวจความพึงพอใจ".
    pub heading: String,
    /// The call in English, smaller, under it (empty for none).
    pub heading_en: String,
    /// What the code leads to: the survey's or the service's name.
    pub title: String,
    /// A few short lines under the title (services covered, open until …).
    pub lines: Vec<String>,
    /// What to do: "สแกนคิวอาร์โค้ดด้วยกล้องโทรศัพท์ หรือเปิดลิงก์".
    pub instruction: String,
    /// The address the code holds, printed as well for those who type it.
    pub url: String,
    /// What the code is, for screen readers: "คิวอาร์โค้ดของลิงก์แบบสำรวจ".
    pub qr_alt: String,
    /// Small print at the bottom (privacy, contact).
    pub footer: Vec<String>,
}

impl Poster {
    /// The poster as PDF. `qr_svg` is the code of `url`, without Thai text
    /// (SVG text is not shaped reliably inside PDFs).
    pub fn render(
        &self,
        engine: &Engine,
        qr_svg: String,
        date: time::Date,
        thai_numerals: bool,
    ) -> Result<Vec<u8>, PdfError> {
        let document = Document::of(TEMPLATE, self, date, thai_numerals)?;
        engine.render(Document { assets: vec![("/qr.svg", qr_svg.into_bytes())], ..document })
    }
}
